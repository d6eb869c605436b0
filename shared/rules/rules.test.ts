// The rules, tested through reduce(): every rule, every rejection reason
// (with the state left exactly as it was), tie-breaks, the clock, dealing.
import { describe, expect, it } from "vitest";
import { createGame, reduce, summarise, tallyTeam, rolesBalanced } from "./index.js";
import type { Action, GameState, Settings } from "./types.js";
import { DEFAULT_SCORING, PRIMES, ROLES, type Pack, type Prime } from "../scenario.js";

const option = (prime: Prime, points: number) => ({ prime, text: { id: prime }, points, reason: { id: `karena ${prime}` } });
const card = (id: string, condition: "volatility" | "uncertainty" | "complexity" | "ambiguity", best: Prime) => ({
  id,
  title: { id: `Kartu ${id}` },
  narrative: { id: "Sesuatu terjadi." },
  condition,
  conditionReason: { id: "Petunjuk." },
  options: PRIMES.map((p) => option(p, p === best ? 3 : 1)),
  rolesNeeded: ["government", "community"] as ("government" | "community")[],
  rolesHarmful: ["business"] as "business"[],
  reflection: { id: "Apa yang kita pelajari?" },
  value: "adaptif" as const,
});
const PACK: Pack = {
  id: "uji",
  title: { id: "Uji" },
  description: { id: "Paket uji" },
  language: "id",
  events: [card("a", "volatility", "vision"), card("b", "uncertainty", "understanding"), card("c", "complexity", "clarity")],
};
// The condition shown: these tests hold the rules of the response; the diagnosis has its own below.
const SETTINGS: Settings = { packId: "uji", teamCount: 2, roundSeconds: 60, maxTeamSize: 9, scoring: DEFAULT_SCORING, showCondition: true };

let now = 1_000;
const ctx = () => ({ pack: PACK, now });

function must(state: GameState, action: Action): GameState {
  const r = reduce(state, action, ctx());
  if (!r.ok) throw new Error(`${action.type} refused: ${r.reason}`);
  return r.state;
}

/** Expects a refusal with `reason` and that the input state is untouched. */
function refused(state: GameState, action: Action, reason: string): void {
  const before = structuredClone(state);
  const r = reduce(state, action, ctx());
  expect(r).toEqual({ ok: false, reason });
  expect(state).toEqual(before);
}

function lobby(players: [string, number][]): GameState {
  let s = createGame(SETTINGS, 7);
  for (const [id, team] of players) s = must(s, { type: "join", playerId: id, name: `Nama ${id}`, team });
  return s;
}

function deciding(players: [string, number][]): GameState {
  return must(must(lobby(players), { type: "start" }), { type: "next" });
}

describe("joining", () => {
  it("seats players, balances, names the first member captain", () => {
    let s = createGame(SETTINGS, 1);
    s = must(s, { type: "join", playerId: "a", name: "  Ani   Lestari ", team: undefined });
    s = must(s, { type: "join", playerId: "b", name: "Budi" });
    s = must(s, { type: "join", playerId: "c", name: "Cici" });
    expect(s.players.a!.name).toBe("Ani Lestari");
    expect(s.teams.map((t) => t.members)).toEqual([["a", "c"], ["b"]]);
    expect(s.teams[0]!.captain).toBe("a");
  });
  it("refuses bad names, taken names, unknown teams, a locked room and a full team", () => {
    const s = lobby([["a", 0]]);
    refused(s, { type: "join", playerId: "x", name: "   " }, "NAME_INVALID");
    refused(s, { type: "join", playerId: "x", name: "a\u0007b" }, "NAME_INVALID");
    refused(s, { type: "join", playerId: "x", name: "x".repeat(25) }, "NAME_INVALID");
    refused(s, { type: "join", playerId: "x", name: "nama A" }, "NAME_TAKEN");
    refused(s, { type: "join", playerId: "x", name: "Xena", team: 5 }, "UNKNOWN_TEAM");
    refused(must(s, { type: "lockRoom", locked: true }), { type: "join", playerId: "x", name: "Xena" }, "ROOM_LOCKED");
    let full = s;
    for (let i = 0; i < 8; i++) full = must(full, { type: "join", playerId: `f${i}`, name: `F${i}`, team: 0 });
    refused(full, { type: "join", playerId: "x", name: "Xena", team: 0 }, "ROOM_FULL");
  });
  it("passes captaincy on when the captain leaves, and the host can pass it", () => {
    let s = lobby([["a", 0], ["b", 0], ["c", 0]]);
    s = must(s, { type: "removePlayer", playerId: "a" });
    expect(s.teams[0]!.captain).toBe("b");
    s = must(s, { type: "passCaptain", playerId: "c" });
    expect(s.teams[0]!.captain).toBe("c");
    refused(s, { type: "passCaptain", playerId: "zz" }, "UNKNOWN_PLAYER");
  });
  it("lets players change team only in the lobby", () => {
    const s = lobby([["a", 0], ["b", 1]]);
    refused(s, { type: "chooseTeam", playerId: "a", team: 0 }, "SAME_TEAM");
    refused(s, { type: "chooseTeam", playerId: "a", team: 9 }, "UNKNOWN_TEAM");
    expect(must(s, { type: "chooseTeam", playerId: "a", team: 1 }).teams[1]!.members).toEqual(["b", "a"]);
    refused(must(s, { type: "start" }), { type: "chooseTeam", playerId: "a", team: 1 }, "WRONG_PHASE");
  });
});

