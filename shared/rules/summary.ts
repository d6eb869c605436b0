// The end-of-game summary: ranking, each team's profile, the hardest events.
import { CONDITIONS, type Pack } from "../scenario.js";
import type { EventSummary, GameState, GameSummary, TeamSummary } from "./types.js";
import { rankTeams } from "./ranking.js";

export { rankTeams } from "./ranking.js";

export function summarise(state: GameState, pack: Pack): GameSummary {
  const scored = state.history.filter((r) => !r.skipped);
  const ranking: TeamSummary[] = rankTeams(state.teams).map((team, i) => {
    const byCondition = Object.fromEntries(CONDITIONS.map((c) => [c, { points: 0, max: 0 }])) as TeamSummary["byCondition"];
    let needed = 0;
    let committed = 0;
    let bestChoices = 0;
    const diagnosisByCondition = Object.fromEntries(CONDITIONS.map((c) => [c, { right: 0, rounds: 0 }])) as TeamSummary["diagnosisByCondition"];
    let diagnosisRight = 0;
    let diagnosisRounds = 0;
    const asked = state.settings.showCondition !== true;
    for (const record of scored) {
      const card = pack.events[record.round];
      const result = record.results.find((r) => r.team === team.index);
      if (!card || !result) continue;
      // max: the best option's points plus every needed role and the bonus (no harmful role committed)
      const best = Math.max(...card.options.map((o) => o.points));
      const scoring = state.settings.scoring;
      const slot = byCondition[card.condition];
      slot.points += result.points;
      slot.max += best + card.rolesNeeded.length * scoring.neededRole + scoring.allNeededBonus + (asked ? (scoring.diagnosis ?? 2) : 0);
      needed += card.rolesNeeded.length;
      committed += card.rolesNeeded.filter((r) => result.rolesCommitted.includes(r)).length;
      if (result.choice && result.responsePoints === best) bestChoices++;
      if (asked && result.choice) {
        const diag = diagnosisByCondition[card.condition];
        diag.rounds++;
        diagnosisRounds++;
        if (result.diagnosis === card.condition) {
          diag.right++;
          diagnosisRight++;
        }
      }
    }
    return {
      team: team.index,
      rank: i + 1,
      score: team.score,
      totalLockMs: team.totalLockMs,
      byCondition,
      collaborationRate: needed === 0 ? 0 : committed / needed,
      bestChoices,
      diagnosisByCondition,
      diagnosisRight,
      diagnosisRounds,
    };
  });
  const hardestEvents: EventSummary[] = scored
    .map((record) => {
      const card = pack.events[record.round];
      const best = card ? Math.max(...card.options.map((o) => o.points)) : 0;
      const avg = record.results.length ? record.results.reduce((s, r) => s + r.responsePoints, 0) / record.results.length : 0;
      return { eventId: record.eventId, round: record.round, successRate: best > 0 ? avg / best : 0 };
    })
    .sort((a, b) => a.successRate - b.successRate || a.round - b.round);
  return { ranking, hardestEvents };
}
