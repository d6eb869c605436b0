// The store in a thread of its own. better-sqlite3 works synchronously and a
// save writes several tables (about 2 ms for a 40-player session): on the
// game's thread, 50 rooms revealing at once would stall every room for a
// second. Here the game's thread only hands the snapshot over (a structured
// clone) and goes on; the worker runs the same SqlStore (SQLite or PostgreSQL)
// and answers each call. A worker that dies is started again on the next call,
// and the call that was running fails like any store error (the persister retries).
import { Worker } from "node:worker_threads";
import type { GameState } from "../../shared/rules/types.js";
import type { Pack } from "../../shared/scenario.js";
import { CodeTakenError, type ListOptions, type OpenStoreOptions, type SessionListItem, type SessionMeta, type SessionReport, type Store, type StoredSession } from "./types.js";

/** What travels to the worker: the options that can cross a thread (no log function). */
export type ThreadStoreOptions = Omit<OpenStoreOptions, "log">;

export interface WireError {
  name: string;
  message: string;
  retryable?: boolean;
  code?: string;
}

/** saveSessionParts: saveSession with the history as JSON, one string per round (see ThreadStore.saveSession). */
export type Call = { id: number; method: keyof Store | "saveSessionParts"; args: unknown[] };
export type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };
export type Hello = { ready: true; dialect: Store["dialect"] } | { ready: false; error: WireError };

function toError(wire: WireError): Error {
  if (wire.name === "CodeTakenError" && wire.code) return new CodeTakenError(wire.code);
  const error = new Error(wire.message) as Error & { retryable?: boolean };
  error.name = wire.name;
  if (wire.retryable !== undefined) error.retryable = wire.retryable;
  return error;
}

class ThreadStore implements Store {
  dialect: Store["dialect"] = "sqlite";
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closed = false;
  /** Each round's record as JSON: a record never changes once made (the rules build new states around it). */
  private roundJson = new WeakMap<object, string>();

  constructor(private readonly options: ThreadStoreOptions) {}

  /** Starts the worker (it opens the store and, unless told not to, migrates). */
  start(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    if (this.starting) return this.starting;
    this.starting = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL("./thread-worker.mjs", import.meta.url), {
        workerData: this.options,
        // it keeps nothing between calls: a small young generation keeps its memory small too
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 },
      });
      worker.unref(); // the server's own handles keep the process alive, not the store's thread
      let ready = false;
      worker.on("message", (message: Hello | Answer) => {
        if ("ready" in message) {
          if (message.ready) {
            ready = true;
            this.dialect = message.dialect;
            this.worker = worker;
            resolve(worker);
          } else reject(toError(message.error));
          return;
        }
        const call = this.pending.get(message.id);
        if (!call) return;
        this.pending.delete(message.id);
        if (message.ok) call.resolve(message.value);
        else call.reject(toError(message.error));
      });
      const gone = (error: Error) => {
        if (!ready) reject(error);
        if (this.worker === worker) this.worker = null;
        // every call still waiting on this worker fails; the next one starts a new worker
        for (const [id, call] of this.pending) {
          this.pending.delete(id);
          call.reject(error);
        }
      };
      worker.on("error", gone);
      worker.on("exit", (code) => gone(new Error(`store thread stopped (exit ${code})`)));
    }).finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async call<T>(method: Call["method"], ...args: unknown[]): Promise<T> {
    if (this.closed) throw new Error("store closed");
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies Call);
    });
  }

  migrate(): Promise<void> {
    return this.call("migrate");
  }
  /**
   * The snapshot crosses to the thread as a structured clone, except its
   * history: most of a session's bytes, and a played round never changes, so
   * each round is stringified once and crosses as one string. (A clone of a
   * whole 40-player session late in the game took the game's thread about
   * 0.4 ms per save, in the middle of the reveal.)
   */
  saveSession(meta: SessionMeta, snapshot: GameState): Promise<void> {
    const { history, ...rest } = snapshot;
    const rounds = history.map((record) => {
      let json = this.roundJson.get(record);
      if (json === undefined) this.roundJson.set(record, (json = JSON.stringify(record)));
      return json;
    });
    return this.call("saveSessionParts", meta, rest, rounds);
  }
  loadSession(code: string): Promise<StoredSession | null> {
    return this.call("loadSession", code);
  }
  listSessions(options?: ListOptions): Promise<SessionListItem[]> {
    return this.call("listSessions", options);
  }
  latestSnapshot(code: string): Promise<GameState | null> {
    return this.call("latestSnapshot", code);
  }
  report(code: string, pack: Pack): Promise<SessionReport | null> {
    return this.call("report", code, pack);
  }
  deleteSession(code: string): Promise<boolean> {
    return this.call("deleteSession", code);
  }
  /** Nothing to drop when the thread is not running (a new one keeps nothing yet). */
  release(code: string): Promise<void> {
    return this.worker && !this.closed ? this.call("release", code) : Promise.resolve();
  }
  purgeOlderThan(days: number, now?: number): Promise<string[]> {
    return this.call("purgeOlderThan", days, now);
  }
  async close(): Promise<void> {
    if (this.closed) return;
    const worker = this.worker;
    if (worker) await this.call("close").catch(() => {});
    this.closed = true;
    await worker?.terminate();
  }
  /** For tests: stops the worker as a crash would. */
  async crashForTest(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** Opens the store (as openStore does) in a worker thread; rejects when it cannot be opened. */
export async function openThreadStore(options: ThreadStoreOptions = {}): Promise<Store & { crashForTest(): Promise<void> }> {
  const store = new ThreadStore(options);
  await store.start();
  return store;
}
