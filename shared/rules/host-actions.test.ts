import { describe, expect, it } from "vitest";
import { PHASE_CONTROLS, controlsAllowed, type PhaseControl } from "./host-actions.js";
import { reduce } from "./index.js";
import type { Action } from "./types.js";
import { Game } from "./testkit.js";

const actionOf = (c: PhaseControl): Action => (c === "addTime" ? { type: "addTime", seconds: 30 } : ({ type: c } as Action));

/** A game walked to every phase, paused and not, with and without players. */
function states(): Game[] {
  const out: Game[] = [new Game()];
  const g = new Game();
  g.join("a");
  g.join("b");
  out.push(snapshot(g)); // lobby with players
  g.do({ type: "start" });
  out.push(snapshot(g)); // briefing
  g.do({ type: "next" });
  out.push(snapshot(g)); // deciding
  g.do({ type: "pause" });
  out.push(snapshot(g)); // deciding, paused
  g.do({ type: "resume" }, { type: "reveal" });
  out.push(snapshot(g)); // reveal
  g.do({ type: "next" });
  out.push(snapshot(g)); // scoreboard
  g.do({ type: "end" });
  out.push(snapshot(g)); // final
  return out;
}

function snapshot(g: Game): Game {
  const copy = new Game();
  copy.state = structuredClone(g.state);
  copy.now = g.now;
  return copy;
}

describe("the console's controls agree with the rules", () => {
  for (const g of states()) {
    const s = g.state;
    it(`${s.phase}${s.timer.paused ? " (paused)" : ""} with ${Object.keys(s.players).length} players`, () => {
      const allowed = controlsAllowed({ phase: s.phase, paused: s.timer.paused, players: Object.keys(s.players).length });
      for (const c of PHASE_CONTROLS) {
        const r = reduce(s, actionOf(c), g.ctx());
        expect({ control: c, allowed: allowed[c] }).toEqual({ control: c, allowed: r.ok });
      }
    });
  }
});