describe("dealing role cards", () => {
  for (let n = 1; n <= 9; n++) {
    it(`a team of ${n} holds all five roles, balanced`, () => {
      const s = lobby(Array.from({ length: n }, (_, i) => [`p${i}`, 0] as [string, number]));
      const holdings = s.teams[0]!.members.map((id) => s.players[id]!.roles);
      expect(new Set(holdings.flat())).toEqual(new Set(ROLES));
      expect(holdings.every((h) => h.length >= 1)).toBe(true);
      expect(rolesBalanced(holdings)).toBe(true);
      if (n >= 5) expect(holdings.every((h) => h.length === 1)).toBe(true);
      else expect(holdings.flat()).toHaveLength(5);
    });
  }
  it("is repeatable for the same seed", () => {
    const a = lobby([["a", 0], ["b", 0], ["c", 0]]);
    const b = lobby([["a", 0], ["b", 0], ["c", 0]]);
    expect(a.players).toEqual(b.players);
  });
  it("keeps all five after leaves and moves", () => {
    let s = lobby(Array.from({ length: 7 }, (_, i) => [`p${i}`, i % 2] as [string, number]));
    s = must(s, { type: "removePlayer", playerId: "p0" });
    s = must(s, { type: "movePlayer", playerId: "p1", team: 0 });
    for (const t of s.teams) expect(new Set(t.members.flatMap((id) => s.players[id]!.roles))).toEqual(new Set(ROLES));
  });
});

describe("deciding", () => {
  it("refuses submissions out of phase, while paused and after the lock", () => {
    const l = lobby([["a", 0], ["b", 0]]);
    refused(l, { type: "submit", playerId: "a", prime: "vision", commit: true }, "WRONG_PHASE");
    refused(l, { type: "submit", playerId: "zz", prime: "vision", commit: true }, "UNKNOWN_PLAYER");
    let s = deciding([["a", 0], ["b", 0], ["c", 1]]);
    refused(must(s, { type: "pause" }), { type: "submit", playerId: "a", prime: "vision", commit: true }, "PAUSED");
    refused(s, { type: "lock", playerId: "a" }, "NOT_SENT");
    refused(s, { type: "lock", playerId: "b" }, "NOT_CAPTAIN");
    s = must(s, { type: "submit", playerId: "a", prime: "vision", commit: true });
    s = must(s, { type: "lock", playerId: "a" });
    expect(s.teams[0]!.lockedBy).toBe("captain");
    refused(s, { type: "submit", playerId: "b", prime: "vision", commit: true }, "TEAM_LOCKED");
    refused(s, { type: "lock", playerId: "a" }, "TEAM_LOCKED");
  });
  it("lets the captain give a short reason until the reveal", () => {
    const s = deciding([["a", 0], ["b", 0]]);
    refused(s, { type: "reason", playerId: "b", text: "x" }, "NOT_CAPTAIN");
    refused(s, { type: "reason", playerId: "a", text: "x".repeat(141) }, "REASON_TOO_LONG");
    expect(must(s, { type: "reason", playerId: "a", text: "  Data dulu  " }).teams[0]!.reason).toBe("Data dulu");
  });
  it("locks a team when every connected member has sent; an away member does not block", () => {
    let s = deciding([["a", 0], ["b", 0], ["c", 0], ["d", 1]]);
    s = must(s, { type: "disconnect", playerId: "c" });
    s = must(s, { type: "submit", playerId: "a", prime: "vision", commit: true });
    expect(s.teams[0]!.locked).toBe(false);
    s = must(s, { type: "submit", playerId: "b", prime: "vision", commit: false });
    expect(s.teams[0]!.lockedBy).toBe("all-sent");
    expect(s.phase).toBe("deciding"); // team 1 still open
    s = must(s, { type: "submit", playerId: "d", prime: "clarity", commit: true });
    expect(s.phase).toBe("reveal");
  });
});

describe("the tally", () => {
  const team = (votes: Record<string, [Prime, number]>, captain = "a") => ({
    members: Object.keys(votes),
    captain,
    votes: Object.fromEntries(Object.entries(votes).map(([id, [prime, at]]) => [id, { prime, diagnosis: null, commit: false, at }])),
  });
  it("takes the plurality", () => {
    expect(tallyTeam(team({ a: ["vision", 1], b: ["clarity", 2], c: ["clarity", 3] })).choice).toBe("clarity");
  });
  it("lets the captain break a tie", () => {
    expect(tallyTeam(team({ a: ["agility", 5], b: ["clarity", 1], c: ["clarity", 2], d: ["agility", 6] })).choice).toBe("agility");
  });
  it("else takes the earliest vote among the tied", () => {
    expect(tallyTeam(team({ a: ["vision", 1], b: ["clarity", 9], c: ["agility", 3], d: ["agility", 4], e: ["clarity", 2] })).choice).toBe("clarity");
  });
  it("gives no choice without votes", () => {
    expect(tallyTeam(team({}, "a")).choice).toBeNull();
  });
});

