// The board's connection in real Chromium against a real server, through the
// pages' one connection loop (client/lib/net.ts): an unknown code says so; a
// session's board joins, keeps its reconnection token under STORAGE.token, and
// after the network drops and returns it is back on the same room by itself;
// the "present" button (sound and full screen) steps aside while the mouse
// rests and a click anywhere does what it says; and the class's wall
// mid-game (contract C1): the trainer opens the reflection at a reveal and
// puts the wall on the board, the board shows it as it fills, and goes back
// to the reveal when the trainer closes it.
import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { newDevice, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { board as boardText } from "../../shared/i18n/board.js";
import { common } from "../../shared/i18n/common.js";
import { PRESENT_IDLE_MS, STORAGE } from "../../shared/constants.js";

const hasChromium = await requireChromium();

describe.runIf(hasChromium)("the board's connection", () => {
  let game: TestGame;
  let browser: Browser;
  useBrowserGame((g, b) => ((game = g), (browser = b)));

  it("keeps its present button out of the way: it fades while the mouse rests, and a click anywhere does what it says", async () => {
    const { code } = await game.createSession({ packId: [...game.packs.keys()][0]!, teamCount: 3, roundSeconds: 120 });
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.clock.install();
    await page.goto(`${game.url}/board.html?code=${code}`);
    const button = page.locator("#board-present");
    await expect.poll(() => button.textContent(), { timeout: 30_000 }).toBe(boardText.id.present);
    const asleep = () => button.evaluate((b) => b.classList.contains("asleep"));
    expect(await asleep()).toBe(false);
    await page.clock.runFor(PRESENT_IDLE_MS + 1000);
    expect(await asleep()).toBe(true);
    // invisible and not in the way: a click on that corner reaches the board, not the button
    expect(await button.evaluate((b) => getComputedStyle(b).pointerEvents)).toBe("none");
    await page.mouse.move(400, 300);
    expect(await asleep()).toBe(false);
    // a click anywhere on the board: sound on, full screen asked for, the button gone for good
    await page.mouse.click(200, 200);
    await expect.poll(() => button.isHidden()).toBe(true);
    await page.mouse.move(300, 300);
    expect(await button.isHidden()).toBe(true);
    await page.close();
  }, 90_000);

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

  it("shows the wall mid-game while the trainer has the reflection open and the wall on", async () => {
    const created = await game.createRoom({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 600 });
    const code = created.code;
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey: created.hostKey });
    const phone: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Siti Aminah", team: 0, device: newDevice() });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${game.url}/board.html?code=${code}`);
    const scene = () => page.evaluate(() => (window as unknown as { __boardScene?: string }).__boardScene ?? "");
    const live = page.locator("#board-live");
    await expect.poll(scene, { timeout: 30_000 }).toBe("Lobby");
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding", "deciding");
    host.send("host", { action: "reveal" });
    await until(host, (s) => s.phase === "reveal", "reveal");
    await expect.poll(scene, { timeout: 30_000 }).toBe("Reveal");

    host.send("host", { action: "openReflection" });
    host.send("board", { view: "wall" });
    await until(host, (s) => s.boardView === 2, "the wall's view");
    await expect.poll(scene, { timeout: 30_000 }).toBe("Wall");
    // it fills as the phones write: the condition is counted on the board
    phone.send("reflect", { issue: "Antrean layanan KTP", condition: "complexity" });
    await expect.poll(() => live.textContent(), { timeout: 30_000 }).toContain(`${common.id.conditions.complexity} 1`);
    expect(await live.textContent()).not.toContain("Siti");

    // the trainer closes it: back to the reveal
    host.send("host", { action: "closeReflection" });
    await expect.poll(scene, { timeout: 30_000 }).toBe("Reveal");
    expect(errors).toEqual([]);
    await page.close();
    await phone.leave();
    await host.leave();
  }, 180_000);
});
