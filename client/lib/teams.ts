// Team colours for every page (board, console, phone, observer). Okabe-Ito's
// colour-blind-safe set, then two of Paul Tol's, in a fixed order: team i
// (0-based) always has TEAM_COLOURS[i]. Colour is never the only cue — always
// write the team number ("Kelompok 3") next to it.
//
//   TEAM_COLOURS / TEAM_HEX   → numbers (Phaser) / "#rrggbb" strings (CSS)
//   teamColour(i), teamHex(i) → the colour of team i (wraps past 10)
//   inkOn(colour)             → "#0b1630" or "#ffffff": text colour with AA contrast on it
export const TEAM_COLOURS = [
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0xbbbbbb, 0xaa3377, 0x999933,
] as const;

export const TEAM_HEX: readonly string[] = TEAM_COLOURS.map((n) => `#${n.toString(16).padStart(6, "0")}`);

export function teamColour(index: number): number {
  return TEAM_COLOURS[((index % 10) + 10) % 10] ?? 0xbbbbbb;
}

export function teamHex(index: number): string {
  return TEAM_HEX[((index % 10) + 10) % 10] ?? "#bbbbbb";
}

/** Dark navy or white, whichever reads better on `colour` (WCAG relative luminance). */
export function inkOn(colour: number): string {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((colour >> 16) & 255) + 0.7152 * lin((colour >> 8) & 255) + 0.0722 * lin(colour & 255);
  // contrast with navy (L≈0.011) vs with white (L=1): pick the larger
  return (l + 0.05) / (0.011 + 0.05) >= 1.05 / (l + 0.05) ? "#0b1630" : "#ffffff";
}
