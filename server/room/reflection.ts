// The reflection's messages (never part of the synced state): each phone its
// own chain, the board and the console the class's anonymous wall — at the
// final, and mid-game while the trainer has the reflection open. Both follow
// what is shown (saved first), like every change the class sees.
import { SERVER_MESSAGES } from "../../shared/constants.js";
import { BEHAVIOUR_LIST, behaviourOf } from "../../shared/behaviours.js";
import type { ReflectionMessage, WallMessage } from "../../shared/protocol/messages.js";
import { entryOf, reflectionOf, reflectionOpen, wallOf } from "../../shared/rules/index.js";
import type { GameState } from "../../shared/rules/types.js";
import type { GameClient } from "./seats.js";

/** What the sender reads of the room: the game as it is, as shown, every client, and the seated players' clients. */
export interface ReflectionRoom {
  game(): GameState;
  shown(): GameState;
  clients(): Iterable<GameClient>;
  players(): Iterable<GameClient>;
}

export class ReflectionOut {
  /** The wall goes to the board and the console at most this often while the reflection is typed. */
  private wallTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly room: ReflectionRoom) {}

  /**
   * A shown change of the reflection (saved first, like every player's action):
   * the wall to the board and the console soon; each phone its own chain when
   * the reflection opens or closes (mid-game or at the final).
   */
  changed(prev: GameState, game: GameState): void {
    this.wallTimer ??= setTimeout(() => {
      this.wallTimer = undefined;
      for (const client of this.room.clients()) this.sendWall(client, true);
    }, 300);
    const final = game.phase === "final" && prev.phase !== "final";
    if (final || reflectionOpen(game) !== reflectionOpen(prev) || reflectionOf(game).closed !== reflectionOf(prev).closed) {
      for (const client of this.room.players()) this.sendReflection(client, true);
    }
  }

  /**
   * A player's own chain, to that player only: the latest the room has, so a
   * phone that reloads gets back every field it sent. At the final or while
   * open mid-game; `always`: also to say it closed.
   */
  sendReflection(client: GameClient, always = false): void {
    const seat = client.userData;
    const shown = this.room.shown();
    const open = reflectionOpen(shown);
    if (seat?.kind !== "player" || (!always && !open && shown.phase !== "final")) return;
    const message: ReflectionMessage = { entry: entryOf(this.room.game(), seat.playerId), open, closed: reflectionOf(shown).closed, behaviours: BEHAVIOUR_LIST };
    client.send(SERVER_MESSAGES.reflection, message);
  }

  /**
   * The anonymous wall as shown (saved), at the final or while the reflection
   * is open mid-game (`always`: after any change, to say it closed too); the
   * console's copy names each card's seat so the trainer can hide one.
   */
  sendWall(client: GameClient, always = false): void {
    const seat = client.userData;
    const game = this.room.shown();
    // the board and the console only (observers' pages do not show it)
    if (seat?.kind !== "board" && seat?.kind !== "host") return;
    if (!always && game.phase !== "final" && !reflectionOpen(game)) return;
    const message: WallMessage = wallOf(game);
    message.labels = {};
    for (const id of Object.keys(message.behaviours)) {
      const b = behaviourOf(id);
      if (b) message.labels[id] = { value: b.value, text: b.text };
    }
    if (seat.kind === "host") {
      const r = reflectionOf(game);
      message.cards = Object.entries(r.entries)
        .filter(([id, e]) => e.done && Object.hasOwn(game.players, id))
        .sort(([, a], [, b]) => a.at - b.at)
        .map(([playerId, e]) => ({ playerId, text: e.activity.trim(), hidden: r.hidden.includes(playerId) }));
    }
    client.send(SERVER_MESSAGES.wall, message);
  }

  stop(): void {
    if (this.wallTimer) clearTimeout(this.wallTimer);
    this.wallTimer = undefined;
  }
}
