// The trainer drives the board from the console: the reveal's view, the
// sound level and the motion travel in the synced state; only the host may
// set them, every new reveal opens on the teams' results, and the motion
// stays as set across phases. The board is not counted as an observer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, refusals, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RATE_PER_SECOND: "100" });
});
afterAll(async () => {
  await game?.close();
});

describe("the board, driven from the console", () => {
  it("follows the host's view and volume, refuses anyone else's, and opens every reveal on the results", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
    const phone: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Wayan Sudarma", device: newDevice() });
    await until(board, (s) => s.volume === 6, "default volume");

    const boardRefusals = refusals(board);
    board.send("board", { view: "responses", volume: 10 });
    expect((await boardRefusals.next()).reason).toBe("NOT_HOST");
    const phoneRefusals = refusals(phone);
    phone.send("board", { volume: 0 });
    expect((await phoneRefusals.next()).reason).toBe("NOT_HOST");
    const hostRefusals = refusals(host);
    host.send("board", { volume: 11 });
    expect((await hostRefusals.next()).reason).toBe("BAD_MESSAGE");

    host.send("host", { action: "start" });
    await until(board, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    await until(board, (s) => s.phase === "deciding", "deciding");
    host.send("host", { action: "reveal" });
    await until(board, (s) => s.phase === "reveal", "reveal");
    host.send("board", { view: "responses", volume: 3 });
    await until(board, (s) => s.boardView === 1 && s.volume === 3, "the host's view and volume");
    expect(game.room(code).state.volume).toBe(3);

    host.send("host", { action: "next" }); // scoreboard
    host.send("host", { action: "next" }); // next card
    await until(board, (s) => s.phase === "briefing" && s.round === 1, "second card");
    host.send("host", { action: "next" });
    host.send("host", { action: "reveal" });
    await until(board, (s) => s.phase === "reveal" && s.round === 1, "second reveal");
    expect(board.state.boardView).toBe(0);
    expect(board.state.volume).toBe(3);
  });

  it("keeps the board calm once the trainer turns motion off, across phases; only the host may", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
    await game.client().joinById(code, { kind: "player", name: "Made Wirawan", device: newDevice() });
    await until(board, (s) => s.boardMotion === true, "motion on by default");
    const boardRefusals = refusals(board);
    board.send("board", { motion: false });
    expect((await boardRefusals.next()).reason).toBe("NOT_HOST");
    const hostRefusals = refusals(host);
    host.send("board", { motion: "no" });
    expect((await hostRefusals.next()).reason).toBe("BAD_MESSAGE");
    expect(game.room(code).state.boardMotion).toBe(true);

    host.send("board", { motion: false });
    await until(board, (s) => s.boardMotion === false, "motion off");
    host.send("host", { action: "start" });
    await until(board, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    host.send("host", { action: "reveal" });
    await until(board, (s) => s.phase === "reveal", "reveal");
    expect(board.state.boardMotion).toBe(false);
    host.send("board", { motion: true });
    await until(board, (s) => s.boardMotion === true, "motion on again");
  });

  it("counts observers, not the board", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
    await game.client().joinById(code, { kind: "board" });
    await new Promise((r) => setTimeout(r, 300));
    expect(game.room(code).state.observers).toBe(0);
    const observer: GameClientRoom = await game.client().joinById(code, { kind: "observer" });
    await until(host, (s) => s.observers === 1, "one observer");
    await observer.leave(true);
    await until(host, (s) => s.observers === 0, "no observer");
    expect(board.state.observers).toBe(0);
  });
});
