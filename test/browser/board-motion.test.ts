// The board's motion (issue #18, contract C2) in real Chromium, through the
// demo hook (?demo=, window.__arenaBoard): with motion on the scoreboard's
// bars grow, its scores count and its rows move; when the console turns
// motion off (synced boardMotion false) or the system asks for reduced motion,
// nothing moves — no tween runs after a state change and every bar, score and
// row is at once where it ends; a team's tile lights up as it locks. Also the class's wall mid-game (contract C1:
// synced boardView 2 while the reflection is open). Screenshots of every screen
// with ten teams at 1920×1080 and 960×540: test-artifacts/screenshots/board-motion-*.png.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import type { TestGame } from "../helpers/game-server.js";
import type { WallMessage } from "../../shared/protocol/messages.js";

const hasChromium = await requireChromium();

type Hook = {
  store: { view: Record<string, unknown>; setState(v: unknown): void; takeWall(m: unknown): void; state: { teams: { score: number }[] } };
  game: { scene: { getScene(k: string): SceneLike } };
};
type SceneLike = {
  tweens: { getTweens(): { isPendingRemove(): boolean; isRemoved(): boolean; isFinished(): boolean; isDestroyed(): boolean }[] };
  children: { list: { type: string; text?: string; scaleX: number; alpha: number }[] };
};

const sceneOf = (page: Page) => page.evaluate(() => (window as unknown as { __boardScene?: string }).__boardScene ?? "");

async function open(page: Page, url: string, demo: string, scene: string, extra = ""): Promise<void> {
  await page.goto(`${url}/board.html?demo=${demo}&teams=10${extra}`);
  await page.waitForFunction((key) => (window as unknown as { __boardScene?: string }).__boardScene === key, scene, { timeout: 60_000 });
}

/** How many tweens of the scene on screen are still to run (not finished, not on their way out). */
function moving(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __boardScene: string; __arenaBoard: Hook };
    const sc = w.__arenaBoard.game.scene.getScene(w.__boardScene);
    return sc.tweens.getTweens().filter((t) => !(t.isPendingRemove() || t.isRemoved() || t.isFinished() || t.isDestroyed())).length;
  });
}

/**
 * Runs what still moves to its end at once (every tween lands on its final
 * values, client/board/motion.ts): on a loaded machine Phaser slows its clock
 * (a frame counts at most 16.7 ms while the window is not focused or just
 * started), so waiting for the motion to end by itself could take minutes.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __boardScene: string; __arenaBoard: { game: { scene: { getScene(k: string): { tweens: { getTweens(): { complete(): void }[] } } } } } };
    const sc = w.__arenaBoard.game.scene.getScene(w.__boardScene);
    for (let i = 0; i < 5; i++) sc.tweens.getTweens().forEach((t) => t.complete());
  });
  await expect.poll(() => moving(page), { timeout: 10_000 }).toBe(0);
  await page.waitForTimeout(300);
}

/** The scoreboard as drawn now: every text, and the bars' horizontal scale (the team-coloured bars are scaled graphics). */
function drawn(page: Page): Promise<{ texts: string[]; alphas: number[]; scales: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __boardScene: string; __arenaBoard: Hook };
    const list = w.__arenaBoard.game.scene.getScene(w.__boardScene).children.list;
    return {
      texts: list.filter((o) => o.type === "Text").map((o) => o.text ?? ""),
      alphas: list.map((o) => o.alpha),
      scales: list.filter((o) => o.type === "Graphics").map((o) => o.scaleX),
    };
  });
}

/** A state change from the room: the same view with `patch` over it. */
function change(page: Page, patch: Record<string, unknown>, scores?: number): Promise<void> {
  return page.evaluate(
    ([p, add]) => {
      const { store } = (window as unknown as { __arenaBoard: Hook }).__arenaBoard;
      const view = { ...store.view, ...p } as { teams: { score: number }[] };
      if (add) view.teams = view.teams.map((t) => ({ ...t, score: t.score + add }));
      store.setState(view);
    },
    [patch, scores ?? 0] as const,
  );
}

/** Team `i` has everyone's answer in and locks (a state change from the room). */
function lockTeam(page: Page, i: number): Promise<void> {
  return page.evaluate((k) => {
    const { store } = (window as unknown as { __arenaBoard: Hook }).__arenaBoard;
    const view = store.view as { teams: { locked: boolean; sent: number; members: unknown[] }[] };
    store.setState({ ...view, teams: view.teams.map((t, j) => (j === k ? { ...t, locked: true, sent: t.members.length } : t)) });
  }, i);
}

/** Stays at zero over a few frames and half a second (a delayed tween would show up). */
async function staysStill(page: Page): Promise<void> {
  for (let i = 0; i < 6; i++) {
    expect(await moving(page)).toBe(0);
    await page.waitForTimeout(100);
  }
}

const WALL: WallMessage = {
  open: true, closed: false, filled: 7, total: 30,
  conditions: { volatility: 4, uncertainty: 2, complexity: 1, ambiguity: 0 },
  behaviours: {},
  activities: ["Menyusun jadwal layanan jemput bola bersama ketua RW", "Membuat grup koordinasi lintas dinas untuk info banjir", "Mengecek kabar sebelum meneruskan ke grup keluarga"],
};

