// Finding 4 of the security review (second half): IDLE_MINUTES only closed
// rooms someone had joined and left, so a created room nobody joined stayed in
// memory for ever. Now it closes after UNJOINED_MINUTES (here 1.2 s); its
// saved session is kept and the trainer can still resume it.
import { describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { TestGame } from "../helpers/game-server.js";
import { useStoredGame } from "../helpers/stored-game.js";
import type { Store } from "../../server/store/index.js";

let game: TestGame;
let store: Store;
useStoredGame((g) => ({ game, store } = g), { UNJOINED_MINUTES: "0.02" });

async function gone(code: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if ((await matchMaker.query({ roomId: code })).length === 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("a room nobody joins", () => {
  it("closes after UNJOINED_MINUTES, and its saved session can still be resumed", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    expect(await gone(code)).toBe(true);
    await game.persister!.flush();
    expect(await store.loadSession(code)).not.toBeNull();
    const res = await fetch(`${game.url}/api/sessions/${code}/resume`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: hostKey }),
    });
    expect(await res.json()).toEqual({ code, resumed: true });
  });

  it("stays open while someone is in it", async () => {
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const board = await game.client().joinById(code, { kind: "board" });
    await new Promise((r) => setTimeout(r, 2500));
    expect(await matchMaker.query({ roomId: code })).toHaveLength(1);
    await board.leave();
  });
});
