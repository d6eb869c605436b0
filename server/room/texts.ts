// The round's texts (card, reveal, summary) as the room sends them: each
// client gets a variant — the trainer's console everything ("host": the
// card's condition, Primes and facilitator notes while teams decide); the
// board and observers the public texts in both languages ("both"); a phone the
// public texts in its language ("id" leaves the English out, "en" keeps both)
// and, of a reveal, its own team's result only. Each variant is encoded once
// for all the clients that read it. Server-only: the filters below never
// reach a page's bundle.
import { getMessageBytes, Protocol } from "@colyseus/core";
import { SERVER_MESSAGES } from "../../shared/constants.js";
import { publicOnly, type TextsMessage, type WireText } from "../../shared/protocol/wire.js";
import { summarise } from "../../shared/rules/index.js";
import type { GameState } from "../../shared/rules/types.js";
import type { Pack } from "../../shared/scenario.js";
import { textsOf } from "../sync.js";
import { inOneWrite } from "./patching.js";
import type { GameClient } from "./seats.js";

export type TextsVariant = "host" | "both" | `${"id" | "en"}:${number}`;

export function textsFor(variant: TextsVariant, texts: TextsMessage): TextsMessage {
  if (variant === "host") return texts;
  const open = publicOnly(texts);
  if (variant === "both") return open;
  const [lang, team] = variant.split(":") as ["id" | "en", string];
  return ownTeamOnly(lang === "id" ? indonesianOnly(open) : open, Number(team));
}

/** A `texts` message encoded once, to go to many clients as it is. */
function textsBytes(message: TextsMessage): Uint8Array {
  return getMessageBytes.raw(Protocol.ROOM_DATA, SERVER_MESSAGES.texts, message);
}

/** What the texts read of the room. */
export interface TextsRoom {
  clients(): Iterable<GameClient>;
  /** The game as shown (saved). */
  shown(): GameState;
  pack(): Pack;
  /** The team a player's phone reads the reveal of. */
  teamOf(playerId: string): number;
  /** Sends the synced state's patch now. */
  patchNow(): void;
}

/** The round's texts as they stand, what changed of them, and their encoded variants. */
export class RoomTextsOut {
  /** The round's texts as they stand (sent whole to every client that joins), and each one's JSON as last broadcast. */
  private texts: TextsMessage = {};
  private json = { card: "", reveal: "", summary: "" };
  /** The whole texts as sent to a joining client, encoded once per variant. */
  private whole = new Map<TextsVariant, Uint8Array>();

  constructor(private readonly room: TextsRoom) {}

  private variantOf(client: GameClient): TextsVariant {
    const seat = client.userData;
    if (seat?.kind === "host") return "host";
    return seat?.kind === "player" ? `${seat.lang}:${this.room.teamOf(seat.playerId)}` : "both";
  }

  /**
   * Recomputes the round's texts from the game as shown and, when they
   * changed (a phase or round change), sends them and the patch with the new
   * phase right away, in one write per socket: a page never shows a phase
   * without its texts, and a room's reveal leaves the moment its last vote is
   * in, not after every other message the server has waiting.
   */
  refresh(): void {
    const changed = this.update(textsOf(this.room.shown(), this.room.pack(), summarise));
    const clients = [...this.room.clients()];
    if (!changed || clients.length === 0) return;
    inOneWrite(clients, () => {
      this.sendChanged(clients, changed);
      // Safe from inside apply(): the room's clock runs on its own interval
      // (see GameRoom.onCreate), so a patch never runs tick() and apply() again.
      this.room.patchNow();
    });
  }

  /** A reveal is among the texts (a player who changes team then gets their new team's result). */
  get hasReveal(): boolean {
    return !!this.texts.reveal;
  }

  /** The texts as they now stand; returns what changed of them (null: nothing). */
  private update(texts: TextsMessage): TextsMessage | null {
    const changed: TextsMessage = {};
    for (const key of ["card", "reveal", "summary"] as const) {
      const json = texts[key] ? JSON.stringify(texts[key]) : "";
      if (json === this.json[key]) continue;
      this.json[key] = json;
      if (texts[key]) (changed as Record<string, unknown>)[key] = texts[key];
    }
    this.texts = texts;
    if (Object.keys(changed).length === 0) return null;
    this.whole.clear();
    return changed;
  }

  /** The whole texts, to one client (a join, a reconnect, a language change). */
  sendTo(client: GameClient): void {
    const variant = this.variantOf(client);
    let bytes = this.whole.get(variant);
    if (!bytes) this.whole.set(variant, (bytes = textsBytes(textsFor(variant, this.texts))));
    client.enqueueRaw(bytes);
  }

  /** What changed, to every client: each variant encoded once. */
  private sendChanged(clients: Iterable<GameClient>, changed: TextsMessage): void {
    const bytes = new Map<TextsVariant, Uint8Array>();
    for (const client of clients) {
      const variant = this.variantOf(client);
      let encoded = bytes.get(variant);
      if (!encoded) bytes.set(variant, (encoded = textsBytes(textsFor(variant, changed))));
      client.enqueueRaw(encoded);
    }
  }
}

/**
 * The texts for a phone reading Indonesian: the English beside each text left
 * out, about half the bytes of a card or a reveal. English phones (and the
 * board and console, which switch language on the spot) get both; a phone
 * that switches tells the room, which sends its texts again (see `lang`).
 */
export function indonesianOnly(m: TextsMessage): TextsMessage {
  const out: TextsMessage = {};
  if (m.card) {
    const card = m.card;
    out.card = {
      ...card,
      title: { id: card.title.id },
      narrative: { id: card.narrative.id },
      options: card.options.map((o) => (o.prime ? { prime: o.prime, text: { id: o.text.id } } : { text: { id: o.text.id } })),
    };
    if (card.facilitator) out.card.facilitator = { id: card.facilitator.id };
  }
  if (m.reveal) {
    const reveal = m.reveal;
    out.reveal = {
      ...reveal,
      conditionReason: [reveal.conditionReason[0]],
      reasons: reveal.reasons.map((r): WireText => [r[0]]),
      reflection: [reveal.reflection[0]],
    };
    if (reveal.behaviour) out.reveal.behaviour = [reveal.behaviour[0]];
  }
  if (m.summary) out.summary = m.summary;
  return out;
}

/**
 * The texts for a player's phone: of the reveal's results, only its own
 * team's (the phone shows no other team's result; the board, console and
 * observers get them all). A reveal of eight teams is then one eighth of the
 * results to carry and decode on each of the room's phones.
 */
export function ownTeamOnly(m: TextsMessage, team: number): TextsMessage {
  if (!m.reveal) return m;
  return { ...m, reveal: { ...m.reveal, results: m.reveal.results.filter((r) => r[0] === team) } };
}
