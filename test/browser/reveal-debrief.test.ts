// The console's debrief of a card (issue #20) and the trainer's mid-game
// controls of the room's contracts C1 (the reflection opened after a card,
// its live wall, the board switched to the wall) and C2 (the board's motion),
// in real Chromium at 1280×720 against a real server with real SDK phones.
// Screenshots: test-artifacts/screenshots/debrief-*.png.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { newDevice, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { optionLetter } from "../../shared/i18n/options.js";
import type { Prime } from "../../shared/vuca.js";

const hasChromium = await requireChromium();

describe.runIf(hasChromium)("the console's debrief at the reveal, the mid-game reflection and the board's motion", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const clients: GameClientRoom[] = [];
  const errors: string[] = [];

  async function page(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("dialog", (d) => void d.accept());
    p.on("pageerror", (e) => errors.push(e.message));
    return p;
  }

  /** A session at its first reveal: 3 teams of 2; teams 1 and 3 choose the same option, each captain gives a reason. */
  async function atReveal(): Promise<{ code: string; host: Page; phones: GameClientRoom[] }> {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 3, roundSeconds: 600 });
    const host = await page();
    await host.goto(`${game.url}/host.html#code=${code}&key=${encodeURIComponent(hostKey)}`);
    const phones: GameClientRoom[] = [];
    for (let i = 0; i < 6; i++) phones.push(await game.client().joinById(code, { kind: "player", name: `Peserta ${i + 1}`, team: i % 3, device: newDevice() }));
    clients.push(...phones);
    await until(phones[0]!, (s) => [...s.teams].reduce((n, t) => n + t.members.length, 0) === 6, "6 players");
    await expect.poll(() => host.locator('[data-action="start"]').isEnabled(), { timeout: 10_000 }).toBe(true);
    await host.locator('[data-action="start"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("briefing");
    await host.locator('[data-action="next"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("deciding");
    const room = game.room(code);
    const picks: Prime[] = ["vision", "agility", "vision"];
    for (const [t, team] of room.game.teams.entries()) {
      const name = room.game.players[team.captain ?? ""]?.name ?? "";
      phones[Number(name.replace("Peserta ", "")) - 1]!.send("reason", { text: `Alasan kelompok ${t + 1}: warga dulu` });
    }
    await expect.poll(() => room.game.teams.filter((t) => t.reason).length, { timeout: 10_000 }).toBe(3);
    for (const [i, p] of phones.entries()) p.send("submit", { option: room.optionOf(picks[i % 3]!), diagnosis: i % 3 === 1 ? "volatility" : "complexity", commit: i < 3 });
    await expect.poll(() => room.game.phase, { timeout: 15_000 }).toBe("reveal");
    return { code, host, phones };
  }

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  afterAll(async () => {
    for (const c of clients) await c.leave(true).catch(() => undefined);
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("shows every team's choice, diagnosis, roles and reason side by side, and the class's distribution", async () => {
    const { code, host } = await atReveal();
    const room = game.room(code);
    const card = game.packs.get("banjir-bandang")!.events[0]!;
    const debrief = host.locator("#reveal-debrief");
    await debrief.waitFor({ state: "visible", timeout: 10_000 });
    expect(await host.locator("#rd-question").textContent()).toBe(card.reflection.id);
    expect(await host.locator("#rd-notes").textContent()).toBe(card.facilitator!.id);

    const results = room.game.history[0]!.results;
    const rows = host.locator("#rd-table tbody tr");
    expect(await rows.count()).toBe(3);
    for (const r of results) {
      const row = host.locator(`#rd-table tbody tr[data-team="${r.team}"]`);
      const text = (await row.textContent()) ?? "";
      const option = card.options.find((o) => o.prime === r.choice)!;
      expect(await row.locator(".rd-letter").textContent()).toBe(optionLetter(room.optionOf(r.choice!)));
      expect(text).toContain(option.text.id);
      expect(text).toContain(r.diagnosis === "volatility" ? "Volatilitas" : "Kompleksitas");
      expect(text).toContain(`Alasan kelompok ${r.team + 1}: warga dulu`);
      if (r.rolesCommitted.length) expect(text).not.toContain("Tidak ada");
    }
    // two teams chose the same option, one another; two read complexity, one volatility
    const letterOf = (p: Prime) => optionLetter(room.optionOf(p));
    expect(await host.locator(`#rd-choices li[data-option="${letterOf("vision")}"]`).textContent()).toContain("2 kelompok");
    expect(await host.locator(`#rd-choices li[data-option="${letterOf("agility")}"]`).textContent()).toContain("1 kelompok");
    expect(await host.locator(`#rd-choices li[data-option="${letterOf("clarity")}"]`).textContent()).toContain("0 kelompok");
    expect(await host.locator('#rd-diagnoses li[data-condition="complexity"]').textContent()).toContain("2 kelompok");
    expect(await host.locator('#rd-diagnoses li[data-condition="volatility"]').textContent()).toContain("1 kelompok");

    // readable at 1280×720: no sideways scrolling of the table, and the table's body fits the width
    const overflow = await host.locator("#reveal-debrief .table-wrap").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await debrief.scrollIntoViewIfNeeded();
    await host.evaluate(() => document.getElementById("reveal-debrief")!.scrollIntoView({ block: "start" }));
    await host.screenshot({ path: screenshotPath("debrief-reveal-1280") });
    // the same view at the scoreboard
    await host.evaluate(() => scrollTo(0, 0));
    await host.locator('[data-action="next"]').click();
    await expect.poll(() => room.game.phase, { timeout: 10_000 }).toBe("scoreboard");
    await expect.poll(() => debrief.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);

  it("C1: opens the reflection after a card, shows the live wall, puts it on the board, closes it; C2: turns the board's motion off and on", async () => {
    const { code, host, phones } = await atReveal();
    const room = game.room(code);

    // C2: the motion toggle, synced to every screen
    const motion = host.locator('[data-action="motion"]');
    await expect.poll(() => motion.textContent(), { timeout: 10_000 }).toContain("Gerak: hidup");
    await motion.click();
    await expect.poll(() => (room.state as unknown as { boardMotion?: boolean }).boardMotion, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => motion.textContent(), { timeout: 10_000 }).toContain("Gerak: mati");
    expect(await motion.getAttribute("aria-pressed")).toBe("false");

    // C1: "Buka refleksi" at the reveal; a phone writes; the wall is live on the console
    const toggle = host.locator('[data-action="reflection"]');
    expect(await toggle.textContent()).toContain("Buka refleksi");
    await toggle.click();
    await expect.poll(() => (room.game.reflection as { openNow?: boolean } | undefined)?.openNow, { timeout: 10_000 }).toBe(true);
    phones[0]!.send("reflect", { issue: "Antrean layanan di kelurahan", condition: "complexity" });
    const wall = host.locator("#mid-reflection");
    await expect.poll(() => wall.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => host.locator("#mw-conditions").textContent(), { timeout: 10_000 }).toContain("Kompleksitas 1");
    await expect.poll(() => toggle.textContent()).toContain("Tutup refleksi");
    // the board switched to the wall, and back
    await host.locator("#mw-board").click();
    await expect.poll(() => room.state.boardView, { timeout: 10_000 }).toBe(2);
    await host.evaluate(() => document.getElementById("mid-reflection")!.scrollIntoView({ block: "start" }));
    await host.screenshot({ path: screenshotPath("debrief-mid-reflection") });
    await host.evaluate(() => scrollTo(0, 0));
    // closed from the controls
    await toggle.click();
    await expect.poll(() => (room.game.reflection as { openNow?: boolean } | undefined)?.openNow, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => wall.isVisible(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => toggle.textContent()).toContain("Buka refleksi");

    await motion.click();
    await expect.poll(() => (room.state as unknown as { boardMotion?: boolean }).boardMotion, { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);
});
