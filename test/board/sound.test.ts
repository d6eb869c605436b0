import { describe, expect, it } from "vitest";
import { cuesFor, type SoundFrame } from "../../client/lib/sound.js";

const frame = (f: Partial<SoundFrame>): SoundFrame => ({ phase: "deciding", round: 0, timeLeft: 60, paused: false, locked: 0, ...f });

describe("the board's cues", () => {
  it("plays one cue per phase change and none on the first state", () => {
    expect(cuesFor(null, frame({ phase: "lobby" }))).toEqual([]);
    expect(cuesFor(frame({ phase: "lobby" }), frame({ phase: "briefing" }))).toEqual(["briefing"]);
    expect(cuesFor(frame({ phase: "briefing" }), frame({ phase: "deciding" }))).toEqual(["deciding"]);
    expect(cuesFor(frame({ timeLeft: 40 }), frame({ phase: "reveal" }))).toEqual(["reveal"]);
    expect(cuesFor(frame({ timeLeft: 1 }), frame({ phase: "reveal" }))).toEqual(["timeUp"]);
    expect(cuesFor(frame({ phase: "scoreboard" }), frame({ phase: "final" }))).toEqual(["final"]);
  });
  it("ticks in the last ten seconds only, not while paused, and pops when a team locks", () => {
    expect(cuesFor(frame({ timeLeft: 12 }), frame({ timeLeft: 11 }))).toEqual([]);
    expect(cuesFor(frame({ timeLeft: 11 }), frame({ timeLeft: 10 }))).toEqual(["tick"]);
    expect(cuesFor(frame({ timeLeft: 5, paused: true }), frame({ timeLeft: 5, paused: true }))).toEqual([]);
    expect(cuesFor(frame({ locked: 1 }), frame({ locked: 2, timeLeft: 30 }))).toEqual(["lock"]);
  });
});
