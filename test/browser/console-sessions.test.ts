// The console's saved sessions in real Chromium, on a server with a real
// SQLite store: the list on the console's home screen (status from
// POST /api/sessions/lookup), the report, ending and deleting a session, and
// resuming one whose room stopped (as after a restart) — with a phone and the
// board that wait calmly and come back by themselves.
// Screenshots go to test-artifacts/screenshots/.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { startTestGame, type TestGame } from "../helpers/game-server.js";
import { openStore, type Store } from "../../server/store/index.js";
import { STORAGE } from "../../shared/constants.js";
import type { Prime } from "../../shared/vuca.js";
import { common } from "../../shared/i18n/common.js";
import { host as hostText } from "../../shared/i18n/host.js";
import { board as boardText } from "../../shared/i18n/board.js";

const hasChromium = await requireChromium();

const PACK = "banjir-bandang";
const T = hostText.id;

/** A member reads the card as volatility and picks the option with `prime` by its place on screen (A–D). */
async function choose(phone: import("playwright-core").Page, code: string, prime: Prime): Promise<void> {
  await phone.locator("#diag-volatility").check({ force: true });
  const at = gameRef!.room(code).optionOf(prime);
  await phone.locator(`#opt-${at}`).check({ force: true });
}
let gameRef: TestGame | null = null;

