// Everything the server reads from the environment, in one place (the README
// lists the same variables).
import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  /** Base URL phones should use, when the LAN address guess is wrong (e.g. behind a proxy). */
  publicUrl: string | undefined;
  /** Seconds a dropped phone keeps its socket-level seat (it can always re-enter with its device). */
  reconnectSeconds: number;
  /** Minutes a room with nobody connected stays in memory. */
  idleMinutes: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Public address of this process for multi-process deployments (host:port). */
  publicAddress: string | undefined;
  scenarioDirs: string[];
  clientDir: string;
  retentionDays: number | undefined;
  monitorPassword: string | undefined;
  /** Messages a client may send per second before it is refused with RATE_LIMITED (burst: twice this). */
  ratePerSecond: number;
}

const root = resolve(import.meta.dirname, "..");

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const extra = env.ARENA_SCENARIOS_DIR ? [resolve(env.ARENA_SCENARIOS_DIR)] : [];
  return {
    port: int(env.PORT, 2567),
    host: env.HOST || "0.0.0.0",
    publicUrl: env.PUBLIC_URL || undefined,
    reconnectSeconds: int(env.RECONNECT_SECONDS, 120),
    idleMinutes: int(env.IDLE_MINUTES, 180),
    dataDir: resolve(env.DATA_DIR || resolve(root, "data")),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    publicAddress: env.PUBLIC_ADDRESS || undefined,
    scenarioDirs: [resolve(root, "scenarios"), ...extra],
    clientDir: resolve(root, "dist/client"),
    retentionDays: env.RETENTION_DAYS ? int(env.RETENTION_DAYS, 0) || undefined : undefined,
    monitorPassword: env.MONITOR_PASSWORD || undefined,
    ratePerSecond: int(env.RATE_PER_SECOND, 8),
  };
}

export const ROOT_DIR = root;
