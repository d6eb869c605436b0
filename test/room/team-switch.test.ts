// A phone that changes team — by itself in the lobby or moved by the trainer —
// sees its new team's votes, its own included, exactly as a phone that joined
// the team directly. (It used to keep decoding its old team's secret votes: the
// new team's vote map had never been introduced to it, every patch of it ended
// in `"refId" not found`, and the phone showed itself as "not sent".)
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { votesOf } from "../../shared/protocol/state-view.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RATE_PER_SECOND: "100" });
});
afterAll(async () => {
  await game?.close();
});

/** What the decoders complain about: a phone that cannot place a patch logs it (and shows stale votes). */
let complaints: string[] = [];
beforeEach(() => {
  complaints = [];
  for (const level of ["error", "warn", "log"] as const) {
    const original = console[level];
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const line = args.map(String).join(" ");
      if (/refId|Please report/i.test(line)) complaints.push(line);
      else original(...args);
    });
  }
});
afterEach(() => vi.restoreAllMocks());

async function join(code: string, name: string, team?: number) {
  const room: GameClientRoom = await game
    .client()
    .joinById(code, { kind: "player", name, device: newDevice(), ...(team === undefined ? {} : { team }) });
  const { playerId } = await new Promise<{ playerId: string }>((resolve) => room.onMessage("welcome", resolve));
  return { room, id: playerId };
}

const myTeam = (room: GameClientRoom, id: string) => [...room.state.teams].find((t) => [...t.members].some((m) => m.id === id));

describe("changing team", () => {
  for (const by of ["the participant, in the lobby", "the trainer"] as const) {
    it(`by ${by}: the phone sees its own vote and its teammates' in the new team`, async () => {
      const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
      const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
      const ayu = await join(code, "Ayu Lestari", 0);
      const dimas = await join(code, "Dimas Saputra", 1);
      const rizky = await join(code, "Rizky Hidayat", 1);
      await until(rizky.room, (s) => s.teams[1]?.members.length === 2, "Rizky seated in team 2");
      // let a few patches of the old team's votes reach Rizky first
      await until(rizky.room, (s) => s.teams[1]?.votes?.size === 2, "old team's vote entries");

      if (by === "the trainer") host.send("host", { action: "movePlayer", playerId: rizky.id, team: 0 });
      else rizky.room.send("team", { team: 0 });
      await until(rizky.room, (s) => s.teams[0]?.members.length === 2, "Rizky in team 1");

      host.send("host", { action: "start" });
      await until(host, (s) => s.phase === "briefing", "briefing");
      host.send("host", { action: "next" });
      await until(rizky.room, (s) => s.phase === "deciding", "deciding");

      rizky.room.send("submit", { option: 2, diagnosis: "complexity", commit: true });
      await until(rizky.room, () => votesOf(myTeam(rizky.room, rizky.id)!).some(([id]) => id === rizky.id), "Rizky sees his own vote");
      ayu.room.send("submit", { option: 0, diagnosis: "volatility", commit: false });
      await until(rizky.room, (s) => s.phase === "reveal" || votesOf(s.teams[0]!).length === 2, "Rizky sees Ayu's vote");
      // the teammate who never moved sees the same
      await until(ayu.room, (s) => s.phase === "reveal" || votesOf(s.teams[0]!).some(([id]) => id === rizky.id), "Ayu sees Rizky's vote");
      void dimas;
      expect(complaints).toEqual([]);
    });
  }
});
