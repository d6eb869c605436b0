// The compact reveal: what travels in the `texts` message plus the card the
// page already has gives back the whole reveal, for every card of every pack;
// and the synced state, patched action by action, equals a fresh full sync.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPacks } from "./packs.js";
import { cardView, revealView, syncState, textsOf, voteCoder } from "./sync.js";
import { GameRoomState } from "./state.js";
import { createGame, reduce, summarise } from "../shared/rules/index.js";
import type { Action } from "../shared/rules/types.js";
import { Countdown } from "../client/lib/countdown.js";
import { expandReveal, optionsInOrder, type RevealView } from "../shared/protocol/wire.js";
import { indonesianOnly } from "./room/texts.js";
import { RoomTexts } from "../client/lib/room-texts.js";
import { CONDITIONS, PRIMES, ROLES, type EventCard } from "../shared/scenario.js";
import { optionOrder } from "../shared/rules/order.js";
import type { GameState, TeamResult } from "../shared/rules/types.js";
import { DEFAULT_SCORING } from "../shared/scenario.js";
import { LOCK_CAUSES } from "../shared/protocol/wire.js";

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
      diagnosis: choice ? CONDITIONS[(i + 1) % 4]! : null,
      diagnosisTally: { volatility: 1, uncertainty: i, complexity: 0, ambiguity: 2 },
      diagnosisPoints: choice && CONDITIONS[(i + 1) % 4] === card.condition ? 2 : 0,
      points: responsePoints + (choice ? (i % 3) - 1 : 0) + (choice && CONDITIONS[(i + 1) % 4] === card.condition ? 2 : 0),
      lockedBy: i === n - 1 ? null : LOCK_CAUSES[i % 4]!,
      lockMs: i === n - 1 ? null : i * 12345,
      sent: i,
      size: i + 1,
    };
  });
}

describe("compact reveal", () => {
  it("gives back the whole card (options in display order), the best Primes and the results", () => {
    expect(packs.size).toBeGreaterThan(0);
    const settings = { orderSeed: 5 } as GameState["settings"];
    for (const pack of packs.values()) {
      pack.events.forEach((card, round) => {
        const res = results(card, 10);
        const game = { round, settings, history: [{ round, eventId: card.id, skipped: false, results: res, submissions: {} }] } as unknown as GameState;
        const top = Math.max(...card.options.map((o) => o.points));
        const expected: RevealView = {
          round,
          card: { ...card, options: optionsInOrder(card.options, optionOrder(5, round)) },
          best: PRIMES.filter((p) => card.options.some((o) => o.prime === p && o.points === top)),
          results: res,
        };
        // as it travels: through msgpack on the wire, here through JSON
        const texts = new RoomTexts();
        texts.take(JSON.parse(JSON.stringify({ card: cardView(pack, round, settings), reveal: revealView(pack, game) })));
        expect(texts.reveal({ phase: "reveal", round })).toEqual(JSON.parse(JSON.stringify(expected)));
      });
    }
  });

  it("is much smaller than the whole card", () => {
    const pack = packs.get("banjir-bandang")!;
    const card = pack.events[0]!;
    const game = { round: 0, settings: {}, history: [{ round: 0, eventId: card.id, skipped: false, results: results(card, 8), submissions: {} }] } as unknown as GameState;
    const compact = JSON.stringify(revealView(pack, game)).length;
    const whole = JSON.stringify({ round: 0, card, best: [], results: results(card, 8) }).length;
    expect(compact).toBeLessThan(whole / 2);
  });

  it("keeps the round being played and the one before, not every round", () => {
    const pack = packs.get("banjir-bandang")!;
    const texts = new RoomTexts();
    for (let round = 0; round < 5; round++) texts.take({ card: cardView(pack, round)! });
    expect(texts.card({ phase: "briefing", round: 4 })?.id).toBe(pack.events[4]!.id);
    expect(texts.card({ phase: "briefing", round: 3 })?.id).toBe(pack.events[3]!.id);
    expect(texts.card({ phase: "briefing", round: 2 })).toBeNull();
    expect(texts.card({ phase: "briefing", round: 0 })).toBeNull();
  });

  it("leaves the English out for an Indonesian phone, and nothing else", () => {
    const pack = packs.get("banjir-bandang")!;
    const card = pack.events[0]!;
    const game = { round: 0, settings: {}, history: [{ round: 0, eventId: card.id, skipped: false, results: results(card, 8), submissions: {} }] } as unknown as GameState;
    const whole = { card: cardView(pack, 0)!, reveal: revealView(pack, game)! };
    const id = indonesianOnly(whole);
    expect(JSON.stringify(id).length).toBeLessThan(JSON.stringify(whole).length * 0.7);
    const texts = new RoomTexts();
    texts.take(id);
    const reveal = texts.reveal({ phase: "reveal", round: 0 })!;
    const full = expandReveal(whole.card, whole.reveal)!;
    // the same reveal with every Text reduced to its Indonesian
    const strip = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(strip)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "en").map(([k, v]) => [k, strip(v)]))
          : value;
    expect(reveal).toEqual(strip(full));
    expect(JSON.stringify(reveal)).not.toContain(card.title.en!);
  });

  it("reads nothing when the card and the reveal do not belong together", () => {
    const pack = packs.get("banjir-bandang")!;
    const game = { round: 1, settings: {}, history: [{ round: 1, eventId: "x", skipped: false, results: [], submissions: {} }] } as unknown as GameState;
    expect(expandReveal(cardView(pack, 0), revealView(pack, game))).toBeNull();
    expect(new RoomTexts().reveal({ phase: "reveal", round: 0 })).toBeNull();
  });
});

