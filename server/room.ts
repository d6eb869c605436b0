// The game room: a switchboard between validated messages, the rules and the
// synced state. Boundary checks run in one fixed order — size → shape → rate
// → who → (the rules check phase and permission) — and every refusal is
// answered with a named reason; the client stays connected.
import { createHash } from "node:crypto";
import { getMessageBytes, matchMaker, Protocol, Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { nanoid } from "nanoid";
import { createGame, entryOf, freeName, reduce, reflectionOf, reflectionOpen, summarise, wallOf } from "../shared/rules/index.js";
import type { Action, GameState, Settings } from "../shared/rules/types.js";
import { JoinOptionsSchema, MessageSchemas, type HostAction, type JoinOptions, type MessagePayload, type MessageType, type ReflectionMessage, type RemovedMessage, type SaveTrouble, type SaveTroubleMessage, type WallMessage } from "../shared/protocol.js";
import { CLOSE_REMOVED, MAX_PAYLOAD_BYTES, SERVER_MESSAGES } from "../shared/constants.js";
import type { Reason } from "../shared/reasons.js";
import { packForRoute, type Pack } from "../shared/scenario.js";
import { displayIndexOf, orderFor, primeAtDisplay } from "../shared/rules/order.js";
import { BEHAVIOUR_LIST, behaviourOf } from "../shared/behaviours.js";
import type { Prime } from "../shared/vuca.js";
import { indonesianOnly, ownTeamOnly, publicOnly, type TextsMessage } from "../shared/view.js";
import { GameRoomState } from "./state.js";
import { syncState, textsOf, timeLeftOf } from "./sync.js";
import { claimCode, CODE_REFRESH_MS, refreshCode, releaseCode } from "./codes.js";
import { HOLD_MS, SaveGate } from "./room-saving.js";
import type { RoomServices } from "./services.js";
import { countRefusal } from "./log.js";

export interface GameRoomOptions {
  pack: Pack;
  settings: Settings;
  hostKeyHash: string;
  seed: number;
  /** Resume from a saved state (after a server restart), with the code it had. */
  restore?: RestoreOptions | undefined;
}

export interface RestoreOptions {
  code: string;
  game: GameState;
  devices: Record<string, string>;
  banned: string[];
  /** Epoch ms of the save the game comes from: a running deciding timer continues from what was left then. */
  savedAt?: number | undefined;
}

/**
 * The least time between two patches of a room, given the phones the whole
 * process carries. Every patch writes one frame to each of the room's clients;
 * past about a thousand phones those writes alone outlast 50 ms (Colyseus'
 * default interval), the server falls behind, and during a burst of votes each
 * phone gets more, smaller patches, later. So the spacing grows with the load:
 * 50 ms up to 1,000 phones, then 1 ms per 20 phones, at most 150 ms. A change
 * after a quiet spell goes out at once (see schedulePatch), and a phase change
 * (the reveal) never waits (see updateTexts).
 */
export function patchIntervalFor(phones: number): number {
  return Math.round(Math.min(150, Math.max(50, phones / 20)));
}

/** The room's own patch interval: a safety net (and the clock's heartbeat); changes are patched by schedulePatch. */
const PATCH_HEARTBEAT_MS = 100;

/**
 * While deciding, the seconds left are patched every this many seconds (and
 * whenever the timer jumps), not every second: each page counts down by itself
 * between patches (shared/view.ts Countdown). A patch a second to every phone
 * was, at a few thousand phones, as many frames as all their votes.
 */
export const TIME_SYNC_SECONDS = 5;

/** Changes that need no save of their own (connections, the timer) are saved at most this long after they happen. */
export const SAVE_DELAY_MS = 1000;

/** How long a room waits, when it closes, for its last save (the persister goes on retrying after). */
const CLOSE_SAVE_WAIT_MS = 5000;

/**
 * Whether a change must be durable before any client is shown it (see
 * room-saving.ts): everything but a phone's connection coming and going and
 * the timer's tick — unless those changed the phase, the round, the pause or a
 * lock (time running out locks the teams and reveals).
 */
export function mustSaveBeforeShowing(action: Action, prev: GameState, next: GameState): boolean {
  if (action.type !== "tick" && action.type !== "reconnect" && action.type !== "disconnect") return true;
  return (
    prev.phase !== next.phase ||
    prev.round !== next.round ||
    prev.timer.paused !== next.timer.paused ||
    next.teams.some((team, i) => team.locked !== prev.teams[i]?.locked)
  );
}

/**
 * A restored deciding round comes back paused with the time it had left at
 * the last save: nobody is connected right after a restart, and the trainer
 * resumes the timer once the phones are back.
 */
export function restoredGame(game: GameState, savedAt: number | undefined): GameState {
  const timer = game.timer;
  if (game.phase !== "deciding" || timer.paused || timer.deadline === null) return game;
  const total = timer.totalMs ?? game.settings.roundSeconds * 1000;
  const left = savedAt === undefined ? timer.remainingMs : timer.deadline - savedAt;
  const remainingMs = Math.max(5000, Math.min(total, Math.round(left)));
  return { ...game, timer: { ...timer, paused: true, deadline: null, remainingMs } };
}

type Seat =
  | { kind: "host" }
  | { kind: "board" }
  | { kind: "observer" }
  /** lang: the language the phone reads; its texts come in that language only when it is Indonesian. */
  | { kind: "player"; playerId: string; deviceHash: string; lang: "id" | "en" };

type GameClient = Client<{ userData: Seat }>;

/**
 * Which variant of the texts a client gets: the trainer's console everything
 * ("host": the card's condition, Primes and facilitator notes while teams
 * decide); the board and observers the public texts in both languages
 * ("both"); a phone the public texts in its language ("id" leaves the English
 * out, "en" keeps both) and, of a reveal, its own team's result only.
 */
type TextsVariant = "host" | "both" | `${"id" | "en"}:${number}`;

function textsFor(variant: TextsVariant, texts: TextsMessage): TextsMessage {
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

/** The board's views as synced (state.boardView): 0 results, 1 responses (and, at the final, the wall), 2 the wall. */
const BOARD_VIEWS = ["results", "responses", "wall"] as const;

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");


/** The message schemas by own name only (see dispatch). */
const MESSAGE_SCHEMAS = new Map<string, (typeof MessageSchemas)[MessageType]>(
  Object.entries(MessageSchemas) as [string, (typeof MessageSchemas)[MessageType]][],
);

function refuse(client: Client, reason: Reason, type?: string, suggestion?: string): void {
  countRefusal(reason);
  client.send(SERVER_MESSAGES.refused, { reason, ...(type ? { type } : {}), ...(suggestion ? { suggestion } : {}) });
}

export class GameRoom extends Room<{ state: GameRoomState; client: GameClient }> {
  static services: RoomServices;

  game!: GameState;
  pack!: Pack;
  private hostKeyHash = "";
  private code = "";
  /** deviceHash → playerId: the same device re-entering the code gets its seat back. */
  private devices = new Map<string, string>();
  private banned = new Set<string>();
  /** playerId → the client currently in that seat. */
  private seated = new Map<string, GameClient>();
  /** Removed players' phones, told once the removal is saved (see tellRemoved). */
  private leaving = new Map<string, { client: GameClient; banned: boolean }>();
  private teamViews: StateView[] = [];
  private hostView = new StateView();
  private buckets = new WeakMap<Client, { tokens: number; at: number }>();
  private emptySince: number | null = null;
  /** Nobody has joined yet: the room closes after UNJOINED_MINUTES instead of IDLE_MINUTES. */
  private unjoined = true;
  /** The game as the clients were last shown it (copied into the synced state); `game` may be ahead while a save is held. */
  private shown!: GameState;
  /** Holds what clients are shown until it is saved (see room-saving.ts). */
  private gate!: SaveGate<GameState>;
  /** The store's trouble as the trainer's console is told it (null: saves land). */
  private saveTrouble: SaveTrouble | null = null;
  /** Set when the trainer deleted the session: nothing is saved any more. */
  private deleted = false;
  /** The round's texts as they stand (sent whole to every client that joins), and each one's JSON as last broadcast. */
  private texts: TextsMessage = {};
  private textsJson = { card: "", reveal: "", summary: "" };
  /** The whole texts as sent to a joining client, encoded once per variant. */
  private textsBytes = new Map<TextsVariant, Uint8Array>();
  /** When the last patch went out, the least spacing before the next, and the patch waiting for it. */
  private lastPatchAt = 0;
  private patchGap = patchIntervalFor(0);
  private patchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The wall goes to the board and the console at most this often while the reflection is typed. */
  private wallTimer: ReturnType<typeof setTimeout> | undefined;

  override async onCreate(options: GameRoomOptions) {
    this.autoDispose = false;
    this.patchRate = PATCH_HEARTBEAT_MS;
    // The clock runs on its own interval, not inside broadcastPatch: a patch
    // can then be sent from anywhere (see updateTexts) without running the
    // room's timers, and with them apply(), in the middle of another apply().
    this.setTimestep(() => {}, PATCH_HEARTBEAT_MS);
    this.hostKeyHash = options.hostKeyHash;
    const restore = options.restore;
    // A resumed session takes its code back: the route checked no room runs with it, and a claim
    // left behind by a killed process (Redis presence) must not keep it out.
    if (restore) await releaseCode(this.presence, restore.code);
    this.code = await claimCode(this.presence, undefined, restore?.code, GameRoom.services.codeStored);
    this.roomId = this.code;
    this.game = restore ? restoredGame(restore.game, restore.savedAt) : createGame(options.settings, options.seed);
    // The route the trainer chose is part of the saved settings: a resumed room plays the same cards.
    this.pack = packForRoute(options.pack, this.game.settings.route);
    if (restore) {
      for (const [hash, id] of Object.entries(restore.devices)) this.devices.set(hash, id);
      restore.banned.forEach((h) => this.banned.add(h));
      // Nobody is connected right after a restart; phones come back by themselves.
      for (const id of Object.keys(this.game.players)) {
        if (!this.game.players[id]?.connected) continue;
        const result = reduce(this.game, { type: "disconnect", playerId: id }, this.ctx());
        if (result.ok) this.game = result.state;
      }
    }

    const state = new GameRoomState();
    state.code = this.code;
    state.packId = this.pack.id;
    state.packTitle = JSON.stringify(this.pack.title);
    state.roundCount = this.pack.events.length;
    state.roundSeconds = this.game.settings.roundSeconds;
    state.volume = 6;
    state.boardMotion = true;
    this.setState(state);
    this.shown = this.game;
    this.gate = new SaveGate(this.game, {
      save: (game) => this.save(game),
      show: (game) => this.show(game),
      holdMs: HOLD_MS,
      lazyMs: SAVE_DELAY_MS,
      // shown unsaved after HOLD_MS: the store is failing (the console's banner) or very slow
      onStuck: () => GameRoom.services.log?.("save-overdue", { code: this.code, holdMs: HOLD_MS }),
      onRecovered: () => GameRoom.services.log?.("save-caught-up", { code: this.code }),
    });
    syncState(this.state, this.game, null, this.clock.currentTime, this.pack);
    this.updateTexts();
    this.state.teams.forEach((team) => {
      const view = new StateView();
      view.add(team);
      this.teamViews.push(view);
      this.hostView.add(team);
    });

    this.onMessage("*", (client, type, payload) => this.handle(client, String(type), payload));
    this.clock.setInterval(() => this.tick(), 250);
    this.emptySince = this.clock.currentTime;
    // the code's claim expires unless refreshed: a room whose process died lets its code go (codes.ts)
    this.clock.setInterval(() => void refreshCode(this.presence, this.code).catch(() => {}), CODE_REFRESH_MS);
    GameRoom.services.rooms.opened(this);
    void this.gate.saveNow();
  }

  /** Shape and identity of a join; the rules decide the rest in onJoin. */
  override onAuth(_client: Client, rawOptions: unknown, context: { ip?: string | string[] }) {
    const parsed = JoinOptionsSchema.safeParse(rawOptions);
    if (!parsed.success) throw new ServerError(400, "BAD_MESSAGE");
    const options = parsed.data;
    if (options.kind === "host" && sha256(options.hostKey) !== this.hostKeyHash) {
      throw new ServerError(403, "INVALID_HOST_KEY");
    }
    if (options.kind === "player") {
      const deviceHash = sha256(`${this.code}:${options.device}`);
      if (this.banned.has(deviceHash)) throw new ServerError(403, "BANNED");
      if (!this.devices.has(deviceHash)) {
        // A dry run of the join, so the phone hears "name taken" before it is seated.
        const dry = reduce(this.game, { type: "join", playerId: "?", name: options.name, team: options.team }, this.ctx());
        if (!dry.ok) {
          const suggestion = dry.reason === "NAME_TAKEN" ? freeName(options.name, Object.values(this.game.players).map((p) => p.name)) : undefined;
          throw new ServerError(409, suggestion ? `${dry.reason}|${suggestion}` : dry.reason);
        }
      }
    }
    void context;
    return options;
  }

  override onJoin(client: GameClient, _options: unknown, auth: JoinOptions) {
    this.emptySince = null;
    this.unjoined = false;
    this.refreshTimeLeft();
    if (auth.kind === "host") {
      client.userData = { kind: "host" };
      client.view = this.hostView;
      this.sendTexts(client);
      this.sendWall(client);
      if (this.saveTrouble) client.send(SERVER_MESSAGES.saveTrouble, { failing: true, ...this.saveTrouble } satisfies SaveTroubleMessage);
      return;
    }
    if (auth.kind === "board" || auth.kind === "observer") {
      client.userData = { kind: auth.kind };
      this.state.observers = this.countObservers();
      this.schedulePatch();
      this.sendTexts(client);
      this.sendWall(client);
      return;
    }
    const deviceHash = sha256(`${this.code}:${auth.device}`);
    let playerId = this.devices.get(deviceHash);
    let rejoined = true;
    if (playerId && this.game.players[playerId]) {
      const previous = this.seated.get(playerId);
      if (previous && previous !== client) previous.leave(CLOSE_REMOVED);
      this.apply({ type: "reconnect", playerId });
    } else {
      rejoined = false;
      playerId = this.newPlayerId();
      const result = this.apply({ type: "join", playerId, name: auth.name, team: auth.team });
      if (!result.ok) throw new ServerError(409, result.reason);
      this.devices.set(deviceHash, playerId);
    }
    client.userData = { kind: "player", playerId, deviceHash, lang: auth.lang ?? "id" };
    this.seated.set(playerId, client);
    this.seatView(client);
    client.send(SERVER_MESSAGES.welcome, { playerId, rejoined });
    this.sendTexts(client);
    this.sendReflection(client);
  }

  override async onDrop(client: GameClient) {
    const seat = client.userData;
    if (seat?.kind === "player" && this.seated.get(seat.playerId) === client) {
      this.apply({ type: "disconnect", playerId: seat.playerId });
    }
    try {
      await this.allowReconnection(client, GameRoom.services.config.reconnectSeconds);
    } catch {
      // the window closed (or the room is shutting down): onLeave follows
    }
  }

  override onReconnect(client: GameClient) {
    this.refreshTimeLeft();
    // broadcasts while the socket was down did not reach it
    this.sendTexts(client);
    const seat = client.userData;
    if (seat?.kind === "player" && this.game.players[seat.playerId]) {
      this.seated.set(seat.playerId, client);
      this.apply({ type: "reconnect", playerId: seat.playerId });
      this.seatView(client);
      this.sendReflection(client);
    } else this.sendWall(client);
  }

  override onLeave(client: GameClient) {
    const seat = client.userData;
    if (seat?.kind === "player" && this.seated.get(seat.playerId) === client) {
      this.seated.delete(seat.playerId);
      if (this.game.players[seat.playerId]?.connected) this.apply({ type: "disconnect", playerId: seat.playerId });
    }
    if (seat?.kind === "board" || seat?.kind === "observer") {
      this.state.observers = this.countObservers();
      this.schedulePatch();
    }
    if (this.clients.length === 0) this.emptySince = this.clock.currentTime;
  }

  override async onDispose() {
    if (this.wallTimer) clearTimeout(this.wallTimer);
    this.wallTimer = undefined;
    if (this.patchTimer) clearTimeout(this.patchTimer);
    this.patchTimer = undefined;
    await this.lastSave();
    this.gate.stop();
    GameRoom.services.rooms.closed(this);
    await releaseCode(this.presence, this.code);
  }

  // ---- messages -----------------------------------------------------------

  /**
   * One message from one client. Whatever it holds, an error thrown while it is
   * handled is caught here: logged once with the room's code, answered with a
   * reason, and the room (and every other room of the process) goes on.
   */
  private handle(client: GameClient, type: string, payload: unknown): void {
    try {
      this.dispatch(client, type, payload);
    } catch (error) {
      GameRoom.services.log?.("handler-crash", { code: this.code, type: type.slice(0, 32), error: String((error as Error)?.message ?? error).slice(0, 200) });
      try {
        refuse(client, "SERVER_ERROR");
      } catch {
        // the client is gone: nothing to answer
      }
    }
  }

  private dispatch(client: GameClient, type: string, payload: unknown): void {
    let size = 0;
    try {
      size = payload === undefined ? 0 : JSON.stringify(payload)?.length ?? 0;
    } catch {
      return refuse(client, "BAD_MESSAGE", type.slice(0, 32));
    }
    if (size > MAX_PAYLOAD_BYTES) return refuse(client, "TOO_LARGE", type.slice(0, 32));
    // A client string never picks a schema by plain object lookup: "__proto__" or
    // "constructor" would find Object.prototype's members.
    const schema = MESSAGE_SCHEMAS.get(type);
    if (!schema) return refuse(client, "BAD_MESSAGE", type.slice(0, 32));
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) return refuse(client, "BAD_MESSAGE", type);
    if (!this.takeToken(client)) return refuse(client, "RATE_LIMITED", type);

    const seat = client.userData;
    if (!seat) return refuse(client, "NOT_PLAYER", type);
    if (type === "board") {
      if (seat.kind !== "host") return refuse(client, "NOT_HOST", type);
      const board = parsed.data as MessagePayload<"board">;
      // the wall only while a reflection is open or at the final (where the console still asks for it as "responses")
      if (board.view === "wall" && !reflectionOpen(this.game) && this.game.phase !== "final") return refuse(client, "WRONG_PHASE", type);
      if (board.view !== undefined) this.state.boardView = BOARD_VIEWS.indexOf(board.view);
      if (board.volume !== undefined) this.state.volume = board.volume;
      if (board.motion !== undefined) this.state.boardMotion = board.motion;
      this.schedulePatch();
      return;
    }
    let action: Action;
    if (type === "host") {
      if (seat.kind !== "host") return refuse(client, "NOT_HOST", type);
      const host = parsed.data as HostAction;
      if (host.action === "banPlayer") return this.removePlayer(client, host.playerId, true);
      if (host.action === "removePlayer") return this.removePlayer(client, host.playerId, false);
      const { action: hostType, ...fields } = host;
      action = { type: hostType, ...fields } as Action;
    } else {
      if (seat.kind !== "player") return refuse(client, "NOT_PLAYER", type);
      const playerId = seat.playerId;
      const data = parsed.data as Record<string, unknown>;
      if (type === "lang") {
        // not a game action: the texts again, in the phone's language
        const lang = data.lang as "id" | "en";
        if (seat.lang !== lang) {
          seat.lang = lang;
          this.sendTexts(client);
        }
        return;
      }
      switch (type as Exclude<MessageType, "host" | "lang" | "board">) {
        case "submit": {
          // The phone names the option by its place on screen (A–D); the round's order gives its Prime.
          const card = this.pack.events[this.game.round];
          const prime = card && this.game.phase === "deciding" ? primeAtDisplay(card, orderFor(this.game.settings, this.game.round, card.options.length), data.option as number) : null;
          if (!prime) return refuse(client, this.game.phase === "deciding" ? "BAD_MESSAGE" : "WRONG_PHASE", type);
          action = { type: "submit", playerId, prime, diagnosis: data.diagnosis as never, commit: data.commit as boolean };
          break;
        }
        case "reason":
          action = { type: "reason", playerId, text: data.text as string };
          break;
        case "lock":
          action = { type: "lock", playerId };
          break;
        case "team":
          action = { type: "chooseTeam", playerId, team: data.team as number };
          break;
        case "reflect":
          // the sender's own chain only: the seat, never the payload, names whose
          action = { type: "reflect", playerId, patch: data as MessagePayload<"reflect"> };
          break;
      }
    }
    const result = this.apply(action);
    if (!result.ok) return refuse(client, result.reason, type);
    // a player who changed team gets that team's view when the change is shown (see show)
  }

  private takeToken(client: Client): boolean {
    // A token bucket per client: over budget, messages are refused (not dropped).
    const rate = GameRoom.services.config.ratePerSecond;
    const now = Date.now();
    const bucket = this.buckets.get(client) ?? { tokens: rate * 2, at: now };
    bucket.tokens = Math.min(rate * 2, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private removePlayer(host: GameClient, playerId: string, ban: boolean): void {
    const result = this.apply({ type: "removePlayer", playerId });
    if (!result.ok) return refuse(host, result.reason, "host");
    for (const [hash, id] of this.devices) {
      if (id !== playerId) continue;
      this.devices.delete(hash);
      if (ban) this.banned.add(hash);
    }
    const client = this.seated.get(playerId);
    this.seated.delete(playerId);
    // told once the removal (and the ban) is saved and shown, like every change the class sees (see show)
    if (client) this.leaving.set(playerId, { client, banned: ban });
  }

  /** Phones removed by the trainer whose removal is not shown yet: told "removed" when it is (see show). */
  private tellRemoved(game: GameState): void {
    for (const [playerId, { client, banned }] of this.leaving) {
      if (Object.hasOwn(game.players, playerId)) continue;
      this.leaving.delete(playerId);
      client.send(SERVER_MESSAGES.removed, { banned } satisfies RemovedMessage);
      client.leave(CLOSE_REMOVED);
    }
  }

  // ---- rules ---------------------------------------------------------------

  private ctx() {
    return { pack: this.pack, now: this.clock.currentTime };
  }

  /**
   * Runs one action through the rules. The game state changes at once (the
   * next action sees it); the clients are shown it once it is saved, when it
   * must be (see mustSaveBeforeShowing and room-saving.ts).
   */
  apply(action: Action): { ok: true } | { ok: false; reason: Reason } {
    const result = reduce(this.game, action, this.ctx());
    if (!result.ok) return result;
    const prev = this.game;
    if (result.state === prev) return { ok: true };
    this.game = result.state;
    this.gate.change(this.game, mustSaveBeforeShowing(action, prev, this.game));
    return { ok: true };
  }

  /** Copies a saved (or save-exempt) game into the synced state and sends it: the gate calls this in order. */
  private show(game: GameState): void {
    const prev = this.shown;
    this.shown = game;
    syncState(this.state, game, prev, this.clock.currentTime, this.pack);
    // players who joined or changed team: their team's view (and, of a reveal, their team's result)
    const moved: GameClient[] = [];
    if (prev.players !== game.players) {
      for (const [id, player] of Object.entries(game.players)) {
        if (prev.players[id]?.team === player.team) continue;
        const client = this.seated.get(id);
        if (client) moved.push(client);
      }
      moved.forEach((client) => this.seatView(client));
    }
    if (prev.phase !== game.phase || prev.round !== game.round) {
      // every reveal opens on the teams' results, whatever the trainer showed last
      this.state.boardView = 0;
      this.updateTexts();
    } else if (this.state.boardView === 2 && !reflectionOpen(game)) this.state.boardView = 0; else if (this.texts.reveal) moved.forEach((client) => this.sendTexts(client));
    this.schedulePatch();
    if (game.reflection !== prev.reflection || (game.phase === "final" && prev.phase !== "final")) this.reflectionChanged(prev, game);
    if (this.leaving.size > 0 && prev.players !== game.players) this.tellRemoved(game);
  }

  // ---- the closing reflection ------------------------------------------------

  /**
   * A shown change of the reflection (saved first, like every player's action):
   * the wall to the board and the console soon; each phone its own chain when
   * the reflection opens or closes.
   */
  private reflectionChanged(prev: GameState, game: GameState): void {
    this.wallTimer ??= setTimeout(() => {
      this.wallTimer = undefined;
      for (const client of this.clients) this.sendWall(client, true);
    }, 300);
    const final = game.phase === "final" && prev.phase !== "final";
    if (final || reflectionOpen(game) !== reflectionOpen(prev) || reflectionOf(game).closed !== reflectionOf(prev).closed) {
      for (const client of this.seated.values()) this.sendReflection(client, true);
    }
  }

  /**
   * A player's own chain, to that player only (never part of the synced
   * state): the latest the room has, so a phone that reloads gets back every
   * field it sent. At the final or while open mid-game; `always`: also to say it closed.
   */
  private sendReflection(client: GameClient, always = false): void {
    const seat = client.userData;
    const open = reflectionOpen(this.shown);
    if (seat?.kind !== "player" || (!always && !open && this.shown.phase !== "final")) return;
    const message: ReflectionMessage = { entry: entryOf(this.game, seat.playerId), open, closed: reflectionOf(this.shown).closed, behaviours: BEHAVIOUR_LIST };
    client.send(SERVER_MESSAGES.reflection, message);
  }

  /**
   * The anonymous wall as shown (saved), at the final or while the reflection
   * is open mid-game (`always`: after any change, to say it closed too); the
   * console's copy names each card's seat so the trainer can hide one.
   */
  private sendWall(client: GameClient, always = false): void {
    const seat = client.userData;
    const game = this.shown;
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

  override broadcastPatch(): boolean {
    this.lastPatchAt = performance.now();
    if (this.patchTimer) clearTimeout(this.patchTimer);
    this.patchTimer = undefined;
    return super.broadcastPatch();
  }

  /**
   * The state changed: patch at the end of this turn of the event loop if the
   * last patch is at least `patchGap` old, else as soon as it is. A vote after
   * a quiet spell reaches the phones at once; a burst of votes goes out at most
   * once per gap.
   */
  private schedulePatch(): void {
    if (this.patchTimer) return; // one is coming anyway
    const wait = Math.max(0, this.lastPatchAt + this.patchGap - performance.now());
    this.patchTimer = setTimeout(() => {
      this.patchTimer = undefined;
      if (this.clients.length > 0) this.broadcastPatch();
    }, wait);
  }

  /**
   * Recomputes the round's texts and, when they changed, sends them and the
   * patch with the new phase right away, in one write per socket: a page never
   * shows a phase without its texts, and a room's reveal leaves the moment its
   * last vote is in, not after every other message the server has waiting.
   */
  private updateTexts(): void {
    const texts = textsOf(this.shown, this.pack, summarise);
    const changed: TextsMessage = {};
    for (const key of ["card", "reveal", "summary"] as const) {
      const json = texts[key] ? JSON.stringify(texts[key]) : "";
      if (json === this.textsJson[key]) continue;
      this.textsJson[key] = json;
      if (texts[key]) (changed as Record<string, unknown>)[key] = texts[key];
    }
    this.texts = texts;
    if (Object.keys(changed).length === 0) return;
    this.textsBytes.clear();
    if (this.clients.length === 0) return;
    // each variant encoded once, for all the clients that read it
    const bytes = new Map<TextsVariant, Uint8Array>();
    const bytesFor = (variant: TextsVariant) => {
      let encoded = bytes.get(variant);
      if (!encoded) bytes.set(variant, (encoded = textsBytes(textsFor(variant, changed))));
      return encoded;
    };
    const sockets: { uncork(): void }[] = [];
    for (const client of this.clients) {
      // the ws transport's socket; other transports simply write as they do
      const socket = (client as unknown as { ref?: { _socket?: { cork?: () => void; uncork(): void } } }).ref?._socket;
      if (typeof socket?.cork !== "function") continue;
      socket.cork();
      sockets.push(socket);
    }
    try {
      for (const client of this.clients) client.enqueueRaw(bytesFor(this.variantOf(client)));
      // Safe from inside apply(): the room's clock runs on its own interval
      // (see onCreate), so a patch never runs tick() and apply() again.
      this.broadcastPatch();
    } finally {
      for (const socket of sockets) socket.uncork();
    }
  }

  /** The exact seconds left, for a page that arrives between two of the timer's patches. */
  private refreshTimeLeft(): void {
    const left = timeLeftOf(this.shown, this.clock.currentTime);
    if (this.state.timeLeft === left) return;
    this.state.timeLeft = left;
    this.schedulePatch();
  }

  private sendTexts(client: GameClient): void {
    const variant = this.variantOf(client);
    let bytes = this.textsBytes.get(variant);
    if (!bytes) this.textsBytes.set(variant, (bytes = textsBytes(textsFor(variant, this.texts))));
    client.enqueueRaw(bytes);
  }

  private variantOf(client: GameClient): TextsVariant {
    const seat = client.userData;
    if (seat?.kind === "host") return "host";
    if (seat?.kind !== "player") return "both";
    return `${seat.lang}:${this.shown.players[seat.playerId]?.team ?? this.game.players[seat.playerId]?.team ?? 0}`;
  }

  private tick(): void {
    this.patchGap = patchIntervalFor(matchMaker.stats.local.ccu);
    const now = this.clock.currentTime;
    if (this.game.phase === "deciding") this.apply({ type: "tick" });
    if (this.shown.phase === "deciding") {
      const left = timeLeftOf(this.shown, now);
      // every few seconds, not every second: the pages count down by themselves (Countdown)
      if (this.state.timeLeft !== left && left % TIME_SYNC_SECONDS === 0) {
        this.state.timeLeft = left;
        this.schedulePatch();
      }
    }
    const { idleMinutes, unjoinedMinutes } = GameRoom.services.config;
    const idleMs = (this.unjoined ? unjoinedMinutes : idleMinutes) * 60_000;
    if (this.emptySince !== null && now - this.emptySince > idleMs) {
      this.emptySince = null;
      void this.lastSave().finally(() => this.disconnect());
    }
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
    this.deleted = true;
    this.gate.stop();
    this.broadcast(SERVER_MESSAGES.closed, { deleted: true });
    void this.disconnect(CLOSE_REMOVED);
  }

  /**
   * Saves one state of the game; resolves once it (or a newer one) is durable.
   * A failed write is retried by the persister for as long as the process
   * runs and never breaks the room; its cause reaches the trainer's console.
   */
  private save(game: GameState): Promise<void> {
    if (this.deleted) return Promise.resolve();
    return GameRoom.services.persist(
      {
        code: this.code,
        hostKeyHash: this.hostKeyHash,
        pack: this.pack,
        game,
        devices: Object.fromEntries(this.devices),
        banned: [...this.banned],
      },
      (trouble) => this.reportSaveTrouble(trouble),
    );
  }

  /** Before the room closes: the newest state saved, waiting at most CLOSE_SAVE_WAIT_MS (the persister keeps retrying after). */
  private lastSave(): Promise<unknown> {
    if (this.deleted || !this.gate.pending) return Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((done) => (timer = setTimeout(done, CLOSE_SAVE_WAIT_MS)));
    return Promise.race([this.gate.saveNow(), bound]).finally(() => clearTimeout(timer));
  }

  /** The trainer's console shows a banner while saves fail (null: they land again). */
  private reportSaveTrouble(trouble: SaveTrouble | null): void {
    if (trouble?.kind === this.saveTrouble?.kind && trouble?.detail === this.saveTrouble?.detail) return;
    this.saveTrouble = trouble;
    const message: SaveTroubleMessage = trouble ? { failing: true, ...trouble } : { failing: false };
    for (const client of this.clients) {
      if (client.userData?.kind === "host") client.send(SERVER_MESSAGES.saveTrouble, message);
    }
  }

  // ---- seats and views -------------------------------------------------------

  private seatView(client: GameClient): void {
    const seat = client.userData;
    if (seat?.kind !== "player") return;
    const team = this.shown.players[seat.playerId]?.team ?? this.game.players[seat.playerId]?.team ?? 0;
    const view = this.teamViews[team];
    if (!view || client.view === view) return;
    const joinedBefore = client.view !== undefined;
    client.view = view;
    // A client that already decoded another team's view has never been sent
    // this team's secret fields (its vote map's ref among them): a full state
    // is only sent at join. Adding the team to the shared view again queues a
    // snapshot of it for the next patch (@colyseus/schema re-snapshots a
    // default-tag re-add on purpose), so the newcomer learns the map before
    // any change to it arrives; the team's other members decode the same
    // values again, which changes nothing for them.
    const teamState = this.state.teams[team];
    if (joinedBefore && teamState) {
      view.add(teamState);
      this.schedulePatch();
    }
  }

  private countObservers(): number {
    let n = 0;
    // the board is the room's own screen, not someone watching
    for (const c of this.clients) if (c.userData?.kind === "observer") n++;
    return n;
  }

  private newPlayerId(): string {
    let id: string;
    do id = `p${nanoid(10)}`;
    while (this.game.players[id]);
    return id;
  }
}
