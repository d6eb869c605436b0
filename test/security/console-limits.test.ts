// Finding 4 in real Chromium: when an address has created its sessions for
// the minute, the console's create form shows the refusal as a sentence in
// the trainer's language, and the pages (same-origin, no CORS) still work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumPath, ensureClientBuilt, launchChromium, screenshotPath } from "../helpers/browser.js";
import { requireService } from "../helpers/services.js";
import { startTestGame, type TestGame } from "../helpers/game-server.js";
import { common } from "../../shared/i18n/common.js";

const hasChromium = await requireService("Chromium", async () => {
  if (!chromiumPath()) throw new Error("no Chromium at /usr/bin/chromium (apt-get install chromium)");
});

describe.runIf(hasChromium)("the console's create form", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function page(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("pageerror", (e) => errors.push(e.message));
    return p;
  }

  async function create(host: Page) {
    await host.goto(`${game.url}/host.html`);
    await host.locator('[data-pack="banjir-bandang"]').click();
    await host.locator("#team-count").fill("2");
    await host.locator("#create").click();
  }

  beforeAll(async () => {
    ensureClientBuilt();
    game = await startTestGame({ CREATE_PER_MINUTE: "1" });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await game?.close();
  });

  it("creates the first session, and says why the next one is refused", async () => {
    const first = await page();
    await create(first);
    const codeEl = first.locator("#room-code");
    await codeEl.waitFor();
    await expect.poll(async () => (await codeEl.textContent())?.trim().length ?? 0).toBe(5);

    const second = await page();
    await create(second);
    const alert = second.locator('p.alert[role="alert"]');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(common.id.reasons.TOO_MANY_SESSIONS);
    await second.screenshot({ path: screenshotPath("console-too-many-sessions") });
    expect(errors).toEqual([]);
  });
});
