// No text over text on the projector: every card of every shipped pack is put
// on the board as the class sees it — the briefing, deciding, and both views
// of the reveal with ten teams and the longest team reasons — and no two text
// objects of the scene may overlap (measured from Phaser's own text bounds,
// after every tween has finished). The board's layout is 1920×1080 scaled to
// fit, so 1280×720 and 960×540 show the same layout smaller; the screen is
// checked at 1920×1080 and at 1280×720.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chromiumPath, ensureClientBuilt, launchChromium } from "../helpers/browser.js";
import { requireService } from "../helpers/services.js";
import { startTestGame, type TestGame } from "../helpers/game-server.js";
import { cardView, revealView } from "../../server/sync.js";
import { publicOnly, LOCK_CAUSES, type TextsMessage } from "../../shared/protocol/wire.js";
import { type RoomStateView } from "../../shared/protocol/state-view.js";
import { CONDITIONS, PRIMES, ROLES, type EventCard, type Pack } from "../../shared/scenario.js";
import type { GameState, TeamResult } from "../../shared/rules/types.js";

const hasChromium = await requireService("Chromium", async () => {
  if (!chromiumPath()) throw new Error("no Chromium at /usr/bin/chromium (apt-get install chromium)");
});

const TEAMS = 10;
const LONG_REASON = "Kami memilih ini karena warga bantaran harus selamat dulu; data debit sungai menyusul dan dipakai untuk menyesuaikan langkah berikutnya.";

function results(card: EventCard): TeamResult[] {
  return Array.from({ length: TEAMS }, (_, i) => {
    const choice = PRIMES[i % 4]!;
    const responsePoints = card.options.find((o) => o.prime === choice)!.points;
    return {
      team: i, choice, tally: { vision: 2, understanding: 1, clarity: 1, agility: 1 },
      rolesCommitted: ROLES.filter((_r, k) => ((i + 3) >> k) & 1),
      reason: i % 3 === 2 ? "" : LONG_REASON.slice(0, 140),
      responsePoints, collabPoints: (i % 5) - 1,
      diagnosis: CONDITIONS[i % 4]!, diagnosisTally: { volatility: 2, uncertainty: 1, complexity: 1, ambiguity: 1 },
      diagnosisPoints: CONDITIONS[i % 4] === card.condition ? 2 : 0,
      points: responsePoints + (i % 5) - 1 + (CONDITIONS[i % 4] === card.condition ? 2 : 0),
      lockedBy: LOCK_CAUSES[i % 4]!, lockMs: 30_000 + i * 4000, sent: 4, size: 5,
    };
  });
}

function stateOf(pack: Pack, round: number, phase: RoomStateView["phase"], boardView: number): RoomStateView {
  return {
    code: "K7QMX", packId: pack.id, packTitle: JSON.stringify(pack.title), phase, round, roundCount: pack.events.length,
    roundSeconds: 180, timeLeft: 107, paused: false, roomLocked: false, observers: 1, boardView, volume: 0,
    teams: Array.from({ length: TEAMS }, (_, i) => ({
      index: i, captain: "", sent: 3, locked: i % 2 === 0, lockedBy: i % 2 === 0 ? 1 : 0, score: 20 - i, totalLockMs: i * 1000,
      members: Array.from({ length: 5 }, (_, k) => ({ id: `p${i}${k}`, name: `Peserta ${i}-${k}`, roles: "", connected: true })),
    })),
  };
}

/** The overlapping pairs of visible texts of the scene on screen, after its tweens have run to the end. */
async function overlaps(page: Page, scene: string): Promise<string[]> {
  await page.waitForFunction((key) => (window as unknown as { __boardScene?: string }).__boardScene === key, scene, { timeout: 60_000 });
  return page.evaluate((key) => {
    type T = { type: string; visible: boolean; alpha: number; text?: string; getBounds(): { x: number; y: number; width: number; height: number } };
    const board = (window as unknown as { __arenaBoard: { game: { scene: { getScene(k: string): { tweens: { getTweens(): { complete(): void }[] }; time: { removeAllEvents(): void }; children: { list: T[] } } } } } }).__arenaBoard;
    const sc = board.game.scene.getScene(key);
    for (let i = 0; i < 5; i++) sc.tweens.getTweens().forEach((t) => t.complete());
    const texts = sc.children.list.filter((o) => o.type === "Text" && o.visible && (o.text ?? "").trim() !== "");
    // Phaser pads every text 4 px above and below: the glyphs are inside
    const boxes = texts.map((o) => {
      const b = o.getBounds();
      return { s: (o.text ?? "").slice(0, 40), x1: b.x + 1, y1: b.y + 5, x2: b.x + b.width - 1, y2: b.y + b.height - 5 };
    });
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!, b = boxes[j]!;
        // line boxes include the font's leading: count an overlap a reader would see (a fifth of a line or more)
        const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (w > 8 && h > Math.max(4, 0.2 * Math.min(a.y2 - a.y1, b.y2 - b.y1))) out.push(`"${a.s}" × "${b.s}"`);
      }
    // and nothing off the 1920×1080 stage
    for (const b of boxes) if (b.x1 < -2 || b.y1 < -2 || b.x2 > 1922 || b.y2 > 1082) out.push(`"${b.s}" off the screen`);
    return out;
  }, scene);
}

describe.runIf(hasChromium)("the board's layout", () => {
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

  for (const [w, h] of [[1920, 1080], [1280, 720]] as const) {
    it(`puts no text over text on any card of any pack at ${w}×${h}`, async () => {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.goto(`${game.url}/board.html?demo=lobby&teams=${TEAMS}`);
      // the board is up when the demo's lobby scene has drawn (Phaser booted, fonts loaded)
      await page.waitForFunction(() => (window as unknown as { __boardScene?: string }).__boardScene === "Lobby", null, { timeout: 60_000 });
      const found: string[] = [];
      for (const pack of game.packs.values()) {
        const settings = { orderSeed: 11, showCondition: false } as GameState["settings"];
        for (let round = 0; round < pack.events.length; round++) {
          const card = pack.events[round]!;
          const history = [{ round, eventId: card.id, skipped: false, results: results(card), submissions: {} }];
          const texts: TextsMessage = publicOnly({ card: cardView(pack, round, settings)! });
          texts.reveal = revealView(pack, { round, settings, history } as unknown as GameState)!;
          for (const [phase, view, scene] of [["briefing", 0, "Deciding"], ["deciding", 0, "Deciding"], ["reveal", 0, "Reveal"], ["reveal", 1, "Reveal"]] as const) {
            const state = stateOf(pack, round, phase, view);
            await page.evaluate(([t, s]) => {
              const { store } = (window as unknown as { __arenaBoard: { store: { newRoom(): void; takeTexts(m: unknown): void; setState(v: unknown): void } } }).__arenaBoard;
              store.newRoom();
              store.setState(s);
              store.takeTexts(t);
              store.setState(s);
            }, [texts, state] as const);
            await page.waitForTimeout(60);
            for (const pair of await overlaps(page, scene)) found.push(`${card.id} ${phase}${phase === "reveal" ? `/${view}` : ""}: ${pair}`);
          }
        }
      }
      await page.close();
      expect(found).toEqual([]);
    }, 600_000);
  }
});
