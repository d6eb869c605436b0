// A scripted session in real Chromium: the trainer creates a room in the
// console, opens the board, six phones (360×740) join two teams, play a round
// to the reveal and the next card, and the trainer ends the game. Assertions
// are on text; screenshots go to test-artifacts/screenshots/.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import type { TestGame } from "../helpers/game-server.js";
import { CONDITIONS } from "../../shared/vuca.js";

const hasChromium = await requireChromium();

const MARKUP_NAME = "<svg onload=alert(1)>"; // fits the 24-character name limit

describe.runIf(hasChromium)("a whole session in the browser", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let alerts = 0;

  async function page(width: number, height: number): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("dialog", async (d) => {
      if (d.type() === "alert") alerts++;
      await d.accept();
    });
    return p;
  }

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("runs from the console to the next card with a board and six phones", async () => {
    const pack = game.packs.get("banjir-bandang")!;
    const [first, second] = pack.events;

    // the trainer creates a session
    const host = await page(1366, 768);
    await host.goto(`${game.url}/host.html`);
    await host.locator('[data-pack="banjir-bandang"]').click();
    await host.locator("#team-count").fill("2");
    await host.locator("#create").click();
    const codeEl = host.locator("#room-code");
    await codeEl.waitFor();
    await expect.poll(async () => (await codeEl.textContent())?.trim().length ?? 0).toBe(5);
    const code = (await codeEl.textContent())!.trim();
    await host.screenshot({ path: screenshotPath("console-lobby") });

    // the board on the projector
    const board = await page(1920, 1080);
    board.on("pageerror", (e) => console.log("BOARD ERROR:", e.message, e.stack?.slice(0, 600)));
    await board.goto(`${game.url}/board.html?code=${code}`);
    const live = board.locator("#board-live");
    await expect.poll(async () => await live.textContent(), { timeout: 15_000 }).toContain(code);

    // six phones join and are balanced into two teams
    const phones: Page[] = [];
    for (let i = 0; i < 6; i++) {
      const phone = await page(360, 740);
      await phone.goto(`${game.url}/play.html?code=${code}`);
      await phone.locator("#name").fill(i === 5 ? MARKUP_NAME : `Peserta ${i + 1}`);
      await phone.locator('button[type="submit"]').click();
      phones.push(phone);
    }
    for (const phone of phones) await expect.poll(() => phone.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok [12]/);
    await expect.poll(async () => await host.locator("#teams").textContent(), { timeout: 10_000 }).toContain(MARKUP_NAME);
    await expect.poll(async () => await live.textContent()).toContain("Peserta 1");
    await expect.poll(async () => await live.textContent()).toContain(MARKUP_NAME); // as text, on the board too
    await expect.poll(() => phones[5]!.textContent("body")).toContain(MARKUP_NAME);
    await board.waitForTimeout(800);
    await board.screenshot({ path: screenshotPath("board-1-lobby") });
    await phones[0]!.screenshot({ path: screenshotPath("phone-1-lobby") });

    // briefing, then deciding
    await host.locator('[data-action="start"]').click();
    await board.bringToFront(); // the projector window is the one in front
    await expect.poll(async () => await live.textContent(), { timeout: 10_000 }).toContain(first!.title.id);
    await host.locator('[data-action="next"]').click();
    for (const phone of phones) await phone.locator("#opt-0").waitFor({ state: "attached", timeout: 10_000 });
    await board.waitForTimeout(800);
    await board.screenshot({ path: screenshotPath("board-2-deciding") });
    await phones[0]!.screenshot({ path: screenshotPath("phone-2-deciding") });

    // everyone picks and sends; teams lock when all have sent, then the reveal
    for (const [i, phone] of phones.entries()) {
      // the condition each member reads, then a response by its place (A–D)
      await phone.locator(`#diag-${CONDITIONS[i % 2 === 0 ? 0 : 1]}`).check({ force: true });
      await phone.locator(`#opt-${i % 2 === 0 ? 0 : 2}`).check({ force: true });
      await phone.locator("button.send").click();
    }
    await phones[0]!.screenshot({ path: screenshotPath("phone-3-sent") });
    await expect.poll(async () => game.room(code).game.phase, { timeout: 15_000 }).toBe("reveal");
    const results = game.room(code).game.history[0]!.results;
    await expect.poll(async () => await live.textContent(), { timeout: 10_000 }).toContain("Kelompok 1");
    await board.waitForTimeout(7000); // the animated reveal
    await board.screenshot({ path: screenshotPath("board-3-reveal") });
    for (const phone of phones) {
      await expect.poll(() => phone.textContent("body"), { timeout: 10_000 }).toMatch(/poin|pts/);
    }
    await phones[0]!.screenshot({ path: screenshotPath("phone-4-reveal") });
    expect(results).toHaveLength(2);

    // scoreboard, then the next card
    await host.locator('[data-action="next"]').click();
    await expect.poll(async () => game.room(code).game.phase).toBe("scoreboard");
    await board.waitForTimeout(1000);
    await board.screenshot({ path: screenshotPath("board-4-scoreboard") });
    await host.locator('[data-action="next"]').click();
    await expect.poll(async () => await live.textContent(), { timeout: 10_000 }).toContain(second!.title.id);
    for (const phone of phones) await expect.poll(() => phone.textContent("body"), { timeout: 10_000 }).toContain(second!.title.id);

    // the trainer ends the game: final ranking everywhere
    await host.locator('[data-action="end"]').click();
    await expect.poll(async () => game.room(code).game.phase, { timeout: 10_000 }).toBe("final");
    await board.waitForTimeout(4000); // the podium rises place by place
    await board.screenshot({ path: screenshotPath("board-5-final") });
    await phones[0]!.screenshot({ path: screenshotPath("phone-5-final") });
    await host.screenshot({ path: screenshotPath("console-final"), fullPage: true });

    // a name with markup was shown as text everywhere, never run
    expect(alerts).toBe(0);
  }, 180_000);
});
