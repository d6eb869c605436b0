// A page from another build (another PROTOCOL_VERSION) is refused at join
// with PROTOCOL_MISMATCH, whose sentence (Indonesian and English) asks to
// reload the page; a page of this build, and a script that sends no version,
// get in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, type TestGame } from "../helpers/game-server.js";
import { PROTOCOL_VERSION } from "../../shared/constants.js";
import { common } from "../../shared/i18n/common.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame();
});
afterAll(async () => {
  await game?.close();
});

describe("the protocol version, checked at join", () => {
  it("refuses every kind of page from another build, with a reason that says to reload", async () => {
    const { code, hostKey } = await game.createRoom({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const joins = [
      { kind: "player", name: "Dewi Lestari", device: newDevice() },
      { kind: "host", hostKey },
      { kind: "board" },
      { kind: "observer" },
    ];
    for (const join of joins) {
      for (const protocol of [PROTOCOL_VERSION + 1, PROTOCOL_VERSION - 1]) {
        const refused = await game
          .client()
          .joinById(code, { ...join, protocol })
          .then(() => null, (e: Error) => e.message);
        expect(refused, `${join.kind} with protocol ${protocol}`).toBe("PROTOCOL_MISMATCH");
      }
    }
    expect(game.room(code).game.players).toEqual({});
    expect(common.id.reasons.PROTOCOL_MISMATCH).toMatch(/muat ulang/i);
    expect(common.en.reasons.PROTOCOL_MISMATCH).toMatch(/reload/i);
  });

  it("lets in a page of this build, and a join that names no version", async () => {
    const { code } = await game.createRoom({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const phone = await game.client().joinById(code, { kind: "player", name: "Dewi Lestari", device: newDevice(), protocol: PROTOCOL_VERSION });
    const board = await game.client().joinById(code, { kind: "board" });
    expect(Object.keys(game.room(code).game.players)).toHaveLength(1);
    await phone.leave(true);
    await board.leave(true);
  });
});
