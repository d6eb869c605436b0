// The game room: the switchboard between the clients, the rules and the
// synced state. A message goes through dispatch.ts (boundary checks, then an
// action for the rules); a change the rules accept is saved before it is
// shown (saving.ts), then copied into the synced state (../sync.ts) with the
// round's texts (texts.ts) and the reflection's messages (reflection.ts),
// and patched when it is due (patching.ts). Joins: joining.ts; seats and team
// views: seats.ts; what a room is created with: options.ts.
import { matchMaker, Room, type Client } from "@colyseus/core";
import { createGame, reduce, reflectionOpen } from "../../shared/rules/index.js";
import { mustSaveBeforeShowing, offline, restoredGame } from "../../shared/rules/restore.js";
import { displayIndexOf, orderFor } from "../../shared/rules/order.js";
import type { Action, GameState } from "../../shared/rules/types.js";
import type { JoinOptions } from "../../shared/protocol/messages.js";
import { CLOSE_REMOVED, SERVER_MESSAGES } from "../../shared/constants.js";
import type { Reason } from "../../shared/reasons.js";
import { packForRoute, type Pack } from "../../shared/scenario.js";
import type { Prime } from "../../shared/vuca.js";
import { newRoomState, type GameRoomState } from "../state.js";
import { syncState, timeLeftOf } from "../sync.js";
import { claimCode, CODE_REFRESH_MS, refreshCode, releaseCode } from "../codes.js";
import type { RoomServices } from "../services.js";
import { RoomSaving } from "./saving.js";
import { IdleClock, Patcher, PATCH_HEARTBEAT_MS, patchIntervalFor, TimeSync } from "./patching.js";
import { RoomTextsOut } from "./texts.js";
import { ReflectionOut } from "./reflection.js";
import { Seats, type GameClient } from "./seats.js";
import { handle, RateLimit, type Switchboard } from "./dispatch.js";
import { checkJoin, seatPlayer, sha256 } from "./joining.js";
import type { GameRoomOptions } from "./options.js";

export class GameRoom extends Room<{ state: GameRoomState; client: GameClient }> implements Switchboard {
  static services: RoomServices;

  game!: GameState;
  pack!: Pack;
  /** The game as the clients were last shown it (copied into the synced state); `game` may be ahead while a save is held. */
  shown!: GameState;
  private hostKeyHash = "";
  private code = "";
  private seats!: Seats;
  private saving!: RoomSaving;
  private readonly rate = new RateLimit(() => GameRoom.services.config.ratePerSecond);
  private readonly patcher = new Patcher(() => this.broadcastPatch(), () => this.clients.length > 0);
  private readonly texts = new RoomTextsOut({ clients: () => this.clients, shown: () => this.shown, pack: () => this.pack, teamOf: (id) => this.teamOf(id), patchNow: () => this.broadcastPatch() });
  private readonly reflection = new ReflectionOut({ game: () => this.game, shown: () => this.shown, clients: () => this.clients, players: () => this.seats.seated.values() });
  private timeSync!: TimeSync;
  private readonly idle = new IdleClock();
  private readonly ctx = () => ({ pack: this.pack, now: this.clock.currentTime });

