// The one ranking of teams, used by the final summary, the report, the board's
// scoreboard, the phones and the observers: score, highest first; equal scores
// go to the team that used less deciding time over the game (deliberation is
// not rushed, but a tie goes to the earlier); then the team number.
export interface Rankable {
  index: number;
  score: number;
  /** Sum of the deciding time used when the team locked, over the scored rounds (ms). */
  totalLockMs: number;
}

export function compareTeams(a: Rankable, b: Rankable): number {
  return b.score - a.score || a.totalLockMs - b.totalLockMs || a.index - b.index;
}

/** The teams in ranking order (a new array). */
export function rankTeams<T extends Rankable>(teams: Iterable<T>): T[] {
  return [...teams].sort(compareTeams);
}

/** The teams in ranking order with their place: 1, 2, 3… (a team is never level with another once lock time is counted). */
export function placesOf<T extends Rankable>(teams: Iterable<T>): { team: T; rank: number }[] {
  return rankTeams(teams).map((team, i) => ({ team, rank: i + 1 }));
}
