// The compact reveal: what travels in `state.reveal` plus the card the page
// already has gives back the whole reveal, for every card of every pack.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPacks } from "./packs.js";
import { cardView, revealView, syncState } from "./sync.js";
import { GameRoomState } from "./state.js";
import { createGame, reduce, summarise } from "../shared/rules/index.js";
import type { Action } from "../shared/rules/types.js";
import { expandReveal, revealOf, type RevealView } from "../shared/view.js";
import { PRIMES, ROLES, type EventCard } from "../shared/scenario.js";
import type { GameState, TeamResult } from "../shared/rules/types.js";
import { DEFAULT_SCORING } from "../shared/scenario.js";
import { LOCK_CAUSES } from "../shared/view.js";

const { packs } = loadPacks([resolve(import.meta.dirname, "../scenarios")]);

function results(card: EventCard, n: number): TeamResult[] {
  return Array.from({ length: n }, (_, i) => {
    const choice = i === n - 1 ? null : PRIMES[i % 4]!;
    const responsePoints = choice ? card.options.find((o) => o.prime === choice)!.points : 0;
    return {
      team: i,
      choice,
      tally: { vision: i, understanding: 1, clarity: 0, agility: 2 },
      rolesCommitted: choice ? ROLES.filter((_r, k) => (i >> k) & 1) : [],
      reason: i % 2 ? `Alasan "${i}" — ✓` : "",
      responsePoints,
      collabPoints: choice ? (i % 3) - 1 : 0,
      points: responsePoints + (choice ? (i % 3) - 1 : 0),
      lockedBy: i === n - 1 ? null : LOCK_CAUSES[i % 4]!,
      lockMs: i === n - 1 ? null : i * 12345,
      sent: i,
      size: i + 1,
    };
  });
}

describe("compact reveal", () => {
  it("gives back the whole card, the best Primes and the results", () => {
    expect(packs.size).toBeGreaterThan(0);
    for (const pack of packs.values()) {
      pack.events.forEach((card, round) => {
        const res = results(card, 10);
        const game = { round, history: [{ round, eventId: card.id, skipped: false, results: res, submissions: {} }] } as unknown as GameState;
        const top = Math.max(...card.options.map((o) => o.points));
        const expected: RevealView = {
          round,
          card,
          best: PRIMES.filter((p) => card.options.some((o) => o.prime === p && o.points === top)),
          results: res,
        };
        const state = { card: JSON.stringify(cardView(pack, round)), reveal: JSON.stringify(revealView(pack, game)) };
        expect(revealOf(state)).toEqual(JSON.parse(JSON.stringify(expected)));
      });
    }
  });

  it("is much smaller than the whole card", () => {
    const pack = packs.get("banjir-bandang")!;
    const card = pack.events[0]!;
    const game = { round: 0, history: [{ round: 0, eventId: card.id, skipped: false, results: results(card, 8), submissions: {} }] } as unknown as GameState;
    const compact = JSON.stringify(revealView(pack, game)).length;
    const whole = JSON.stringify({ round: 0, card, best: [], results: results(card, 8) }).length;
    expect(compact).toBeLessThan(whole / 2);
  });

  it("reads nothing when the card and the reveal do not belong together", () => {
    const pack = packs.get("banjir-bandang")!;
    const game = { round: 1, history: [{ round: 1, eventId: "x", skipped: false, results: [], submissions: {} }] } as unknown as GameState;
    expect(expandReveal(cardView(pack, 0), revealView(pack, game))).toBeNull();
    expect(revealOf({ card: "", reveal: "" })).toBeNull();
  });
});

describe("incremental sync", () => {
  it("leaves the synced state as a full sync of the same game would, after every action", () => {
    const pack = packs.get("banjir-bandang")!;
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 20; run++) {
      let game = createGame({ packId: pack.id, teamCount: 3, roundSeconds: 60, maxTeamSize: 12, scoring: DEFAULT_SCORING }, run + 1);
      const state = new GameRoomState();
      let now = 1000;
      syncState(state, game, null, pack, now, summarise);
      const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
      for (let step = 0; step < 300; step++) {
        const id = ids[rnd(ids.length)]!;
        const pick: Action[] = [
          { type: "join", playerId: id, name: `N ${id}`, team: rnd(3) },
          { type: "join", playerId: id, name: `N ${id}` },
          { type: "submit", playerId: id, prime: PRIMES[rnd(4)]!, commit: rnd(2) === 0 },
          { type: "submit", playerId: id, prime: PRIMES[rnd(4)]!, commit: rnd(2) === 0 },
          { type: "chooseTeam", playerId: id, team: rnd(3) },
          { type: "movePlayer", playerId: id, team: rnd(3) },
          { type: "removePlayer", playerId: id },
          { type: "disconnect", playerId: id },
          { type: "reconnect", playerId: id },
          { type: "reason", playerId: id, text: `alasan ${step}` },
          { type: "lock", playerId: id },
          { type: "passCaptain", playerId: id },
          { type: "renamePlayer", playerId: id, name: `R ${step}` },
          { type: "start" },
          { type: "next" },
          { type: "reveal" },
          { type: "skip" },
          { type: "tick" },
        ];
        now += 500;
        const result = reduce(game, pick[rnd(pick.length)]!, { pack, now });
        if (!result.ok || result.state === game) continue;
        const prev = game;
        game = result.state;
        syncState(state, game, prev, pack, now, summarise);
        const fresh = new GameRoomState();
        syncState(fresh, game, null, pack, now, summarise);
        expect(state.toJSON()).toEqual(fresh.toJSON());
      }
    }
  });
});
