// How an option is named on every screen before the reveal: its letter in the
// round's display order (A–D), and its Prime beside it only when the trainer
// shows the condition (or after the reveal).
export const OPTION_LETTERS = ["A", "B", "C", "D"] as const;

export function optionLetter(index: number): string {
  return OPTION_LETTERS[index] ?? "?";
}

/** "B" or "B · Visi". */
export function optionLabel(index: number, prime?: string): string {
  return prime ? `${optionLetter(index)} · ${prime}` : optionLetter(index);
}
