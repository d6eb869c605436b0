// What the pages read: the decoded room state and the JSON payloads inside it.
// The server builds these in server/sync.ts. The reveal travels compactly
// (RevealWire: only what the card does not already carry) and the pages read
// it back whole with revealOf(state).
import { PRIMES, ROLES, type Condition, type CoreValue, type Prime, type Role, type Text } from "./vuca.js";
import type { EventCard } from "./scenario.js";
import type { GameSummary, Phase, TeamResult, LockCause } from "./rules/types.js";

/** The card as everyone may see it before the reveal. */
export interface CardView {
  id: string;
  round: number;
  title: Text;
  narrative: Text;
  condition: Condition;
  icon?: string | undefined;
  /** In the pack's order; no points and no reasons before the reveal. */
  options: { prime: Prime; text: Text }[];
}

export interface RevealView {
  round: number;
  /** The whole card: points, reasons, roles needed and harmful, reflection, value. */
  card: EventCard;
  /** The Prime(s) with the most points. */
  best: Prime[];
  results: TeamResult[];
}

export type SummaryView = GameSummary;

// ---- the reveal on the wire -------------------------------------------------
// At the reveal every client decodes `state.reveal` in the same patch as the
// last votes, so it carries only what the card (`state.card`, sent at the
// briefing) does not: points, reasons, roles, reflection, value, behaviour and
// the results, as positional arrays. revealOf() puts the whole RevealView back.

/** A Text as [id] or [id, en]. */
export type WireText = [string] | [string, string];
/**
 * One team's result: [team, choice (PRIMES index, -1 = none), tally (PRIMES order),
 * roles committed (bit i = ROLES[i]), reason, response points, collaboration points,
 * lockedBy (LOCK_CAUSES index, -1 = none), lockMs (-1 = none), sent, size].
 */
export type WireResult = [number, number, [number, number, number, number], number, string, number, number, number, number, number, number];
export interface RevealWire {
  round: number;
  /** The card's id, to match it with `state.card`. */
  id: string;
  /** Per option, in the card's order. */
  points: number[];
  reasons: WireText[];
  needed: Role[];
  harmful: Role[];
  reflection: WireText;
  value: CoreValue;
  behaviour?: WireText;
  results: WireResult[];
}

export const LOCK_CAUSES = ["captain", "all-sent", "timeout", "host"] as const satisfies readonly LockCause[];

const wireText = (t: Text): WireText => (t.en ? [t.id, t.en] : [t.id]);
const textOf = (w: WireText): Text => (w[1] !== undefined ? { id: w[0], en: w[1] } : { id: w[0] });

/** The reveal of `card` as it travels in `state.reveal` (see revealOf). */
export function encodeReveal(round: number, card: EventCard, results: readonly TeamResult[]): RevealWire {
  const wire: RevealWire = {
    round,
    id: card.id,
    points: card.options.map((o) => o.points),
    reasons: card.options.map((o) => wireText(o.reason)),
    needed: card.rolesNeeded,
    harmful: card.rolesHarmful,
    reflection: wireText(card.reflection),
    value: card.value,
    results: results.map((r): WireResult => [
      r.team,
      r.choice === null ? -1 : PRIMES.indexOf(r.choice),
      [r.tally.vision, r.tally.understanding, r.tally.clarity, r.tally.agility],
      ROLES.reduce((bits, role, i) => (r.rolesCommitted.includes(role) ? bits | (1 << i) : bits), 0),
      r.reason,
      r.responsePoints,
      r.collabPoints,
      r.lockedBy === null ? -1 : LOCK_CAUSES.indexOf(r.lockedBy),
      r.lockMs ?? -1,
      r.sent,
      r.size,
    ]),
  };
  if (card.behaviour) wire.behaviour = wireText(card.behaviour);
  return wire;
}

/** The whole reveal from the card the page already has and the compact reveal; null when they do not belong together. */
export function expandReveal(card: CardView | null, wire: RevealWire | null): RevealView | null {
  if (!card || !wire || card.id !== wire.id || card.round !== wire.round) return null;
  const options = card.options.map((o, i) => ({
    prime: o.prime,
    text: o.text,
    points: wire.points[i] ?? 0,
    reason: textOf(wire.reasons[i] ?? [""]),
  }));
  const full: EventCard = {
    id: card.id,
    title: card.title,
    narrative: card.narrative,
    condition: card.condition,
    options,
    rolesNeeded: wire.needed,
    rolesHarmful: wire.harmful,
    reflection: textOf(wire.reflection),
    value: wire.value,
  };
  if (card.icon !== undefined) full.icon = card.icon;
  if (wire.behaviour) full.behaviour = textOf(wire.behaviour);
  const top = Math.max(...wire.points);
  const best = PRIMES.filter((p) => options.some((o) => o.prime === p && o.points === top));
  const results = wire.results.map(
    ([team, choice, tally, roles, reason, responsePoints, collabPoints, lockedBy, lockMs, sent, size]): TeamResult => ({
      team,
      choice: PRIMES[choice] ?? null,
      tally: { vision: tally[0], understanding: tally[1], clarity: tally[2], agility: tally[3] },
      rolesCommitted: ROLES.filter((_r, i) => (roles & (1 << i)) !== 0),
      reason,
      responsePoints,
      collabPoints,
      points: responsePoints + collabPoints,
      lockedBy: LOCK_CAUSES[lockedBy] ?? null,
      lockMs: lockMs < 0 ? null : lockMs,
      sent,
      size,
    }),
  );
  return { round: wire.round, card: full, best, results };
}

/** The reveal of the decoded state, whole (card texts + the compact reveal), or null outside the reveal. */
export function revealOf(state: Pick<RoomStateView, "card" | "reveal">): RevealView | null {
  if (!state.reveal) return null;
  return expandReveal(parseJson<CardView>(state.card), parseJson<RevealWire>(state.reveal));
}

/** Decoded state as the SDK exposes it (collections are iterable, maps have get/forEach). */
export interface MemberView {
  id: string;
  name: string;
  roles: string;
  connected: boolean;
  sent: boolean;
}
export interface VoteView {
  prime: Prime;
  commit: boolean;
}
export interface TeamView {
  index: number;
  members: ArrayLike<MemberView> & Iterable<MemberView>;
  captain: string;
  sent: number;
  locked: boolean;
  lockedBy: LockCause | "";
  score: number;
  /** Present only for the team's own members and the host. */
  votes?: { get(id: string): VoteView | undefined; forEach(cb: (v: VoteView, id: string) => void): void; size: number };
  reason?: string;
}
export interface RoomStateView {
  code: string;
  packId: string;
  packTitle: string;
  phase: Phase;
  round: number;
  roundCount: number;
  roundSeconds: number;
  timeLeft: number;
  paused: boolean;
  roomLocked: boolean;
  teams: ArrayLike<TeamView> & Iterable<TeamView>;
  card: string;
  /** JSON of the RevealWire: read it with revealOf(state). */
  reveal: string;
  summary: string;
  observers: number;
}

export function rolesOf(member: Pick<MemberView, "roles">): Role[] {
  return member.roles ? (member.roles.split(",") as Role[]) : [];
}

export function parseJson<T>(json: string): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

export type { CoreValue };
