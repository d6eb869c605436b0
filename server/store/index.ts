// Opening the store (PostgreSQL when DATABASE_URL is set, else an SQLite file
// in the data folder), the retry helper the room saves through, and a
// persister that turns room snapshots into saves (latest wins, never throws).
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import pg from "pg";
import type { GameState } from "../../shared/rules/types.js";
import type { SaveTrouble, SaveTroubleKind } from "../../shared/protocol/messages.js";
import { SqlStore } from "./sql.js";
import type { Database } from "./schema.js";
import type { Log, OpenStoreOptions, Store, StoredSession } from "./types.js";

export type { Store, SessionMeta, SessionReport, StoredSession, SessionListItem, ListOptions, ReportView, Log, OpenStoreOptions } from "./types.js";
export { REPORT_VIEWS, CodeTakenError } from "./types.js";
export { SqlStore } from "./sql.js";
export { TABLES } from "./schema.js";
export { buildReport } from "../../shared/rules/report.js";
export { openThreadStore } from "./thread.js";

export const SQLITE_FILE = "arena-vuca.sqlite";

const defaultLog: Log = (message, error) => console.error(message, error instanceof Error ? error.message : (error ?? ""));

/** Opens the store and brings its tables up to date. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl !== undefined ? options.databaseUrl : process.env.DATABASE_URL;
  const log = options.log ?? defaultLog;
  let store: SqlStore;
  if (url) {
    const schema = options.pgSchema;
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its connection must not crash the process.
    pool.on("error", (error) => log("store: PostgreSQL connection error", error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = new SqlStore(db, { dialect: "postgres", schema });
  } else {
    const dir = resolve(options.dataDir ?? "data");
    mkdirSync(dir, { recursive: true });
    const database = new BetterSqlite3(join(dir, SQLITE_FILE));
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = FULL");
    database.pragma("busy_timeout = 5000");
    database.pragma(`cache_size = -${SQLITE_CACHE_KB}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    store = new SqlStore(db, { dialect: "sqlite" });
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => {});
      throw error;
    }
  }
  return store;
}

/**
 * SQLite's page cache, in KB. better-sqlite3 builds SQLite with 16 MB
 * (SQLITE_DEFAULT_CACHE_SIZE=-16000), and the cache fills as the database
 * grows: over a day of classes the store thread's memory crept up by that
 * much (the soak's "RSS not flat", README "Soak"). A save touches a few pages
 * of the live sessions; 4 MB holds them many times over, and older pages come
 * from the system's file cache.
 */
export const SQLITE_CACHE_KB = 4000;

/** How many prepared statements the SQLite connection keeps (a save uses about a dozen shapes). */
export const STATEMENT_CACHE_SIZE = 200;

/**
 * The SQLite database as Kysely sees it, with its statements prepared once:
 * Kysely asks for a new statement for every query, and preparing (parsing and
 * planning the SQL) cost a save more than running it. Keyed by the SQL text; a
 * full cache starts over. Kysely runs one query at a time on the connection,
 * so a statement is never used twice at once.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => void database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export interface RetryOptions {
  /** Tries in all (default 5). */
  attempts?: number | undefined;
  /** Wait before the 2nd try; doubles each time, at most 30 s (default 200 ms). */
  delayMs?: number | undefined;
  log?: Log | undefined;
  /** Names the operation in the log lines. */
  label?: string | undefined;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Runs `fn` until it succeeds: each failure is logged and retried after a
 * growing delay. Never throws: resolves true on success, false after the last
 * attempt failed (or at once for an error marked `retryable: false`).
 */
export async function withRetry(fn: () => Promise<unknown>, options: RetryOptions = {}): Promise<boolean> {
  const attempts = Math.max(1, Math.trunc(options.attempts ?? 5));
  const base = Math.max(0, options.delayMs ?? 200);
  const log = options.log ?? defaultLog;
  const label = options.label ?? "store write";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await fn();
      return true;
    } catch (error) {
      const hopeless = (error as { retryable?: unknown } | null)?.retryable === false;
      if (attempt === attempts || hopeless) {
        safeLog(log, `${label} failed (attempt ${attempt}/${attempts}), giving up`, error);
        return false;
      }
      const wait = Math.min(30_000, base * 2 ** (attempt - 1));
      safeLog(log, `${label} failed (attempt ${attempt}/${attempts}), retrying in ${wait} ms`, error);
      await sleep(wait);
    }
  }
  return false;
}

function safeLog(log: Log, message: string, error: unknown): void {
  try {
    log(message, error);
  } catch {
    // a broken logger must not break the room either
  }
}

/** What the room hands over at each phase change (structurally server/services.ts' RoomSnapshot). */
export interface RoomSnapshotLike {
  code: string;
  hostKeyHash: string;
  pack: { id: string };
  game: GameState;
  devices: Record<string, string>;
  banned: string[];
}

