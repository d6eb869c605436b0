// The end-of-game summary: ranking, each team's profile, the hardest events.
// The profile and an event's success rate are also what the stored report
// counts (shared/rules/report.ts): one formula for both.
import { CONDITIONS, type Condition, type EventCard, type Pack, type Prime, type Role, type Scoring } from "../scenario.js";
import type { EventSummary, GameState, GameSummary, TeamSummary } from "./types.js";
import { rankTeams } from "./ranking.js";

export { rankTeams } from "./ranking.js";

/** The card's best option: its points (0 for a card without options) and prime (the first of equals). */
export function bestOf(card: EventCard | undefined): { prime: Prime | null; points: number } {
  if (!card || card.options.length === 0) return { prime: null, points: 0 };
  let best = card.options[0]!;
  for (const o of card.options) if (o.points > best.points) best = o;
  return { prime: best.prime, points: best.points };
}

/** What a team did on one scored card, as the profile counts it. */
export interface TeamRound {
  card: EventCard;
  points: number;
  responsePoints: number;
  choice: Prime | null;
  rolesCommitted: readonly Role[];
  diagnosis: Condition | null;
}

export interface TeamProfile {
  /** Points per condition, and the most the team could have had (best option, every needed role, the bonus, the diagnosis when asked). */
  byCondition: Record<Condition, { points: number; max: number }>;
  /** Needed roles over the rounds, and those committed. */
  needed: number;
  committed: number;
  bestChoices: number;
  /** Per condition: rounds the team named it right, of those it chose in (only when the diagnosis is asked). */
  diagnosisByCondition: Record<Condition, { right: number; rounds: number }>;
  diagnosisRight: number;
  diagnosisRounds: number;
}

/**
 * A team's profile over its scored rounds. `asked`: the diagnosis was asked
 * (the trainer did not show the condition); `scoring.diagnosis` may be absent
 * in settings stored before it existed (2 then).
 */
export function teamProfile(rounds: Iterable<TeamRound>, scoring: Scoring, asked: boolean): TeamProfile {
  const byCondition = Object.fromEntries(CONDITIONS.map((c) => [c, { points: 0, max: 0 }])) as TeamProfile["byCondition"];
  const diagnosisByCondition = Object.fromEntries(CONDITIONS.map((c) => [c, { right: 0, rounds: 0 }])) as TeamProfile["diagnosisByCondition"];
  const profile: TeamProfile = { byCondition, needed: 0, committed: 0, bestChoices: 0, diagnosisByCondition, diagnosisRight: 0, diagnosisRounds: 0 };
  const diagnosisMax = asked ? (scoring.diagnosis ?? 2) : 0;
  for (const { card, ...result } of rounds) {
    // max: the best option's points plus every needed role and the bonus (no harmful role committed)
    const best = bestOf(card).points;
    const slot = byCondition[card.condition];
    slot.points += result.points;
    slot.max += best + card.rolesNeeded.length * scoring.neededRole + scoring.allNeededBonus + diagnosisMax;
    profile.needed += card.rolesNeeded.length;
    profile.committed += card.rolesNeeded.filter((r) => result.rolesCommitted.includes(r)).length;
    if (result.choice !== null && result.responsePoints === best) profile.bestChoices++;
    if (asked && result.choice !== null) {
      const diag = diagnosisByCondition[card.condition];
      diag.rounds++;
      profile.diagnosisRounds++;
      if (result.diagnosis === card.condition) {
        diag.right++;
        profile.diagnosisRight++;
      }
    }
  }
  return profile;
}

/** How well the teams answered a card: their mean response points over the best option's (0 when the best is worth nothing). */
export function eventSuccess(card: EventCard | undefined, responsePoints: readonly number[]): { best: number; average: number; successRate: number } {
  const best = bestOf(card).points;
  const average = responsePoints.length ? responsePoints.reduce((s, p) => s + p, 0) / responsePoints.length : 0;
  return { best, average, successRate: best > 0 ? average / best : 0 };
}

export function summarise(state: GameState, pack: Pack): GameSummary {
  const scored = state.history.filter((r) => !r.skipped);
  const asked = state.settings.showCondition !== true;
  const ranking: TeamSummary[] = rankTeams(state.teams).map((team, i) => {
    const rounds: TeamRound[] = [];
    for (const record of scored) {
      const card = pack.events[record.round];
      const result = record.results.find((r) => r.team === team.index);
      if (card && result) rounds.push({ card, ...result, choice: result.choice ?? null });
    }
    const p = teamProfile(rounds, state.settings.scoring, asked);
    return {
      team: team.index,
      rank: i + 1,
      score: team.score,
      totalLockMs: team.totalLockMs,
      byCondition: p.byCondition,
      collaborationRate: p.needed === 0 ? 0 : p.committed / p.needed,
      bestChoices: p.bestChoices,
      diagnosisByCondition: p.diagnosisByCondition,
      diagnosisRight: p.diagnosisRight,
      diagnosisRounds: p.diagnosisRounds,
    };
  });
  const hardestEvents: EventSummary[] = scored
    .map((record) => {
      const { successRate } = eventSuccess(pack.events[record.round], record.results.map((r) => r.responsePoints));
      return { eventId: record.eventId, round: record.round, successRate };
    })
    .sort((a, b) => a.successRate - b.successRate || a.round - b.round);
  return { ranking, hardestEvents };
}