  override async onCreate(options: GameRoomOptions) {
    this.autoDispose = false;
    this.patchRate = PATCH_HEARTBEAT_MS;
    // The clock runs on its own interval, not inside broadcastPatch: a patch can then be sent from anywhere
    // (see RoomTextsOut.refresh) without running the room's timers, and with them apply(), in the middle of another apply().
    this.setTimestep(() => {}, PATCH_HEARTBEAT_MS);
    this.hostKeyHash = options.hostKeyHash;
    const restore = options.restore;
    // A resumed session takes its code back: the route checked no room runs with it, and a claim
    // left behind by a killed process (Redis presence) must not keep it out.
    if (restore) await releaseCode(this.presence, restore.code);
    this.code = await claimCode(this.presence, undefined, restore?.code, GameRoom.services.codeStored);
    this.roomId = this.code;
    // Nobody is connected right after a restart; phones come back by themselves.
    this.game = restore ? offline(restoredGame(restore.game, restore.savedAt)) : createGame(options.settings, options.seed);
    // The route the trainer chose is part of the saved settings: a resumed room plays the same cards.
    this.pack = packForRoute(options.pack, this.game.settings.route);
    this.setState(newRoomState(this.code, this.pack, this.game));
    this.timeSync = new TimeSync(this.state, () => this.schedulePatch());
    this.shown = this.game;
    this.saving = new RoomSaving(this.game, {
      code: this.code,
      services: GameRoom.services,
      show: (game) => this.show(game),
      tellHosts: (message) => this.clients.forEach((c) => c.userData?.kind === "host" && c.send(SERVER_MESSAGES.saveTrouble, message)),
      snapshot: (game) => ({ code: this.code, hostKeyHash: this.hostKeyHash, pack: this.pack, game, devices: Object.fromEntries(this.seats.devices), banned: [...this.seats.banned] }),
    });
    syncState(this.state, this.game, null, this.clock.currentTime, this.pack);
    this.texts.refresh();
    // the teams' views: after syncState, which makes the teams
    this.seats = new Seats(this.state, restore);
    this.onMessage("*", (client, type, payload) => handle(this, this.rate, client, String(type), payload, (f) => GameRoom.services.log?.("handler-crash", { code: this.code, ...f })));
    this.clock.setInterval(() => this.tick(), 250);
    this.idle.empty(this.clock.currentTime);
    // the code's claim expires unless refreshed: a room whose process died lets its code go (codes.ts)
    this.clock.setInterval(() => void refreshCode(this.presence, this.code).catch(() => {}), CODE_REFRESH_MS);
    GameRoom.services.rooms.opened(this);
    void this.saving.saveNow();
  }

  /** Shape, version and identity of a join (joining.ts); the rules decide the rest in onJoin. */
  override onAuth(_client: Client, rawOptions: unknown) {
    return checkJoin(rawOptions, { game: this.game, seats: this.seats, code: this.code, hostKeyHash: this.hostKeyHash, ctx: this.ctx() });
  }

  override onJoin(client: GameClient, _options: unknown, auth: JoinOptions) {
    this.idle.joined();
    this.timeSync.refresh(timeLeftOf(this.shown, this.clock.currentTime));
    if (auth.kind !== "player") {
      client.userData = { kind: auth.kind };
      if (auth.kind === "host") client.view = this.seats.hostView;
      this.texts.sendTo(client);
      this.reflection.sendWall(client);
      const trouble = this.saving.troubleMessage;
      if (auth.kind === "host" && trouble) client.send(SERVER_MESSAGES.saveTrouble, trouble);
      if (auth.kind !== "host") this.countObservers();
      return;
    }
    const { playerId, rejoined } = seatPlayer(client, auth, { game: this.game, seats: this.seats, code: this.code, apply: (a) => this.apply(a) });
    this.seatView(client);
    client.send(SERVER_MESSAGES.welcome, { playerId, rejoined });
    this.texts.sendTo(client);
    this.reflection.sendReflection(client);
  }

  override async onDrop(client: GameClient) {
    const seat = client.userData;
    if (seat?.kind === "player" && this.seats.seated.get(seat.playerId) === client) this.apply({ type: "disconnect", playerId: seat.playerId });
    const socket = client.ref as unknown as { readyState?: number; close(code: number): void };
    // the window closes (or the room shuts down): onLeave follows
    await this.allowReconnection(client, GameRoom.services.config.reconnectSeconds).catch(() => {});
    // A second tab that resumed this seat with the same token (the same link
    // opened again) made Colyseus drop this one; it then leaves the old socket
    // open and deaf. Close it as "opened elsewhere": that page says so and
    // offers to take the seat back, instead of freezing.
    if (client.ref !== (socket as unknown) && socket.readyState === 1) socket.close(CLOSE_REMOVED);
  }

  override onReconnect(client: GameClient) {
    this.timeSync.refresh(timeLeftOf(this.shown, this.clock.currentTime));
    // broadcasts while the socket was down did not reach it
    this.texts.sendTo(client);
    const seat = client.userData;
    if (seat?.kind !== "player" || !this.game.players[seat.playerId]) return this.reflection.sendWall(client);
    this.seats.seated.set(seat.playerId, client);
    this.apply({ type: "reconnect", playerId: seat.playerId });
    this.seatView(client);
    this.reflection.sendReflection(client);
  }

  override onLeave(client: GameClient) {
    const seat = client.userData;
    if (seat?.kind === "player" && this.seats.seated.get(seat.playerId) === client) {
      this.seats.seated.delete(seat.playerId);
      if (this.game.players[seat.playerId]?.connected) this.apply({ type: "disconnect", playerId: seat.playerId });
    }
    if (seat?.kind === "board" || seat?.kind === "observer") this.countObservers();
    if (this.clients.length === 0) this.idle.empty(this.clock.currentTime);
  }

