// Two faults a real class hit, played in real Chromium:
// - a phone that changes team (by itself in the lobby, or moved by the
//   trainer) sends its vote and sees it taken, with its teammates' votes;
// - the captain's reason typed but never "saved" reaches the reveal when the
//   last teammate's vote locks the team.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";

const hasChromium = await requireChromium();

describe.runIf(hasChromium)("faults a class met in the room", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const complaints: string[] = [];

  async function phone(name: string, code: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("console", (m) => {
      if (/refId|Please report/i.test(m.text())) complaints.push(`${name}: ${m.text()}`);
    });
    await p.goto(`${game.url}/play.html?code=${code}`);
    await p.locator("#name").fill(name);
    await p.locator('button[type="submit"]').click();
    await expect.poll(() => p.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok [12]/);
    return p;
  }

  /** Picks the i-th response on the screen (and whatever else a vote needs), then sends. */
  async function vote(p: Page, i: number): Promise<void> {
    await p.locator("label.option.diag").nth(i % 4).click();
    await p.locator(`label[for="opt-${i}"]`).click();
    await p.locator("button.send").click();
  }

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("a phone that changed team sees its vote taken; the captain's unsaved reason is kept", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const room = () => game.room(code).game;
    const idOf = (name: string) => Object.values(room().players).find((p) => p.name === name)!.id;
    const teamOf = (name: string) => room().players[idOf(name)]!.team;

    const ayu = await phone("Ayu Lestari", code); // team 1, captain
    const dimas = await phone("Dimas Saputra", code); // team 2, captain
    const rizky = await phone("Rizky Hidayat", code); // balanced into team 1…
    expect(teamOf("Rizky Hidayat")).toBe(0);
    await rizky.locator("button.switch").first().click(); // …and moves to team 2 himself
    await expect.poll(() => teamOf("Rizky Hidayat")).toBe(1);
    const sari = await phone("Sari Wulandari", code); // balanced into team 1…
    expect(teamOf("Sari Wulandari")).toBe(0);
    host.send("host", { action: "movePlayer", playerId: idOf("Sari Wulandari"), team: 1 }); // …the trainer moves her to team 2
    await expect.poll(() => teamOf("Sari Wulandari")).toBe(1);

    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    for (const p of [ayu, dimas, rizky, sari]) await p.locator('label[for="opt-0"]').waitFor({ timeout: 10_000 });

    // the captain of team 2 sends, then types the team's reason and never presses "Simpan alasan"
    await vote(dimas, 0);
    const reason = "Warga bantaran sungai harus dievakuasi sebelum air naik lagi.";
    await dimas.locator("#reason").fill(reason);
    await dimas.locator("#reason").press("End"); // focus stays in the box
    await dimas.waitForTimeout(1500); // the captain pauses to read; nothing else is pressed

    // the two who changed team send: each sees its own vote taken, as "sent" in the team's list
    await vote(rizky, 2);
    await expect.poll(() => rizky.locator(".votes-list").textContent(), { timeout: 10_000 }).toContain("Rizky Hidayat");
    await expect.poll(() => rizky.locator("button.send").textContent(), { timeout: 10_000 }).not.toBe("…");
    await rizky.screenshot({ path: screenshotPath("phone-switched-team-sent") });
    await vote(sari, 1); // the last of team 2: the team locks
    await expect.poll(() => room().teams[1]!.locked, { timeout: 10_000 }).toBe(true);
    expect(room().teams[1]!.reason).toBe(reason);

    await vote(ayu, 0);
    await expect.poll(() => room().phase, { timeout: 10_000 }).toBe("reveal");
    expect(room().history[0]!.results[1]!.reason).toBe(reason);
    const sent = room().history[0]!.results[1]!.sent;
    expect(sent).toBe(3);
    expect(complaints).toEqual([]);
  }, 180_000);
});