describe("room texts", () => {
  const pack = packs.get("banjir-bandang")!;
  const played = (round: number) =>
    ({ round, phase: "reveal", settings: {}, history: [{ round, eventId: pack.events[round]!.id, skipped: false, results: [], submissions: {} }] }) as unknown as GameState;

  it("pairs a reveal with the card of its own round, whatever arrives first", () => {
    const texts = new RoomTexts();
    texts.take({ card: cardView(pack, 0)! });
    expect(texts.card({ phase: "deciding", round: 0 })?.id).toBe(pack.events[0]!.id);
    expect(texts.reveal({ phase: "deciding", round: 0 })).toBeNull(); // nothing to reveal yet
    texts.take({ reveal: revealView(pack, played(0))! });
    expect(texts.reveal({ phase: "reveal", round: 0 })?.card.id).toBe(pack.events[0]!.id);
    // the next card is broadcast before the patch that leaves the scoreboard
    texts.take({ card: cardView(pack, 1)! });
    expect(texts.reveal({ phase: "scoreboard", round: 0 })?.card.reflection).toEqual(pack.events[0]!.reflection);
    expect(texts.card({ phase: "briefing", round: 1 })?.id).toBe(pack.events[1]!.id);
    expect(texts.reveal({ phase: "briefing", round: 1 })).toBeNull();
    expect(texts.card({ phase: "final", round: 1 })).toBeNull();
  });

  it("holds what the room would send a late joiner in each phase", () => {
    let game = createGame({ packId: pack.id, teamCount: 2, roundSeconds: 60, maxTeamSize: 12, scoring: DEFAULT_SCORING }, 3);
    const step = (action: Action) => {
      const r = reduce(game, action, { pack, now: 1000 });
      if (!r.ok) throw new Error(r.reason);
      game = r.state;
    };
    expect(textsOf(game, pack, summarise)).toEqual({});
    step({ type: "join", playerId: "a", name: "Ani", team: 0 });
    step({ type: "start" });
    expect(Object.keys(textsOf(game, pack, summarise))).toEqual(["card"]);
    step({ type: "next" });
    step({ type: "submit", playerId: "a", prime: "vision", diagnosis: "volatility", commit: true });
    if (game.phase === "deciding") step({ type: "reveal" }); // the only player's vote may already have ended it
    expect(game.phase).toBe("reveal");
    const late = new RoomTexts();
    late.take(textsOf(game, pack, summarise));
    expect(late.reveal(game)?.results[0]?.choice).toBe("vision");
    step({ type: "end" });
    expect(game.phase).toBe("final");
    const end = textsOf(game, pack, summarise);
    expect(end.card).toBeUndefined();
    expect(end.summary?.ranking).toHaveLength(2);
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
      let game = createGame({ packId: pack.id, teamCount: 3, roundSeconds: 60, maxTeamSize: 12, scoring: DEFAULT_SCORING, orderSeed: run * 7919 }, run + 1);
      const state = new GameRoomState();
      let now = 1000;
      syncState(state, game, null, now, pack);
      const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
      for (let step = 0; step < 300; step++) {
        const id = ids[rnd(ids.length)]!;
        const pick: Action[] = [
          { type: "join", playerId: id, name: `N ${id}`, team: rnd(3) },
          { type: "join", playerId: id, name: `N ${id}` },
          { type: "submit", playerId: id, prime: PRIMES[rnd(4)]!, diagnosis: CONDITIONS[rnd(4)]!, commit: rnd(2) === 0 },
          { type: "submit", playerId: id, prime: PRIMES[rnd(4)]!, diagnosis: CONDITIONS[rnd(4)]!, commit: rnd(2) === 0 },
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
        syncState(state, game, prev, now, pack);
        const fresh = new GameRoomState();
        syncState(fresh, game, null, now, pack);
        expect(state.toJSON()).toEqual(fresh.toJSON());
        // every member keeps an entry in the votes ("" until they send): a vote changes a value, not the keys
        game.teams.forEach((team, i) => {
          const votes = state.teams[i]!.votes;
          expect(new Set(votes.keys())).toEqual(new Set([...team.members, ...Object.keys(team.votes)]));
          for (const id of team.members) {
            const vote = team.votes[id];
            expect(votes.get(id)).toBe(vote ? voteCoder(game, pack)(vote) : "");
          }
        });
      }
    }
  });
});

describe("the countdown on a page", () => {
  it("counts down between the room's patches, re-bases on each, and holds while paused", () => {
    let now = 0;
    const countdown = new Countdown(() => now);
    const state = { phase: "deciding" as const, round: 0, paused: false, timeLeft: 60 };
    expect(countdown.read(state)).toBe(60);
    now = 999;
    expect(countdown.read(state)).toBe(60);
    now = 3_100;
    expect(countdown.read(state)).toBe(57);
    // the room's patch every few seconds: counted from when it arrived
    state.timeLeft = 55;
    now = 5_200;
    expect(countdown.read(state)).toBe(55);
    now = 6_300;
    expect(countdown.read(state)).toBe(54);
    // paused: the value the room sent, frozen
    Object.assign(state, { paused: true, timeLeft: 54 });
    now = 20_000;
    expect(countdown.read(state)).toBe(54);
    // resumed with the same seconds: counting again from the resume
    state.paused = false;
    now = 21_000;
    expect(countdown.read(state)).toBe(54);
    now = 23_500;
    expect(countdown.read(state)).toBe(52);
    now = 200_000;
    expect(countdown.read(state)).toBe(0);
    // another phase: the room's value as it is
    expect(countdown.read({ ...state, phase: "reveal" as never, timeLeft: 0 })).toBe(0);
  });
});
