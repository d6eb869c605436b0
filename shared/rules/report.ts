// The report of a session, from its stored rows (server/store/sql.ts reads
// them) and its pack: per round, team, player, event, condition, vote and
// reflection. Pure. The team profiles and event success rates are the
// summary's (shared/rules/summary.ts), the order of the teams the one ranking
// (shared/rules/ranking.ts); the report rounds its shares to 4 digits.
import { behaviourOf } from "../behaviours.js";
import { CONDITIONS, DEFAULT_SCORING, ROLES, packForRoute, type Condition, type EventCard, type Pack, type Prime, type Role } from "../scenario.js";
import type {
  DiagnosisReportRow,
  EventReportRow,
  PlayerReportRow,
  ReflectionReportRow,
  RoundReportRow,
  SessionReport,
  TeamReportRow,
  VoteReportRow,
} from "../protocol/report.js";
import { compareTeams } from "./ranking.js";
import type { ReflectionState } from "./reflection.js";
import { bestOf, eventSuccess, teamProfile, type TeamRound } from "./summary.js";
import type { Settings, TeamResult } from "./types.js";

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export interface ReportInput {
  teams: { index: number; captain: string | null; score: number; totalLockMs: number; members: string[] }[];
  players: { id: string; name: string; team: number; roles: Role[]; present: boolean }[];
  rounds: { seq: number; round: number; eventId: string; skipped: boolean }[];
  /** A team's result in a round as the store keeps it (no tallies; the roles it committed as `roles`). */
  results: (Omit<TeamResult, "tally" | "diagnosisTally" | "rolesCommitted"> & { seq: number; roles: Role[] })[];
  submissions: { seq: number; playerId: string; team: number; prime: Prime | null; diagnosis: Condition | null; committed: boolean }[];
  /** The closing reflection as the game keeps it (absent: none written). */
  reflection?: ReflectionState | undefined;
}

/** What the report needs of the stored session (a StoredSession has it). */
export type ReportSessionInput = Pick<SessionReport["session"], "code" | "packId" | "phase" | "createdAt" | "updatedAt" | "endedAt" | "teamCount" | "playerCount"> & {
  settings: Pick<Settings, "route" | "scoring" | "showCondition" | "roundSeconds">;
};

