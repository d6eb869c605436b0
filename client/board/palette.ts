// Colour-blind-safe team colours (Okabe-Ito, then two of Paul Tol's) and the
// board's own colours. Colour is never the only cue: every team mark also
// carries the team number. (Move to client/lib/teams.ts when it exists.)
export const TEAM_COLOURS = [
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0xbbbbbb, 0xaa3377, 0x999933,
] as const;

export function teamColour(index: number): number {
  return TEAM_COLOURS[index % TEAM_COLOURS.length] ?? 0xbbbbbb;
}

/** Black or white, whichever reads better on `colour` (WCAG relative luminance). */
export function inkOn(colour: number): string {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((colour >> 16) & 255) + 0.7152 * lin((colour >> 8) & 255) + 0.0722 * lin(colour & 255);
  return l > 0.18 ? "#0b1630" : "#ffffff";
}

export const C = {
  bg: 0x0b1630,
  panel: 0x15244a,
  panelHi: 0x1f3366,
  line: 0x3a4f80,
  text: "#f5f7fa",
  muted: "#c3cee3",
  amber: "#ffb000",
  amberN: 0xffb000,
  good: "#7ee0b5",
  goodN: 0x2fbf87,
  bad: "#ff9e9e",
  /** The four VUCA conditions (badge fills; the name is always written on them). */
  condition: { volatility: 0xd55e00, uncertainty: 0x0072b2, complexity: 0x7a4fa0, ambiguity: 0x00806b },
} as const;

export const FONT = '"Atkinson Hyperlegible", "Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji", sans-serif';
