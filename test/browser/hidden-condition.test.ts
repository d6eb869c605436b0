// [HC-B] In real Chromium: while teams decide, the board (1920×1080 and
// 960×540) and a phone (390×844) show no VUCA condition name and no Prime name
// — the phone's four diagnosis buttons name all four conditions alike, and
// nothing else on it names one — and at the reveal both show the card's
// condition, its reason and every option's Prime. The console keeps the key
// behind a facilitator-only button. Screenshots: test-artifacts/screenshots/.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import type { TestGame } from "../helpers/game-server.js";
import { common } from "../../shared/i18n/common.js";
import { host as hostText } from "../../shared/i18n/host.js";
import { CONDITIONS, PRIMES } from "../../shared/vuca.js";

const hasChromium = await requireChromium();

/** Every condition and Prime name, Indonesian and English. */
const NAMES = [
  ...CONDITIONS.flatMap((c) => [common.id.conditions[c], common.en.conditions[c]]),
  ...PRIMES.flatMap((p) => [common.id.primes[p], common.en.primes[p]]),
];
/** The board's mirrored lines (one <p> per line), joined by line ends. */
const lines = (board: Page) => board.locator("#board-live").evaluate((el) => [...el.children].map((p) => p.textContent ?? "").join("\n"));
const named = (text: string) => NAMES.filter((n) => new RegExp(`\\b${n}\\b`, "i").test(text));