describe.runIf(hasChromium)("saved sessions in the console", () => {
  let game: TestGame;
  let store: Store;
  let dataDir: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  async function page(width: number, height: number, label: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.accept();
    });
    p.on("pageerror", (e) => errors.push(`${label}: ${e.message}`));
    return p;
  }

  async function lookup(code: string, key: string) {
    const res = await fetch(`${game.url}/api/sessions/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sessions: [{ code, key }] }),
    });
    return ((await res.json()) as { sessions: { found: boolean; live?: boolean; resumable?: boolean; phase?: string }[] }).sessions[0]!;
  }

  async function joinPhone(code: string, name: string): Promise<Page> {
    const phone = await page(360, 740, name);
    await phone.goto(`${game.url}/play.html?code=${code}`);
    await phone.locator("#name").fill(name);
    await phone.locator('button[type="submit"]').click();
    await expect.poll(() => phone.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok [12]/);
    return phone;
  }

  const row = (host: Page, code: string) => host.locator(`[data-session="${code}"]`);

  afterAll(async () => {
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  useBrowserGame(
    (g, b) => ((game = gameRef = g), (browser = b)),
    async () => {
      dataDir = mkdtempSync(join(tmpdir(), "arena-console-"));
      store = await openStore({ databaseUrl: "", dataDir });
      return startTestGame({}, { store });
    },
  );
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("lists a live session, opens its report, ends it and deletes its data", async () => {
    // the trainer creates a session; two phones join and play to deciding
    const host = await page(1366, 768, "console");
    await host.goto(`${game.url}/host.html`);
    await host.locator(`[data-pack="${PACK}"]`).click();
    await host.locator("#team-count").fill("2");
    await host.locator("#create").click();
    const codeEl = host.locator("#room-code");
    await codeEl.waitFor();
    await expect.poll(async () => (await codeEl.textContent())?.trim().length ?? 0).toBe(5);
    const code = (await codeEl.textContent())!.trim();

    const ani = await joinPhone(code, "Ani Lestari");
    const budi = await joinPhone(code, "Budi Santoso");
    const observer = await page(360, 740, "observer");
    await observer.goto(`${game.url}/watch.html?code=${code}`);
    const projector = await page(1280, 720, "board-1");
    await projector.goto(`${game.url}/board.html?code=${code}`);
    await expect.poll(() => projector.locator("#board-live").textContent(), { timeout: 15_000 }).toContain(code);
    await expect.poll(() => host.locator("#teams").textContent(), { timeout: 10_000 }).toContain("Budi Santoso");
    await host.locator('[data-action="start"]').click();
    await expect.poll(() => game.room(code).game.phase).toBe("briefing");
    await host.locator('[data-action="next"]').click();
    await ani.locator("#opt-0").waitFor({ state: "attached", timeout: 10_000 });
    // Ani is her team's captain: the team's reason first, then her vote (a team of one locks when she sends)
    await ani.locator("#reason").fill("Selamatkan warga dulu, data menyusul.");
    await ani.locator("#reason").press("Tab"); // leaving the box saves it: no "Simpan alasan" needed
    await expect.poll(() => game.room(code).game.teams.some((t) => t.reason.length > 0), { timeout: 10_000 }).toBe(true);
    await choose(ani, code, "vision");
    await ani.locator("button.send").click();
    await expect.poll(() => game.room(code).game.teams.reduce((n, t) => n + Object.keys(t.votes).length, 0), { timeout: 10_000 }).toBe(1);

    // home: the session is listed as running, with its pack, phase, counts and date
    await host.locator('.session-nav [data-act="home"]').click();
    const item = row(host, code);
    await expect.poll(() => item.getAttribute("data-status"), { timeout: 10_000 }).toBe("live");
    const text = (await item.textContent()) ?? "";
    expect(text).toContain(T.badgeLive);
    expect(text).toContain(game.packs.get(PACK)!.title.id);
    expect(text).toContain(T.phaseRound(1, game.packs.get(PACK)!.events.length));
    expect(text).toContain(T.participants(2));
    expect(text).toContain(T.teamCountOf(2));
    expect(await item.locator('[data-act="open"]').count()).toBe(1);
    expect(await item.locator('[data-act="resume"]').count()).toBe(0);
    await host.screenshot({ path: screenshotPath("console-sessions-list"), fullPage: true });

    // the report: every view is there, with the participants' names
    await item.locator('[data-act="report"]').click();
    const report = host.locator("#report");
    await expect.poll(() => report.locator('[data-view="players"]').textContent(), { timeout: 10_000 }).toContain("Ani Lestari");
    for (const view of ["rounds", "teams", "players", "events"]) expect(await report.locator(`[data-view="${view}"]`).count()).toBe(1);
    expect(await report.locator('[data-view="players"]').textContent()).toContain("Budi Santoso");
    expect(await report.locator('[data-view="teams"]').textContent()).toContain("Kelompok 1");
    await host.screenshot({ path: screenshotPath("console-report-teams"), fullPage: true });
    await report.locator('[data-tab="players"]').click();
    expect(await report.locator('[data-view="players"]').isVisible()).toBe(true);
    expect(await report.locator('[data-view="teams"]').isVisible()).toBe(false);
    await host.screenshot({ path: screenshotPath("console-report-players"), fullPage: true });
    // the same report at a phone's width, in English
    await host.setViewportSize({ width: 390, height: 844 });
    await host.locator("button.lang").click();
    await expect.poll(() => report.locator('[data-tab="players"]').textContent()).toBe(hostText.en.viewPlayers);
    await host.screenshot({ path: screenshotPath("console-report-phone-en"), fullPage: true });
    await host.locator("button.lang").click();
    await host.setViewportSize({ width: 1366, height: 768 });
    await report.locator('[data-act="back"]').click();

    // open it again; Budi sends, the round is revealed; then the trainer ends the game: the list says finished
    await row(host, code).locator('[data-act="open"]').click();
    // Budi switches his phone to English in the middle of the round: the room sends
    // the card again with its English (an Indonesian phone gets it without)
    const card0 = game.packs.get(PACK)!.events[0]!;
    expect(await budi.locator("body").textContent()).not.toContain(card0.title.en!);
    await budi.locator("button.lang").click();
    await expect.poll(() => budi.locator("body").textContent(), { timeout: 10_000 }).toContain(card0.title.en!);
    expect(await budi.locator("body").textContent()).toContain(card0.options[0]!.text.en!);
    await choose(budi, code, "agility");
    await budi.locator("button.send").click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 15_000 }).toBe("reveal");
    const agility = card0.options.find((o) => o.prime === "agility")!;
    await expect.poll(() => budi.locator("body").textContent(), { timeout: 10_000 }).toContain(agility.reason.en!);
    await expect.poll(() => ani.locator("body").textContent(), { timeout: 10_000 }).toContain(agility.reason.id);
    expect(await ani.locator("body").textContent()).not.toContain(agility.reason.en!);
    // and back to Indonesian
    await budi.locator("button.lang").click();
    await expect.poll(() => budi.locator("body").textContent(), { timeout: 10_000 }).toContain(agility.reason.id);
    await host.locator('[data-action="end"]').waitFor();
    await expect.poll(() => host.locator('[data-action="end"]').isEnabled(), { timeout: 10_000 }).toBe(true);
    await host.locator('[data-action="end"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("final");
    await host.locator("#final").waitFor();
    await host.locator('.session-nav [data-act="home"]').click();
    await expect.poll(() => row(host, code).getAttribute("data-status"), { timeout: 10_000 }).toBe("final");
    expect(await row(host, code).textContent()).toContain(T.badgeFinal);

    // the report of the finished game: the revealed round with each team's choice and the captain's reason
    await row(host, code).locator('[data-act="report"]').click();
    await expect.poll(() => host.locator('#report [data-view="players"]').textContent(), { timeout: 10_000 }).toContain("Ani Lestari");
    await host.locator('#report [data-tab="rounds"]').click();
    const rounds = (await host.locator('#report [data-view="rounds"]').textContent()) ?? "";
    expect(rounds).toContain(game.packs.get(PACK)!.events[0]!.title.id);
    expect(rounds).toContain("Selamatkan warga dulu, data menyusul.");
    expect(rounds).toContain(common.id.primes.vision);
    expect(rounds).toContain(common.id.primes.agility);
    expect(await host.locator('#report [data-view="events"] tbody tr').count()).toBe(1);
    await host.screenshot({ path: screenshotPath("console-report-rounds"), fullPage: true });
    await host.setViewportSize({ width: 390, height: 844 });
    await host.screenshot({ path: screenshotPath("console-report-rounds-phone"), fullPage: true });
    await host.setViewportSize({ width: 1366, height: 768 });
    await host.locator('#report [data-tab="events"]').click();
    await host.screenshot({ path: screenshotPath("console-report-events"), fullPage: true });
    await host.locator('#report [data-act="back"]').click();

    // delete its data: confirmed by name, gone from the list and from the store; the phones hear it
    dialogs.length = 0;
    await row(host, code).locator('[data-act="delete"]').click();
    await expect.poll(() => row(host, code).count(), { timeout: 10_000 }).toBe(0);
    expect(dialogs.some((m) => m.includes(code))).toBe(true);
    expect(await store.loadSession(code)).toBeNull();
    expect(await host.evaluate((k) => localStorage.getItem(k), STORAGE.hostKey(code))).toBeNull();
    await expect.poll(() => budi.textContent("body"), { timeout: 10_000 }).toContain(common.id.closedText);
    await budi.screenshot({ path: screenshotPath("phone-session-closed") });
    await expect.poll(() => observer.locator("#session-closed").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => projector.locator("#board-live").textContent(), { timeout: 10_000 }).toContain(boardText.id.closed);
    expect(errors).toEqual([]);
  }, 180_000);

  it("refuses to delete a game in progress, with a sentence", async () => {
    const { code, hostKey } = await game.createSession({ packId: PACK, teamCount: 2, roundSeconds: 300 });
    const phone = await joinPhone(code, "Dewi");
    const host = await page(1366, 768, "console-2");
    await host.goto(`${game.url}/host.html#code=${code}&key=${hostKey}`);
    await expect.poll(() => host.locator('[data-action="start"]').isEnabled(), { timeout: 10_000 }).toBe(true);
    await host.locator('[data-action="start"]').click();
    await expect.poll(() => game.room(code).game.phase).toBe("briefing");
    await host.locator('.session-nav [data-act="home"]').click();
    await expect.poll(() => row(host, code).getAttribute("data-status"), { timeout: 10_000 }).toBe("live");
    await row(host, code).locator('[data-act="delete"]').click();
    await expect.poll(() => row(host, code).locator(".alert").textContent(), { timeout: 10_000 }).toContain(common.id.reasons.SESSION_LIVE);
    expect(await store.loadSession(code)).not.toBeNull();
    expect(await phone.textContent("body")).not.toContain(common.id.closedText);
  }, 60_000);

  it("resumes a session whose room stopped; the phone and the board come back by themselves", async () => {
    const { code, hostKey } = await game.createSession({ packId: PACK, teamCount: 2, roundSeconds: 300 });
    const host = await page(1366, 768, "console-3");
    await host.goto(`${game.url}/host.html#code=${code}&key=${hostKey}`);
    const citra = await joinPhone(code, "Citra Dewi");
    const dodi = await joinPhone(code, "Dodi Pratama");
    const observer = await page(360, 740, "observer-3");
    await observer.goto(`${game.url}/watch.html?code=${code}`);
    const screen = await page(1280, 720, "board");
    await screen.goto(`${game.url}/board.html?code=${code}`);
    const live = screen.locator("#board-live");
    await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain("Citra Dewi");

    await expect.poll(() => host.locator('[data-action="start"]').isEnabled(), { timeout: 10_000 }).toBe(true);
    await host.locator('[data-action="start"]').click();
    await expect.poll(() => game.room(code).game.phase).toBe("briefing");
    await host.locator('[data-action="next"]').click();
    await citra.locator("#opt-0").waitFor({ state: "attached", timeout: 10_000 });
    await choose(citra, code, "clarity");
    await citra.locator("button.send").click();
    await expect.poll(() => game.room(code).game.teams.reduce((n, t) => n + Object.keys(t.votes).length, 0), { timeout: 10_000 }).toBe(1);
    const before = game.room(code).game;
    const seats = Object.values(before.players).map((p) => `${p.name}@${p.team}`).sort();

    // the room stops (as when the server restarts): everything saved first
    await game.persister!.flush();
    await game.room(code).disconnect();
    await game.persister!.flush();
    await expect.poll(async () => (await lookup(code, hostKey)).resumable, { timeout: 10_000 }).toBe(true);

    // phones and the board wait calmly, no error
    await expect.poll(() => citra.locator("#session-waiting").count(), { timeout: 20_000 }).toBe(1);
    expect(await citra.textContent("#session-waiting")).toContain(common.id.reasons.SESSION_WAITING);
    expect(await citra.locator(".bar.warn").count()).toBe(0);
    await citra.screenshot({ path: screenshotPath("phone-session-waiting") });
    await expect.poll(() => live.textContent(), { timeout: 20_000 }).toContain(boardText.id.waiting);
    await expect.poll(() => observer.locator("#session-waiting").count(), { timeout: 20_000 }).toBe(1);
    await screen.waitForTimeout(500);
    await screen.screenshot({ path: screenshotPath("board-session-waiting") });

    // the open console says so and offers to resume; back to the list, which says the same
    const fail = host.locator("#fail");
    await expect.poll(() => fail.locator('[data-act="resume"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await fail.textContent()).toContain(T.waitingHost);
    await host.screenshot({ path: screenshotPath("console-session-waiting") });
    await fail.locator('[data-act="home"]').click();
    await expect.poll(() => row(host, code).getAttribute("data-status"), { timeout: 10_000 }).toBe("resumable");
    expect(await row(host, code).textContent()).toContain(T.badgeResumable);
    await host.screenshot({ path: screenshotPath("console-sessions-resumable"), fullPage: true });

    // resume: the console is back on the session, same teams and players, the round paused
    await row(host, code).locator('[data-act="resume"]').click();
    await expect.poll(async () => (await host.locator("#room-code").textContent().catch(() => ""))?.trim(), { timeout: 15_000 }).toBe(code);
    await expect.poll(() => host.locator("#teams").textContent(), { timeout: 10_000 }).toContain("Citra Dewi");
    expect(await host.locator("#teams").textContent()).toContain("Dodi Pratama");
    expect(await host.locator("#resumed").isVisible()).toBe(true);
    expect(await host.locator("#resumed-paused").isVisible()).toBe(true);
    const after = game.room(code).game;
    expect(Object.values(after.players).map((p) => `${p.name}@${p.team}`).sort()).toEqual(seats);
    expect(after.phase).toBe("deciding");
    expect(after.timer.paused).toBe(true);

    // the phones and the board come back by themselves (retrying with backoff, up to 15 s apart)
    await expect.poll(() => citra.locator("#session-waiting").count(), { timeout: 40_000 }).toBe(0);
    await citra.locator("#opt-0").waitFor({ state: "attached", timeout: 10_000 });
    await expect.poll(() => dodi.locator("#opt-0").count(), { timeout: 40_000 }).toBe(1);
    await expect.poll(() => live.textContent(), { timeout: 20_000 }).not.toContain(boardText.id.waiting);
    await expect.poll(() => observer.locator("#session-waiting").count(), { timeout: 40_000 }).toBe(0);
    await expect.poll(() => observer.textContent("main"), { timeout: 10_000 }).toContain(common.id.phases.deciding);
    await expect.poll(() => host.locator("#resumed-count").textContent(), { timeout: 10_000 }).toContain(T.resumedBack(2, 2));
    await host.screenshot({ path: screenshotPath("console-resumed"), fullPage: true });

    // the trainer resumes the timer
    await host.locator('[data-action="resume"]').click();
    await expect.poll(() => game.room(code).game.timer.paused, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => host.locator("#resumed-paused").isVisible(), { timeout: 10_000 }).toBe(false);
    expect(errors).toEqual([]);
  }, 180_000);
});
