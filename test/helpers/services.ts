// A suite that needs an outside service (PostgreSQL, Redis, Chromium) asks
// here. When the service is missing it says so loudly; under CI (CI=true)
// that is a failure, never a silent skip. The test PostgreSQL's address and a
// way to run a statement on it (a suite's own schema, made and dropped) are here too.
import { describe, it } from "vitest";

export async function requireService(name: string, probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    const line = `${name} NOT AVAILABLE — the ${name} suite did not run (${(error as Error).message})`;
    console.error(`\n*** ${line} ***\n`);
    if (process.env.CI === "true") {
      describe(`${name} (required in CI)`, () => {
        it(`${name} must be available in CI`, () => {
          throw new Error(line);
        });
      });
    }
    return false;
  }
}

/** The test PostgreSQL (TEST_DATABASE_URL, else a local one). */
export const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Runs one statement (or several, `;`-separated) on the test PostgreSQL with a connection of its own. */
export async function pgQuery(text: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The DATABASE_URL of a server process whose tables live in `schema` (the connection's search_path): a suite's own schema. */
export function pgUrlWithSchema(schema: string): string {
  return `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** requireService for the test PostgreSQL. */
export const requirePostgres = (): Promise<boolean> => requireService("PostgreSQL", () => pgQuery("select 1"));

/** requireService for a test Redis database, emptied first (each suite has a database number of its own). */
export const requireRedis = (url: string): Promise<boolean> =>
  requireService("Redis", async () => {
    const { Redis } = await import("ioredis");
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await r.connect();
    await r.flushdb();
    await r.quit();
  });
