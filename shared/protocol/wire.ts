// The codecs of what travels beside the synced state: the round's texts
// (card, reveal, summary) as `texts` messages, and a vote as three characters.
// The server encodes (server/sync.ts, server/room/texts.ts); the pages decode
// (client/lib/room-texts.ts). The texts are not in the synced state: a long
// string there is decoded char by char by every client on every change, while
// a message is decoded natively once. The reveal travels compactly
// (RevealWire: only what the card does not already carry); expandReveal puts
// it back whole. No library: the phone imports this.
import { CONDITIONS, PRIMES, ROLES, type Condition, type CoreValue, type Prime, type Role, type Text } from "../vuca.js";
import type { EventCard } from "../scenario.js";
import type { GameSummary, TeamResult, LockCause } from "../rules/types.js";

/**
 * The card as a page receives it before the reveal. The board, phones and
 * observers get neither the condition nor the options' Primes while teams
 * must diagnose (`diagnose`); the trainer's console gets both, and the
 * facilitator notes, always (see publicOnly and server/room/texts.ts variants).
 */
export interface CardView {
  id: string;
  round: number;
  title: Text;
  narrative: Text;
  /** True when members must name the condition: the condition is then hidden until the reveal. */
  diagnose: boolean;
  /** Absent before the reveal while `diagnose` (except on the console). */
  condition?: Condition | undefined;
  icon?: string | undefined;
  /** In display order (A–D, never the pack's Prime order); no points and no reasons before the reveal; no Prime while hidden. */
  options: { text: Text; prime?: Prime | undefined }[];
  /** Notes for the trainer: only on the console. */
  facilitator?: Text | undefined;
}

export interface RevealView {
  round: number;
  /** The whole card, options in display order: points, reasons, Primes, condition and its reason, roles, reflection, value. */
  card: EventCard;
  /** The Prime(s) with the most points. */
  best: Prime[];
  results: TeamResult[];
}

export type SummaryView = GameSummary;

// ---- the reveal on the wire -------------------------------------------------
// At the reveal every client receives the reveal at the same moment, so it
// carries only what the card (sent at the briefing) does not: points, reasons,
// roles, reflection, value, behaviour and the results, as positional arrays.
// expandReveal() puts the whole RevealView back.

/** A Text as [id] or [id, en]. */
export type WireText = [string] | [string, string];
/**
 * One team's result: [team, choice (PRIMES index, -1 = none), tally (PRIMES order),
 * roles committed (bit i = ROLES[i]), reason, response points, collaboration points,
 * lockedBy (LOCK_CAUSES index, -1 = none), lockMs (-1 = none), sent, size,
 * diagnosis (CONDITIONS index, -1 = none), diagnosis tally (CONDITIONS order), diagnosis points].
 */
export type WireResult = [
  number, number, [number, number, number, number], number, string, number, number, number, number, number, number,
  number, [number, number, number, number], number,
];
export interface RevealWire {
  round: number;
  /** The card's id, to match it with the card of the same round. */
  id: string;
  /** The card's condition, its reason (the cues) and a second defensible reading. */
  condition: Condition;
  conditionReason: WireText;
  alsoCondition?: Condition;
  /** Per option, in display order: its Prime (PRIMES index). */
  primes: number[];
  /** Per option, in display order. */
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

/** The card's options in display order (`order[d]` = index in card.options; the card's own order when absent). */
export function optionsInOrder<T>(options: readonly T[], order: readonly number[] | undefined): T[] {
  if (!order || order.length !== options.length) return options.slice();
  return order.map((i) => options[i] as T);
}

/** The card of `round` as the console sees it: condition, Primes and notes; publicOnly() strips them for everyone else. */
export function encodeCard(card: EventCard, round: number, order: readonly number[] | undefined, diagnose: boolean): CardView {
  const view: CardView = {
    id: card.id,
    round,
    title: card.title,
    narrative: card.narrative,
    diagnose,
    condition: card.condition,
    icon: card.icon,
    options: optionsInOrder(card.options, order).map((o) => ({ text: o.text, prime: o.prime })),
  };
  if (card.facilitator) view.facilitator = card.facilitator;
  return view;
}

/** The reveal of `card` as it travels in the `texts` message (see expandReveal); options in display order. */
export function encodeReveal(round: number, card: EventCard, results: readonly TeamResult[], order?: readonly number[]): RevealWire {
  const options = optionsInOrder(card.options, order);
  const wire: RevealWire = {
    round,
    id: card.id,
    condition: card.condition,
    conditionReason: wireText(card.conditionReason),
    primes: options.map((o) => PRIMES.indexOf(o.prime)),
    points: options.map((o) => o.points),
    reasons: options.map((o) => wireText(o.reason)),
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
      r.diagnosis === null ? -1 : CONDITIONS.indexOf(r.diagnosis),
      [r.diagnosisTally.volatility, r.diagnosisTally.uncertainty, r.diagnosisTally.complexity, r.diagnosisTally.ambiguity],
      r.diagnosisPoints,
    ]),
  };
  if (card.alsoCondition) wire.alsoCondition = card.alsoCondition;
  if (card.behaviour) wire.behaviour = wireText(card.behaviour);
  return wire;
}

