// Guessing room codes is throttled per address (own file: the throttle
// lasts a minute for every wrong code from this address).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame();
});
afterAll(async () => {
  await game?.close();
});

describe("authority", () => {
  it("throttles an address after 10 wrong codes a minute, with a reason", async () => {
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const reasons: string[] = [];
    for (let i = 0; i < 12; i++) {
      const err = (await game.client().joinById(`ZZZZ${"23456789ABCD"[i]}`, { kind: "board" }).catch((e: Error) => e)) as Error;
      reasons.push(err.message);
    }
    expect(reasons.slice(0, 10).every((r) => r === "ROOM_NOT_FOUND")).toBe(true);
    expect(reasons.slice(10)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
    // the throttle stops guessing, not the class: the right code still joins from this address
    const board = await game.client().joinById(code, { kind: "board" });
    expect(board.roomId).toBe(code);
    await board.leave();
  });
});

