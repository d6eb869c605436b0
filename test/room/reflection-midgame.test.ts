// [RF-M] The reflection opened mid-game over real sockets: the trainer opens
// it at a card's reveal; before that, and once the class leaves the card, a
// phone's writing is refused with a reason; while open the phones write, the
// console and the board get the wall (open), the board may show it; what was
// written is kept to the final.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, refusals, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import type { ReflectionMessage, WallMessage } from "../../shared/protocol/messages.js";
import { entryOf } from "../../shared/rules/reflection.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RATE_PER_SECOND: "100" });
});
afterAll(async () => {
  await game?.close();
});

/** Messages of one type a client receives, from the join on. */
function inbox<T>(room: GameClientRoom, type: string) {
  const seen: T[] = [];
  room.onMessage(type, (m: T) => seen.push(m));
  return {
    seen,
    async next(test: (m: T) => boolean, label: string, ms = 8000): Promise<T> {
      const start = Date.now();
      for (;;) {
        const m = [...seen].reverse().find(test);
        if (m) return m;
        if (Date.now() - start > ms) throw new Error(`no ${label}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

async function waitFor(test: () => boolean, label: string, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("[RF-M] a reflection the trainer opens after a card", () => {
  it("is written only while open, reaches the wall, and is kept to the final", async () => {
    const created = await game.createRoom({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 600 });
    const code = created.code;
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey: created.hostKey });
    const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
    const hostWalls = inbox<WallMessage>(host, "wall");
    const boardWalls = inbox<WallMessage>(board, "wall");
    const a: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Siti Aminah", team: 0, device: newDevice() });
    const aReflection = inbox<ReflectionMessage>(a, "reflection");
    await until(host, (s) => s.teams[0]!.members.length === 1, "the player");
    const aId = host.state.teams[0]!.members[0]!.id;
    const aRefused = refusals(a);
    const hostRefused = refusals(host);

    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    // not at a briefing
    host.send("host", { action: "openReflection" });
    expect((await hostRefused.next()).reason).toBe("WRONG_PHASE");
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding", "deciding");
    host.send("host", { action: "reveal" });
    await until(a, (s) => s.phase === "reveal", "reveal");

    // before the trainer opens it: refused with a reason, nothing kept; the board may not show the wall
    a.send("reflect", { issue: "terlalu awal" });
    expect((await aRefused.next()).reason).toBe("WRONG_PHASE");
    host.send("board", { view: "wall" });
    expect((await hostRefused.next()).reason).toBe("WRONG_PHASE");
    expect(entryOf(game.room(code).game, aId).issue).toBe("");
    expect(boardWalls.seen).toHaveLength(0);

    host.send("host", { action: "openReflection" });
    const opened = await aReflection.next((m) => m.open, "the reflection, open");
    expect(opened.closed).toBe(false);
    expect((await boardWalls.next((m) => m.open, "the board's wall, open")).closed).toBe(false);
    await hostWalls.next((m) => m.open, "the console's wall, open");
    host.send("board", { view: "wall" });
    await until(board, (s) => s.boardView === 2, "the wall on the board");

    a.send("reflect", { issue: "Antrean layanan KTP", condition: "complexity" });
    await waitFor(() => entryOf(game.room(code).game, aId).issue === "Antrean layanan KTP", "the issue on the server");
    const counted = await boardWalls.next((m) => m.open && m.conditions.complexity === 1, "the wall counting the condition");
    expect(JSON.stringify(counted)).not.toContain(aId);

    // still open at the scoreboard; leaving the card closes it
    host.send("host", { action: "next" });
    await until(a, (s) => s.phase === "scoreboard", "scoreboard");
    a.send("reflect", { prime: "understanding" });
    await waitFor(() => entryOf(game.room(code).game, aId).prime === "understanding", "the prime on the server");
    host.send("host", { action: "next" });
    await until(board, (s) => s.phase === "briefing" && s.round === 1, "the next card");
    expect(board.state.boardView).toBe(0);
    await aReflection.next((m) => !m.open, "the reflection, closed");
    await boardWalls.next((m) => !m.open, "the board's wall, closed");
    a.send("reflect", { issue: "sesudah kartu" });
    expect((await aRefused.next()).reason).toBe("WRONG_PHASE");
    host.send("board", { view: "wall" });
    expect((await hostRefused.next()).reason).toBe("WRONG_PHASE");

    // kept to the final, where it opens again with what was written
    const before = aReflection.seen.length;
    host.send("host", { action: "end" });
    await until(a, (s) => s.phase === "final", "final");
    await waitFor(() => aReflection.seen.length > before, "the reflection at the final");
    const atFinal = aReflection.seen.at(-1)!;
    expect(atFinal.open).toBe(true);
    expect(atFinal.entry).toMatchObject({ issue: "Antrean layanan KTP", condition: "complexity", prime: "understanding" });
    host.send("board", { view: "wall" });
    await until(board, (s) => s.boardView === 2, "the wall on the board at the final");
  }, 60_000);
});