export interface Persister {
  /**
   * Queues a save of this snapshot; resolves when it (or a newer one of the
   * room) is durably written — retrying for as long as the persister lives —
   * or at once after an error that no retry can fix (retryable: false).
   * Never rejects. `trouble` hears the cause while the room's saves fail and
   * null once they land again.
   */
  persist(snapshot: RoomSnapshotLike, trouble?: (trouble: StoreTrouble | null) => void): Promise<void>;
  /** Resolves once every queued save has finished, or after `timeoutMs` (then false). */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Forgets what it knows of a session (after it was deleted, its code may start a new one). */
  forget(code: string): void;
  /**
   * The session's room has closed: once every write of it has landed (a failing
   * one goes on being retried first), what is kept of it in memory here and in
   * the store is dropped. A later save of the code (a resumed room) starts afresh.
   */
  release(code: string): void;
  /** Snapshots not yet written (to keep them over a restart: see spool). */
  unsaved(): RoomSnapshotLike[];
}

/** The longest wait between two tries of a failing save. */
export const RETRY_MAX_MS = 5000;

/** What kind of trouble a store error is (the trainer's banner names it in their language). */
export type StoreTroubleKind = SaveTroubleKind;
export type StoreTrouble = SaveTrouble;

/** The cause of a store error: disk full, permission, database unreachable or missing tables — and the driver's own message. */
export function storeTroubleOf(error: unknown): StoreTrouble {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : String(error);
  const all = `${code} ${message}`;
  let kind: StoreTroubleKind = "other";
  if (/SQLITE_FULL|ENOSPC|disk is full|database or disk is full|53100/i.test(all)) kind = "disk-full";
  else if (/SQLITE_READONLY|SQLITE_PERM|SQLITE_CANTOPEN|EACCES|EPERM|EROFS|readonly database|permission denied|42501/i.test(all)) kind = "permission";
  else if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|57P0[123]|\b08\d{3}\b|Connection terminated|timeout exceeded when trying to connect|connect/i.test(all)) kind = "unreachable";
  else if (/3F000|42P01|no such table|does not exist/i.test(all)) kind = "tables-missing";
  else if (/SQLITE_IOERR|\bEIO\b/i.test(all)) kind = "io";
  const detail = `${code && !message.includes(code) ? `${code}: ` : ""}${message}`.slice(0, 200);
  return { kind, detail };
}

const TROUBLE_WORDS: Record<StoreTroubleKind, string> = {
  "disk-full": "disk full",
  permission: "permission denied",
  unreachable: "database unreachable",
  "tables-missing": "database tables missing",
  io: "disk I/O error",
  other: "store error",
};

/** A store error in one line for the log: its kind, then the driver's own words. */
export function describeStoreError(error: unknown): string {
  const trouble = storeTroubleOf(error);
  return `${TROUBLE_WORDS[trouble.kind]} (${trouble.detail})`;
}

/**
 * Turns room snapshots into saveSession calls, one write at a time per room:
 * while a save runs, only the newest waiting snapshot is kept (latest wins).
 * A failed write is tried again with a growing pause (options.delayMs
 * doubling up to RETRY_MAX_MS), with the newest snapshot, for as long as the
 * persister lives; the first failure is logged with its cause, a different
 * cause again, and the recovery once.
 */
