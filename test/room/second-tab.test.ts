// The same link opened in a second tab: the new tab resumes the seat with the
// stored reconnection token (the tabs share localStorage). Colyseus then drops
// the first tab's client but left its socket open and deaf — in class that
// phone froze on the lobby while the game went on. The first tab must be told
// its seat was opened elsewhere (close code 4100 without a removal message:
// the page shows "Dibuka di tempat lain" and offers to take the seat back),
// and the second tab plays on in the same seat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { CLOSE_REMOVED, SERVER_MESSAGES } from "../../shared/constants.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RECONNECT_SECONDS: "60" });
});
afterAll(async () => {
  await game?.close();
});

describe("the same seat opened in a second tab", () => {
  it("closes the first tab as replaced, and the second plays on in the seat", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 600 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const first: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Wayan Sudarta", team: 0, device: newDevice() });
    await until(host, (s) => [...(s.teams[0]?.members ?? [])].some((m) => m.name === "Wayan Sudarta" && m.connected), "seated");
    const removals: unknown[] = [];
    first.onMessage(SERVER_MESSAGES.removed, (m) => removals.push(m));
    const left = new Promise<number>((done) => first.onLeave((closeCode) => done(closeCode)));

    const second: GameClientRoom = await game.client().reconnect(first.reconnectionToken);
    expect(second.sessionId).toBe(first.sessionId);
    // the first tab hears it, at once: not removed, replaced
    const closeCode = await Promise.race([left, new Promise<string>((r) => setTimeout(() => r("still open"), 5000))]);
    expect(closeCode).toBe(CLOSE_REMOVED);
    expect(removals).toEqual([]);

    // the second tab is in the seat: connected, and its moves count
    await until(host, (s) => [...(s.teams[0]?.members ?? [])].some((m) => m.name === "Wayan Sudarta" && m.connected), "connected again");
    second.send("team", { team: 1 });
    await until(host, (s) => [...(s.teams[1]?.members ?? [])].some((m) => m.name === "Wayan Sudarta"), "moved by the second tab");
    expect(game.room(code).clients.length).toBe(2); // the host and the second tab, nothing left over
  });
});
