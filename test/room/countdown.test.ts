// The room patches the seconds left every few seconds, not every second; a page
// that joins between two patches gets the exact value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { TIME_SYNC_SECONDS } from "../../server/room/patching.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame();
});
afterAll(async () => {
  await game?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the timer on the wire", () => {
  it(`patches timeLeft every ${TIME_SYNC_SECONDS} s, and exactly for a page that joins in between`, async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 60 });
    const host = (await game.client().joinById(code, { kind: "host", hostKey })) as GameClientRoom;
    const phone = await game.client().joinById(code, { kind: "player", name: "Sari", team: 0, device: newDevice() });
    phone.onMessage("welcome", () => {});
    host.send("host", { action: "start" });
    await sleep(300);
    host.send("host", { action: "next" });
    const seen: number[] = [];
    let last = -1;
    host.onStateChange((s) => {
      if (s.phase === "deciding" && s.timeLeft !== last) seen.push((last = s.timeLeft));
    });
    await sleep(7_000);
    // 60 at the start of the round, then 55 (and perhaps 60 again for the first patch): never every second
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(seen.slice(1).every((v) => v % TIME_SYNC_SECONDS === 0)).toBe(true);
    // a board joining now gets the exact seconds, not the last patched value
    const room = game.room(code);
    const exact = Math.ceil((room.game.timer.deadline! - room.clock.currentTime) / 1000);
    expect(exact % TIME_SYNC_SECONDS).not.toBe(0);
    const board = (await game.client().joinById(code, { kind: "board" })) as GameClientRoom;
    await sleep(200);
    expect(Math.abs(board.state.timeLeft - exact)).toBeLessThanOrEqual(1);
    expect(board.state.timeLeft % TIME_SYNC_SECONDS).not.toBe(0);
    await Promise.all([host.leave(), board.leave(), phone.leave()]);
  });
});