export function createPersister(store: Store, options: RetryOptions & { now?: () => number } = {}): Persister {
  const now = options.now ?? Date.now;
  const log = options.log ?? defaultLog;
  const base = Math.max(1, options.delayMs ?? 200);
  /** Per room: createdAt and the updatedAt of the last write, once known. */
  const known = new Map<string, { createdAt: number; lastAt: number }>();
  const running = new Map<string, Promise<void>>();
  type Entry = { snapshot: RoomSnapshotLike; takenAt: number; done: Array<() => void>; trouble?: ((trouble: StoreTrouble | null) => void) | undefined };
  const waiting = new Map<string, Entry>();
  /** The snapshot being written, per room. */
  const writing = new Map<string, RoomSnapshotLike>();
  /** Per room whose saves fail: the cause last logged and the tries so far. */
  const failing = new Map<string, { cause: string; tries: number; since: number }>();
  const forgotten = new Set<string>();
  /** Rooms closed while a write of theirs was still running. */
  const releasing = new Set<string>();
  const drop = (code: string) => {
    releasing.delete(code);
    known.delete(code);
    failing.delete(code);
    store.release(code).catch(() => {}); // only a cache: a failure costs one whole write later
  };
  const label = (code: string) => options.label ?? `saving session ${code}`;

  const write = async (snapshot: RoomSnapshotLike, takenAt: number): Promise<void> => {
    const code = snapshot.code;
    let times = known.get(code);
    if (!times) {
      // A resumed room continues above what is stored, even if this machine's clock went back.
      const found = await store.loadSession(code);
      times = found ? { createdAt: found.createdAt, lastAt: found.updatedAt } : { createdAt: takenAt, lastAt: 0 };
      known.set(code, times);
    }
    // strictly increasing per room, so a newer snapshot always wins in the store
    const at = Math.max(now(), times.lastAt + 1);
    times.lastAt = at;
    const game = snapshot.game;
    await store.saveSession(
      {
        code,
        packId: snapshot.pack.id,
        hostKeyHash: snapshot.hostKeyHash,
        settings: game.settings,
        createdAt: times.createdAt,
        phase: game.phase,
        updatedAt: at,
        endedAt: game.phase === "final" ? at : null,
        devices: snapshot.devices,
        banned: snapshot.banned,
      },
      game,
    );
  };

  const drain = (code: string): Promise<void> => {
    const run = (async () => {
      let pause = base;
      for (;;) {
        const next = waiting.get(code);
        if (!next) break;
        waiting.delete(code);
        writing.set(code, next.snapshot);
        let error: unknown = null;
        try {
          await write(next.snapshot, next.takenAt);
        } catch (e) {
          error = e ?? new Error("unknown store error");
        }
        writing.delete(code);
        if (forgotten.has(code)) {
          next.done.forEach((d) => d());
          break;
        }
        const trouble = failing.get(code);
        if (error === null) {
          if (trouble) {
            failing.delete(code);
            safeLog(log, `${label(code)}: saved again after ${trouble.tries} failed tries (${Math.round((now() - trouble.since) / 1000)} s)`, undefined);
            safeCall(next.trouble, null);
          }
          pause = base;
          next.done.forEach((d) => d());
          continue;
        }
        const cause = describeStoreError(error);
        const kind = storeTroubleOf(error);
        if ((error as { retryable?: unknown }).retryable === false) {
          safeLog(log, `${label(code)} failed, not retried: ${cause}`, undefined);
          next.done.forEach((d) => d());
          continue;
        }
        if (!trouble || trouble.cause !== cause) {
          safeLog(log, `${label(code)} failed: ${cause} — retrying until it works`, undefined);
          safeCall(next.trouble, kind);
        }
        failing.set(code, { cause, tries: (trouble?.tries ?? 0) + 1, since: trouble?.since ?? now() });
        // the newest snapshot goes next; this one's waiters are answered with it
        const newer = waiting.get(code);
        if (newer) {
          newer.done.unshift(...next.done);
          newer.trouble ??= next.trouble;
        } else waiting.set(code, next);
        await sleep(pause);
        pause = Math.min(RETRY_MAX_MS, pause * 2);
      }
    })().finally(() => {
      running.delete(code);
      if (releasing.has(code) && !waiting.has(code)) drop(code);
    });
    running.set(code, run);
    return run;
  };

  return {
    persist(snapshot, trouble) {
      forgotten.delete(snapshot.code);
      releasing.delete(snapshot.code);
      const entry = waiting.get(snapshot.code) ?? { snapshot, takenAt: now(), done: [] };
      entry.snapshot = snapshot; // latest wins while a write is running
      if (trouble) entry.trouble = trouble;
      waiting.set(snapshot.code, entry);
      const promise = new Promise<void>((done) => entry.done.push(done));
      if (!running.has(snapshot.code)) void drain(snapshot.code);
      return promise;
    },
    async flush(timeoutMs) {
      const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
      while (running.size > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const all = Promise.all([...running.values()]);
        if (left === Infinity) await all;
        else await Promise.race([all, new Promise<void>((done) => (timer = setTimeout(done, left)))]).finally(() => clearTimeout(timer));
      }
      return true;
    },
    release(code) {
      if (running.has(code) || waiting.has(code)) releasing.add(code);
      else drop(code);
    },
    forget(code) {
      known.delete(code);
      failing.delete(code);
      if (running.has(code)) forgotten.add(code);
      const dropped = waiting.get(code);
      waiting.delete(code);
      dropped?.done.forEach((d) => d());
    },
    unsaved() {
      const out = new Map<string, RoomSnapshotLike>(writing);
      for (const [code, entry] of waiting) out.set(code, entry.snapshot); // newer than the one being written
      return [...out.values()];
    },
  };
}

function safeCall(fn: ((trouble: StoreTrouble | null) => void) | undefined, trouble: StoreTrouble | null): void {
  try {
    fn?.(trouble);
  } catch {
    // a listener's error must not stop the saves
  }
}

/** What GameRoomOptions.restore needs to bring a saved session back, or null. */
export async function loadForResume(
  store: Store,
  code: string,
): Promise<{ session: StoredSession; restore: { code: string; game: GameState; devices: Record<string, string>; banned: string[] } } | null> {
  const [session, game] = await Promise.all([store.loadSession(code), store.latestSnapshot(code)]);
  if (!session || !game) return null;
  return { session, restore: { code: session.code, game, devices: session.devices, banned: session.banned } };
}
