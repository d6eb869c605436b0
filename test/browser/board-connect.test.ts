// The board's connection in real Chromium against a real server, through the
// pages' one connection loop (client/lib/net.ts): an unknown code says so; a
// session's board joins, keeps its reconnection token under STORAGE.token, and
// after the network drops and returns it is back on the same room by itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumPath, ensureClientBuilt, launchChromium } from "../helpers/browser.js";
import { requireService } from "../helpers/services.js";
import { startTestGame, type TestGame } from "../helpers/game-server.js";
import { board as boardText } from "../../shared/i18n/board.js";
import { STORAGE } from "../../shared/constants.js";

const hasChromium = await requireService("Chromium", async () => {
  if (!chromiumPath()) throw new Error("no Chromium at /usr/bin/chromium (apt-get install chromium)");
});

describe.runIf(hasChromium)("the board's connection", () => {
  let game: TestGame;
  let browser: Browser;
  beforeAll(async () => {
    ensureClientBuilt();
    game = await startTestGame();
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await game?.close();
  });

  it("says an unknown code was not found", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${game.url}/board.html?code=ZZZZZ`);
    await expect.poll(() => page.locator("#board-live").textContent(), { timeout: 30_000 }).toContain(boardText.id.notFound("ZZZZZ"));
    await page.close();
  }, 90_000);

  it("joins, keeps its token, and comes back by itself after the network drops", async () => {
    const { code } = await game.createSession({ packId: [...game.packs.keys()][0]!, teamCount: 3, roundSeconds: 120 });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${game.url}/board.html?code=${code}`);
    const live = page.locator("#board-live");
    await expect.poll(() => live.textContent(), { timeout: 30_000 }).toContain(code);
    expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE.token(code))).toBeTruthy();
    // the network goes and comes back: the board says it is reconnecting, then is on the room again
    await ctx.setOffline(true);
    await expect.poll(() => page.locator("#board-banner").isVisible(), { timeout: 30_000 }).toBe(true);
    await ctx.setOffline(false);
    await expect.poll(() => page.locator("#board-banner").isVisible(), { timeout: 60_000 }).toBe(false);
    await expect.poll(() => live.textContent(), { timeout: 30_000 }).toContain(code);
    // and it follows the room again: the trainer's next phase reaches it
    await expect.poll(() => game.room(code).clients.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);
});
