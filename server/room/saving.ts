// Saved before shown: the room's hold-and-release of what its clients see
// (SaveGate), and the room's side of saving (RoomSaving: what a save holds,
// the store's trouble told to the trainer's console, the last save on close).
// Which changes must be saved before they are shown is a rule:
// shared/rules/restore.ts mustSaveBeforeShowing.
//
// The rules apply every action at once and in order (the game state is always
// current), but what the clients are shown — the synced state and the round's
// texts — follows the store: a change that must survive a crash (a phase or
// round change, a lock, a pause, a vote, a join, anything the trainer does) is
// shown only once a save that contains it is durable. Changes that need no
// save of their own (a phone's connection coming and going, the timer's tick)
// are shown at once when nothing is held, and saved within `lazyMs`.
//
// Group commit: every durable change asks for a save at the end of this turn
// of the event loop, and the persister keeps one write per room in flight with
// only the newest waiting snapshot (latest wins), so every vote that arrives
// while a write runs goes into the next single write.
//
// Release in order: when a save lands, the newest state it covers is shown
// (or the current one, when nothing since needs a save); a state is never
// shown before an older one.
//
// A store that does not answer (disk full, database down) must not freeze the
// game: after `holdMs` without a durable save the held state is shown anyway,
// the room is told (`onStuck`, the trainer's banner) and, until a save lands
// again, changes are shown at once while the store retries in the background.
// The trade-off: during such an outage what is shown may be lost by a crash —
// the trainer sees the banner saying so — rather than a class staring at a
// frozen screen.

import type { GameState } from "../../shared/rules/types.js";
import type { SaveTrouble, SaveTroubleMessage } from "../../shared/protocol/messages.js";
import type { RoomServices, RoomSnapshot } from "../services.js";

export interface SaveGateOptions<S> {
  /** Resolves once `state` (or a newer one) is durably stored; may never resolve while the store is down. */
  save(state: S): Promise<unknown>;
  /** Show this state to the clients (the room syncs it and patches). Called in order, never twice for one state. */
  show(state: S): void;
  /** The longest a change is held waiting for its save (default 2,000 ms). */
  holdMs?: number;
  /** A change that needs no save of its own is saved within this (default 1,000 ms). */
  lazyMs?: number;
  /** A save did not land within holdMs: the game goes on unsaved. */
  onStuck?(): void;
  /** A save landed again after onStuck. */
  onRecovered?(): void;
}

export const HOLD_MS = 2000;

export class SaveGate<S> {
  private version = 0;
  private latest: S;
  private shownVersion = 0;
  /** The newest version with a change that must be durable before it is shown. */
  private durableNeeded = 0;
  private savedVersion = 0;
  private saveSoon: ReturnType<typeof setImmediate> | undefined;
  private lazyTimer: ReturnType<typeof setTimeout> | undefined;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private stuck = false;
  private stopped = false;
  /** Saves asked for and not yet landed (a room waits for these before it closes). */
  private outstanding = new Set<Promise<unknown>>();

  constructor(
    initial: S,
    private readonly options: SaveGateOptions<S>,
  ) {
    this.latest = initial;
  }

  /** The store is not answering: changes are shown without waiting for it. */
  get isStuck(): boolean {
    return this.stuck;
  }

  /** Something changed is not shown yet. */
  get holding(): boolean {
    return this.shownVersion < this.version;
  }

  /** A new state after one action. `durable`: shown only once saved. */
  change(state: S, durable: boolean): void {
    if (this.stopped) return;
    this.version++;
    this.latest = state;
    if (durable) {
      this.durableNeeded = this.version;
      if (this.stuck) {
        this.release(this.version, state);
      } else {
        this.holdTimer ??= setTimeout(() => this.overdue(), this.options.holdMs ?? HOLD_MS);
      }
      this.saveSoon ??= setImmediate(() => {
        this.saveSoon = undefined;
        this.saveNow();
      });
      return;
    }
    if (this.durableNeeded <= this.savedVersion || this.stuck) this.release(this.version, state);
    if (!this.lazyTimer && !this.saveSoon) {
      this.lazyTimer = setTimeout(() => {
        this.lazyTimer = undefined;
        this.saveNow();
      }, this.options.lazyMs ?? 1000);
    }
  }

  /** Saves the current state now; resolves when it is durable (or at once once stopped). */
  saveNow(): Promise<unknown> {
    if (this.lazyTimer) clearTimeout(this.lazyTimer);
    this.lazyTimer = undefined;
    if (this.saveSoon) clearImmediate(this.saveSoon);
    this.saveSoon = undefined;
    if (this.stopped) return Promise.resolve();
    const version = this.version;
    const state = this.latest;
    const saving = this.options.save(state).then(() => this.landed(version, state));
    this.outstanding.add(saving);
    void saving.finally(() => this.outstanding.delete(saving));
    return saving;
  }

  /** Whether a save is asked for or running. */
  get pending(): boolean {
    return this.outstanding.size > 0 || !!this.saveSoon || !!this.lazyTimer;
  }

