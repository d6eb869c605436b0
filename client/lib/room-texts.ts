// What a page keeps of the room's `texts` messages (shared/protocol/wire.ts),
// read against the synced state: the card of the state's round, its reveal
// (put back whole) in the reveal and scoreboard phases, the summary at the final.
import { expandReveal, type CardView, type RevealView, type RevealWire, type SummaryView, type TextsMessage } from "../../shared/protocol/wire.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";

/**
 * What a page keeps of the `texts` messages, read against the state: the card
 * of the state's round, its reveal in the reveal and scoreboard phases, the
 * summary in the final phase. Keyed by round, so the order in which a message
 * and a patch arrive never pairs one round's reveal with another's card.
 */
export class RoomTexts {
  private cards = new Map<number, CardView>();
  private reveals = new Map<number, RevealWire>();
  private lastSummary: SummaryView | null = null;
  private expanded: { wire: RevealWire; card: CardView; view: RevealView | null } | null = null;
  /** Grows with every message: part of a page's render signature. */
  version = 0;

  take(message: TextsMessage): void {
    if (message.card) this.cards.set(message.card.round, message.card);
    if (message.reveal) this.reveals.set(message.reveal.round, message.reveal);
    if (message.summary) this.lastSummary = message.summary;
    // Only the round being played is ever read; the one before stays in case
    // its patch is still on the way. Older rounds go: a page open all day, or
    // a thousand of them in one benchmark process, does not keep every card.
    const round = Math.max(message.card?.round ?? -1, message.reveal?.round ?? -1);
    for (const map of [this.cards, this.reveals] as Map<number, unknown>[]) {
      for (const kept of map.keys()) if (kept < round - 1) map.delete(kept);
    }
    this.version++;
  }

  /** Forget everything (a new room, or a fresh join to the same one: it sends its texts again). */
  clear(): void {
    this.cards.clear();
    this.reveals.clear();
    this.lastSummary = null;
    this.expanded = null;
    this.version++;
  }

  card(state: Pick<RoomStateView, "phase" | "round">): CardView | null {
    if (state.phase === "lobby" || state.phase === "final") return null;
    return this.cards.get(state.round) ?? null;
  }

  /** The whole reveal of the state's round, in the reveal and scoreboard phases. */
  reveal(state: Pick<RoomStateView, "phase" | "round">): RevealView | null {
    if (state.phase !== "reveal" && state.phase !== "scoreboard") return null;
    const wire = this.reveals.get(state.round);
    const card = this.cards.get(state.round);
    if (!wire || !card) return null;
    if (this.expanded?.wire !== wire || this.expanded.card !== card) this.expanded = { wire, card, view: expandReveal(card, wire) };
    return this.expanded.view;
  }

  summary(state: Pick<RoomStateView, "phase">): SummaryView | null {
    return state.phase === "final" ? this.lastSummary : null;
  }
}
