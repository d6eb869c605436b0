// The planned length of a session, shown on the console before it starts.
// Per card: the briefing (the board reads the situation out, teams talk), the
// deciding timer, the reveal and the class discussion. The fixed parts are
// typical times of a Latsar class, not measured: a trainer who talks longer
// simply takes longer.
export const PLAN_MINUTES = {
  /** Reading the card out and a first exchange in the team. */
  briefing: 2,
  /** The board's reveal: condition, results, responses and reasons. */
  reveal: 2,
  /** The trainer's debrief on the reflection question. */
  discussion: 3,
} as const;

/** Whole minutes for `cards` cards with a deciding timer of `roundSeconds`. */
export function plannedMinutes(cards: number, roundSeconds: number): number {
  const perCard = PLAN_MINUTES.briefing + roundSeconds / 60 + PLAN_MINUTES.reveal + PLAN_MINUTES.discussion;
  return Math.ceil(Math.max(0, cards) * perCard);
}
