// The order in which a card's options are shown (A–D). Authors write the four
// options in Prime order (Vision, Understanding, Clarity, Agility), so showing
// them as written would give the Prime away by its place: each round shows
// them in an order drawn from the session's seed and the round, never the
// written one. Pure and deterministic: the room, a resumed room and the tests
// all derive the same order.
import type { Prime } from "../vuca.js";
import type { EventCard } from "../scenario.js";
import { shuffle } from "./random.js";

export const OPTION_LETTERS = ["A", "B", "C", "D"] as const;

/** `order[d]` is the index in `card.options` of the option shown at display position d. */
export function optionOrder(seed: number, round: number, count = 4): number[] {
  const written = Array.from({ length: count }, (_, i) => i);
  // mix the round into the seed so that consecutive rounds do not share an order
  const [order] = shuffle(written, (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca6b)) | 0);
  // never the written order: rotate by one instead (every place then moves)
  if (count > 1 && order.every((v, i) => v === i)) return written.map((i) => (i + 1) % count);
  return order;
}

/** The Prime of the option shown at display position `index`, or null when there is none. */
export function primeAtDisplay(card: Pick<EventCard, "options">, order: readonly number[], index: number): Prime | null {
  const written = order[index];
  return written === undefined ? null : (card.options[written]?.prime ?? null);
}

/** The display position of the option with `prime`, or -1. */
export function displayIndexOf(card: Pick<EventCard, "options">, order: readonly number[], prime: Prime): number {
  return order.findIndex((written) => card.options[written]?.prime === prime);
}

/** The order of the current round's options for a game's settings. */
export function orderFor(settings: { orderSeed?: number | undefined }, round: number, count = 4): number[] {
  return optionOrder(settings.orderSeed ?? 0, round, count);
}


