// The reveal: each team's choice (plurality, captain then earliest vote on
// ties), its roles committed, and its points.
import { CONDITIONS, PRIMES, ROLES, type Condition, type Prime, type Role, type EventCard, type Scoring } from "../scenario.js";
import type { GameState, LockCause, Player, RoundRecord, Team, TeamResult, Vote } from "./types.js";
import type { RuleContext } from "./types.js";

export interface Tally {
  tally: Record<Prime, number>;
  choice: Prime | null;
}

export interface DiagnosisTally {
  tally: Record<Condition, number>;
  diagnosis: Condition | null;
}

/**
 * The plurality of one field of the members' votes: the captain's pick breaks
 * a tie, then the tied value whose earliest vote came first (`keys` order if
 * even that ties). One rule for the response and the diagnosis.
 */
function plurality<K extends string>(
  team: Pick<Team, "members" | "votes" | "captain">,
  keys: readonly K[],
  pick: (vote: Vote) => K | null,
): { tally: Record<K, number>; top: K | null } {
  const tally = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const earliest = new Map<K, number>();
  for (const id of team.members) {
    const vote = team.votes[id];
    const key = vote ? pick(vote) : null;
    if (!vote || key === null) continue;
    tally[key]++;
    const first = earliest.get(key);
    if (first === undefined || vote.at < first) earliest.set(key, vote.at);
  }
  const most = Math.max(...keys.map((k) => tally[k]));
  if (most === 0) return { tally, top: null };
  const tied = keys.filter((k) => tally[k] === most);
  if (tied.length === 1) return { tally, top: tied[0] as K };
  const captainVote = team.captain !== null ? team.votes[team.captain] : undefined;
  const captainPick = captainVote ? pick(captainVote) : null;
  if (captainPick !== null && tied.includes(captainPick)) return { tally, top: captainPick };
  let top = tied[0] as K;
  for (const k of tied) if ((earliest.get(k) ?? Infinity) < (earliest.get(top) ?? Infinity)) top = k;
  return { tally, top };
}

/** The team's choice from its members' current votes. */
export function tallyTeam(team: Pick<Team, "members" | "votes" | "captain">): Tally {
  const { tally, top } = plurality(team, PRIMES, (v) => v.prime);
  return { tally, choice: top };
}

/** The team's diagnosis from its members' current votes (same tie rules as the choice). */
export function tallyDiagnosis(team: Pick<Team, "members" | "votes" | "captain">): DiagnosisTally {
  const { tally, top } = plurality(team, CONDITIONS, (v) => v.diagnosis ?? null);
  return { tally, diagnosis: top };
}

/** Diagnosis points: the card's condition, its second reading, or nothing; none when the condition was shown. */
export function diagnosisPoints(diagnosis: Condition | null, card: EventCard, scoring: Scoring, showCondition: boolean): number {
  if (showCondition || diagnosis === null) return 0;
  if (diagnosis === card.condition) return scoring.diagnosis ?? 2;
  if (diagnosis === card.alsoCondition) return scoring.alsoDiagnosis ?? 1;
  return 0;
}

/** Roles committed by the team's members this round, in ROLES order. */
export function rolesCommitted(team: Pick<Team, "members" | "votes">, players: Record<string, Player>): Role[] {
  const committed = new Set<Role>();
  for (const id of team.members) {
    if (!team.votes[id]?.commit) continue;
    for (const role of players[id]?.roles ?? []) committed.add(role);
  }
  return ROLES.filter((r) => committed.has(r));
}

/** Collaboration points for a set of committed roles on a card. */
export function collabPoints(committed: readonly Role[], card: EventCard, scoring: Scoring): number {
  const needed = card.rolesNeeded.filter((r) => committed.includes(r)).length;
  const harmful = card.rolesHarmful.filter((r) => committed.includes(r)).length;
  const bonus = card.rolesNeeded.length > 0 && needed === card.rolesNeeded.length ? scoring.allNeededBonus : 0;
  return needed * scoring.neededRole - harmful * scoring.harmfulRole + bonus;
}

/** One team's result for a card. */
export function scoreTeam(team: Team, players: Record<string, Player>, card: EventCard, scoring: Scoring, showCondition = false): TeamResult {
  const { tally, choice } = tallyTeam(team);
  const diag = tallyDiagnosis(team);
  const diagPoints = choice === null ? 0 : diagnosisPoints(diag.diagnosis, card, scoring, showCondition);
  const roles = choice === null ? [] : rolesCommitted(team, players);
  const responsePoints = choice === null ? 0 : (card.options.find((o) => o.prime === choice)?.points ?? 0);
  const collab = choice === null ? 0 : collabPoints(roles, card, scoring);
  const sent = team.members.filter((id) => team.votes[id] !== undefined).length;
  return {
    team: team.index,
    choice,
    tally,
    diagnosis: diag.diagnosis,
    diagnosisTally: diag.tally,
    diagnosisPoints: diagPoints,
    rolesCommitted: roles,
    reason: team.reason,
    responsePoints,
    collabPoints: collab,
    points: responsePoints + collab + diagPoints,
    lockedBy: team.lockedBy,
    lockMs: team.lockMs,
    sent,
    size: team.members.length,
  };
}

/** Deciding time of this round, added time included. */
export function totalMsOf(state: GameState): number {
  return state.timer.totalMs ?? state.settings.roundSeconds * 1000;
}

/** Ms left on the deciding clock at `now`. */
export function remainingMsAt(state: GameState, now: number): number {
  const { timer } = state;
  if (timer.paused || timer.deadline === null) return Math.max(0, timer.remainingMs);
  return Math.max(0, timer.deadline - now);
}

/** A locked copy of a team; timeouts count the whole duration. */
export function lockedTeam(state: GameState, team: Team, cause: LockCause, now: number): Team {
  const total = totalMsOf(state);
  const lockMs = cause === "timeout" ? total : Math.max(0, total - remainingMsAt(state, now));
  return { ...team, locked: true, lockedBy: cause, lockMs };
}

/** Teams with members that are still open; empty teams never hold the reveal up. */
export function everyTeamLocked(state: GameState): boolean {
  return state.teams.every((t) => t.locked || t.members.length === 0);
}

/**
 * Lock every open team with `cause`, score the card and move to the reveal.
 * Votes stay visible in the teams until the next briefing clears them.
 */
export function revealRound(state: GameState, ctx: RuleContext, cause: LockCause | null): GameState {
  const card = ctx.pack.events[state.round];
  const scoring = state.settings.scoring;
  const remaining = remainingMsAt(state, ctx.now);
  const teams = state.teams.map((team) => (cause !== null && !team.locked ? lockedTeam(state, team, cause, ctx.now) : team));
  const results: TeamResult[] = [];
  const submissions: RoundRecord["submissions"] = {};
  const scored = teams.map((team) => {
    for (const id of team.members) {
      const vote: Vote | undefined = team.votes[id];
      if (vote) submissions[id] = { ...vote, team: team.index };
    }
    if (!card) return team;
    const result = scoreTeam(team, state.players, card, scoring, state.settings.showCondition === true);
    results.push(result);
    return { ...team, score: team.score + result.points, totalLockMs: team.totalLockMs + (team.lockMs ?? 0) };
  });
  const record: RoundRecord = {
    round: state.round,
    eventId: card?.id ?? "",
    skipped: card === undefined,
    results,
    submissions,
  };
  return {
    ...state,
    phase: "reveal",
    teams: scored,
    history: [...state.history, record],
    timer: { ...state.timer, deadline: null, remainingMs: remaining, paused: false },
  };
}
