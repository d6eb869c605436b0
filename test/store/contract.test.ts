// One contract suite for both stores: SQLite in a temp file, PostgreSQL at
// 127.0.0.1:5432/test in a schema of its own (dropped before and after).
// Without PostgreSQL the suite says so loudly; with CI=true that is a failure.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CodeTakenError, createPersister, loadForResume, openStore, SQLITE_FILE, SqlStore, TABLES, withRetry, type Store } from "../../server/store/index.js";
import { DEVICE_SECRETS, HOST_KEY, PACK, gameAt, metaFor, sha256, T0 } from "./fixture.js";

import { PG_URL } from "../helpers/services.js";
const PG_SCHEMA = `arena_store_test_${process.pid}`;
const PG_MISSING = "PostgreSQL NOT AVAILABLE — store contract suite for PostgreSQL did not run";

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropPgSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${PG_SCHEMA}" cascade`);
  } finally {
    await client.end();
  }
}

const pgUp = await pgReachable();
if (!pgUp) console.error(PG_MISSING);

interface Backend {
  name: "sqlite" | "postgres";
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

let sqliteDir = "";
const sqlite: Backend = {
  name: "sqlite",
  open: async () => {
    if (!sqliteDir) sqliteDir = mkdtempSync(join(tmpdir(), "arena-store-"));
    // a data folder that does not exist yet: created on first start
    return openStore({ databaseUrl: "", dataDir: join(sqliteDir, "nested", "data") });
  },
  cleanup: async () => {
    if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  },
};
let pgDropped = false;
const postgres: Backend = {
  name: "postgres",
  open: async () => {
    if (!pgDropped) {
      await dropPgSchema();
      pgDropped = true;
    }
    return openStore({ databaseUrl: PG_URL, pgSchema: PG_SCHEMA });
  },
  cleanup: dropPgSchema,
};

if (!pgUp) {
  describe("store contract: postgres", () => {
    if (process.env.CI === "true") {
      it("PostgreSQL is reachable at " + PG_URL, () => {
        throw new Error(PG_MISSING);
      });
    } else {
      it.skip(PG_MISSING, () => {});
    }
  });
}

const backends = pgUp ? [sqlite, postgres] : [sqlite];

async function dumpText(store: Store): Promise<string> {
  const db = (store as SqlStore).db;
  const parts: string[] = [];
  for (const table of TABLES) parts.push(JSON.stringify(await db.selectFrom(table).selectAll().execute()));
  return parts.join("\n");
}

async function countRows(store: Store, code: string): Promise<Record<string, number>> {
  const db = (store as SqlStore).db;
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const column = table === "arena_sessions" ? "code" : "session_code";
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .where(column as never, "=", code as never)
      .execute();
    counts[table] = rows.length;
  }
  return counts;
}

