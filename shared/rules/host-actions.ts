// What the trainer may do in each phase: the console shows (or greys out) its
// buttons from this, and host-actions.test.ts checks it against `reduce`, so
// the console can never offer what the rules refuse nor hide what they allow.
import type { Phase } from "./types.js";

export const PHASE_CONTROLS = ["start", "next", "pause", "resume", "addTime", "reveal", "skip", "end"] as const;
export type PhaseControl = (typeof PHASE_CONTROLS)[number];

/** The few facts of a room the answer depends on (the synced state carries all of them). */
export interface ControlFacts {
  phase: Phase;
  paused: boolean;
  /** Players seated (a session cannot start empty). */
  players: number;
}

export function controlsAllowed(f: ControlFacts): Record<PhaseControl, boolean> {
  const p = f.phase;
  const playing = p !== "lobby" && p !== "final";
  return {
    start: p === "lobby" && f.players > 0,
    next: p === "briefing" || p === "reveal" || p === "scoreboard",
    pause: p === "deciding" && !f.paused,
    resume: p === "deciding" && f.paused,
    addTime: p === "deciding",
    reveal: p === "deciding",
    skip: playing,
    end: p !== "final",
  };
}
