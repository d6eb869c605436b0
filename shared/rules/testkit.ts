// Test helpers shared by the *.test.ts files beside it: a tiny inline pack
// and a way to apply actions that fails loudly on a refusal.
import { expect } from "vitest";
import { DEFAULT_SCORING, PRIMES, type EventCard, type Pack, type Prime } from "../scenario.js";
import type { Reason } from "../reasons.js";
import type { Action, GameState, Settings } from "./types.js";
import { createGame, reduce } from "./index.js";

export function card(id: string, best: Prime, condition: EventCard["condition"] = "volatility"): EventCard {
  return {
    id,
    title: { id },
    narrative: { id: `${id} narrative` },
    condition,
    conditionReason: { id: `${id} cues` },
    options: PRIMES.map((prime) => ({ prime, text: { id: prime }, points: prime === best ? 3 : prime === "clarity" ? 1 : 0, reason: { id: "r" } })),
    rolesNeeded: ["government", "community"],
    rolesHarmful: ["media"],
    reflection: { id: "?" },
    value: "kolaboratif",
  };
}

export const PACK: Pack = {
  id: "mini",
  title: { id: "Mini" },
  description: { id: "Mini" },
  language: "id",
  events: [card("e1", "vision"), card("e2", "understanding", "uncertainty"), card("e3", "agility", "ambiguity")],
};

export const SETTINGS: Settings = { packId: "mini", teamCount: 2, roundSeconds: 60, maxTeamSize: 12, scoring: DEFAULT_SCORING, showCondition: true };

export class Game {
  state: GameState;
  now = 1_000;
  constructor(settings: Partial<Settings> = {}, seed = 1, public pack: Pack = PACK) {
    this.state = createGame({ ...SETTINGS, ...settings }, seed);
  }
  ctx() {
    return { pack: this.pack, now: this.now };
  }
  do(...actions: Action[]): GameState {
    for (const action of actions) {
      const r = reduce(this.state, action, this.ctx());
      if (!r.ok) throw new Error(`${action.type} refused: ${r.reason}`);
      this.state = r.state;
    }
    return this.state;
  }
  /** Asserts the refusal reason and that the state did not change. */
  refused(action: Action, reason: Reason): void {
    const before = structuredClone(this.state);
    const r = reduce(this.state, action, this.ctx());
    expect(r).toEqual({ ok: false, reason });
    expect(this.state).toEqual(before);
  }
  join(id: string, team?: number): GameState {
    return this.do({ type: "join", playerId: id, name: `Name ${id}`, team });
  }
}
