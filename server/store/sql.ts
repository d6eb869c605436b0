// One store implementation for both databases: the same Kysely queries run on
// SQLite (better-sqlite3) and PostgreSQL (pg). Queries only: the tables are
// described in ./schema.ts and created by ./migrations.ts, the report is
// built from the rows read here by shared/rules/report.ts. Only portable SQL is used:
// text/integer/bigint columns, INSERT … ON CONFLICT … DO UPDATE, RETURNING.
// Booleans are 0/1 integers and JSON is kept as text. PostgreSQL returns
// bigint columns as strings, so every number read goes through num().
import { sql, type Kysely, type Transaction } from "kysely";
import type { GameState, LockCause, Phase, Settings } from "../../shared/rules/types.js";
import { CONDITIONS, type Condition, type Pack, type Prime, type Role } from "../../shared/scenario.js";
import { buildReport } from "../../shared/rules/report.js";
import { migrateToLatest } from "./migrations.js";
import { TABLES, type Database } from "./schema.js";
import { CodeTakenError, type ListOptions, type SessionListItem, type SessionMeta, type SessionReport, type Store, type StoredSession } from "./types.js";

const asCondition = (value: string | null | undefined): Condition | null =>
  value && (CONDITIONS as readonly string[]).includes(value) ? (value as Condition) : null;
const num = (value: number | string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));
const bit = (value: boolean): number => (value ? 1 : 0);
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

/** Sessions whose last write the store remembers (a day of training is far fewer; a process that runs for months forgets the oldest). */
export const WRITTEN_MAX = 1000;

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
    await migrateToLatest(this.db, this.dialect, this.schema);
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
    if (wrote) {
      // most recently written last; the oldest forgotten past WRITTEN_MAX (it is then written whole once more)
      this.written.delete(code);
      this.written.set(code, { updatedAt: meta.updatedAt, teams: teamsKey, players: playersKey });
      if (this.written.size > WRITTEN_MAX) this.written.delete(this.written.keys().next().value!);
    }
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

  async release(code: string): Promise<void> {
    this.written.delete(code);
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