  override async onDispose() {
    this.reflection.stop();
    this.patcher.stop();
    await this.saving.lastSave();
    this.saving.stop();
    GameRoom.services.release?.(this.code);
    GameRoom.services.rooms.closed(this);
    await releaseCode(this.presence, this.code);
  }

  removePlayer(playerId: string, ban: boolean): Reason | null {
    const result = this.apply({ type: "removePlayer", playerId });
    if (!result.ok) return result.reason;
    // its phone is told once the removal (and the ban) is saved and shown (see show)
    this.seats.remove(playerId, ban);
    return null;
  }

  /** One action through the rules: the game changes at once; the clients are shown it once saved, when it must be. */
  apply(action: Action): { ok: true } | { ok: false; reason: Reason } {
    const result = reduce(this.game, action, this.ctx());
    if (!result.ok) return result;
    const prev = this.game;
    if (result.state === prev) return { ok: true };
    this.game = result.state;
    this.saving.change(this.game, mustSaveBeforeShowing(action, prev, this.game));
    return { ok: true };
  }

  /** Copies a saved (or save-exempt) game into the synced state and sends it: the save gate calls this in order. */
  private show(game: GameState): void {
    const prev = this.shown;
    this.shown = game;
    syncState(this.state, game, prev, this.clock.currentTime, this.pack);
    // players who joined or changed team: their team's view (and, of a reveal, their team's result)
    const clients = this.seats.moved(prev, game);
    clients.forEach((client) => this.seatView(client));
    if (prev.phase !== game.phase || prev.round !== game.round) {
      // every reveal opens on the teams' results, whatever the trainer showed last
      this.state.boardView = 0;
      this.texts.refresh();
    } else if (this.texts.hasReveal) clients.forEach((client) => this.texts.sendTo(client));
    // the wall leaves the board when a mid-game reflection closes
    if (this.state.boardView === 2 && !reflectionOpen(game) && game.phase !== "final") this.state.boardView = 0;
    this.schedulePatch();
    if (game.reflection !== prev.reflection || (game.phase === "final" && prev.phase !== "final")) this.reflection.changed(prev, game);
    if (prev.players !== game.players) this.seats.tellRemoved(game);
  }

  override broadcastPatch(): boolean {
    this.patcher.sent();
    return super.broadcastPatch();
  }

  schedulePatch(): void {
    this.patcher.schedule();
  }

  sendTexts(client: GameClient): void {
    this.texts.sendTo(client);
  }

  private teamOf(playerId: string): number {
    return this.shown.players[playerId]?.team ?? this.game.players[playerId]?.team ?? 0;
  }

  private seatView(client: GameClient): void {
    const seat = client.userData;
    if (seat?.kind === "player" && this.seats.seatView(client, this.teamOf(seat.playerId))) this.schedulePatch();
  }

  private countObservers(): void {
    this.state.observers = Seats.countObservers(this.clients);
    this.schedulePatch();
  }

  private tick(): void {
    this.patcher.gap = patchIntervalFor(matchMaker.stats.local.ccu);
    const now = this.clock.currentTime;
    if (this.game.phase === "deciding") this.apply({ type: "tick" });
    this.timeSync.tick(this.shown.phase === "deciding", timeLeftOf(this.shown, now));
    if (this.idle.expired(now, GameRoom.services.config)) void this.saving.lastSave().finally(() => this.disconnect());
  }

  /** Whether `key` is this session's host key and it plays `packId` (the card sheet's check, server/sheet.ts). */
  isHostOfPack(key: string, packId: string): boolean {
    return sha256(key) === this.hostKeyHash && this.pack.id === packId;
  }

  /** The display position (0 = A) of the current card's option with `prime` this round; -1 outside a round. */
  optionOf(prime: Prime): number {
    const card = this.pack.events[this.game.round];
    return card ? displayIndexOf(card, orderFor(this.game.settings, this.game.round, card.options.length), prime) : -1;
  }

  /** The phase the game is in (for remote calls: the delete route asks before closing a room). */
  currentPhase(): string {
    return this.game.phase;
  }

  /** The trainer deleted the session's data: tell everyone, save nothing more, close the room. */
  closeForDeletion(): void {
    this.saving.deleteAll();
    this.broadcast(SERVER_MESSAGES.closed, { deleted: true });
    void this.disconnect(CLOSE_REMOVED);
  }
}
