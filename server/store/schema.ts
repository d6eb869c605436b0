// The store's tables as the queries see them (Kysely's Database type), the
// order they are written and deleted in, and the names of the migration
// tables. The DDL that creates them is in ./migrations.ts (kept in step with
// these types: a column added there is added here).
import type { ColumnType } from "kysely";

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
