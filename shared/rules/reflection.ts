// Each participant's closing reflection: a chain that mirrors the aktualisasi
// design matrix — an issue in my own unit → the VUCA condition that dominates
// it → the response (Prime) → the pentahelix partners → one BerAKHLAK
// behaviour → one concrete activity. Open once the game is final, editable
// until the trainer closes it; the trainer may also open it after any card
// (at its reveal or scoreboard) until the class leaves that card. Entries are
// kept across the game (one chain per participant, refined as it goes); a
// participant writes only their own.
import { CONDITIONS, PRIMES, ROLES, type Condition, type Prime, type Role } from "../vuca.js";
import { behaviourOf } from "../behaviours.js";
import type { GameState, Result, RuleContext } from "./types.js";
import { accept, playerOf, refuse } from "./state.js";

/** The most characters of the chain's two texts (the issue, the activity). */
export const REFLECTION_TEXT_MAX = 280;

export interface ReflectionEntry {
  issue: string;
  condition: Condition | null;
  prime: Prime | null;
  partners: Role[];
  behaviour: string | null;
  activity: string;
  /** The participant sent it to the wall (the last screen); later edits still count. */
  done: boolean;
  /** Room clock ms of the last change. */
  at: number;
}

export interface ReflectionState {
  /** The trainer closed the final reflection. */
  closed: boolean;
  /** Opened mid-game at a card's reveal or scoreboard (false again once the class leaves the card; absent in older saves). */
  openNow?: boolean;
  /** playerId → their chain. */
  entries: Record<string, ReflectionEntry>;
  /** Players whose activity the trainer took off the wall. */
  hidden: string[];
}

/** What one `reflect` message may change: any of the chain's fields. */
export type ReflectionPatch = Partial<Omit<ReflectionEntry, "at">>;

export const emptyEntry = (): ReflectionEntry => ({ issue: "", condition: null, prime: null, partners: [], behaviour: null, activity: "", done: false, at: 0 });

export const reflectionOf = (state: GameState): ReflectionState => state.reflection ?? { closed: false, openNow: false, entries: {}, hidden: [] };

const atCard = (state: GameState) => state.phase === "reveal" || state.phase === "scoreboard";

/** Whether a phone may write its chain now: at the final until the trainer closes it, or mid-game while the trainer has it open. */
export function reflectionOpen(state: GameState): boolean {
  const r = reflectionOf(state);
  if (state.phase === "final") return !r.closed;
  return atCard(state) && r.openNow === true;
}

/** A player's own chain (empty when they have not written yet). */
export function entryOf(state: GameState, playerId: string): ReflectionEntry {
  const entries = reflectionOf(state).entries;
  return (Object.hasOwn(entries, playerId) ? entries[playerId] : undefined) ?? emptyEntry();
}

/** Every step of the chain has an answer. */
export function isComplete(e: ReflectionEntry): boolean {
  return e.issue.trim() !== "" && e.condition !== null && e.prime !== null && e.partners.length > 0 && e.behaviour !== null && e.activity.trim() !== "";
}

function open(state: GameState): Result | null {
  if (state.phase === "final") return reflectionOf(state).closed ? refuse("REFLECTION_CLOSED") : null;
  return reflectionOpen(state) ? null : refuse("WRONG_PHASE");
}