describe.each(backends)("store contract: $name", (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it("migrates at open, and migrating again (or opening again) is harmless", async () => {
    expect(store.dialect).toBe(backend.name);
    await store.migrate();
    await store.migrate();
    const again = await backend.open();
    await again.migrate();
    await again.close();
    await store.saveSession(metaFor("MIGR1", gameAt("lobby"), T0), gameAt("lobby"));
    expect((await store.loadSession("MIGR1"))?.phase).toBe("lobby");
  });

  it.runIf(backend.name === "sqlite")("SQLite: the file is created in the data folder, in WAL mode", async () => {
    expect(existsSync(join(sqliteDir, "nested", "data", SQLITE_FILE))).toBe(true);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute((store as SqlStore).db);
    expect(mode.rows[0]?.journal_mode).toBe("wal");
  });

  it("saves at every phase and gives back identical snapshots", async () => {
    let at = T0;
    for (const moment of ["lobby", "deciding", "reveal1", "final"] as const) {
      const game = gameAt(moment);
      at += 60_000;
      await store.saveSession(metaFor("PHASE", game, at), game);
      expect(await store.latestSnapshot("PHASE")).toEqual(game);
      const session = await store.loadSession("PHASE");
      expect(session).toMatchObject({ code: "PHASE", phase: game.phase, round: game.round, updatedAt: at, createdAt: T0, packId: PACK.id });
      expect(session?.settings).toEqual(game.settings);
      expect(session?.roundsPlayed).toBe(game.history.length);
    }
    // rounds are written as they come (only the new ones each time): all there at the end
    expect(await countRows(store, "PHASE")).toMatchObject({ arena_rounds: 3, arena_round_results: 4, arena_submissions: 7 });
    expect((await store.report("PHASE", PACK))?.teams.map((t) => t.score)).toEqual([16, 2]);
    const session = await store.loadSession("PHASE");
    expect(session?.endedAt).toBe(at); // phase final without an explicit endedAt
    expect(session?.teamCount).toBe(2);
    expect(session?.playerCount).toBe(4);
    expect(await store.latestSnapshot("NOPE1")).toBeNull();
    expect(await store.loadSession("NOPE1")).toBeNull();
  });

  it("resume: the devices (hashes) and bans come back with the snapshot", async () => {
    const game = gameAt("reveal1");
    const meta = metaFor("RESUM", game, T0 + 5, { banned: [sha256("RESUM:banned-device")] });
    await store.saveSession(meta, game);
    const resumed = await loadForResume(store, "RESUM");
    expect(resumed?.restore).toEqual({ code: "RESUM", game, devices: meta.devices, banned: meta.banned });
    expect(resumed?.session.hostKeyHash).toBe(sha256(HOST_KEY));
    expect(await loadForResume(store, "NOPE2")).toBeNull();
  });

  it("is idempotent: the same save twice changes nothing; a newer one updates in place", async () => {
    const game = gameAt("final");
    const meta = metaFor("IDEMP", game, T0 + 1000);
    await store.saveSession(meta, game);
    const first = await countRows(store, "IDEMP");
    const dumpFirst = await dumpText(store);
    await store.saveSession(meta, game);
    expect(await countRows(store, "IDEMP")).toEqual(first);
    expect(await dumpText(store)).toBe(dumpFirst);
    expect(first).toEqual({
      arena_submissions: 7,
      arena_round_results: 4,
      arena_rounds: 3,
      arena_players: 4,
      arena_teams: 2,
      arena_sessions: 1,
    });

    // rename Ani, remove Dewi: same rows, Dewi kept for the record but no longer present
    const later = structuredClone(game);
    later.players.p1!.name = "Ani Rahma";
    delete later.players.p4;
    later.teams[1]!.members = ["p3"];
    await store.saveSession(metaFor("IDEMP", later, T0 + 2000), later);
    expect(await countRows(store, "IDEMP")).toEqual(first);
    const report = await store.report("IDEMP", PACK);
    expect(report?.players.find((p) => p.playerId === "p1")?.name).toBe("Ani Rahma");
    expect(report?.players.find((p) => p.playerId === "p4")?.present).toBe(false);
    expect((await store.loadSession("IDEMP"))?.playerCount).toBe(3);

    // an older snapshot (a late retry) never overwrites a newer one
    await store.saveSession(metaFor("IDEMP", game, T0 + 1500), game);
    expect(await store.latestSnapshot("IDEMP")).toEqual(later);
    expect((await store.loadSession("IDEMP"))?.updatedAt).toBe(T0 + 2000);
  });

  it("reports rounds, teams, players and the hardest events from the stored rows", async () => {
    const game = gameAt("final");
    await store.saveSession(metaFor("REPRT", game, T0 + 3_600_000, { endedAt: T0 + 3_600_000 }), game);
    const report = await store.report("REPRT", PACK);
    expect(report).not.toBeNull();
    if (!report) return;
    expect(report.session).toMatchObject({
      code: "REPRT",
      packId: PACK.id,
      phase: "final",
      createdAt: T0,
      endedAt: T0 + 3_600_000,
      teamCount: 2,
      playerCount: 4,
      roundCount: 3,
      roundsPlayed: 3,
      roundsScored: 2,
      roundSeconds: 60,
    });

    // per round: 2 teams × 2 scored rounds + 1 skipped row
    expect(report.rounds).toHaveLength(5);
    expect(report.rounds[0]).toMatchObject({
      roundNo: 1,
      eventId: "banjir",
      condition: "volatility",
      teamNo: 1,
      diagnosis: "volatility",
      diagnosisRight: true,
      diagnosisPoints: 2,
      choice: "vision",
      bestChoice: true,
      rolesCommitted: ["government", "academia", "business", "community", "media"],
      reason: 'Koordinasi; "cepat"\nlalu data',
      responsePoints: 3,
      collabPoints: 3,
      points: 8,
      lockedBy: "captain",
      lockSeconds: 20,
      sent: 2,
      size: 2,
    });
    expect(report.rounds[1]).toMatchObject({ roundNo: 1, teamNo: 2, diagnosis: "uncertainty", diagnosisRight: false, diagnosisPoints: 0, points: 2 });
    expect(report.rounds[3]).toMatchObject({ roundNo: 2, teamNo: 2, diagnosis: "ambiguity", diagnosisRight: false, choice: "agility", bestChoice: false, points: 0, lockSeconds: 30 });
    expect(report.rounds[4]).toMatchObject({ roundNo: 3, eventId: "hoaks", skipped: true, teamNo: null, points: 0 });

    // per team
    expect(report.teams.map((t) => [t.rank, t.teamNo, t.score])).toEqual([
      [1, 1, 16],
      [2, 2, 2],
    ]);
    expect(report.teams[0]).toMatchObject({
      diagnosisPoints: 4,
      diagnosisRight: 2,
      diagnosisRounds: 2,
      diagnosisRate: 1,
      responsePoints: 6,
      collabPoints: 6,
      totalLockSeconds: 35.5,
      collaborationRate: 1,
      bestChoices: 2,
      members: 2,
      captain: "Ani",
    });
    expect(report.teams[0]!.byCondition).toEqual({
      volatility: { points: 8, max: 9 },
      uncertainty: { points: 0, max: 0 },
      complexity: { points: 8, max: 8 },
      ambiguity: { points: 0, max: 0 },
    });
    expect(report.teams[1]).toMatchObject({ diagnosisPoints: 0, diagnosisRight: 0, diagnosisRounds: 2, diagnosisRate: 0, responsePoints: 1, collabPoints: 1, totalLockSeconds: 90, collaborationRate: 0.3333, bestChoices: 0 });
    expect(report.teams[1]!.byCondition.volatility).toEqual({ points: 2, max: 9 });
    expect(report.teams[1]!.byCondition.complexity).toEqual({ points: 0, max: 8 });
    expect(report.teams[1]!.diagnosisByCondition).toEqual({
      volatility: { right: 0, rounds: 1, rate: 0 },
      uncertainty: { right: 0, rounds: 0, rate: null },
      complexity: { right: 0, rounds: 1, rate: 0 },
      ambiguity: { right: 0, rounds: 0, rate: null },
    });

    // per player
    const byId = Object.fromEntries(report.players.map((p) => [p.playerId, p]));
    expect(byId.p1).toMatchObject({ name: "Ani", teamNo: 1, roundsSent: 2, roundsScored: 2, participationRate: 1, rolesCommitted: 2, present: true });
    expect(byId.p2).toMatchObject({ name: "Budi", roundsSent: 1, participationRate: 0.5, rolesCommitted: 1 });
    expect(byId.p3).toMatchObject({ roundsSent: 2, rolesCommitted: 1, roles: ["government", "academia"] });
    expect(byId.p4).toMatchObject({ roundsSent: 2, rolesCommitted: 1 });
    // each member's own reading: Dewi read both right although her team did not
    expect([byId.p1, byId.p2, byId.p3, byId.p4].map((p) => [p!.diagnosisRight, p!.diagnosisRounds, p!.diagnosisRate])).toEqual([
      [2, 2, 1],
      [1, 1, 1],
      [0, 2, 0],
      [2, 2, 1],
    ]);
    expect(report.votes).toHaveLength(7);
    expect(report.votes[3]).toMatchObject({ roundNo: 1, teamNo: 2, name: "Citra", diagnosis: "uncertainty", diagnosisRight: false, choice: "understanding", bestChoice: false });

    // per condition, the most misread first: complexity (teams 1/2, members 2/3) before volatility (1/2, 3/4)
    expect(report.diagnoses.map((d) => [d.condition, d.teamsRight, d.teamRounds, d.playersRight, d.playerVotes, d.mostReadAs])).toEqual([
      ["complexity", 1, 2, 2, 3, "ambiguity"],
      ["volatility", 1, 2, 3, 4, "uncertainty"],
    ]);

    // hardest first: data-ganda (1.5 of 3) before banjir (2 of 3)
    expect(report.events.map((e) => [e.difficultyRank, e.eventId, e.successRate, e.averagePoints, e.teamsBest])).toEqual([
      [1, "data-ganda", 0.5, 1.5, 1],
      [2, "banjir", 0.6667, 2, 1],
    ]);
    expect(report.events[0]).toMatchObject({ bestPrime: "clarity", bestPoints: 3, condition: "complexity", teams: 2 });

    expect(await store.report("NOPE3", PACK)).toBeNull();
  });

  it("lists, deletes and purges", async () => {
    const game = gameAt("reveal1");
    const other = "f".repeat(64);
    await store.saveSession(metaFor("LIST1", game, T0 + 10), game);
    await store.saveSession(metaFor("LIST2", gameAt("final"), T0 + 20), gameAt("final"));
    await store.saveSession(metaFor("LIST3", game, T0 + 30, { hostKeyHash: other }), game);

    const mine = await store.listSessions({ hostKeyHash: sha256(HOST_KEY) });
    const codes = mine.map((s) => s.code);
    expect(codes).toContain("LIST1");
    expect(codes).toContain("LIST2");
    expect(codes).not.toContain("LIST3");
    expect(codes.indexOf("LIST2")).toBeLessThan(codes.indexOf("LIST1")); // newest first
    expect(mine.find((s) => s.code === "LIST1")).toMatchObject({ phase: "reveal", round: 0, teamCount: 2, playerCount: 4, roundsPlayed: 1, roundSeconds: 60 });

    const active = (await store.listSessions({ hostKeyHash: sha256(HOST_KEY), activeOnly: true })).map((s) => s.code);
    expect(active).toContain("LIST1");
    expect(active).not.toContain("LIST2");
    expect((await store.listSessions({ hostKeyHash: other })).map((s) => s.code)).toEqual(["LIST3"]);

    expect(await store.deleteSession("LIST2")).toBe(true);
    expect(await store.deleteSession("LIST2")).toBe(false);
    expect(Object.values(await countRows(store, "LIST2")).every((n) => n === 0)).toBe(true);
    expect(await store.latestSnapshot("LIST2")).toBeNull();

    // retention: an old session goes, a recent one stays; 0 days means "off"
    const now = T0 + 40 * 86_400_000;
    await store.saveSession(metaFor("OLD01", game, T0 - 86_400_000), game);
    await store.saveSession(metaFor("NEW01", game, now - 86_400_000), game);
    expect(await store.purgeOlderThan(0, now)).toEqual([]);
    const purged = await store.purgeOlderThan(30, now);
    expect(purged).toContain("OLD01");
    expect(purged).toContain("LIST1");
    expect(purged).not.toContain("NEW01");
    expect(await store.loadSession("OLD01")).toBeNull();
    expect(Object.values(await countRows(store, "OLD01")).every((n) => n === 0)).toBe(true);
    expect(await store.loadSession("NEW01")).not.toBeNull();
  });

  it("refuses to overwrite another session that had the same code (another host key)", async () => {
    const game = gameAt("final");
    await store.saveSession(metaFor("TAKEN", game, T0), game);
    const intruder = metaFor("TAKEN", gameAt("lobby"), T0 + 999_999, { hostKeyHash: sha256("another trainer") });
    await expect(store.saveSession(intruder, gameAt("lobby"))).rejects.toBeInstanceOf(CodeTakenError);
    expect(await store.latestSnapshot("TAKEN")).toEqual(game);
    const log = vi.fn();
    expect(await withRetry(() => store.saveSession(intruder, gameAt("lobby")), { attempts: 5, delayMs: 1, log })).toBe(false);
    expect(log).toHaveBeenCalledTimes(1); // not retryable: given up at once
  });

  it("never stores a device secret or the host key in plain text", async () => {
    const game = gameAt("final");
    await store.saveSession(metaFor("SECRT", game, T0 + 50), game);
    const text = await dumpText(store);
    expect(text).toContain(sha256(`SECRT:${DEVICE_SECRETS.p1}`)); // the hash is there…
    for (const secret of [...Object.values(DEVICE_SECRETS), HOST_KEY]) expect(text).not.toContain(secret); // …the secret never
    expect(text).not.toContain("SECRET-");
  });

  it("a failed write leaves nothing half-written and is retried by withRetry", async () => {
    const game = gameAt("final");
    const broken = structuredClone(game);
    (broken.players.p3 as { name: unknown }).name = null; // NOT NULL violation after the session row was written
    await expect(store.saveSession(metaFor("RETRY", broken, T0 + 60), broken)).rejects.toThrow();
    expect(await store.loadSession("RETRY")).toBeNull(); // the transaction rolled back
    expect(Object.values(await countRows(store, "RETRY")).every((n) => n === 0)).toBe(true);

    // first two attempts fail (the database is "busy"), the third writes
    const log = vi.fn();
    let attempt = 0;
    const ok = await withRetry(
      () => {
        attempt++;
        const snapshot = attempt === 1 ? broken : game;
        if (attempt === 2) return Promise.reject(new Error("SQLITE_BUSY: database is locked (simulated)"));
        return store.saveSession(metaFor("RETRY", snapshot, T0 + 60), snapshot);
      },
      { attempts: 4, delayMs: 5, log },
    );
    expect(ok).toBe(true);
    expect(attempt).toBe(3);
    expect(log).toHaveBeenCalledTimes(2);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/attempt 1\/4/);
    expect(await store.latestSnapshot("RETRY")).toEqual(game);

    // a write that always fails: logged each time, false at the end, never a throw
    const quiet = vi.fn();
    await expect(withRetry(() => Promise.reject(new Error("disk full (simulated)")), { attempts: 3, delayMs: 1, log: quiet })).resolves.toBe(false);
    expect(quiet).toHaveBeenCalledTimes(3);
  });

  it("the persister writes the newest snapshot of each room, one write at a time, through retries", async () => {
    let failures = 1;
    const flaky: Store = Object.create(store) as Store;
    const calls: string[] = [];
    flaky.saveSession = async (meta, snapshot) => {
      calls.push(`${meta.code}:${snapshot.phase}`);
      if (failures-- > 0) throw new Error("connection reset (simulated)");
      return store.saveSession(meta, snapshot);
    };
    let clock = T0 + 100;
    const persister = createPersister(flaky, { delayMs: 2, log: () => {}, now: () => clock++ });
    const room = (game: ReturnType<typeof gameAt>) => ({
      code: "PERSI",
      hostKeyHash: sha256(HOST_KEY),
      pack: PACK,
      game,
      devices: { [sha256("PERSI:x")]: "p1" },
      banned: [],
    });
    const saves = [persister.persist(room(gameAt("lobby"))), persister.persist(room(gameAt("deciding"))), persister.persist(room(gameAt("final")))];
    await Promise.all(saves);
    await persister.flush();
    expect(await store.latestSnapshot("PERSI")).toEqual(gameAt("final"));
    // lobby failed once; the retry writes the newest snapshot ("final" overtook "deciding" meanwhile)
    expect(calls).toEqual(["PERSI:lobby", "PERSI:final"]);
    const session = await store.loadSession("PERSI");
    expect(session?.createdAt).toBe(T0 + 100);
    expect(session?.endedAt).not.toBeNull();
    expect(session?.devices).toEqual({ [sha256("PERSI:x")]: "p1" });

    // after a restart with a clock that went back an hour, saves still land (above the stored time)
    const restarted = createPersister(store, { delayMs: 1, log: () => {}, now: () => T0 - 3_600_000 });
    const resumed = gameAt("final");
    resumed.players.p1!.name = "Ani (lanjut)";
    await restarted.persist(room(resumed));
    expect(await store.latestSnapshot("PERSI")).toEqual(resumed);
    expect((await store.loadSession("PERSI"))?.createdAt).toBe(T0 + 100);
  });
});
