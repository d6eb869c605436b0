// [RP] The report's maths (shared/rules/report.ts), from rows as the store
// keeps them: it agrees with the end-of-game summary on every team's profile,
// ranks tied teams by the one ranking (lock time, then number), and counts
// a skipped round nowhere but in its own row.
import { describe, expect, it } from "vitest";
import { Game } from "./testkit.js";
import { buildReport, type ReportInput, type ReportSessionInput } from "./report.js";
import { summarise } from "./summary.js";
import type { GameState } from "./types.js";

/** The rows the store writes from a game state (server/store/sql.ts), read back. */
function rowsOf(state: GameState): ReportInput {
  return {
    teams: state.teams.map((t) => ({ index: t.index, captain: t.captain, score: t.score, totalLockMs: t.totalLockMs, members: [...t.members] })),
    players: Object.values(state.players).map((p) => ({ id: p.id, name: p.name, team: p.team, roles: [...p.roles], present: true })),
    rounds: state.history.map((r, seq) => ({ seq, round: r.round, eventId: r.eventId, skipped: r.skipped })),
    results: state.history.flatMap((r, seq) =>
      r.results.map((t) => ({
        seq,
        team: t.team,
        choice: t.choice,
        roles: [...t.rolesCommitted],
        reason: t.reason,
        responsePoints: t.responsePoints,
        collabPoints: t.collabPoints,
        points: t.points,
        lockedBy: t.lockedBy,
        lockMs: t.lockMs,
        sent: t.sent,
        size: t.size,
        diagnosis: t.diagnosis,
        diagnosisPoints: t.diagnosisPoints,
      })),
    ),
    submissions: state.history.flatMap((r, seq) =>
      Object.entries(r.submissions).map(([playerId, s]) => ({ seq, playerId, team: s.team, prime: s.prime, diagnosis: s.diagnosis ?? null, committed: s.commit })),
    ),
  };
}

const sessionOf = (state: GameState): ReportSessionInput => ({
  code: "ABCDE",
  packId: "mini",
  phase: state.phase,
  createdAt: 1,
  updatedAt: 2,
  endedAt: null,
  teamCount: state.teams.length,
  playerCount: Object.keys(state.players).length,
  settings: state.settings,
});

/** Two teams of two; round 1: team 0 right (vision, volatility), team 1 not; round 2 skipped; round 3: both wrong. */
function played(showCondition: boolean): Game {
  const g = new Game({ showCondition });
  for (const [id, team] of [["a", 0], ["b", 0], ["c", 1], ["d", 1]] as const) g.join(id, team);
  g.do({ type: "start" }, { type: "next" });
  g.now += 5_000;
  g.do(
    { type: "submit", playerId: "a", prime: "vision", diagnosis: "volatility", commit: true },
    { type: "submit", playerId: "b", prime: "vision", diagnosis: "uncertainty", commit: true },
    { type: "submit", playerId: "c", prime: "clarity", diagnosis: "ambiguity", commit: false },
    { type: "reveal" },
    { type: "next" },
    { type: "next" },
    { type: "skip" },
    { type: "next" },
  );
  g.do({ type: "submit", playerId: "d", prime: "vision", diagnosis: "complexity", commit: true }, { type: "reveal" });
  return g;
}

describe("[RP1] the report agrees with the summary", () => {
  for (const showCondition of [false, true]) {
    it(`on every team's profile, rank and the hardest events (condition ${showCondition ? "shown" : "hidden"})`, () => {
      const g = played(showCondition);
      const summary = summarise(g.state, g.pack);
      const report = buildReport(sessionOf(g.state), g.pack, rowsOf(g.state));
      expect(report.teams.map((t) => t.teamNo)).toEqual(summary.ranking.map((t) => t.team + 1));
      for (const row of report.teams) {
        const s = summary.ranking.find((t) => t.team + 1 === row.teamNo)!;
        expect(row.rank).toBe(s.rank);
        expect(row.score).toBe(s.score);
        expect(row.byCondition).toEqual(s.byCondition);
        expect(row.bestChoices).toBe(s.bestChoices);
        expect(row.collaborationRate).toBeCloseTo(s.collaborationRate, 4);
        expect([row.diagnosisRight, row.diagnosisRounds]).toEqual([s.diagnosisRight, s.diagnosisRounds]);
        for (const [c, d] of Object.entries(s.diagnosisByCondition)) {
          expect(row.diagnosisByCondition[c as keyof typeof s.diagnosisByCondition]).toMatchObject(d);
        }
      }
      expect(report.events.map((e) => e.eventId)).toEqual(summary.hardestEvents.map((e) => e.eventId));
      for (const e of report.events) expect(e.successRate).toBeCloseTo(summary.hardestEvents.find((h) => h.eventId === e.eventId)!.successRate, 4);
    });
  }
  it("counts a team that read the condition right, and only when it was asked", () => {
    const hidden = buildReport(sessionOf(played(false).state), played(false).pack, rowsOf(played(false).state));
    const team1 = hidden.teams.find((t) => t.teamNo === 1)!;
    expect(team1.byCondition.volatility.points).toBeGreaterThan(0);
    // round 3: team 1 sent nothing (no choice, not counted); team 2 chose twice, read wrong twice
    expect([team1.diagnosisRight, team1.diagnosisRounds]).toEqual([1, 1]);
    expect(hidden.teams.find((t) => t.teamNo === 2)).toMatchObject({ diagnosisRight: 0, diagnosisRounds: 2 });
    expect(hidden.diagnoses.length).toBeGreaterThan(0);
    const shown = buildReport(sessionOf(played(true).state), played(true).pack, rowsOf(played(true).state));
    expect(shown.teams.every((t) => t.diagnosisRounds === 0)).toBe(true);
    expect(shown.diagnoses).toEqual([]);
  });
  it("leaves a skipped round out of the scores and keeps its row", () => {
    const g = played(false);
    const report = buildReport(sessionOf(g.state), g.pack, rowsOf(g.state));
    expect(report.session.roundsPlayed).toBe(3);
    expect(report.session.roundsScored).toBe(2);
    expect(report.rounds.filter((r) => r.skipped)).toEqual([expect.objectContaining({ roundNo: 2, teamNo: null, points: 0 })]);
    expect(report.events.map((e) => e.roundNo).sort()).toEqual([1, 3]);
  });
});

describe("[RP2] tied teams", () => {
  it("rank by lock time, then team number — as the summary does", () => {
    const g = played(true);
    const rows = rowsOf(g.state);
    const tie = (ms: [number, number]) => ({ ...rows, teams: rows.teams.map((t, i) => ({ ...t, score: 5, totalLockMs: ms[i]! })) });
    expect(buildReport(sessionOf(g.state), g.pack, tie([9_000, 4_000])).teams.map((t) => [t.teamNo, t.rank])).toEqual([[2, 1], [1, 2]]);
    expect(buildReport(sessionOf(g.state), g.pack, tie([4_000, 4_000])).teams.map((t) => [t.teamNo, t.rank])).toEqual([[1, 1], [2, 2]]);
    const state = { ...g.state, teams: g.state.teams.map((t, i) => ({ ...t, score: 5, totalLockMs: [9_000, 4_000][i]! })) };
    expect(summarise(state, g.pack).ranking.map((t) => t.team + 1)).toEqual([2, 1]);
  });
});