/** The report of a session from its stored rows and its pack. */
export function buildReport(session: ReportSessionInput, wholePack: Pack, input: ReportInput): SessionReport {
  // the cards the room played: the route the trainer chose, if any (rounds index into it)
  const pack = packForRoute(wholePack, session.settings.route);
  const cardOf = (round: number, eventId: string): EventCard | undefined => {
    const byIndex = pack.events[round];
    return byIndex && byIndex.id === eventId ? byIndex : pack.events.find((e) => e.id === eventId);
  };
  const scoring = session.settings.scoring ?? DEFAULT_SCORING;
  // the diagnosis is asked (and counted) unless the trainer showed the condition
  const asked = session.settings.showCondition !== true;
  const resultsBySeq = new Map<number, ReportInput["results"]>();
  for (const r of input.results) resultsBySeq.set(r.seq, [...(resultsBySeq.get(r.seq) ?? []), r]);
  const scoredRounds = input.rounds.filter((r) => !r.skipped);
  const scoredSeqs = new Set(scoredRounds.map((r) => r.seq));

  // per round, per team
  const rounds: RoundReportRow[] = [];
  for (const r of input.rounds) {
    const card = cardOf(r.round, r.eventId);
    const best = bestOf(card);
    const base = {
      roundNo: r.round + 1,
      eventId: r.eventId,
      eventTitle: card?.title ?? { id: r.eventId },
      condition: card?.condition ?? null,
      skipped: r.skipped,
    };
    const results = resultsBySeq.get(r.seq) ?? [];
    if (r.skipped || results.length === 0) {
      rounds.push({
        ...base,
        teamNo: null,
        diagnosis: null,
        diagnosisRight: false,
        diagnosisPoints: 0,
        choice: null,
        bestChoice: false,
        rolesCommitted: [],
        reason: "",
        responsePoints: 0,
        collabPoints: 0,
        points: 0,
        lockedBy: null,
        lockSeconds: null,
        sent: 0,
        size: 0,
      });
      continue;
    }
    for (const t of results) {
      rounds.push({
        ...base,
        teamNo: t.team + 1,
        diagnosis: t.diagnosis,
        diagnosisRight: t.diagnosis !== null && t.diagnosis === card?.condition,
        diagnosisPoints: t.diagnosisPoints,
        choice: t.choice,
        bestChoice: t.choice !== null && card !== undefined && t.responsePoints === best.points,
        rolesCommitted: ROLES.filter((role) => t.roles.includes(role)),
        reason: t.reason,
        responsePoints: t.responsePoints,
        collabPoints: t.collabPoints,
        points: t.points,
        lockedBy: t.lockedBy,
        lockSeconds: t.lockMs === null ? null : t.lockMs / 1000,
        sent: t.sent,
        size: t.size,
      });
    }
  }

  // per team
  const teamRows = input.teams.map((team) => {
    let responsePoints = 0;
    let collabPoints = 0;
    let diagnosisPoints = 0;
    const played: TeamRound[] = [];
    for (const r of scoredRounds) {
      const result = resultsBySeq.get(r.seq)?.find((x) => x.team === team.index);
      if (!result) continue;
      responsePoints += result.responsePoints;
      collabPoints += result.collabPoints;
      diagnosisPoints += result.diagnosisPoints;
      const card = cardOf(r.round, r.eventId);
      if (card) played.push({ card, ...result, rolesCommitted: result.roles });
    }
    const { byCondition, needed, committed, bestChoices, ...profile } = teamProfile(played, scoring, asked);
    const diagnosisByCondition = Object.fromEntries(
      CONDITIONS.map((c) => {
        const d = profile.diagnosisByCondition[c];
        return [c, { ...d, rate: d.rounds === 0 ? null : round(d.right / d.rounds, 4) }];
      }),
    ) as TeamReportRow["diagnosisByCondition"];
    const captain = team.captain ? (input.players.find((p) => p.id === team.captain)?.name ?? null) : null;
    const { diagnosisRight, diagnosisRounds } = profile;
    return {
      teamNo: team.index + 1,
      rank: 0,
      score: team.score,
      diagnosisPoints,
      responsePoints,
      collabPoints,
      diagnosisRight,
      diagnosisRounds,
      diagnosisRate: diagnosisRounds === 0 ? 0 : round(diagnosisRight / diagnosisRounds, 4),
      diagnosisByCondition,
      totalLockSeconds: team.totalLockMs / 1000,
      byCondition,
      collaborationRate: needed === 0 ? 0 : round(committed / needed, 4),
      bestChoices,
      members: team.members.length,
      captain,
      totalLockMs: team.totalLockMs,
    };
  });
  teamRows.sort((a, b) => compareTeams({ index: a.teamNo, score: a.score, totalLockMs: a.totalLockMs }, { index: b.teamNo, score: b.score, totalLockMs: b.totalLockMs }));
  const teams: TeamReportRow[] = teamRows.map(({ totalLockMs: _ms, ...row }, i) => ({ ...row, rank: i + 1 }));

  // per player
  const roundBySeq = new Map(input.rounds.map((r) => [r.seq, r]));
  const sentBy = new Map<string, { sent: number; committed: number; diagnosed: number; right: number }>();
  for (const s of input.submissions) {
    if (!scoredSeqs.has(s.seq)) continue;
    const entry = sentBy.get(s.playerId) ?? { sent: 0, committed: 0, diagnosed: 0, right: 0 };
    entry.sent++;
    if (s.committed) entry.committed++;
    const r = roundBySeq.get(s.seq);
    const card = r ? cardOf(r.round, r.eventId) : undefined;
    if (asked && card) {
      entry.diagnosed++;
      if (s.diagnosis === card.condition) entry.right++;
    }
    sentBy.set(s.playerId, entry);
  }
  const roundsScored = scoredRounds.length;
  const players: PlayerReportRow[] = input.players
    .map((p) => {
      const entry = sentBy.get(p.id) ?? { sent: 0, committed: 0, diagnosed: 0, right: 0 };
      return {
        playerId: p.id,
        name: p.name,
        teamNo: p.team + 1,
        roles: ROLES.filter((role) => p.roles.includes(role)),
        roundsSent: entry.sent,
        roundsScored,
        participationRate: roundsScored === 0 ? 0 : round(entry.sent / roundsScored, 4),
        rolesCommitted: entry.committed,
        diagnosisRight: entry.right,
        diagnosisRounds: entry.diagnosed,
        diagnosisRate: entry.diagnosed === 0 ? 0 : round(entry.right / entry.diagnosed, 4),
        present: p.present,
      };
    })
    .sort((a, b) => a.teamNo - b.teamNo || a.name.localeCompare(b.name, "id") || a.playerId.localeCompare(b.playerId));

  // hardest events
  const events: EventReportRow[] = scoredRounds
    .map((r) => {
      const card = cardOf(r.round, r.eventId);
      const best = bestOf(card);
      const results = resultsBySeq.get(r.seq) ?? [];
      const { average, successRate } = eventSuccess(card, results.map((x) => x.responsePoints));
      return {
        difficultyRank: 0,
        roundNo: r.round + 1,
        eventId: r.eventId,
        eventTitle: card?.title ?? { id: r.eventId },
        condition: card?.condition ?? null,
        bestPrime: best.prime,
        bestPoints: best.points,
        averagePoints: round(average, 2),
        successRate: round(successRate, 4),
        teamsBest: results.filter((x) => x.choice !== null && card !== undefined && x.responsePoints === best.points).length,
        teams: results.length,
        seq: r.seq,
      };
    })
    .sort((a, b) => a.successRate - b.successRate || a.seq - b.seq)
    .map(({ seq: _seq, ...row }, i) => ({ ...row, difficultyRank: i + 1 }));

  // every member's own submission, round by round (the team's plurality hides who read it right)
  const nameOf = new Map(input.players.map((p) => [p.id, p.name]));
  const rolesOf = new Map(input.players.map((p) => [p.id, p.roles]));
  const votes: VoteReportRow[] = input.submissions
    .filter((s) => scoredSeqs.has(s.seq))
    .map((s) => {
      const r = roundBySeq.get(s.seq)!;
      const card = cardOf(r.round, r.eventId);
      return {
        roundNo: r.round + 1,
        eventId: r.eventId,
        eventTitle: card?.title ?? { id: r.eventId },
        condition: card?.condition ?? null,
        teamNo: s.team + 1,
        playerId: s.playerId,
        name: nameOf.get(s.playerId) ?? s.playerId,
        diagnosis: s.diagnosis,
        diagnosisRight: s.diagnosis !== null && s.diagnosis === card?.condition,
        choice: s.prime,
        bestChoice: s.prime !== null && card !== undefined && (card.options.find((o) => o.prime === s.prime)?.points ?? -1) === bestOf(card).points,
        committed: s.committed,
        rolesCommitted: s.committed ? [...(rolesOf.get(s.playerId) ?? [])] : [],
        seq: s.seq,
      };
    })
    .sort((a, b) => a.seq - b.seq || a.teamNo - b.teamNo || a.name.localeCompare(b.name, "id"))
    .map(({ seq: _seq, ...row }) => row);

  // per condition, over the class: how often teams and members read it right, and what they read instead
  const diagnoses: DiagnosisReportRow[] = asked
    ? CONDITIONS.map((condition) => {
        let teamRounds = 0;
        let teamsRight = 0;
        const misread = new Map<Condition, number>();
        for (const r of scoredRounds) {
          const card = cardOf(r.round, r.eventId);
          if (card?.condition !== condition) continue;
          for (const res of resultsBySeq.get(r.seq) ?? []) {
            if (res.choice === null) continue;
            teamRounds++;
            if (res.diagnosis === condition) teamsRight++;
            else if (res.diagnosis) misread.set(res.diagnosis, (misread.get(res.diagnosis) ?? 0) + 1);
          }
        }
        const mine = votes.filter((v) => v.condition === condition);
        const playersRight = mine.filter((v) => v.diagnosisRight).length;
        for (const v of mine) if (v.diagnosis && v.diagnosis !== condition) misread.set(v.diagnosis, (misread.get(v.diagnosis) ?? 0) + 1);
        let mostReadAs: Condition | null = null;
        for (const [c, n] of misread) if (mostReadAs === null || n > (misread.get(mostReadAs) ?? 0)) mostReadAs = c;
        return {
          condition,
          teamRounds,
          teamsRight,
          teamRate: teamRounds === 0 ? 0 : round(teamsRight / teamRounds, 4),
          playerVotes: mine.length,
          playersRight,
          playerRate: mine.length === 0 ? 0 : round(playersRight / mine.length, 4),
          mostReadAs,
        };
      })
        .filter((row) => row.teamRounds > 0 || row.playerVotes > 0)
        .sort((a, b) => a.teamRate - b.teamRate || a.playerRate - b.playerRate)
    : [];

  return {
    version: 1,
    session: {
      code: session.code,
      packId: session.packId,
      packTitle: pack.title,
      phase: session.phase,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      endedAt: session.endedAt,
      teamCount: session.teamCount,
      playerCount: session.playerCount,
      roundCount: pack.events.length,
      roundsPlayed: input.rounds.length,
      roundsScored,
      roundSeconds: Number(session.settings.roundSeconds ?? 0),
    },
    rounds,
    teams,
    players,
    events,
    diagnoses,
    votes,
    reflections: reflectionRows(input),
  };
}


