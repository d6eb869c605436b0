// Disk and database trouble, surfaced and caught up: a store that fails on
// demand — SQLite whose file may not grow (`PRAGMA max_page_count`, a full
// disk as SQLite sees it) and PostgreSQL whose tables vanish (their schema
// renamed away) — while a class plays on. The game goes on (the reveal still
// reaches the console), the log names the real cause once, the trainer's
// console gets a banner with its kind, the session ended meanwhile is stored
// as ended once the store is back, and the banner clears.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { pgQuery, PG_URL, requirePostgres } from "../helpers/services.js";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { createPersister, openStore, SqlStore, withStatementCache, type Store } from "../../server/store/index.js";
import { replaySpool, spoolSnapshots, SPOOL_FOLDER } from "../../server/store/spool.js";
import { gameAt, HOST_KEY, PACK, sha256 } from "./fixture.js";
import type { Database } from "../../server/store/schema.js";
import { SERVER_MESSAGES } from "../../shared/constants.js";
import type { SaveTroubleMessage } from "../../shared/protocol/messages.js";

const PG_SCHEMA = `arena_trouble_test_${process.pid}`;

const pgUp = await requirePostgres();

interface Trouble {
  name: string;
  kind: string;
  /** Words the log line must carry (the real cause). */
  cause: RegExp;
  open(): Promise<{ store: Store; fail(): Promise<void>; heal(): Promise<void>; close(): Promise<void> }>;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (pgUp) await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade; drop schema if exists "${PG_SCHEMA}_away" cascade`);
});

const troubles: Trouble[] = [
  {
    name: "sqlite: disk full",
    kind: "disk-full",
    cause: /disk full.*(SQLITE_FULL|full)/i,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "arena-trouble-"));
      dirs.push(dir);
      // the store as openStore builds it, with the connection in hand to limit its size
      const database = new BetterSqlite3(join(dir, "arena-vuca.sqlite"));
      // small pages: a save that grows the session's snapshot needs a new page, as on a real full disk
      database.pragma("page_size = 512");
      database.pragma("journal_mode = WAL");
      database.pragma("synchronous = FULL");
      const store = new SqlStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), { dialect: "sqlite" });
      await store.migrate();
      return {
        store,
        async fail() {
          // the file may not grow, and every free byte in it is taken: the next write that needs a page fails
          database.exec("create table if not exists ballast (b blob)");
          database.pragma(`max_page_count = ${Number(database.pragma("page_count", { simple: true })) + 2}`);
          for (const size of [3000, 200, 20]) {
            try {
              for (;;) database.prepare(`insert into ballast values (randomblob(${size}))`).run();
            } catch (error) {
              expect(String((error as { code?: string }).code)).toBe("SQLITE_FULL");
            }
          }
        },
        async heal() {
          database.pragma("max_page_count = 1073741823");
          database.exec("drop table ballast");
        },
        close: () => store.close(),
      };
    },
  },
];
if (pgUp) {
  troubles.push({
    name: "postgres: tables gone",
    kind: "tables-missing",
    cause: /database tables missing.*(42P01|does not exist)/i,
    async open() {
      await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade; drop schema if exists "${PG_SCHEMA}_away" cascade`);
      const store = await openStore({ databaseUrl: PG_URL, pgSchema: PG_SCHEMA });
      return {
        store,
        fail: () => pgQuery(`alter schema "${PG_SCHEMA}" rename to "${PG_SCHEMA}_away"`),
        heal: () => pgQuery(`alter schema "${PG_SCHEMA}_away" rename to "${PG_SCHEMA}"`),
        close: () => store.close(),
      };
    },
  });
}

