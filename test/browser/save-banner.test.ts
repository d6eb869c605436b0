// The trainer's console in real Chromium while the results cannot be saved:
// a banner names the trouble in Indonesian ("Hasil belum tersimpan: disk
// server penuh") while the game goes on, and goes away once saves land again.
// The store is SQLite whose file may not grow (`PRAGMA max_page_count`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { SqlStore, withStatementCache } from "../../server/store/index.js";
import type { Database } from "../../server/store/schema.js";
import { host as hostText } from "../../shared/i18n/host.js";

const hasChromium = await requireChromium();
const T = hostText.id;

describe.runIf(hasChromium)("the console while saves fail", () => {
  let game: TestGame;
  let store: SqlStore;
  let database: BetterSqlite3.Database;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "arena-banner-"));

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  useBrowserGame(
    (g, b) => ((game = g), (browser = b)),
    async () => {
      database = new BetterSqlite3(join(dir, "arena-vuca.sqlite"));
      database.pragma("page_size = 512");
      database.pragma("journal_mode = WAL");
      store = new SqlStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), { dialect: "sqlite" });
      await store.migrate();
      return startTestGame({}, { store });
    },
  );

  it("shows the banner with the cause while saves fail and clears it when they land", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(`${game.url}/host.html#code=${code}&key=${encodeURIComponent(hostKey)}`);
    const a: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Ani", team: 0, device: newDevice() });
    const b: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Budi", team: 1, device: newDevice() });
    await expect.poll(() => page.locator("#teams").textContent(), { timeout: 15_000 }).toContain("Budi");
    await page.locator('[data-action="start"]').click();
    await until(a, (s) => s.phase === "briefing");
    await page.locator('[data-action="next"]').click();
    await until(a, (s) => s.phase === "deciding");
    await game.persister!.flush();
    expect(await page.locator(".save-trouble").count()).toBe(0);

    // the disk is full: the file may not grow and its free space is taken
    database.exec("create table ballast (b blob)");
    database.pragma(`max_page_count = ${Number(database.pragma("page_count", { simple: true })) + 2}`);
    for (const size of [3000, 200, 20]) {
      try {
        for (;;) database.prepare(`insert into ballast values (randomblob(${size}))`).run();
      } catch {
        // full
      }
    }
    a.send("submit", { option: 0, diagnosis: "volatility", commit: true });
    b.send("submit", { option: 3, diagnosis: "ambiguity", commit: true });
    const banner = page.locator(".save-trouble");
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toContain(T.saveFailing);
    expect(await banner.textContent()).toContain(T.saveTroubleKinds["disk-full"]);
    // the game went on: the reveal is on the phones
    await until(a, (s) => s.phase === "reveal", "the reveal, unsaved", 15_000);
    await page.screenshot({ path: screenshotPath("console-save-trouble") });

    // room on the disk again: the banner goes
    database.pragma("max_page_count = 1073741823");
    database.exec("drop table ballast");
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(0);
    expect((await store.loadSession(code))?.phase).toBe("reveal");
    for (const r of [a, b]) await r.leave();
  });
});
