// Opening the store (PostgreSQL when DATABASE_URL is set, else an SQLite file
// in the data folder), the retry helper the room saves through, and a
// persister that turns room snapshots into saves (latest wins, never throws).
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import pg from "pg";
import type { GameState } from "../../shared/rules/types.js";
import { SqlStore, type Database } from "./sql.js";
import type { Store, StoredSession } from "./types.js";

export type { Store, SessionMeta, SessionReport, StoredSession, SessionListItem, ListOptions, ReportView } from "./types.js";
export { REPORT_VIEWS } from "./types.js";
export { SqlStore, TABLES, buildReport, CodeTakenError } from "./sql.js";
export { openThreadStore } from "./thread.js";

export const SQLITE_FILE = "arena-vuca.sqlite";

export type Log = (message: string, error?: unknown) => void;
const defaultLog: Log = (message, error) => console.error(message, error instanceof Error ? error.message : (error ?? ""));

export interface OpenStoreOptions {
  /** PostgreSQL URL; when undefined, process.env.DATABASE_URL is used; "" forces SQLite. */
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file (default ./data), created when missing. */
  dataDir?: string | undefined;
  /** PostgreSQL schema for the tables (created when missing); default: the connection's search_path. */
  pgSchema?: string | undefined;
  /** Run the migrations at open (default true). */
  migrate?: boolean | undefined;
  /** Where PostgreSQL pool errors go (default console.error). */
  log?: Log | undefined;
}

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
  /** Queues a save of this snapshot; resolves when it (or a newer one) is written or given up. Never rejects. */
  persist(snapshot: RoomSnapshotLike): Promise<void>;
  /** Resolves once every queued save has finished. */
  flush(): Promise<void>;
  /** Forgets what it knows of a session (after it was deleted, its code may start a new one). */
  forget(code: string): void;
}

/**
 * Turns room snapshots into saveSession calls, one write at a time per room:
 * while a save runs, only the newest waiting snapshot is kept (latest wins),
 * and every write goes through withRetry.
 */
export function createPersister(store: Store, options: RetryOptions & { now?: () => number } = {}): Persister {
  const now = options.now ?? Date.now;
  /** Per room: createdAt and the updatedAt of the last write, once known. */
  const known = new Map<string, { createdAt: number; lastAt: number }>();
  const running = new Map<string, Promise<void>>();
  const waiting = new Map<string, { snapshot: RoomSnapshotLike; takenAt: number; done: Array<() => void> }>();
  const label = (code: string) => options.label ?? `saving session ${code}`;

  const write = async (snapshot: RoomSnapshotLike, takenAt: number): Promise<void> => {
    const code = snapshot.code;
    let times = known.get(code);
    if (!times) {
      // A resumed room continues above what is stored, even if this machine's clock went back.
      let stored: StoredSession | null = null;
      await withRetry(async () => void (stored = await store.loadSession(code)), { ...options, label: `${label(code)} (reading)` });
      const found = stored as StoredSession | null;
      times = found ? { createdAt: found.createdAt, lastAt: found.updatedAt } : { createdAt: takenAt, lastAt: 0 };
      known.set(code, times);
    }
    // strictly increasing per room, so a newer snapshot always wins in the store
    const at = Math.max(now(), times.lastAt + 1);
    times.lastAt = at;
    const game = snapshot.game;
    await withRetry(
      () =>
        store.saveSession(
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
        ),
      { ...options, label: label(code) },
    );
  };

  const drain = (code: string): Promise<void> => {
    const run = (async () => {
      for (;;) {
        const next = waiting.get(code);
        if (!next) break;
        waiting.delete(code);
        try {
          await write(next.snapshot, next.takenAt);
        } catch (error) {
          safeLog(options.log ?? defaultLog, `${label(code)}: unexpected error`, error);
        }
        next.done.forEach((d) => d());
      }
    })().finally(() => running.delete(code));
    running.set(code, run);
    return run;
  };

  return {
    persist(snapshot) {
      const entry = waiting.get(snapshot.code) ?? { snapshot, takenAt: now(), done: [] };
      entry.snapshot = snapshot; // latest wins while a write is running
      waiting.set(snapshot.code, entry);
      const promise = new Promise<void>((done) => entry.done.push(done));
      if (!running.has(snapshot.code)) void drain(snapshot.code);
      return promise;
    },
    async flush() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
    forget(code) {
      known.delete(code);
      const dropped = waiting.get(code);
      waiting.delete(code);
      dropped?.done.forEach((d) => d());
    },
  };
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
