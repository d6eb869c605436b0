// The participant handout in real Chromium: reached from the home page, it
// shows the four conditions with their cues, the four Primes, the five roles
// and the seven values with all 21 behaviours as SE MenPANRB 20/2021 words
// them; printed, it fits one A4 page; and it never prints a "condition → best
// response" lookup (the game trains reading the situation).
import { beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import type { TestGame } from "../helpers/game-server.js";
import { BEHAVIOURS } from "../../shared/behaviours.js";

const hasChromium = await requireChromium();

describe.runIf(hasChromium)("the participant handout", () => {
  let game: TestGame;
  let browser: Browser;
  let page: Page;

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: { width: 1000, height: 1200 } })).newPage();
  });

  it("opens from the home page and lists conditions, Primes, roles and all 21 behaviours", async () => {
    await page.goto(`${game.url}/`);
    await page.getByRole("link", { name: "Lembar peserta (cetak A4)" }).click();
    await page.waitForURL(/handout\.html$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Arena VUCA — Lembar Peserta");
    const text = (await page.locator("#main").textContent()) ?? "";
    for (const word of ["Volatilitas", "Ketidakpastian", "Kompleksitas", "Ambiguitas", "Visi", "Pemahaman", "Kejelasan", "Ketangkasan"]) {
      expect(text).toContain(word);
    }
    for (const role of ["Pemerintah", "Akademisi", "Dunia Usaha", "Komunitas", "Media"]) expect(text).toContain(role);
    const items = await page.locator(".value li").allTextContents();
    expect(items).toEqual(Object.values(BEHAVIOURS).flatMap((v) => v.behaviours.map((b) => b.id)));
    await page.screenshot({ path: screenshotPath("handout-id"), fullPage: true });
  });

  it("does not pair each condition with its Prime in a lookup", async () => {
    const conditions = await page.locator("section").nth(1).locator("dt").allTextContents();
    const primes = await page.locator("section").nth(2).locator("dt").allTextContents();
    expect(conditions).toEqual(["Volatilitas", "Ketidakpastian", "Kompleksitas", "Ambiguitas"]);
    // Listed in a different order, in a section of their own: no row reads "Volatilitas → Visi".
    expect(primes).not.toEqual(["Visi", "Pemahaman", "Kejelasan", "Ketangkasan"]);
    expect(await page.locator("table").count()).toBe(0);
  });

  it("fits on one A4 page when printed, and switches to English", async () => {
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Arena VUCA — Participant Handout");
    expect(await page.locator(".value li").first().textContent()).toBe("Understands and meets the public's needs");
  });
});