describe.runIf(hasChromium)("the board's motion", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  async function page(width: number, height: number, reducedMotion: "reduce" | "no-preference" = "no-preference"): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("pageerror", (e) => errors.push(e.message));
    return p;
  }

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("moves with motion on: the scoreboard's bars grow, scores count, rows reorder", async () => {
    const p = await page(1920, 1080);
    await open(p, game.url, "scoreboard", "Scoreboard");
    expect(await moving(p)).toBeGreaterThan(0);
    // half-way, some bar is still short of its length
    expect((await drawn(p)).scales.some((s) => s < 1)).toBe(true);
    // done: all in place
    await settle(p);
    expect((await drawn(p)).scales.every((s) => s === 1)).toBe(true);
    // new points come in: it moves again
    await change(p, {}, 3);
    expect(await moving(p)).toBeGreaterThan(0);
    // while teams decide, a team that locks lights up
    // (paused: the preview's running countdown would put its own state back every second)
    await open(p, game.url, "deciding", "Deciding", "&paused=1");
    await settle(p);
    await lockTeam(p, 1);
    expect(await moving(p)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it("is calm when the console turns motion off: no tween after a state change, everything in its final place", async () => {
    const p = await page(1920, 1080);
    await open(p, game.url, "scoreboard", "Scoreboard");
    expect(await moving(p)).toBeGreaterThan(0);
    // the console's "Gerak" off, mid-animation: what moves lands at once
    await change(p, { boardMotion: false });
    await expect.poll(() => moving(p), { timeout: 5_000 }).toBe(0);
    // new points with motion off: drawn at once, final scores, full bars, nothing faded
    await change(p, { boardMotion: false }, 5);
    await staysStill(p);
    const now = await drawn(p);
    const scores = await p.evaluate(() => (window as unknown as { __arenaBoard: Hook }).__arenaBoard.store.state.teams.map((t) => String(t.score)));
    const top = [...scores].map(Number).sort((a, b) => b - a).slice(0, 8).map(String);
    for (const s of top) expect(now.texts).toContain(s);
    expect(now.scales.every((s) => s === 1)).toBe(true);
    expect(now.alphas.every((a) => a === 1 || a === 0)).toBe(true);
    // motion back on: the next change moves again
    await change(p, { boardMotion: true }, 1);
    expect(await moving(p)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it("is calm when the system asks for reduced motion, on every screen", async () => {
    const p = await page(1920, 1080, "reduce");
    for (const [demo, scene] of [["lobby", "Lobby"], ["deciding", "Deciding"], ["reveal", "Reveal"], ["scoreboard", "Scoreboard"], ["final", "Final"]] as const) {
      await open(p, game.url, demo, scene);
      await staysStill(p);
      // and after a state change from the room
      await change(p, {}, 2);
      await staysStill(p);
      expect((await drawn(p)).scales.every((s) => s === 1), demo).toBe(true);
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it("shows the class's wall mid-game while the reflection is open and the trainer has it on (boardView 2)", async () => {
    const p = await page(1920, 1080);
    await open(p, game.url, "reveal", "Reveal");
    const wall = (m: WallMessage) => p.evaluate((w) => (window as unknown as { __arenaBoard: Hook }).__arenaBoard.store.takeWall(w), m);
    await wall(WALL);
    await change(p, { boardView: 2 });
    await expect.poll(() => sceneOf(p)).toBe("Wall");
    await expect.poll(() => p.locator("#board-live").textContent()).toContain(WALL.activities[0]);
    await settle(p);
    await p.screenshot({ path: screenshotPath("board-motion-wall-midgame-1920") });
    // the trainer closes the reflection: back to the reveal (its responses and the reflection question)
    await wall({ ...WALL, open: false });
    await expect.poll(() => sceneOf(p)).toBe("Reveal");
    // the wall's view with no open reflection on a scoreboard: the scoreboard
    await change(p, { phase: "scoreboard", boardView: 2 });
    await expect.poll(() => sceneOf(p)).toBe("Scoreboard");
    await wall(WALL);
    await expect.poll(() => sceneOf(p)).toBe("Wall");
    expect(errors).toEqual([]);
  }, 120_000);

  for (const [w, h] of [[1920, 1080], [960, 540]] as const) it(`looks right on every screen with ten teams at ${w}×${h} (screenshots)`, async () => {
    {
      const p = await page(w, h);
      for (const [demo, scene] of [["lobby", "Lobby"], ["deciding", "Deciding"], ["reveal", "Reveal"], ["scoreboard", "Scoreboard"], ["final", "Final"]] as const) {
        await open(p, game.url, demo, scene);
        if (demo === "scoreboard") {
          // mid-way: the bars growing and the rows about to move
          await p.waitForTimeout(900);
          await p.screenshot({ path: screenshotPath(`board-motion-scoreboard-moving-${w}`) });
        }
        await settle(p);
        await p.screenshot({ path: screenshotPath(`board-motion-${demo}-${w}`) });
        if (demo === "deciding") {
          // a team locks: its tile lights up (paused, so the preview's countdown keeps the lock)
          await open(p, game.url, demo, scene, "&paused=1");
          await settle(p);
          await lockTeam(p, 1);
          await p.waitForTimeout(150);
          await p.screenshot({ path: screenshotPath(`board-motion-deciding-lock-${w}`) });
        }
        if (demo === "reveal") {
          await change(p, { boardView: 1 });
          await settle(p);
          await p.screenshot({ path: screenshotPath(`board-motion-reveal-responses-${w}`) });
        }
      }
    }
    expect(errors).toEqual([]);
  }, 600_000);
});
