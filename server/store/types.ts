// The store: what the server keeps about a session, behind one interface
// with two implementations (SQLite by default, PostgreSQL for a cluster),
// both in ./sql.ts; the options it opens with and its errors. Times are epoch
// milliseconds (Date.now()).
import type { GameState, Phase, Settings } from "../../shared/rules/types.js";
import type { Pack } from "../../shared/scenario.js";
import type { SessionReport } from "../../shared/protocol/report.js";

/** What the room passes with each save besides the game state. */
export interface SessionMeta {
  code: string;
  packId: string;
  /** sha256 of the host key; the key itself is never stored. */
  hostKeyHash: string;
  settings: Settings;
  /** Kept from the first save; later values are ignored. */
  createdAt: number;
  phase: Phase;
  /**
   * When this snapshot was taken. A save whose updatedAt is older than the
   * stored one is ignored (a late retry never overwrites newer results).
   */
  updatedAt: number;
  /** Set once the game reached its end; kept once set. */
  endedAt?: number | null | undefined;
  /** deviceHash → playerId: sha256 hashes only, never a device secret. */
  devices?: Record<string, string> | undefined;
  /** Banned device hashes. */
  banned?: string[] | undefined;
}

/** A session as stored (without its snapshot). */
export interface StoredSession {
  code: string;
  packId: string;
  hostKeyHash: string;
  settings: Settings;
  phase: Phase;
  /** Index of the current card; -1 in the lobby. */
  round: number;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
  teamCount: number;
  /** Players still seated (removed players are kept for the report but not counted). */
  playerCount: number;
  /** Finished rounds (skipped ones too). */
  roundsPlayed: number;
  devices: Record<string, string>;
  banned: string[];
}

/** One line of the session list in the trainer console. */
export type SessionListItem = Omit<StoredSession, "devices" | "banned" | "hostKeyHash" | "settings"> & {
  roundSeconds: number;
};

export interface ListOptions {
  /** Only the sessions of this host key. */
  hostKeyHash?: string | undefined;
  /** Only the sessions that have not ended (phase ≠ final, no endedAt). */
  activeOnly?: boolean | undefined;
  /** Most rows returned (default 200). */
  limit?: number | undefined;
}

// ---- the report: its types are shared with the pages (shared/protocol/report.ts)
export type * from "../../shared/protocol/report.js";
export { REPORT_VIEWS } from "../../shared/protocol/report.js";

// ---- the store ---------------------------------------------------------------

export interface Store {
  readonly dialect: "sqlite" | "postgres";
  /** Creates or upgrades the tables; harmless when run again. */
  migrate(): Promise<void>;
  /**
   * Writes the session, its teams, players, rounds and submissions in one
   * transaction. Idempotent: saving the same snapshot again changes nothing.
   * Throws on failure — wrap it in withRetry (or use createPersister).
   */
  saveSession(meta: SessionMeta, snapshot: GameState): Promise<void>;
  loadSession(code: string): Promise<StoredSession | null>;
  /** Newest first. */
  listSessions(options?: ListOptions): Promise<SessionListItem[]>;
  /** The last saved game state, to resume the room after a restart. */
  latestSnapshot(code: string): Promise<GameState | null>;
  /** Built from the stored rows (not the snapshot); null when the session is unknown. */
  report(code: string, pack: Pack): Promise<SessionReport | null>;
  /** true when there was something to delete. */
  deleteSession(code: string): Promise<boolean>;
  /** Deletes sessions last updated more than `days` days before `now`; returns their codes. */
  purgeOlderThan(days: number, now?: number): Promise<string[]>;
  /**
   * The session's room has closed and its last write landed: drop what the
   * store keeps in memory for it (a later save of it writes it whole once).
   */
  release(code: string): Promise<void>;
  close(): Promise<void>;
}

export type Log = (message: string, error?: unknown) => void;

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

/**
 * The code is stored for another session (another host key): codes are short
 * and may come round again, so the room should pick a code the store does not
 * hold (see Store.loadSession) — this error keeps the older results intact.
 * Not retryable.
 */
export class CodeTakenError extends Error {
  readonly retryable = false;
  constructor(readonly code: string) {
    super(`room code ${code} already holds another session's results`);
    this.name = "CodeTakenError";
  }
}