describe("scoring and the clock", () => {
  it("scores the response and the collaboration, and times out open teams", () => {
    let s = deciding([["a", 0], ["b", 0], ["c", 1]]);
    const gov = Object.values(s.players).filter((p) => p.team === 0);
    s = must(s, { type: "submit", playerId: "a", prime: "vision", commit: true });
    now += 61_000;
    s = must(s, { type: "tick" });
    expect(s.phase).toBe("reveal");
    const [r0, r1] = s.history[0]!.results;
    expect(r0!.lockedBy).toBe("timeout");
    expect(r0!.responsePoints).toBe(3);
    const committed = s.players.a!.roles;
    const needed = ["government", "community"].filter((r) => committed.includes(r as never)).length;
    const harmful = committed.includes("business") ? 1 : 0;
    const bonus = needed === 2 ? 2 : 0;
    expect(r0!.collabPoints).toBe(needed - harmful + bonus);
    expect(s.teams[0]!.score).toBe(r0!.points);
    expect(r1!.choice).toBeNull();
    expect(r1!.points).toBe(0);
    void gov;
  });
  it("a tick before the deadline changes nothing (same object)", () => {
    const s = deciding([["a", 0]]);
    const r = reduce(s, { type: "tick" }, ctx());
    expect(r.ok && r.state).toBe(s);
  });
  it("pause freezes the clock, resume and add time move the deadline", () => {
    let s = deciding([["a", 0]]);
    refused(s, { type: "resume" }, "NOT_PAUSED");
    now += 10_000;
    s = must(s, { type: "pause" });
    expect(s.timer.remainingMs).toBe(50_000);
    refused(s, { type: "pause" }, "PAUSED");
    now += 100_000;
    s = must(s, { type: "tick" });
    expect(s.phase).toBe("deciding");
    s = must(s, { type: "addTime", seconds: 30 });
    s = must(s, { type: "resume" });
    expect(s.timer.deadline).toBe(now + 80_000);
  });
  it("refuses host actions out of phase", () => {
    const l = lobby([["a", 0]]);
    refused(l, { type: "next" }, "WRONG_PHASE");
    refused(l, { type: "pause" }, "WRONG_PHASE");
    refused(l, { type: "reveal" }, "WRONG_PHASE");
    refused(l, { type: "addTime", seconds: 30 }, "WRONG_PHASE");
    refused(l, { type: "skip" }, "WRONG_PHASE");
    refused(createGame(SETTINGS, 1), { type: "start" }, "INVALID_SETTINGS");
    const b = must(l, { type: "start" });
    refused(b, { type: "start" }, "WRONG_PHASE");
    const f = must(b, { type: "end" });
    refused(f, { type: "end" }, "GAME_OVER");
    refused(f, { type: "join", playerId: "z", name: "Zed" }, "GAME_OVER");
    refused(f, { type: "next" }, "GAME_OVER");
  });
});

describe("a whole game", () => {
  it("plays lobby → final, skips a card, ranks by score then lock time", () => {
    let s = lobby([["a", 0], ["b", 0], ["c", 1], ["d", 1]]);
    s = must(s, { type: "start" });
    // card a: team 0 picks the best, team 1 a partial
    s = must(s, { type: "next" });
    s = must(s, { type: "submit", playerId: "a", prime: "vision", commit: false });
    s = must(s, { type: "submit", playerId: "b", prime: "vision", commit: false });
    s = must(s, { type: "submit", playerId: "c", prime: "agility", commit: false });
    s = must(s, { type: "submit", playerId: "d", prime: "agility", commit: false });
    expect(s.phase).toBe("reveal");
    s = must(s, { type: "next" });
    expect(s.phase).toBe("scoreboard");
    s = must(s, { type: "next" });
    expect([s.phase, s.round]).toEqual(["briefing", 1]);
    expect(s.teams.every((t) => Object.keys(t.votes).length === 0 && !t.locked)).toBe(true);
    s = must(s, { type: "skip" });
    expect([s.phase, s.round]).toEqual(["briefing", 2]);
    s = must(s, { type: "next" });
    s = must(s, { type: "reveal" });
    s = must(s, { type: "next" });
    s = must(s, { type: "next" });
    expect(s.phase).toBe("final");
    const summary = summarise(s, PACK);
    expect(summary.ranking.map((r) => r.team)).toEqual([0, 1]);
    expect(summary.ranking[0]!.score).toBe(3);
    expect(summary.ranking[1]!.score).toBe(1);
    expect(summary.hardestEvents.map((e) => e.eventId)).toEqual(["c", "a"]);
    expect(s.history.map((h) => h.skipped)).toEqual([false, true, false]);
  });
});
