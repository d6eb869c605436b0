// One store implementation for both databases: the same Kysely queries run on
// SQLite (better-sqlite3) and PostgreSQL (pg). Only portable SQL is used:
// text/integer/bigint columns, INSERT … ON CONFLICT … DO UPDATE, RETURNING.
// Booleans are 0/1 integers and JSON is kept as text. PostgreSQL returns
// bigint columns as strings, so every number read goes through num().
import { compareTeams } from "../../shared/rules/ranking.js";
import { Kysely, sql, type ColumnType, type Transaction } from "kysely";
import { Migrator, type Migration } from "kysely/migration";
import type { GameState, LockCause, Phase, Settings } from "../../shared/rules/types.js";
import { CONDITIONS, ROLES, packForRoute, type Condition, type EventCard, type Pack, type Prime, type Role } from "../../shared/scenario.js";
import { behaviourOf } from "../../shared/behaviours.js";
import type { ReflectionState } from "../../shared/rules/reflection.js";
import type {
  EventReportRow,
  ReflectionReportRow,
  ListOptions,
  PlayerReportRow,
  RoundReportRow,
  SessionListItem,
  SessionMeta,
  SessionReport,
  Store,
  StoredSession,
  TeamReportRow,
  DiagnosisReportRow,
  VoteReportRow,
} from "./types.js";

/** Epoch or room-clock milliseconds: bigint in the database (a string when read from PostgreSQL). */
type Millis = ColumnType<number | string, number, number>;
type NullableMillis = ColumnType<number | string | null, number | null, number | null>;

interface SessionsTable {
  code: string;
  pack_id: string;
  host_key_hash: string;
  settings_json: string;
  phase: string;
  round: number;
  created_at: Millis;
  updated_at: Millis;
  ended_at: NullableMillis;
  team_count: number;
  player_count: number;
  rounds_played: number;
  /** The full GameState, to resume the room. */
  snapshot_json: string;
  /** deviceHash → playerId (hashes only). */
  devices_json: string;
  banned_json: string;
}

interface TeamsTable {
  session_code: string;
  team_index: number;
  captain_id: string | null;
  score: number;
  total_lock_ms: Millis;
  members_json: string;
}

interface PlayersTable {
  session_code: string;
  player_id: string;
  name: string;
  team_index: number;
  roles_json: string;
  /** sha256 given by the room; never the device secret itself. */
  device_hash: string | null;
  connected: number;
  joined_at: Millis;
  /** 0 once the trainer removed the player (kept for the report). */
  present: number;
}

interface RoundsTable {
  session_code: string;
  /** Position in GameState.history. */
  seq: number;
  /** Index into pack.events. */
  round_index: number;
  event_id: string;
  skipped: number;
}

interface RoundResultsTable {
  session_code: string;
  seq: number;
  team_index: number;
  choice: string | null;
  tally_json: string;
  roles_json: string;
  reason: string;
  response_points: number;
  collab_points: number;
  points: number;
  locked_by: string | null;
  lock_ms: NullableMillis;
  sent: number;
  size: number;
  /** The team's diagnosis (0002): null when none was named or asked. */
  diagnosis: string | null;
  diagnosis_tally_json: string | null;
  diagnosis_points: ColumnType<number, number | undefined, number>;
}

interface SubmissionsTable {
  session_code: string;
  seq: number;
  player_id: string;
  team_index: number;
  prime: string;
  committed: number;
  at: Millis;
  /** The member's own reading of the condition (0002). */
  diagnosis: string | null;
}

export interface Database {
  arena_sessions: SessionsTable;
  arena_teams: TeamsTable;
  arena_players: PlayersTable;
  arena_rounds: RoundsTable;
  arena_round_results: RoundResultsTable;
  arena_submissions: SubmissionsTable;
}

/** Every table the store writes, children first (the order deletes run in). */
export const TABLES = [
  "arena_submissions",
  "arena_round_results",
  "arena_rounds",
  "arena_players",
  "arena_teams",
  "arena_sessions",
] as const satisfies readonly (keyof Database)[];

export const MIGRATION_TABLE = "arena_migrations";
export const MIGRATION_LOCK_TABLE = "arena_migrations_lock";