describe.each(troubles)("saves failing: $name", (trouble) => {
  let game: TestGame | null = null;
  afterAll(async () => {
    await game?.close();
  });

  it("the game goes on, the console shows the cause, and the ended session is saved as ended once the store is back", { timeout: 90_000 }, async () => {
    const opened = await trouble.open();
    const log: string[] = [];
    game = await startTestGame({}, { store: opened.store, log: (message, error) => log.push(`${message} ${error ?? ""}`) });
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const banners: SaveTroubleMessage[] = [];
    host.onMessage(SERVER_MESSAGES.saveTrouble, (m: SaveTroubleMessage) => banners.push(m));
    const a: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Ani", team: 0, device: newDevice() });
    const b: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Budi", team: 1, device: newDevice() });
    await until(host, (s) => s.teams[0]!.members.length === 1 && s.teams[1]!.members.length === 1, "both seated");
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing");
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding");
    await game.persister!.flush();
    expect((await opened.store.loadSession(code))?.phase).toBe("deciding");

    await opened.fail();
    a.send("submit", { option: 0, diagnosis: "volatility", commit: true });
    b.send("submit", { option: 3, diagnosis: "ambiguity", commit: true });
    // the reveal is shown although it cannot be saved (after the bounded wait), and the console says why
    await until(host, (s) => s.phase === "reveal", "the reveal, unsaved", 15_000);
    const deadline = Date.now() + 10_000;
    while (!banners.some((m) => m.failing) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(banners.find((m) => m.failing), log.join("\n")).toMatchObject({ failing: true, kind: trouble.kind });
    // a host who opens the console now sees the banner too
    const second: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const late = await new Promise<SaveTroubleMessage>((r) => second.onMessage(SERVER_MESSAGES.saveTrouble, r));
    expect(late).toMatchObject({ failing: true, kind: trouble.kind });
    await second.leave();

    // the trainer ends the session while nothing can be saved
    host.send("host", { action: "end" });
    await until(host, (s) => s.phase === "final", "final, unsaved", 15_000);
    await new Promise((r) => setTimeout(r, 1500)); // a few retries fail meanwhile
    // (PostgreSQL cannot be read either while its tables are away)
    const meanwhile = await opened.store.loadSession(code).catch(() => null);
    if (meanwhile) expect(meanwhile.phase).toBe("deciding");

    const failures = log.filter((line) => /failed/.test(line));
    expect(failures.length, log.join("\n")).toBeGreaterThan(0);
    expect(failures[0], log.join("\n")).toMatch(trouble.cause);
    // the cause once, not a line per try, and never the rollback's own complaint
    expect(failures.length, log.join("\n")).toBeLessThanOrEqual(2);
    expect(log.join("\n")).not.toMatch(/cannot rollback/);

    await opened.heal();
    const back = Date.now() + 20_000;
    while (!(banners.length > 0 && banners[banners.length - 1]!.failing === false) && Date.now() < back) await new Promise((r) => setTimeout(r, 50));
    expect(banners[banners.length - 1]).toEqual({ failing: false });
    const session = await opened.store.loadSession(code);
    expect(session?.phase).toBe("final");
    expect(session?.endedAt).not.toBeNull();
    expect(session?.roundsPlayed).toBe(1);
    expect(log.some((line) => /saved again/.test(line)), log.join("\n")).toBe(true);

    for (const r of [host, a, b]) await r.leave();
    await game.close();
    game = null;
    await opened.close();
  });
});

describe("saves still failing when the server stops", () => {
  it("are kept in the data folder and written at the next start", { timeout: 30_000 }, async () => {
    const opened = await troubles[0]!.open();
    const dir = dirs[dirs.length - 1]!;
    const log: string[] = [];
    const quiet = (message: string, error?: unknown) => void log.push(`${message} ${error ?? ""}`);
    const before = createPersister(opened.store, { delayMs: 20, log: quiet });
    const room = (game: ReturnType<typeof gameAt>) => ({ code: "SPOOL", hostKeyHash: sha256(HOST_KEY), pack: PACK, game, devices: {}, banned: [] });
    await before.persist(room(gameAt("deciding")));
    await opened.fail();
    void before.persist(room(gameAt("final")));
    // the stop: the save cannot land, so it is kept
    expect(await before.flush(300)).toBe(false);
    expect(spoolSnapshots(dir, before.unsaved(), quiet)).toBe(1);
    expect(readdirSync(join(dir, SPOOL_FOLDER))).toEqual(["SPOOL.json"]);
    expect((await opened.store.loadSession("SPOOL"))?.phase).toBe("deciding");

    // the next start, with room on the disk again
    await opened.heal();
    const after = createPersister(opened.store, { delayMs: 20, log: quiet });
    expect(await replaySpool(dir, opened.store, after, quiet)).toBe(1);
    await after.flush(5000);
    const session = await opened.store.loadSession("SPOOL");
    expect(session?.phase).toBe("final");
    expect(session?.endedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(join(dir, SPOOL_FOLDER))).toEqual([]);
    before.forget("SPOOL");
    await opened.close();
  });
});