describe.runIf(hasChromium)("[HC-B] the screens give nothing away before the reveal", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function page(width: number, height: number): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    return ctx.newPage();
  }

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("hides the condition and the Primes on the board and the phone while deciding, and shows both at the reveal", async () => {
    const card = game.packs.get("banjir-bandang")!.events[0]!;
    const console_ = await page(1366, 900);
    await console_.goto(`${game.url}/host.html`);
    await console_.locator('[data-pack="banjir-bandang"]').click();
    await console_.locator("#team-count").fill("2");
    // off by default: the condition is for the teams to read
    expect(await console_.locator("#show-condition").isChecked()).toBe(false);
    expect(await console_.locator("#planned").textContent()).toMatch(/±\d+ menit/);
    await console_.screenshot({ path: screenshotPath("hc-console-create") });
    await console_.locator("#create").click();
    const codeEl = console_.locator("#room-code");
    await expect.poll(async () => (await codeEl.textContent())?.trim().length ?? 0, { timeout: 15_000 }).toBe(5);
    const code = (await codeEl.textContent())!.trim();
    await expect.poll(() => console_.locator("#key-panel").textContent()).toMatch(/Perkiraan lama sesi/);

    const board = await page(1920, 1080);
    const small = await page(960, 540);
    for (const b of [board, small]) await b.goto(`${game.url}/board.html?code=${code}`);
    const live = board.locator("#board-live");
    await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain(code);

    const phones: Page[] = [];
    for (const name of ["Sari", "Rina"]) {
      const phone = await page(390, 844);
      await phone.goto(`${game.url}/play.html?code=${code}`);
      await phone.locator("#name").fill(name);
      await phone.locator('button[type="submit"]').click();
      await expect.poll(() => phone.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok [12]/);
      phones.push(phone);
    }
    const phone = phones[0]!;

    await console_.locator('[data-action="start"]').click();
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toContain(card.title.id);
    await console_.locator('[data-action="next"]').click();
    await phone.locator("#opt-0").waitFor({ state: "attached", timeout: 10_000 });
    await expect.poll(() => game.room(code).game.phase).toBe("deciding");
    for (const b of [board, small]) await b.bringToFront().then(() => b.waitForTimeout(900));

    // the board: its mirrored text names no condition and no Prime; options are A–D
    const boardText = await lines(board);
    expect(boardText).toContain(card.title.id);
    expect(named(boardText)).toEqual([]);
    expect(boardText).toMatch(/^A: /m);
    expect(named(await lines(small))).toEqual([]);
    await board.screenshot({ path: screenshotPath("hc-board-1920-deciding") });
    await small.screenshot({ path: screenshotPath("hc-board-960-deciding") });

    // the phone: the diagnosis buttons name the four conditions alike; nothing else names one, nor a Prime
    const outside = await phone.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll("fieldset.diagnosis").forEach((f) => f.remove());
      document.body.appendChild(clone);
      const text = clone.innerText;
      clone.remove();
      return text;
    });
    expect(outside).toContain(card.title.id);
    expect(named(outside)).toEqual([]);
    const buttons = await phone.locator("fieldset.diagnosis").innerText();
    for (const c of CONDITIONS) expect(buttons).toContain(common.id.conditions[c]);
    expect(buttons).toContain(common.id.conditionCues.volatility);
    expect(named(buttons).sort()).toEqual(CONDITIONS.map((c) => common.id.conditions[c]).sort());
    await phone.screenshot({ path: screenshotPath("hc-phone-deciding"), fullPage: true });

    // the console: the key only behind the facilitator's button
    const key = console_.locator("#key-panel");
    expect(named((await key.textContent()) ?? "")).toEqual([]);
    await console_.locator("#show-key").click();
    await expect.poll(() => key.textContent()).toContain(common.id.conditions[card.condition]);
    expect(await key.textContent()).toContain(hostText.id.keyTitle);
    await console_.screenshot({ path: screenshotPath("hc-console-key") });

    // both members read it and choose; the room reveals
    for (const p of phones) {
      await p.locator(`#diag-${card.condition}`).check({ force: true });
      await p.locator(`#opt-${game.room(code).optionOf("vision")}`).check({ force: true });
      await p.locator("button.send").click();
    }
    await expect.poll(() => game.room(code).game.phase, { timeout: 15_000 }).toBe("reveal");
    await board.bringToFront();
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toContain(common.id.conditions[card.condition]);
    const revealText = await lines(board);
    expect(revealText).toContain(card.conditionReason.id);
    for (const p of PRIMES) expect(revealText).toContain(common.id.primes[p]);
    await board.waitForTimeout(7000); // the animated results
    await board.screenshot({ path: screenshotPath("hc-board-1920-reveal") });
    await small.bringToFront();
    await small.waitForTimeout(7000);
    await small.screenshot({ path: screenshotPath("hc-board-960-reveal") });

    await expect.poll(() => phone.textContent("body"), { timeout: 10_000 }).toContain(card.conditionReason.id);
    const phoneReveal = await phone.innerText("body");
    expect(phoneReveal).toContain(common.id.conditions[card.condition]);
    expect(phoneReveal).toContain(common.id.primes.vision);
    await phone.screenshot({ path: screenshotPath("hc-phone-reveal"), fullPage: true });
    // the console: the facilitator's notes for the discussion, in the card's debrief
    const debrief = console_.locator("#reveal-debrief");
    await expect.poll(() => debrief.textContent(), { timeout: 10_000 }).toContain(hostText.id.facilitatorNotes);
    expect(await debrief.textContent()).toContain(card.facilitator!.id.slice(0, 40));
  }, 180_000);

  it("serves the card sheet to the server's machine, and not to a phone without the host key", async () => {
    const sheet = await page(1240, 1754);
    await sheet.goto(`${game.url}/host.html#cards=banjir-bandang`);
    await expect.poll(() => sheet.locator(".sheet-card").count(), { timeout: 10_000 }).toBe(8);
    expect(await sheet.textContent("body")).toContain(game.packs.get("banjir-bandang")!.events[0]!.conditionReason.id);
    await sheet.screenshot({ path: screenshotPath("hc-card-sheet") });
    await sheet.emulateMedia({ media: "print" });
    await sheet.screenshot({ path: screenshotPath("hc-card-sheet-print") });
    // the same route from another address is refused: here, a request that came through a proxy
    const res = await fetch(`${game.url}/api/packs/banjir-bandang/sheet`, { headers: { "x-forwarded-for": "192.168.1.50" } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ reason: "NOT_HOST" });
  });
});