/** One row per participant still in the game (and anyone who wrote before being removed), by team then name. */
function reflectionRows(input: ReportInput): ReflectionReportRow[] {
  const entries = input.reflection?.entries ?? {};
  const hidden = new Set(input.reflection?.hidden ?? []);
  return input.players
    .filter((p) => p.present || Object.hasOwn(entries, p.id))
    .map((p): ReflectionReportRow => {
      const e = Object.hasOwn(entries, p.id) ? entries[p.id] : undefined;
      const b = e?.behaviour ? behaviourOf(e.behaviour) : undefined;
      const complete = !!e && e.issue.trim() !== "" && !!e.condition && !!e.prime && e.partners.length > 0 && !!b && e.activity.trim() !== "";
      return {
        teamNo: p.team + 1,
        playerId: p.id,
        name: p.name,
        issue: e?.issue.trim() ?? "",
        condition: e?.condition ?? null,
        prime: e?.prime ?? null,
        partners: e ? ROLES.filter((r) => e.partners.includes(r)) : [],
        behaviourId: b?.id ?? null,
        value: b?.value ?? null,
        behaviour: b?.text ?? null,
        activity: e?.activity.trim() ?? "",
        complete,
        onWall: !!e?.done && !hidden.has(p.id),
      };
    })
    .sort((a, b) => a.teamNo - b.teamNo || a.name.localeCompare(b.name, "id"));
}
