// The console on a 1280×720 laptop, in real Chromium against a real server:
// in every phase (lobby, deciding, reveal, final) the teams' lock status and
// the main control (Start / Next, at the final the final's actions) are in
// the viewport without scrolling; after creating a session the page is at its
// top ("← Semua sesi" fully visible); disabled controls look disabled; the
// home page shows "Buat sesi" without scrolling; the count of observers is the
// one the room sends. Screenshots: test-artifacts/screenshots/layout-*.png.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { newDevice, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";

const hasChromium = await requireChromium();

const W = 1280;
const H = 720;

/** The element is drawn wholly inside the 1280×720 viewport, the page not scrolled. */
async function inView(page: Page, loc: Locator, label: string): Promise<void> {
  await loc.waitFor({ state: "visible", timeout: 10_000 });
  const box = await loc.boundingBox();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled, `${label}: page scrolled`).toBe(0);
  expect(box, `${label}: not drawn`).not.toBeNull();
  expect(box!.x, `${label}: left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${label}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${label}: right`).toBeLessThanOrEqual(W);
  expect(box!.y + box!.height, `${label}: bottom (${Math.round(box!.y + box!.height)} px)`).toBeLessThanOrEqual(H);
}

describe.runIf(hasChromium)("the console and the home page at 1280×720", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const clients: GameClientRoom[] = [];

  async function page(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: W, height: H }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("dialog", (d) => void d.accept());
    p.on("pageerror", (e) => errors.push(e.message));
    return p;
  }

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  afterAll(async () => {
    for (const c of clients) await c.leave(true).catch(() => undefined);
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("home page: 'Buat sesi' without scrolling", async () => {
    const home = await page();
    await home.goto(`${game.url}/`);
    await inView(home, home.locator('a[href="/host.html"]'), "Buat sesi");
    expect(await home.locator('a[href="/host.html"]').textContent()).toContain("Buat sesi");
    await home.screenshot({ path: screenshotPath("layout-home") });
  }, 60_000);

  it("console: lock status and the main control in view in every phase", async () => {
    const host = await page();
    await host.goto(`${game.url}/host.html`);
    // the create button in view on the console's home, and a disabled control looks disabled
    await host.locator('[data-pack="banjir-bandang"]').click();
    await inView(host, host.locator("#create"), "Buat sesi (console)");
    await host.screenshot({ path: screenshotPath("layout-0-create") });
    await host.locator("#team-count").fill("4");
    await host.locator("#create").click();
    const codeEl = host.locator("#room-code");
    await expect.poll(async () => (await codeEl.textContent())?.trim().length ?? 0, { timeout: 15_000 }).toBe(5);
    const code = (await codeEl.textContent())!.trim();
    // landed at the top: "← Semua sesi" wholly visible
    await inView(host, host.locator('[data-act="home"]').first(), "← Semua sesi");

    // a board and eight phones (real SDK clients)
    const board = await game.client().joinById(code, { kind: "board" });
    clients.push(board);
    const phones: GameClientRoom[] = [];
    for (let i = 0; i < 8; i++) phones.push(await game.client().joinById(code, { kind: "player", name: `Peserta ${i + 1}`, team: i % 4, device: newDevice() }));
    clients.push(...phones);
    await until(phones[0]!, (s) => [...s.teams].reduce((n, t) => n + t.members.length, 0) === 8, "8 players");
    await expect.poll(() => host.locator("#teams").textContent(), { timeout: 10_000 }).toContain("Peserta 8");
    // the console shows the count of observers the room sends (the board is not one once the room says so)
    const observers = game.room(code).state.observers;
    expect(observers).toBe(0); // a board joined, and no observer
    await expect.poll(() => host.locator("#teams-count").textContent(), { timeout: 10_000 }).toContain(`${observers} pengamat`);

    const lockStrip = async (phase: string) => {
      for (let i = 0; i < 4; i++) await inView(host, host.locator(`#lock-strip [data-team="${i}"]`), `${phase}: lock status of team ${i + 1}`);
    };

    // lobby: Start
    await lockStrip("lobby");
    await inView(host, host.locator('[data-action="start"]'), "lobby: Mulai");
    await host.screenshot({ path: screenshotPath("layout-1-lobby") });

    // deciding: Next is greyed, and looks it
    await host.locator('[data-action="start"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("briefing");
    await host.locator('[data-action="next"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("deciding");
    await expect.poll(() => host.locator('[data-action="next"]').isDisabled(), { timeout: 10_000 }).toBe(true);
    await lockStrip("deciding");
    await inView(host, host.locator('[data-action="next"]'), "deciding: Berikutnya");
    const look = await host.locator('[data-action="next"]').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { opacity: Number(cs.opacity), cursor: cs.cursor };
    });
    expect(look.cursor).toBe("not-allowed");
    expect(look.opacity).toBeLessThan(0.8);
    // two teams lock, one member of a third sends
    for (const [i, p] of phones.entries()) if (i % 4 < 2 || i === 2) p.send("submit", { option: i % 2, diagnosis: "complexity", commit: i % 3 === 0 });
    await expect.poll(() => game.room(code).game.teams.filter((t) => t.locked).length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => host.locator("#lock-strip").textContent(), { timeout: 10_000 }).toContain("🔒");
    await host.screenshot({ path: screenshotPath("layout-2-deciding") });
    // in English too (longer words)
    await host.locator("#top-lang button").click();
    await expect.poll(() => host.locator("#controls-h").textContent(), { timeout: 10_000 }).not.toBe("Kendali permainan");
    await lockStrip("deciding (en)");
    await inView(host, host.locator('[data-action="next"]'), "deciding (en): Next");
    await host.screenshot({ path: screenshotPath("layout-2-deciding-en") });
    await host.locator("#top-lang button").click();
    await expect.poll(() => host.locator("#controls-h").textContent(), { timeout: 10_000 }).toBe("Kendali permainan");

    // reveal
    for (const [i, p] of phones.entries()) if (!(i % 4 < 2 || i === 2)) p.send("submit", { option: 2, diagnosis: "volatility", commit: false });
    await expect.poll(() => game.room(code).game.phase, { timeout: 15_000 }).toBe("reveal");
    await expect.poll(() => host.locator('[data-action="next"]').isDisabled(), { timeout: 10_000 }).toBe(false);
    await lockStrip("reveal");
    await inView(host, host.locator('[data-action="next"]'), "reveal: Papan skor");
    await host.screenshot({ path: screenshotPath("layout-3-reveal") });

    // final: the final's actions where the controls were
    await host.locator('[data-action="end"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("final");
    await inView(host, host.locator('#final-controls [data-act="report"]'), "final: Laporan");
    await inView(host, host.locator('#final-controls [data-act="new-session"]'), "final: Sesi baru");
    await inView(host, host.locator("#final-controls .export-csv"), "final: CSV");
    await lockStrip("final");
    await host.screenshot({ path: screenshotPath("layout-4-final") });
    expect(errors).toEqual([]);
  }, 180_000);
});