export function reflect(state: GameState, action: { playerId: string; patch: ReflectionPatch }, ctx: RuleContext): Result {
  if (!playerOf(state, action.playerId)) return refuse("UNKNOWN_PLAYER");
  const closed = open(state);
  if (closed) return closed;
  const p = action.patch;
  const entry = { ...entryOf(state, action.playerId) };
  for (const key of ["issue", "activity"] as const) {
    const text = p[key];
    if (text === undefined) continue;
    if (typeof text !== "string") return refuse("BAD_MESSAGE");
    if ([...text].length > REFLECTION_TEXT_MAX) return refuse("TEXT_TOO_LONG");
    entry[key] = text;
  }
  if (p.condition !== undefined) {
    if (p.condition !== null && !CONDITIONS.includes(p.condition)) return refuse("BAD_MESSAGE");
    entry.condition = p.condition;
  }
  if (p.prime !== undefined) {
    if (p.prime !== null && !PRIMES.includes(p.prime)) return refuse("BAD_MESSAGE");
    entry.prime = p.prime;
  }
  if (p.partners !== undefined) {
    if (!Array.isArray(p.partners) || p.partners.some((r) => !ROLES.includes(r)) || new Set(p.partners).size !== p.partners.length) return refuse("BAD_MESSAGE");
    entry.partners = ROLES.filter((r) => p.partners!.includes(r));
  }
  if (p.behaviour !== undefined) {
    if (p.behaviour !== null && !behaviourOf(p.behaviour)) return refuse("BAD_MESSAGE");
    entry.behaviour = p.behaviour;
  }
  if (p.done !== undefined) {
    if (p.done && !isComplete(entry)) return refuse("REFLECTION_INCOMPLETE");
    entry.done = p.done;
  }
  // a done chain emptied of a step is no longer on the wall
  if (entry.done && !isComplete(entry)) entry.done = false;
  entry.at = ctx.now;
  const r = reflectionOf(state);
  return accept({ ...state, reflection: { ...r, entries: { ...r.entries, [action.playerId]: entry } } });
}

/** The trainer opens the reflection mid-game, at a card's reveal or scoreboard. */
export function openReflection(state: GameState): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (!atCard(state)) return refuse("WRONG_PHASE");
  const r = reflectionOf(state);
  if (r.openNow === true) return accept(state);
  return accept({ ...state, reflection: { ...r, openNow: true } });
}

/** At the final: closed for good. Mid-game (reveal, scoreboard): the phones stop writing until the trainer opens it again. */
export function closeReflection(state: GameState): Result {
  const r = reflectionOf(state);
  if (atCard(state)) return r.openNow === true ? accept({ ...state, reflection: { ...r, openNow: false } }) : accept(state);
  if (state.phase !== "final") return refuse("WRONG_PHASE");
  if (r.closed) return accept(state);
  return accept({ ...state, reflection: { ...r, closed: true } });
}

/** Leaving a card (next to the briefing, skip, end): a mid-game reflection closes; the entries stay. */
export function leaveCard(state: GameState): GameState {
  const r = state.reflection;
  return r?.openNow ? { ...state, reflection: { ...r, openNow: false } } : state;
}

/** The trainer takes one activity off the wall (or puts it back). */
export function hideActivity(state: GameState, action: { playerId: string; hidden: boolean }): Result {
  if (state.phase !== "final" && !atCard(state)) return refuse("WRONG_PHASE");
  const r = reflectionOf(state);
  if (!Object.hasOwn(r.entries, action.playerId)) return refuse("UNKNOWN_PLAYER");
  const has = r.hidden.includes(action.playerId);
  if (has === action.hidden) return accept(state);
  const hidden = action.hidden ? [...r.hidden, action.playerId] : r.hidden.filter((id) => id !== action.playerId);
  return accept({ ...state, reflection: { ...r, hidden } });
}

/** The wall: anonymous counts and activity cards, never a name or an id. */
export interface Wall {
  closed: boolean;
  /** The phones may write now (see reflectionOpen). */
  open: boolean;
  /** Chains with every step answered, and players in the game. */
  filled: number;
  total: number;
  conditions: Record<Condition, number>;
  behaviours: Record<string, number>;
  /** Activities of chains sent to the wall, not hidden, oldest first. */
  activities: string[];
}

export function wallOf(state: GameState): Wall {
  const r = reflectionOf(state);
  const conditions = Object.fromEntries(CONDITIONS.map((c) => [c, 0])) as Record<Condition, number>;
  const behaviours: Record<string, number> = {};
  const cards: { at: number; text: string }[] = [];
  let filled = 0;
  for (const [id, e] of Object.entries(r.entries)) {
    if (!playerOf(state, id)) continue;
    if (e.condition) conditions[e.condition] += 1;
    if (e.behaviour) behaviours[e.behaviour] = (behaviours[e.behaviour] ?? 0) + 1;
    if (isComplete(e)) filled += 1;
    if (e.done && !r.hidden.includes(id)) cards.push({ at: e.at, text: e.activity.trim() });
  }
  cards.sort((a, b) => a.at - b.at);
  return { closed: r.closed, open: reflectionOpen(state), filled, total: Object.keys(state.players).length, conditions, behaviours, activities: cards.map((c) => c.text) };
}
