// The store's DDL as inline, versioned Kysely migrations, and running them
// (the same on SQLite and PostgreSQL: text/integer/bigint columns only).
import { sql, type Kysely } from "kysely";
import { Migrator, type Migration } from "kysely/migration";
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE, TABLES } from "./schema.js";

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

/**
 * Brings the tables up to date. `schema`: the PostgreSQL schema holding them
 * (created when missing; default: the connection's current one).
 */
export async function migrateToLatest(db: Kysely<any>, dialect: "sqlite" | "postgres", schema: string | undefined): Promise<void> {
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  // Kysely looks for its migration tables by name across every schema: name
  // ours (the connection's current one when none was given), or tables left
  // in another schema of the same database would be taken for ours.
  let tableSchema = schema;
  if (!tableSchema && dialect === "postgres") {
    const row = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    tableSchema = row.rows[0]?.s ?? undefined;
  }
  const migrator = new Migrator({
    db,
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
