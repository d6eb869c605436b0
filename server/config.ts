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
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), in
   * Express' "trust proxy" meaning: false (none, the default), true, a hop
   * count, or a comma list of addresses/subnets ("loopback", "10.0.0.0/8").
   */
  trustProxy: boolean | number | string;
  /** Origins other than the server's own that may call it from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** Sessions one address may create per minute. */
  createPerMinute: number;
  /** Live rooms this process holds at most (new sessions and resumes are refused above). */
  maxRooms: number;
  /** Minutes a room nobody has joined stays open (its saved results are kept). */
  unjoinedMinutes: number;
  /** Wrong monitor passwords allowed per address per minute. */
  monitorTriesPerMinute: number;
  /** The folder where packs written in the console are saved (ARENA_SCENARIOS_DIR, default DATA_DIR/scenarios). */
  authoredDir: string;
  /** Lets the console add or change packs from another device (without it: only from the server's own machine). */
  adminPassword: string | undefined;
}

/** The body limit of the pack upload routes (a pack file is at most 256 KB; 512 KB leaves room for the request). */
export const PACK_BODY_LIMIT_BYTES = 512 * 1024;
/** The routes that take a pack's YAML as their body. */
export const PACK_UPLOAD_PATH = /^\/api\/authoring\/(check|packs)(\?|$)/;

/** The body limit of every HTTP route, the matchmaker included. */
export const BODY_LIMIT_BYTES = 8 * 1024;

/** TRUST_PROXY as Express reads "trust proxy": true/false, a hop count, or a comma list of addresses. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

const root = resolve(import.meta.dirname, "..");

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

/** A number that may have a fraction (minutes), or the fallback. */
function num(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim().replace(/\/$/, ""))
      .filter(Boolean),
    createPerMinute: int(env.CREATE_PER_MINUTE, 10),
    maxRooms: int(env.MAX_ROOMS, 100),
    unjoinedMinutes: num(env.UNJOINED_MINUTES, 30),
    monitorTriesPerMinute: int(env.MONITOR_TRIES_PER_MINUTE, 5),
    authoredDir: resolve(env.ARENA_SCENARIOS_DIR || resolve(env.DATA_DIR || resolve(root, "data"), "scenarios")),
    adminPassword: env.ADMIN_PASSWORD || undefined,
  };
}

export const ROOT_DIR = root;
