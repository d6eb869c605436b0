// Every scenarios/*.yaml played through the rules, lobby to final, with
// 3 teams × 4 players and varied votes. Fails loudly when no pack exists.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it, expect } from "vitest";
import { parse } from "yaml";
import { CONDITIONS, PRIMES, scoringOf, validatePack, type Pack } from "../scenario.js";
import type { Action, GameState } from "./types.js";
import { createGame, reduce, summarise } from "./index.js";

const DIR = resolve(import.meta.dirname, "../../scenarios");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"));

function play(pack: Pack): GameState {
  let now = 10_000;
  let state = createGame({ packId: pack.id, teamCount: 3, roundSeconds: 60, maxTeamSize: 12, scoring: scoringOf(pack) }, 7);
  const apply = (action: Action) => {
    const r = reduce(state, action, { pack, now });
    if (!r.ok) throw new Error(`${action.type} refused: ${r.reason}`);
    state = r.state;
  };
  for (let i = 0; i < 12; i++) apply({ type: "join", playerId: `p${i}`, name: `Pemain ${i}` });
  apply({ type: "start" });
  for (let round = 0; round < pack.events.length; round++) {
    apply({ type: "next" });
    for (let i = 0; i < 12; i++) {
      const id = `p${i}`;
      const team = state.teams[state.players[id]!.team]!;
      // Team 2 leaves one member silent so that its round ends by the clock.
      if (team.locked || (team.index === 2 && team.members[3] === id)) continue;
      now += 500;
      apply({ type: "submit", playerId: id, prime: PRIMES[(i * 3 + round) % 4]!, diagnosis: CONDITIONS[(i + round) % 4]!, commit: (i + round) % 2 === 0 });
    }
    if (state.phase === "deciding") {
      now += 61_000;
      apply({ type: "tick" });
    }
    expect(state.phase).toBe("reveal");
    apply({ type: "next" });
    apply({ type: "next" });
  }
  expect(state.phase).toBe("final");
  return state;
}

describe("scenario packs play lobby → final", () => {
  it("finds at least one pack in scenarios/", () => {
    if (files.length === 0) throw new Error(`no scenario packs found in ${DIR}`);
  });

  for (const file of files) {
    it(file, () => {
      const checked = validatePack(parse(readFileSync(join(DIR, file), "utf8")));
      if (!checked.ok) throw new Error(`${file}: ${checked.errors.join("; ")}`);
      const pack = checked.pack;
      const state = play(pack);
      expect(state.history).toHaveLength(pack.events.length);
      for (const team of state.teams) {
        const sum = state.history.reduce((s, r) => s + (r.results.find((x) => x.team === team.index)?.points ?? 0), 0);
        expect(team.score).toBe(sum);
      }
      const summary = summarise(state, pack);
      expect(summary.ranking.map((t) => t.rank)).toEqual([1, 2, 3]);
      expect(new Set(summary.ranking.map((t) => t.team))).toEqual(new Set([0, 1, 2]));
      expect(summary.hardestEvents).toHaveLength(pack.events.length);
    });
  }
});
