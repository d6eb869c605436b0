// The board's own colours. Team colours come from client/lib/teams.ts (one
// palette for every page); colour is never the only cue: every team mark also
// carries the team number.
export { TEAM_COLOURS, teamColour, inkOn } from "../lib/teams.js";

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