/** Inline, versioned migrations: append new ones, never edit a shipped one. */
export const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("arena_sessions")
        .ifNotExists()
        .addColumn("code", "text", (c) => c.primaryKey())
        .addColumn("pack_id", "text", (c) => c.notNull())
        .addColumn("host_key_hash", "text", (c) => c.notNull())
        .addColumn("settings_json", "text", (c) => c.notNull())
        .addColumn("phase", "text", (c) => c.notNull())
        .addColumn("round", "integer", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addColumn("ended_at", "bigint")
        .addColumn("team_count", "integer", (c) => c.notNull())
        .addColumn("player_count", "integer", (c) => c.notNull())
        .addColumn("rounds_played", "integer", (c) => c.notNull())
        .addColumn("snapshot_json", "text", (c) => c.notNull())
        .addColumn("devices_json", "text", (c) => c.notNull())
        .addColumn("banned_json", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("arena_sessions_host").ifNotExists().on("arena_sessions").column("host_key_hash").execute();
      await db.schema.createIndex("arena_sessions_updated").ifNotExists().on("arena_sessions").column("updated_at").execute();

      await db.schema
        .createTable("arena_teams")
        .ifNotExists()
        .addColumn("session_code", "text", (c) => c.notNull())
        .addColumn("team_index", "integer", (c) => c.notNull())
        .addColumn("captain_id", "text")
        .addColumn("score", "integer", (c) => c.notNull())
        .addColumn("total_lock_ms", "bigint", (c) => c.notNull())
        .addColumn("members_json", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("arena_teams_pk", ["session_code", "team_index"])
        .execute();

      await db.schema
        .createTable("arena_players")
        .ifNotExists()
        .addColumn("session_code", "text", (c) => c.notNull())
        .addColumn("player_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("team_index", "integer", (c) => c.notNull())
        .addColumn("roles_json", "text", (c) => c.notNull())
        .addColumn("device_hash", "text")
        .addColumn("connected", "integer", (c) => c.notNull())
        .addColumn("joined_at", "bigint", (c) => c.notNull())
        .addColumn("present", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("arena_players_pk", ["session_code", "player_id"])
        .execute();

      await db.schema
        .createTable("arena_rounds")
        .ifNotExists()
        .addColumn("session_code", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("round_index", "integer", (c) => c.notNull())
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("skipped", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("arena_rounds_pk", ["session_code", "seq"])
        .execute();

      await db.schema
        .createTable("arena_round_results")
        .ifNotExists()
        .addColumn("session_code", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("team_index", "integer", (c) => c.notNull())
        .addColumn("choice", "text")
        .addColumn("tally_json", "text", (c) => c.notNull())
        .addColumn("roles_json", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("response_points", "integer", (c) => c.notNull())
        .addColumn("collab_points", "integer", (c) => c.notNull())
        .addColumn("points", "integer", (c) => c.notNull())
        .addColumn("locked_by", "text")
        .addColumn("lock_ms", "bigint")
        .addColumn("sent", "integer", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("arena_round_results_pk", ["session_code", "seq", "team_index"])
        .execute();

      await db.schema
        .createTable("arena_submissions")
        .ifNotExists()
        .addColumn("session_code", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("player_id", "text", (c) => c.notNull())
        .addColumn("team_index", "integer", (c) => c.notNull())
        .addColumn("prime", "text", (c) => c.notNull())
        .addColumn("committed", "integer", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("arena_submissions_pk", ["session_code", "seq", "player_id"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
    },
  },
  /** Teams and members name the VUCA condition: the team's diagnosis per round, each member's, and its points. */
  "0002_diagnosis": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("arena_round_results").addColumn("diagnosis", "text").execute();
      await db.schema.alterTable("arena_round_results").addColumn("diagnosis_tally_json", "text").execute();
      await db.schema.alterTable("arena_round_results").addColumn("diagnosis_points", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable("arena_submissions").addColumn("diagnosis", "text").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("arena_submissions").dropColumn("diagnosis").execute();
      for (const column of ["diagnosis_points", "diagnosis_tally_json", "diagnosis"]) {
        await db.schema.alterTable("arena_round_results").dropColumn(column).execute();
      }
    },
  },
};

const asCondition = (value: string | null | undefined): Condition | null =>
  value && (CONDITIONS as readonly string[]).includes(value) ? (value as Condition) : null;
const num = (value: number | string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));
const bit = (value: boolean): number => (value ? 1 : 0);
const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
function parse<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

const bestOf = (card: EventCard | undefined): { prime: Prime | null; points: number } => {
  if (!card || card.options.length === 0) return { prime: null, points: 0 };
  let best = card.options[0]!;
  for (const o of card.options) if (o.points > best.points) best = o;
  return { prime: best.prime, points: best.points };
};

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

export interface SqlStoreOptions {
  dialect: "sqlite" | "postgres";
  /** PostgreSQL schema holding the tables (default: the connection's search_path). */
  schema?: string | undefined;
  /** Called once by close() after Kysely is destroyed (e.g. nothing: Kysely closes the pool/database). */
  onClose?: (() => Promise<void> | void) | undefined;
}

export class SqlStore implements Store {
  readonly dialect: "sqlite" | "postgres";
  private readonly schema: string | undefined;
  private closed = false;
  /**
   * Per session, what this store last wrote of its teams and players and the
   * session's updated_at then. A save skips the tables that have not changed
   * since, as long as nobody else wrote the session in between (the stored
   * updated_at is still ours). Most saves (a vote, a lock) then write one row.
   */
  private written = new Map<string, { updatedAt: number; teams: string; players: string }>();

  constructor(
    /** The query layer; exposed for tests and maintenance scripts. */
    readonly db: Kysely<Database>,
    private readonly options: SqlStoreOptions,
  ) {
    this.dialect = options.dialect;
    this.schema = options.schema;
  }

  async migrate(): Promise<void> {
    if (this.schema) await sql`create schema if not exists ${sql.id(this.schema)}`.execute(this.db);
    // Kysely looks for its migration tables by name across every schema: name
    // ours (the connection's current one when none was given), or tables left
    // in another schema of the same database would be taken for ours.
    let tableSchema = this.schema;
    if (!tableSchema && this.options.dialect === "postgres") {
      const row = await sql<{ s: string }>`select current_schema() as s`.execute(this.db);
      tableSchema = row.rows[0]?.s ?? undefined;
    }
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
      ...(tableSchema ? { migrationTableSchema: tableSchema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === "Error")?.migrationName;
      throw new Error(`store migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  /**
   * A transaction that fails with its own error. When a write fails with
   * SQLITE_FULL (or I/O errors), in a statement or at COMMIT, SQLite has
   * already rolled the transaction back, and Kysely's own ROLLBACK then failed
   * with "cannot rollback - no transaction is active" — which used to replace
   * the real cause in the log. So the transaction is run by hand here.
   */
  private async transact<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      let result: T;
      try {
        result = await fn(conn as unknown as Transaction<Database>);
        await sql`commit`.execute(conn);
      } catch (error) {
        // SQLite may have rolled back by itself already; the cause is `error`, whatever the rollback says
        await sql`rollback`.execute(conn).catch(() => {});
        throw error;
      }
      return result;
    });
  }

  async saveSession(meta: SessionMeta, snapshot: GameState): Promise<void> {
    const code = meta.code;
    const devices = meta.devices ?? {};
    const deviceOf = new Map<string, string>();
    for (const [hash, playerId] of Object.entries(devices)) if (!deviceOf.has(playerId)) deviceOf.set(playerId, hash);
    const players = Object.values(snapshot.players);
    const ended = meta.endedAt ?? (meta.phase === "final" ? meta.updatedAt : null);

    const sessionRow = {
      code,
      pack_id: meta.packId,
      host_key_hash: meta.hostKeyHash,
      settings_json: JSON.stringify(meta.settings),
      phase: meta.phase,
      round: snapshot.round,
      created_at: meta.createdAt,
      updated_at: meta.updatedAt,
      ended_at: ended,
      team_count: snapshot.teams.length,
      player_count: players.length,
      rounds_played: snapshot.history.length,
      snapshot_json: JSON.stringify(snapshot),
      devices_json: JSON.stringify(devices),
      banned_json: JSON.stringify(meta.banned ?? []),
    };

    const teamsKey = JSON.stringify(snapshot.teams.map((t) => [t.index, t.captain, t.score, t.totalLockMs, t.members]));
    const playersKey = JSON.stringify(players.map((p) => [p.id, p.name, p.team, p.roles, deviceOf.get(p.id) ?? null, p.connected, p.joinedAt]));
    let wrote = false;
    await this.transact(async (trx) => {
      const existing = await trx
        .selectFrom("arena_sessions")
        .select(["host_key_hash", "updated_at", "rounds_played"])
        .where("code", "=", code)
        .executeTakeFirst();
      if (existing && existing.host_key_hash !== meta.hostKeyHash) throw new CodeTakenError(code);
      if (existing && num(existing.updated_at) > meta.updatedAt) return; // stale: a newer snapshot is stored
      // The session row first: it also locks the session against a concurrent save (PostgreSQL).
      const written = await trx
        .insertInto("arena_sessions")
        .values(sessionRow)
        .onConflict((oc) =>
          oc
            .column("code")
            .doUpdateSet((eb) => ({
              pack_id: eb.ref("excluded.pack_id"),
              host_key_hash: eb.ref("excluded.host_key_hash"),
              settings_json: eb.ref("excluded.settings_json"),
              phase: eb.ref("excluded.phase"),
              round: eb.ref("excluded.round"),
              updated_at: eb.ref("excluded.updated_at"),
              ended_at: eb.fn.coalesce("arena_sessions.ended_at", "excluded.ended_at"),
              team_count: eb.ref("excluded.team_count"),
              player_count: eb.ref("excluded.player_count"),
              rounds_played: eb.ref("excluded.rounds_played"),
              snapshot_json: eb.ref("excluded.snapshot_json"),
              devices_json: eb.ref("excluded.devices_json"),
              banned_json: eb.ref("excluded.banned_json"),
            }))
            // a late retry of an older snapshot never overwrites a newer one
            .where("arena_sessions.updated_at", "<=", meta.updatedAt),
        )
        .returning("code")
        .executeTakeFirst();
      if (!written) return;

      // what this store wrote last, if the stored row is still that write
      const mine = this.written.get(code);
      const known = existing && mine && mine.updatedAt === num(existing.updated_at) ? mine : null;
      if (known?.teams !== teamsKey) await this.writeTeams(trx, code, snapshot);
      if (known?.players !== playersKey) await this.writePlayers(trx, code, players, deviceOf);
      // History only grows and a stored round never changes: write from the last stored one on,
      // and nothing when the stored rounds are all there (and this store wrote them).
      const stored = existing ? num(existing.rounds_played) : 0;
      if (!known || stored !== snapshot.history.length) {
        // (rounds this store wrote itself are whole: from the first missing one; else from the last stored one)
        const from = stored > snapshot.history.length ? 0 : known ? stored : Math.max(0, stored - 1);
        await this.writeHistory(trx, code, snapshot, from);
      }
      wrote = true;
    });
    if (wrote) this.written.set(code, { updatedAt: meta.updatedAt, teams: teamsKey, players: playersKey });
  }

  private async writeTeams(trx: Transaction<Database>, code: string, snapshot: GameState): Promise<void> {
    const rows = snapshot.teams.map((t) => ({
      session_code: code,
      team_index: t.index,
      captain_id: t.captain,
      score: t.score,
      total_lock_ms: t.totalLockMs,
      members_json: JSON.stringify(t.members),
    }));
    for (const part of chunks(rows)) {
      await trx
        .insertInto("arena_teams")
        .values(part)
        .onConflict((oc) =>
          oc.columns(["session_code", "team_index"]).doUpdateSet((eb) => ({
            captain_id: eb.ref("excluded.captain_id"),
            score: eb.ref("excluded.score"),
            total_lock_ms: eb.ref("excluded.total_lock_ms"),
            members_json: eb.ref("excluded.members_json"),
          })),
        )
        .execute();
    }
    await trx.deleteFrom("arena_teams").where("session_code", "=", code).where("team_index", ">=", snapshot.teams.length).execute();
  }

  private async writePlayers(
    trx: Transaction<Database>,
    code: string,
    players: GameState["players"][string][],
    deviceOf: Map<string, string>,
  ): Promise<void> {
    const rows = players.map((p) => ({
      session_code: code,
      player_id: p.id,
      name: p.name,
      team_index: p.team,
      roles_json: JSON.stringify(p.roles),
      device_hash: deviceOf.get(p.id) ?? null,
      connected: bit(p.connected),
      joined_at: Math.trunc(p.joinedAt),
      present: 1,
    }));
    for (const part of chunks(rows)) {
      await trx
        .insertInto("arena_players")
        .values(part)
        .onConflict((oc) =>
          oc.columns(["session_code", "player_id"]).doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            team_index: eb.ref("excluded.team_index"),
            roles_json: eb.ref("excluded.roles_json"),
            device_hash: eb.ref("excluded.device_hash"),
            connected: eb.ref("excluded.connected"),
            joined_at: eb.ref("excluded.joined_at"),
            present: eb.ref("excluded.present"),
          })),
        )
        .execute();
    }
    // Players the trainer removed stay in the table (their rounds are history) but are marked gone.
    const ids = players.map((p) => p.id);
    let gone = trx.updateTable("arena_players").set({ present: 0, connected: 0, device_hash: null }).where("session_code", "=", code);
    if (ids.length > 0) gone = gone.where("player_id", "not in", ids);
    await gone.where("present", "=", 1).execute();
  }

  private async writeHistory(trx: Transaction<Database>, code: string, snapshot: GameState, from: number): Promise<void> {
    const history = snapshot.history;
    const todo = history.map((record, seq) => ({ record, seq })).slice(from);
    const rounds = todo.map(({ record: r, seq }) => ({
      session_code: code,
      seq,
      round_index: r.round,
      event_id: r.eventId,
      skipped: bit(r.skipped),
    }));
    const results = todo.flatMap(({ record: r, seq }) =>
      r.results.map((t) => ({
        session_code: code,
        seq,
        team_index: t.team,
        choice: t.choice,
        tally_json: JSON.stringify(t.tally),
        roles_json: JSON.stringify(t.rolesCommitted),
        reason: t.reason,
        response_points: t.responsePoints,
        collab_points: t.collabPoints,
        points: t.points,
        locked_by: t.lockedBy,
        lock_ms: t.lockMs === null ? null : Math.round(t.lockMs),
        sent: t.sent,
        size: t.size,
        diagnosis: t.diagnosis ?? null,
        diagnosis_tally_json: t.diagnosisTally ? JSON.stringify(t.diagnosisTally) : null,
        diagnosis_points: t.diagnosisPoints ?? 0,
      })),
    );
    const submissions = todo.flatMap(({ record: r, seq }) =>
      Object.entries(r.submissions).map(([playerId, s]) => ({
        session_code: code,
        seq,
        player_id: playerId,
        team_index: s.team,
        prime: s.prime,
        committed: bit(s.commit),
        at: Math.trunc(s.at),
        diagnosis: s.diagnosis ?? null,
      })),
    );
    for (const part of chunks(rounds)) {
      await trx
        .insertInto("arena_rounds")
        .values(part)
        .onConflict((oc) =>
          oc.columns(["session_code", "seq"]).doUpdateSet((eb) => ({
            round_index: eb.ref("excluded.round_index"),
            event_id: eb.ref("excluded.event_id"),
            skipped: eb.ref("excluded.skipped"),
          })),
        )
        .execute();
    }
    for (const part of chunks(results)) {
      await trx
        .insertInto("arena_round_results")
        .values(part)
        .onConflict((oc) =>
          oc.columns(["session_code", "seq", "team_index"]).doUpdateSet((eb) => ({
            choice: eb.ref("excluded.choice"),
            tally_json: eb.ref("excluded.tally_json"),
            roles_json: eb.ref("excluded.roles_json"),
            reason: eb.ref("excluded.reason"),
            response_points: eb.ref("excluded.response_points"),
            collab_points: eb.ref("excluded.collab_points"),
            points: eb.ref("excluded.points"),
            locked_by: eb.ref("excluded.locked_by"),
            lock_ms: eb.ref("excluded.lock_ms"),
            sent: eb.ref("excluded.sent"),
            size: eb.ref("excluded.size"),
            diagnosis: eb.ref("excluded.diagnosis"),
            diagnosis_tally_json: eb.ref("excluded.diagnosis_tally_json"),
            diagnosis_points: eb.ref("excluded.diagnosis_points"),
          })),
        )
        .execute();
    }
    for (const part of chunks(submissions)) {
      await trx
        .insertInto("arena_submissions")
        .values(part)
        .onConflict((oc) =>
          oc.columns(["session_code", "seq", "player_id"]).doUpdateSet((eb) => ({
            team_index: eb.ref("excluded.team_index"),
            prime: eb.ref("excluded.prime"),
            committed: eb.ref("excluded.committed"),
            at: eb.ref("excluded.at"),
            diagnosis: eb.ref("excluded.diagnosis"),
          })),
        )
        .execute();
    }
    // History only grows; anything past its end (a replaced snapshot) goes.
    for (const table of ["arena_submissions", "arena_round_results", "arena_rounds"] as const) {
      await trx.deleteFrom(table).where("session_code", "=", code).where("seq", ">=", history.length).execute();
    }
  }

  async loadSession(code: string): Promise<StoredSession | null> {
    const row = await this.db
      .selectFrom("arena_sessions")
      .select([
        "code",
        "pack_id",
        "host_key_hash",
        "settings_json",
        "phase",
        "round",
        "created_at",
        "updated_at",
        "ended_at",
        "team_count",
        "player_count",
        "rounds_played",
        "devices_json",
        "banned_json",
      ])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!row) return null;
    return {
      code: row.code,
      packId: row.pack_id,
      hostKeyHash: row.host_key_hash,
      settings: parse<Settings>(row.settings_json, {} as Settings),
      phase: row.phase as Phase,
      round: num(row.round),
      createdAt: num(row.created_at),
      updatedAt: num(row.updated_at),
      endedAt: numOrNull(row.ended_at),
      teamCount: num(row.team_count),
      playerCount: num(row.player_count),
      roundsPlayed: num(row.rounds_played),
      devices: parse<Record<string, string>>(row.devices_json, {}),
      banned: parse<string[]>(row.banned_json, []),
    };
  }

  async listSessions(options: ListOptions = {}): Promise<SessionListItem[]> {
    let query = this.db
      .selectFrom("arena_sessions")
      .select([
        "code",
        "pack_id",
        "settings_json",
        "phase",
        "round",
        "created_at",
        "updated_at",
        "ended_at",
        "team_count",
        "player_count",
        "rounds_played",
      ])
      .orderBy("updated_at", "desc")
      .orderBy("code")
      .limit(Math.max(1, Math.min(options.limit ?? 200, 10_000)));
    if (options.hostKeyHash !== undefined) query = query.where("host_key_hash", "=", options.hostKeyHash);
    if (options.activeOnly) query = query.where("phase", "!=", "final").where("ended_at", "is", null);
    const rows = await query.execute();
    return rows.map((row) => ({
      code: row.code,
      packId: row.pack_id,
      phase: row.phase as Phase,
      round: num(row.round),
      createdAt: num(row.created_at),
      updatedAt: num(row.updated_at),
      endedAt: numOrNull(row.ended_at),
      teamCount: num(row.team_count),
      playerCount: num(row.player_count),
      roundsPlayed: num(row.rounds_played),
      roundSeconds: num(parse<Partial<Settings>>(row.settings_json, {}).roundSeconds),
    }));
  }

  async latestSnapshot(code: string): Promise<GameState | null> {
    const row = await this.db.selectFrom("arena_sessions").select("snapshot_json").where("code", "=", code).executeTakeFirst();
    return row ? parse<GameState | null>(row.snapshot_json, null) : null;
  }

  async report(code: string, pack: Pack): Promise<SessionReport | null> {
    const session = await this.loadSession(code);
    if (!session) return null;
    const [teamRows, playerRows, roundRows, resultRows, submissionRows, snapshot] = await Promise.all([
      this.db.selectFrom("arena_teams").selectAll().where("session_code", "=", code).orderBy("team_index").execute(),
      this.db.selectFrom("arena_players").selectAll().where("session_code", "=", code).execute(),
      this.db.selectFrom("arena_rounds").selectAll().where("session_code", "=", code).orderBy("seq").execute(),
      this.db.selectFrom("arena_round_results").selectAll().where("session_code", "=", code).orderBy("seq").orderBy("team_index").execute(),
      this.db.selectFrom("arena_submissions").selectAll().where("session_code", "=", code).execute(),
      // the closing reflection lives in the session's own row (its snapshot): deleted with it
      this.latestSnapshot(code),
    ]);
    return buildReport(session, pack, {
      teams: teamRows.map((t) => ({
        index: num(t.team_index),
        captain: t.captain_id,
        score: num(t.score),
        totalLockMs: num(t.total_lock_ms),
        members: parse<string[]>(t.members_json, []),
      })),
      players: playerRows.map((p) => ({
        id: p.player_id,
        name: p.name,
        team: num(p.team_index),
        roles: parse<Role[]>(p.roles_json, []),
        present: num(p.present) === 1,
      })),
      rounds: roundRows.map((r) => ({ seq: num(r.seq), round: num(r.round_index), eventId: r.event_id, skipped: num(r.skipped) === 1 })),
      results: resultRows.map((r) => ({
        seq: num(r.seq),
        team: num(r.team_index),
        choice: (r.choice as Prime | null) ?? null,
        roles: parse<Role[]>(r.roles_json, []),
        reason: r.reason,
        responsePoints: num(r.response_points),
        collabPoints: num(r.collab_points),
        points: num(r.points),
        lockedBy: (r.locked_by as LockCause | null) ?? null,
        lockMs: numOrNull(r.lock_ms),
        sent: num(r.sent),
        size: num(r.size),
        diagnosis: asCondition(r.diagnosis),
        diagnosisPoints: num(r.diagnosis_points),
      })),
      submissions: submissionRows.map((s) => ({
        seq: num(s.seq),
        playerId: s.player_id,
        team: num(s.team_index),
        prime: (s.prime as Prime | null) ?? null,
        diagnosis: asCondition(s.diagnosis),
        committed: num(s.committed) === 1,
      })),
      reflection: snapshot?.reflection,
    });
  }

  async deleteSession(code: string): Promise<boolean> {
    this.written.delete(code);
    return this.transact(async (trx) => {
      for (const table of TABLES.slice(0, -1)) {
        await trx.deleteFrom(table as Exclude<(typeof TABLES)[number], "arena_sessions">).where("session_code", "=", code).execute();
      }
      const gone = await trx.deleteFrom("arena_sessions").where("code", "=", code).executeTakeFirst();
      return Number(gone.numDeletedRows) > 0;
    });
  }

  async purgeOlderThan(days: number, now: number = Date.now()): Promise<string[]> {
    if (!Number.isFinite(days) || days <= 0) return [];
    const cutoff = Math.trunc(now - days * 86_400_000);
    const rows = await this.db.selectFrom("arena_sessions").select("code").where("updated_at", "<", cutoff).execute();
    const codes: string[] = [];
    for (const { code } of rows) if (await this.deleteSession(code)) codes.push(code);
    return codes;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
    await this.options.onClose?.();
  }
}

// ---- the report, from stored rows -------------------------------------------

interface ReportInput {
  teams: { index: number; captain: string | null; score: number; totalLockMs: number; members: string[] }[];
  players: { id: string; name: string; team: number; roles: Role[]; present: boolean }[];
  rounds: { seq: number; round: number; eventId: string; skipped: boolean }[];
  results: {
    seq: number;
    team: number;
    choice: Prime | null;
    roles: Role[];
    reason: string;
    responsePoints: number;
    collabPoints: number;
    points: number;
    lockedBy: LockCause | null;
    lockMs: number | null;
    sent: number;
    size: number;
    diagnosis: Condition | null;
    diagnosisPoints: number;
  }[];
  submissions: { seq: number; playerId: string; team: number; prime: Prime | null; diagnosis: Condition | null; committed: boolean }[];
  /** The closing reflection as the game keeps it (absent: none written). */
  reflection?: ReflectionState | undefined;
}

/** Pure: the report of a session from its rows and its pack. Exported for tests. */
export function buildReport(session: StoredSession, wholePack: Pack, input: ReportInput): SessionReport {
  // the cards the room played: the route the trainer chose, if any (rounds index into it)
  const pack = packForRoute(wholePack, session.settings.route);
  const cardOf = (round: number, eventId: string): EventCard | undefined => {
    const byIndex = pack.events[round];
    return byIndex && byIndex.id === eventId ? byIndex : pack.events.find((e) => e.id === eventId);
  };
  const scoring = session.settings.scoring ?? { neededRole: 1, harmfulRole: 1, allNeededBonus: 2, diagnosis: 2, alsoDiagnosis: 1 };
  // the diagnosis is asked (and counted) unless the trainer showed the condition
  const asked = session.settings.showCondition !== true;
  const diagnosisMax = asked ? (scoring.diagnosis ?? 2) : 0;
  const resultsBySeq = new Map<number, ReportInput["results"]>();
  for (const r of input.results) resultsBySeq.set(r.seq, [...(resultsBySeq.get(r.seq) ?? []), r]);
  const scoredRounds = input.rounds.filter((r) => !r.skipped);
  const scoredSeqs = new Set(scoredRounds.map((r) => r.seq));

  // per round, per team
  const rounds: RoundReportRow[] = [];
  for (const r of input.rounds) {
    const card = cardOf(r.round, r.eventId);
    const best = bestOf(card);
    const base = {
      roundNo: r.round + 1,
      eventId: r.eventId,
      eventTitle: card?.title ?? { id: r.eventId },
      condition: card?.condition ?? null,
      skipped: r.skipped,
    };
    const results = resultsBySeq.get(r.seq) ?? [];
    if (r.skipped || results.length === 0) {
      rounds.push({
        ...base,
        teamNo: null,
        diagnosis: null,
        diagnosisRight: false,
        diagnosisPoints: 0,
        choice: null,
        bestChoice: false,
        rolesCommitted: [],
        reason: "",
        responsePoints: 0,
        collabPoints: 0,
        points: 0,
        lockedBy: null,
        lockSeconds: null,
        sent: 0,
        size: 0,
      });
      continue;
    }
    for (const t of results) {
      rounds.push({
        ...base,
        teamNo: t.team + 1,
        diagnosis: t.diagnosis,
        diagnosisRight: t.diagnosis !== null && t.diagnosis === card?.condition,
        diagnosisPoints: t.diagnosisPoints,
        choice: t.choice,
        bestChoice: t.choice !== null && card !== undefined && t.responsePoints === best.points,
        rolesCommitted: ROLES.filter((role) => t.roles.includes(role)),
        reason: t.reason,
        responsePoints: t.responsePoints,
        collabPoints: t.collabPoints,
        points: t.points,
        lockedBy: t.lockedBy,
        lockSeconds: t.lockMs === null ? null : t.lockMs / 1000,
        sent: t.sent,
        size: t.size,
      });
    }
  }

  // per team
  const teamRows = input.teams.map((team) => {
    const byCondition = Object.fromEntries(CONDITIONS.map((c) => [c, { points: 0, max: 0 }])) as TeamReportRow["byCondition"];
    let needed = 0;
    let committed = 0;
    let bestChoices = 0;
    let responsePoints = 0;
    let collabPoints = 0;
    let diagnosisPoints = 0;
    const diagnosisByCondition = Object.fromEntries(CONDITIONS.map((c) => [c, { right: 0, rounds: 0, rate: null }])) as TeamReportRow["diagnosisByCondition"];
    for (const r of scoredRounds) {
      const result = resultsBySeq.get(r.seq)?.find((x) => x.team === team.index);
      if (!result) continue;
      responsePoints += result.responsePoints;
      collabPoints += result.collabPoints;
      diagnosisPoints += result.diagnosisPoints;
      const card = cardOf(r.round, r.eventId);
      if (!card) continue;
      const best = bestOf(card).points;
      const slot = byCondition[card.condition];
      slot.points += result.points;
      slot.max += best + card.rolesNeeded.length * scoring.neededRole + scoring.allNeededBonus + diagnosisMax;
      if (asked && result.choice !== null) {
        const diag = diagnosisByCondition[card.condition];
        diag.rounds++;
        if (result.diagnosis === card.condition) diag.right++;
      }
      needed += card.rolesNeeded.length;
      committed += card.rolesNeeded.filter((role) => result.roles.includes(role)).length;
      if (result.choice !== null && result.responsePoints === best) bestChoices++;
    }
    const captain = team.captain ? (input.players.find((p) => p.id === team.captain)?.name ?? null) : null;
    for (const c of CONDITIONS) {
      const d = diagnosisByCondition[c];
      d.rate = d.rounds === 0 ? null : round(d.right / d.rounds, 4);
    }
    const diagnosisRight = CONDITIONS.reduce((n, c) => n + diagnosisByCondition[c].right, 0);
    const diagnosisRounds = CONDITIONS.reduce((n, c) => n + diagnosisByCondition[c].rounds, 0);
    return {
      teamNo: team.index + 1,
      rank: 0,
      score: team.score,
      diagnosisPoints,
      responsePoints,
      collabPoints,
      diagnosisRight,
      diagnosisRounds,
      diagnosisRate: diagnosisRounds === 0 ? 0 : round(diagnosisRight / diagnosisRounds, 4),
      diagnosisByCondition,
      totalLockSeconds: team.totalLockMs / 1000,
      byCondition,
      collaborationRate: needed === 0 ? 0 : round(committed / needed, 4),
      bestChoices,
      members: team.members.length,
      captain,
      totalLockMs: team.totalLockMs,
    };
  });
  teamRows.sort((a, b) => compareTeams({ index: a.teamNo, score: a.score, totalLockMs: a.totalLockMs }, { index: b.teamNo, score: b.score, totalLockMs: b.totalLockMs }));
  const teams: TeamReportRow[] = teamRows.map(({ totalLockMs: _ms, ...row }, i) => ({ ...row, rank: i + 1 }));

  // per player
  const roundBySeq = new Map(input.rounds.map((r) => [r.seq, r]));
  const sentBy = new Map<string, { sent: number; committed: number; diagnosed: number; right: number }>();
  for (const s of input.submissions) {
    if (!scoredSeqs.has(s.seq)) continue;
    const entry = sentBy.get(s.playerId) ?? { sent: 0, committed: 0, diagnosed: 0, right: 0 };
    entry.sent++;
    if (s.committed) entry.committed++;
    const r = roundBySeq.get(s.seq);
    const card = r ? cardOf(r.round, r.eventId) : undefined;
    if (asked && card) {
      entry.diagnosed++;
      if (s.diagnosis === card.condition) entry.right++;
    }
    sentBy.set(s.playerId, entry);
  }
  const roundsScored = scoredRounds.length;
  const players: PlayerReportRow[] = input.players
    .map((p) => {
      const entry = sentBy.get(p.id) ?? { sent: 0, committed: 0, diagnosed: 0, right: 0 };
      return {
        playerId: p.id,
        name: p.name,
        teamNo: p.team + 1,
        roles: ROLES.filter((role) => p.roles.includes(role)),
        roundsSent: entry.sent,
        roundsScored,
        participationRate: roundsScored === 0 ? 0 : round(entry.sent / roundsScored, 4),
        rolesCommitted: entry.committed,
        diagnosisRight: entry.right,
        diagnosisRounds: entry.diagnosed,
        diagnosisRate: entry.diagnosed === 0 ? 0 : round(entry.right / entry.diagnosed, 4),
        present: p.present,
      };
    })
    .sort((a, b) => a.teamNo - b.teamNo || a.name.localeCompare(b.name, "id") || a.playerId.localeCompare(b.playerId));

  // hardest events
  const events: EventReportRow[] = scoredRounds
    .map((r) => {
      const card = cardOf(r.round, r.eventId);
      const best = bestOf(card);
      const results = resultsBySeq.get(r.seq) ?? [];
      const average = results.length ? results.reduce((s, x) => s + x.responsePoints, 0) / results.length : 0;
      return {
        difficultyRank: 0,
        roundNo: r.round + 1,
        eventId: r.eventId,
        eventTitle: card?.title ?? { id: r.eventId },
        condition: card?.condition ?? null,
        bestPrime: best.prime,
        bestPoints: best.points,
        averagePoints: round(average, 2),
        successRate: best.points > 0 ? round(average / best.points, 4) : 0,
        teamsBest: results.filter((x) => x.choice !== null && card !== undefined && x.responsePoints === best.points).length,
        teams: results.length,
        seq: r.seq,
      };
    })
    .sort((a, b) => a.successRate - b.successRate || a.seq - b.seq)
    .map(({ seq: _seq, ...row }, i) => ({ ...row, difficultyRank: i + 1 }));

  // every member's own submission, round by round (the team's plurality hides who read it right)
  const nameOf = new Map(input.players.map((p) => [p.id, p.name]));
  const rolesOf = new Map(input.players.map((p) => [p.id, p.roles]));
  const votes: VoteReportRow[] = input.submissions
    .filter((s) => scoredSeqs.has(s.seq))
    .map((s) => {
      const r = roundBySeq.get(s.seq)!;
      const card = cardOf(r.round, r.eventId);
      return {
        roundNo: r.round + 1,
        eventId: r.eventId,
        eventTitle: card?.title ?? { id: r.eventId },
        condition: card?.condition ?? null,
        teamNo: s.team + 1,
        playerId: s.playerId,
        name: nameOf.get(s.playerId) ?? s.playerId,
        diagnosis: s.diagnosis,
        diagnosisRight: s.diagnosis !== null && s.diagnosis === card?.condition,
        choice: s.prime,
        bestChoice: s.prime !== null && card !== undefined && (card.options.find((o) => o.prime === s.prime)?.points ?? -1) === bestOf(card).points,
        committed: s.committed,
        rolesCommitted: s.committed ? [...(rolesOf.get(s.playerId) ?? [])] : [],
        seq: s.seq,
      };
    })
    .sort((a, b) => a.seq - b.seq || a.teamNo - b.teamNo || a.name.localeCompare(b.name, "id"))
    .map(({ seq: _seq, ...row }) => row);

  // per condition, over the class: how often teams and members read it right, and what they read instead
  const diagnoses: DiagnosisReportRow[] = asked
    ? CONDITIONS.map((condition) => {
        let teamRounds = 0;
        let teamsRight = 0;
        const misread = new Map<Condition, number>();
        for (const r of scoredRounds) {
          const card = cardOf(r.round, r.eventId);
          if (card?.condition !== condition) continue;
          for (const res of resultsBySeq.get(r.seq) ?? []) {
            if (res.choice === null) continue;
            teamRounds++;
            if (res.diagnosis === condition) teamsRight++;
            else if (res.diagnosis) misread.set(res.diagnosis, (misread.get(res.diagnosis) ?? 0) + 1);
          }
        }
        const mine = votes.filter((v) => v.condition === condition);
        const playersRight = mine.filter((v) => v.diagnosisRight).length;
        for (const v of mine) if (v.diagnosis && v.diagnosis !== condition) misread.set(v.diagnosis, (misread.get(v.diagnosis) ?? 0) + 1);
        let mostReadAs: Condition | null = null;
        for (const [c, n] of misread) if (mostReadAs === null || n > (misread.get(mostReadAs) ?? 0)) mostReadAs = c;
        return {
          condition,
          teamRounds,
          teamsRight,
          teamRate: teamRounds === 0 ? 0 : round(teamsRight / teamRounds, 4),
          playerVotes: mine.length,
          playersRight,
          playerRate: mine.length === 0 ? 0 : round(playersRight / mine.length, 4),
          mostReadAs,
        };
      })
        .filter((row) => row.teamRounds > 0 || row.playerVotes > 0)
        .sort((a, b) => a.teamRate - b.teamRate || a.playerRate - b.playerRate)
    : [];

  return {
    version: 1,
    session: {
      code: session.code,
      packId: session.packId,
      packTitle: pack.title,
      phase: session.phase,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      endedAt: session.endedAt,
      teamCount: session.teamCount,
      playerCount: session.playerCount,
      roundCount: pack.events.length,
      roundsPlayed: input.rounds.length,
      roundsScored,
      roundSeconds: num(session.settings.roundSeconds),
    },
    rounds,
    teams,
    players,
    events,
    diagnoses,
    votes,
    reflections: reflectionRows(input),
  };
}


/** One row per participant still in the game (and anyone who wrote before being removed), by team then name. */
function reflectionRows(input: ReportInput): ReflectionReportRow[] {
  const entries = input.reflection?.entries ?? {};
  const hidden = new Set(input.reflection?.hidden ?? []);
  return input.players
    .filter((p) => p.present || Object.hasOwn(entries, p.id))
    .map((p): ReflectionReportRow => {
      const e = Object.hasOwn(entries, p.id) ? entries[p.id] : undefined;
      const b = e?.behaviour ? behaviourOf(e.behaviour) : undefined;
      const complete = !!e && e.issue.trim() !== "" && !!e.condition && !!e.prime && e.partners.length > 0 && !!b && e.activity.trim() !== "";
      return {
        teamNo: p.team + 1,
        playerId: p.id,
        name: p.name,
        issue: e?.issue.trim() ?? "",
        condition: e?.condition ?? null,
        prime: e?.prime ?? null,
        partners: e ? ROLES.filter((r) => e.partners.includes(r)) : [],
        behaviourId: b?.id ?? null,
        value: b?.value ?? null,
        behaviour: b?.text ?? null,
        activity: e?.activity.trim() ?? "",
        complete,
        onWall: !!e?.done && !hidden.has(p.id),
      };
    })
    .sort((a, b) => a.teamNo - b.teamNo || a.name.localeCompare(b.name, "id"));
}
