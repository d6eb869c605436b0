// [RF-B] In real Chromium: a phone (390×844) fills the whole reflection chain
// one screen at a time, a reload mid-way keeps every typed field, the board
// (1920×1080) shows the class wall without names, the console leads the
// debrief, hides an activity and closes the reflection, and the report prints
// a sheet per participant. Screenshots: test-artifacts/screenshots/rf-*.png.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { openStore, type Store } from "../../server/store/index.js";
import { entryOf } from "../../shared/rules/reflection.js";

const hasChromium = await requireChromium();

const ISSUE = "Antrean layanan KTP di kelurahan kami panjang setiap Senin pagi";
const ACTIVITY = "Menyusun jadwal layanan jemput bola bersama ketua RW bulan depan";

describe.runIf(hasChromium)("[RF-B] the reflection on a phone, the wall on the board", () => {
  let game: TestGame;
  let store: Store;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "arena-rf-browser-"));
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function page(width: number, height: number): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("dialog", (d) => void d.accept());
    p.on("pageerror", (e) => errors.push(e.message));
    return p;
  }

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  useBrowserGame(
    (g, b) => ((game = g), (browser = b)),
    async () => startTestGame({}, { store: (store = await openStore({ databaseUrl: "", dataDir: dir })) }),
  );
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("runs the whole chain, keeps it over a reload, and shows an anonymous wall", async () => {
    const host = await page(1366, 900);
    await host.goto(`${game.url}/host.html`);
    await host.locator('[data-pack="banjir-bandang"]').click();
    await host.locator("#team-count").fill("2");
    await host.locator("#create").click();
    const codeEl = host.locator("#room-code");
    await expect.poll(async () => (await codeEl.textContent())?.trim().length ?? 0, { timeout: 15_000 }).toBe(5);
    const code = (await codeEl.textContent())!.trim();

    const board = await page(1920, 1080);
    await board.goto(`${game.url}/board.html?code=${code}`);
    const live = board.locator("#board-live");
    await expect.poll(async () => await live.textContent(), { timeout: 15_000 }).toContain(code);

    const names = ["Siti Aminah", "Budi Santoso"];
    const phones: Page[] = [];
    for (const name of names) {
      const phone = await page(390, 844);
      await phone.goto(`${game.url}/play.html?code=${code}`);
      await phone.locator("#name").fill(name);
      await phone.locator('button[type="submit"]').click();
      phones.push(phone);
    }
    for (const phone of phones) await expect.poll(() => phone.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok [12]/);
    const [siti, budi] = phones as [Page, Page];

    // one card played, then the end
    await host.locator('[data-action="start"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("briefing");
    await host.locator('[data-action="next"]').click();
    for (const phone of phones) {
      await phone.locator("#opt-0").waitFor({ state: "attached", timeout: 10_000 });
      await phone.locator("#diag-complexity").check({ force: true });
      await phone.locator("#opt-1").check({ force: true });
      await phone.locator("button.send").click();
    }
    await expect.poll(() => game.room(code).game.phase, { timeout: 15_000 }).toBe("reveal");
    await host.locator('[data-action="end"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("final");
    const sitiId = Object.values(game.room(code).game.players).find((p) => p.name === names[0])!.id;

    // the phone opens the reflection
    await siti.locator("#rf-start").click();
    await siti.locator("#rf-issue").fill(ISSUE);
    await expect(siti.locator(".rf-count").textContent()).resolves.toContain(`${[...ISSUE].length}/280`);
    await siti.screenshot({ path: screenshotPath("rf-phone-1-issue") });
    await expect.poll(() => entryOf(game.room(code).game, sitiId).issue, { timeout: 5000 }).toBe(ISSUE);
    await siti.locator("#rf-next").click();
    await siti.locator("#rf-cond-complexity").check({ force: true });
    await siti.screenshot({ path: screenshotPath("rf-phone-2-condition") });
    await expect.poll(() => entryOf(game.room(code).game, sitiId).condition, { timeout: 5000 }).toBe("complexity");

    // a reload mid-reflection: the same step, every typed field back
    await siti.reload();
    await siti.locator("#rf-cond-complexity").waitFor({ state: "attached", timeout: 15_000 });
    expect(await siti.locator("#rf-cond-complexity").isChecked()).toBe(true);
    await siti.locator("#rf-back").click();
    expect(await siti.locator("#rf-issue").inputValue()).toBe(ISSUE);
    await siti.locator("#rf-next").click();
    await siti.locator("#rf-next").click();
    await siti.locator("#rf-prime-understanding").check({ force: true });
    await siti.screenshot({ path: screenshotPath("rf-phone-3-prime") });
    await siti.locator("#rf-next").click();
    await siti.locator("#rf-role-government").check({ force: true });
    await siti.locator("#rf-role-community").check({ force: true });
    await siti.screenshot({ path: screenshotPath("rf-phone-4-partners") });
    await siti.locator("#rf-next").click();
    await siti.locator("#rf-beh-kolaboratif-2").check({ force: true });
    await siti.screenshot({ path: screenshotPath("rf-phone-5-behaviour"), fullPage: true });
    await siti.locator("#rf-next").click();
    await siti.locator("#rf-activity").fill(ACTIVITY);
    await siti.screenshot({ path: screenshotPath("rf-phone-6-activity") });
    await siti.locator("#rf-next").click();
    await siti.locator("#rf-to-wall").click();
    await siti.locator("#rf-on-wall").waitFor({ timeout: 10_000 });
    await siti.waitForTimeout(500); // the screen fades in
    await siti.screenshot({ path: screenshotPath("rf-phone-7-review"), fullPage: true });
    const e = entryOf(game.room(code).game, sitiId);
    expect(e).toMatchObject({ issue: ISSUE, condition: "complexity", prime: "understanding", partners: ["government", "community"], behaviour: "kolaboratif-2", activity: ACTIVITY, done: true });

    // the second phone writes part of it
    await budi.locator("#rf-start").click();
    await budi.locator("#rf-issue").fill("Arsip surat masuk menumpuk");
    await budi.locator("#rf-next").click();
    await budi.locator("#rf-cond-uncertainty").check({ force: true });

    // the console's debrief; the wall on the board
    const debrief = host.locator("#debrief");
    await expect.poll(() => debrief.textContent(), { timeout: 15_000 }).toContain("1 dari 2 peserta");
    await expect.poll(() => debrief.textContent(), { timeout: 15_000 }).toContain("Apa yang terjadi?");
    await expect.poll(() => host.locator("#db-hardest").textContent(), { timeout: 15_000 }).toContain(game.packs.get("banjir-bandang")!.events[0]!.title.id);
    await host.locator("#db-board").click();
    await board.bringToFront();
    await expect.poll(async () => await live.getAttribute("data-scene"), { timeout: 10_000 }).toBe("Wall");
    await expect.poll(async () => await live.textContent(), { timeout: 10_000 }).toContain(ACTIVITY);
    await expect.poll(async () => await live.textContent(), { timeout: 10_000 }).toContain("Ketidakpastian 1");
    const wallText = (await live.textContent()) ?? "";
    for (const name of names) expect(wallText).not.toContain(name);
    await board.waitForTimeout(800);
    await board.screenshot({ path: screenshotPath("rf-board-wall") });
    await host.locator("#debrief").screenshot({ path: screenshotPath("rf-console-debrief") });

    // the trainer hides the activity, then closes the reflection
    await host.locator("#db-cards button").first().click();
    await expect.poll(async () => await live.textContent(), { timeout: 10_000 }).not.toContain(ACTIVITY);
    await host.locator("#db-close").click();
    await expect.poll(() => game.room(code).game.reflection?.closed, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => siti.textContent("body"), { timeout: 10_000 }).toContain("Refleksi sudah ditutup");
    await siti.screenshot({ path: screenshotPath("rf-phone-8-closed"), fullPage: true });
    await expect.poll(() => budi.textContent("body"), { timeout: 10_000 }).toContain("Refleksi sudah ditutup");
    expect(entryOf(game.room(code).game, sitiId).issue).toBe(ISSUE);

    // the report: the reflections view and a printable sheet
    await host.evaluate(() => {
      window.print = () => undefined;
    });
    await expect.poll(async () => (await store.report(code, game.packs.get("banjir-bandang")!))?.reflections.find((r) => r.name === names[0])?.complete, { timeout: 10_000 }).toBe(true);
    await host.locator('#final [data-act="report"]').click();
    await host.locator("#tab-reflections").click();
    await expect.poll(() => host.locator("#view-reflections").textContent(), { timeout: 10_000 }).toContain(ACTIVITY);
    expect(await host.locator("#report").textContent()).toContain("Poin permainan bukan nilai");
    await host.screenshot({ path: screenshotPath("rf-console-report"), fullPage: true });
    await host.locator(`#view-reflections tr[data-player="${sitiId}"] button`).click();
    await host.emulateMedia({ media: "print" });
    await host.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    const sheet = host.locator("#print-sheets .p-sheet");
    expect(await sheet.count()).toBe(1);
    expect(await sheet.textContent()).toContain(ISSUE);
    expect(await sheet.textContent()).toContain("Poin permainan bukan nilai");
    await host.screenshot({ path: screenshotPath("rf-sheet-a4"), fullPage: true });
    expect(errors).toEqual([]);
  }, 240_000);

  it("keeps a full wall readable on the projector: many cards, long texts, no names", async () => {
    const { code, hostKey } = await game.createRoom({ packId: "banjir-bandang", teamCount: 4, roundSeconds: 600 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const phones: GameClientRoom[] = [];
    for (let i = 0; i < 16; i++) phones.push(await game.client().joinById(code, { kind: "player", name: `Nama Rahasia ${i + 1}`, team: i % 4, device: newDevice() }));
    await until(host, (s) => [...s.teams].reduce((n, t) => n + t.members.length, 0) === 16, "16 players");
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "end" });
    await until(host, (s) => s.phase === "final", "final");
    const conditions = ["volatility", "uncertainty", "complexity", "ambiguity"] as const;
    const behaviours = ["loyal-1", "kolaboratif-3", "akuntabel-1", "adaptif-2", "harmonis-3"];
    phones.forEach((p, i) => {
      const activity = i % 3 === 0 ? `Kegiatan ${i + 1}: ${"menyusun rencana kerja bersama mitra pentahelix dan melaporkannya kepada atasan langsung setiap bulan ".repeat(3).slice(0, 260)}` : `Kegiatan ${i + 1}: rapat koordinasi mingguan`;
      p.send("reflect", { issue: `Isu ${i + 1}`, condition: conditions[i % 4], prime: "vision", partners: ["media"], behaviour: behaviours[i % 5], activity });
      p.send("reflect", { done: true });
    });
    host.send("board", { view: "responses" });
    await expect.poll(() => Object.values(game.room(code).game.reflection?.entries ?? {}).filter((e) => e.done).length, { timeout: 10_000 }).toBe(16);
    const board = await page(1920, 1080);
    await board.goto(`${game.url}/board.html?code=${code}`);
    const live = board.locator("#board-live");
    await expect.poll(async () => await live.getAttribute("data-scene"), { timeout: 15_000 }).toBe("Wall");
    await expect.poll(async () => await live.textContent(), { timeout: 10_000 }).toContain("16 dari 16");
    expect(await live.textContent()).not.toContain("Nama Rahasia");
    await board.waitForTimeout(1200);
    await board.screenshot({ path: screenshotPath("rf-board-wall-full") });
    for (const p of phones) await p.leave(true);
    await host.leave(true);
  }, 120_000);
});