/** The whole reveal from the card the page already has and the compact reveal; null when they do not belong together. */
export function expandReveal(card: CardView | null, wire: RevealWire | null): RevealView | null {
  if (!card || !wire || card.id !== wire.id || card.round !== wire.round) return null;
  const options = card.options.map((o, i) => ({
    prime: PRIMES[wire.primes[i] ?? -1] ?? o.prime ?? "vision",
    text: o.text,
    points: wire.points[i] ?? 0,
    reason: textOf(wire.reasons[i] ?? [""]),
  }));
  const full: EventCard = {
    id: card.id,
    title: card.title,
    narrative: card.narrative,
    condition: wire.condition,
    conditionReason: textOf(wire.conditionReason),
    options,
    rolesNeeded: wire.needed,
    rolesHarmful: wire.harmful,
    reflection: textOf(wire.reflection),
    value: wire.value,
  };
  if (card.icon !== undefined) full.icon = card.icon;
  if (wire.alsoCondition) full.alsoCondition = wire.alsoCondition;
  if (card.facilitator) full.facilitator = card.facilitator;
  if (wire.behaviour) full.behaviour = textOf(wire.behaviour);
  const top = Math.max(...wire.points);
  const best = PRIMES.filter((p) => options.some((o) => o.prime === p && o.points === top));
  const results = wire.results.map(
    ([team, choice, tally, roles, reason, responsePoints, collabPoints, lockedBy, lockMs, sent, size, diagnosis, diagTally, diagnosisPoints]): TeamResult => ({
      team,
      choice: PRIMES[choice] ?? null,
      tally: { vision: tally[0], understanding: tally[1], clarity: tally[2], agility: tally[3] },
      diagnosis: CONDITIONS[diagnosis] ?? null,
      diagnosisTally: { volatility: diagTally[0], uncertainty: diagTally[1], complexity: diagTally[2], ambiguity: diagTally[3] },
      diagnosisPoints,
      rolesCommitted: ROLES.filter((_r, i) => (roles & (1 << i)) !== 0),
      reason,
      responsePoints,
      collabPoints,
      points: responsePoints + collabPoints + diagnosisPoints,
      lockedBy: LOCK_CAUSES[lockedBy] ?? null,
      lockMs: lockMs < 0 ? null : lockMs,
      sent,
      size,
    }),
  );
  return { round: wire.round, card: full, best, results };
}

// ---- the texts message ------------------------------------------------------

/**
 * The `texts` message: what changed of the round's texts. Sent to everyone the
 * moment the phase or round changes (so it arrives before the patch with the
 * new phase), and whole to every client that joins or reconnects.
 */
export interface TextsMessage {
  /** The card of the round being played (public from the briefing on). */
  card?: CardView;
  /** The compact reveal of that round, from the reveal on. */
  reveal?: RevealWire;
  /** At the final phase. */
  summary?: SummaryView;
}

/**
 * The texts for everyone but the trainer's console: never the facilitator
 * notes and, while teams must diagnose, neither the card's condition nor its
 * options' Primes. They come with the reveal (RevealWire).
 */
export function publicOnly(m: TextsMessage): TextsMessage {
  if (!m.card) return m;
  const { facilitator: _notes, condition, ...rest } = m.card;
  const card: CardView = m.card.diagnose
    ? { ...rest, options: m.card.options.map((o) => ({ text: o.text })) }
    : { ...rest, condition };
  return { ...m, card };
}

// ---- votes on the wire --------------------------------------------------------
// A vote travels as three characters: the option's display letter (A–D: the
// place it has on the phones this round, which says nothing of its Prime), the
// member's diagnosis (v, u, c, a, or "-" when none was asked) and "+" when the
// player commits their role cards, "-" when not. A map of short strings costs
// every client a fraction of what a map of objects does.

const OPTION_CODES = ["A", "B", "C", "D"] as const;
const DIAGNOSIS_CODES: Record<Condition, string> = { volatility: "v", uncertainty: "u", complexity: "c", ambiguity: "a" };
export function encodeVote(option: number, diagnosis: Condition | null, commit: boolean): string {
  return `${OPTION_CODES[option] ?? "?"}${diagnosis ? DIAGNOSIS_CODES[diagnosis] : "-"}${commit ? "+" : "-"}`;
}
export function decodeVote(code: string | undefined): VoteView | undefined {
  if (!code) return undefined;
  const option = (OPTION_CODES as readonly string[]).indexOf(code[0] ?? "");
  if (option < 0) return undefined;
  const diagnosis = CONDITIONS.find((c) => DIAGNOSIS_CODES[c] === code[1]) ?? null;
  return { option, diagnosis, commit: code[2] === "+" };
}
export interface VoteView {
  /** The option's display position this round (0 = A). */
  option: number;
  diagnosis: Condition | null;
  commit: boolean;
}

export type { CoreValue };
