// A browser suite's set-up, written once: the pages built, a test game
// started and real Chromium launched before the suite's tests, both closed
// after them. Apart from browser.ts because it registers vitest hooks (the
// benchmark's scripts import browser.ts outside vitest).
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumPath, ensureClientBuilt, launchChromium } from "./browser.js";
import { requireService } from "./services.js";
import { startTestGame, type TestGame } from "./game-server.js";

/** Whether Chromium is here; when it is not, the suite says so loudly, and under CI that is a failure. */
export function requireChromium(): Promise<boolean> {
  return requireService("Chromium", async () => {
    if (!chromiumPath()) throw new Error("no Chromium at /usr/bin/chromium (apt-get install chromium)");
  });
}

/**
 * Before the suite's tests: the pages built, the game `start` gives (a plain
 * test game by default), Chromium; both handed to `use`. After them: Chromium
 * closed, then the game. vitest runs after-hooks in reverse order, so a file's
 * own afterAll registered after this call runs before them (closing its pages
 * and clients), and one registered before it runs after them (closing a store
 * the game saved to).
 */
export function useBrowserGame(use: (game: TestGame, browser: Browser) => void, start: () => Promise<TestGame> = () => startTestGame()): void {
  let game: TestGame | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureClientBuilt();
    game = await start();
    browser = await launchChromium();
    use(game, browser);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await game?.close();
  });
}