  /** Nothing more is saved or shown (the session was deleted, or the room closes). */
  stop(): void {
    this.stopped = true;
    if (this.lazyTimer) clearTimeout(this.lazyTimer);
    if (this.saveSoon) clearImmediate(this.saveSoon);
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.lazyTimer = this.saveSoon = this.holdTimer = undefined;
  }

  private landed(version: number, state: S): void {
    if (version > this.savedVersion) this.savedVersion = version;
    // the store made progress: a change still held gets a full holdMs from now
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    if (this.stuck) {
      this.stuck = false;
      this.options.onRecovered?.();
    }
    if (this.stopped) return;
    if (this.durableNeeded <= this.savedVersion) {
      // everything held since is shown: the rest needs no save of its own
      this.release(this.version, this.latest);
    } else {
      // newer durable changes wait for the next write (already asked for: see change)
      this.release(version, state);
    }
  }

  private release(version: number, state: S): void {
    if (version > this.shownVersion) {
      this.shownVersion = version;
      this.options.show(state);
    }
    if (this.shownVersion >= this.durableNeeded || this.stuck) {
      if (this.holdTimer) clearTimeout(this.holdTimer);
      this.holdTimer = undefined;
    } else if (!this.holdTimer) {
      this.holdTimer = setTimeout(() => this.overdue(), this.options.holdMs ?? HOLD_MS);
    }
  }

  private overdue(): void {
    this.holdTimer = undefined;
    if (this.stopped || this.shownVersion >= this.durableNeeded) return;
    this.stuck = true;
    this.options.onStuck?.();
    this.release(this.version, this.latest);
    // the held state goes on being saved (the persister retries); keep the newest one queued
    void this.saveNow();
  }
}

/** Changes that need no save of their own (connections, the timer) are saved at most this long after they happen. */
export const SAVE_DELAY_MS = 1000;

/** How long a room waits, when it closes, for its last save (the persister goes on retrying after). */
export const CLOSE_SAVE_WAIT_MS = 5000;

export interface RoomSavingOptions {
  code: string;
  /** The snapshot of `game` as it is saved (the devices and bans as they stand now). */
  snapshot(game: GameState): RoomSnapshot;
  /** Copies a saved (or save-exempt) game into what the clients see: the gate calls this in order. */
  show(game: GameState): void;
  /** To the trainer's consoles: saves fail, or land again. */
  tellHosts(message: SaveTroubleMessage): void;
  services: RoomServices;
}

/** One room's saves: every change through the gate, the store's trouble as the console is told it, the last save on close. */
export class RoomSaving {
  private readonly gate: SaveGate<GameState>;
  /** The store's trouble as the trainer's console is told it (null: saves land). */
  private trouble: SaveTrouble | null = null;
  /** Set when the trainer deleted the session: nothing is saved any more. */
  private deleted = false;

  constructor(
    initial: GameState,
    private readonly o: RoomSavingOptions,
  ) {
    this.gate = new SaveGate(initial, {
      save: (game) => this.save(game),
      show: o.show,
      holdMs: HOLD_MS,
      lazyMs: SAVE_DELAY_MS,
      // shown unsaved after HOLD_MS: the store is failing (the console's banner) or very slow
      onStuck: () => o.services.log?.("save-overdue", { code: o.code, holdMs: HOLD_MS }),
      onRecovered: () => o.services.log?.("save-caught-up", { code: o.code }),
    });
  }

  /** A new state after one action; `durable`: shown only once saved. */
  change(game: GameState, durable: boolean): void {
    this.gate.change(game, durable);
  }

  saveNow(): Promise<unknown> {
    return this.gate.saveNow();
  }

  /** What a console that joins is told, when saves are failing. */
  get troubleMessage(): SaveTroubleMessage | null {
    return this.trouble ? { failing: true, ...this.trouble } : null;
  }

  /** Before the room closes: the newest state saved, waiting at most CLOSE_SAVE_WAIT_MS (the persister keeps retrying after). */
  lastSave(): Promise<unknown> {
    if (this.deleted || !this.gate.pending) return Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((done) => (timer = setTimeout(done, CLOSE_SAVE_WAIT_MS)));
    return Promise.race([this.gate.saveNow(), bound]).finally(() => clearTimeout(timer));
  }

  /** The trainer deleted the session's data: nothing more is saved or shown. */
  deleteAll(): void {
    this.deleted = true;
    this.gate.stop();
  }

  stop(): void {
    this.gate.stop();
  }

  /**
   * Saves one state of the game; resolves once it (or a newer one) is durable.
   * A failed write is retried by the persister for as long as the process
   * runs and never breaks the room; its cause reaches the trainer's console.
   */
  private save(game: GameState): Promise<void> {
    if (this.deleted) return Promise.resolve();
    return this.o.services.persist(this.o.snapshot(game), (trouble) => this.report(trouble));
  }

  /** The trainer's console shows a banner while saves fail (null: they land again). */
  private report(trouble: SaveTrouble | null): void {
    if (trouble?.kind === this.trouble?.kind && trouble?.detail === this.trouble?.detail) return;
    this.trouble = trouble;
    this.o.tellHosts(trouble ? { failing: true, ...trouble } : { failing: false });
  }
}
