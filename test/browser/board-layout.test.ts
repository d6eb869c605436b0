// No text over text on the projector: every card of every shipped pack is put
// on the board as the class sees it — the briefing, deciding, and both views
// of the reveal with ten teams and the longest team reasons, and the reveal's
// results table with fewer teams too (its rows are taller there: a reason
// wraps to three lines and more beside the points and their breakdown) — in
// Indonesian and in English, and no two text objects of the scene may overlap
// (measured from Phaser's own text bounds, after every tween has finished),
// nor may a text touch a pill (a visible gap between them). The board's
// layout is 1920×1080 scaled to fit, so 1280×720 and 960×540 show the same
// layout smaller; the screen is checked at 1920×1080 and at 1280×720.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import type { TestGame } from "../helpers/game-server.js";
import { cardView, revealView } from "../../server/sync.js";
import { publicOnly, LOCK_CAUSES, type TextsMessage } from "../../shared/protocol/wire.js";
import { type RoomStateView } from "../../shared/protocol/state-view.js";
import { CONDITIONS, PRIMES, ROLES, type EventCard, type Pack } from "../../shared/scenario.js";
import type { GameState, TeamResult } from "../../shared/rules/types.js";
import { REASON_MAX } from "../../shared/constants.js";

const hasChromium = await requireChromium();

const TEAMS = 10;
/**
 * The results table with fewer teams: taller rows, the roles above the reason
 * and the points' breakdown beside the points (up to six teams: 1–4 as tall
 * as 3, 6 the shortest), then one line each (7–9, as 8). On the first cards
 * of each pack (the rows' texts differ from card to card only in the best
 * response and the condition; every card is checked with ten teams).
 */
const FEWER = [3, 5, 6, 8];
const FEWER_CARDS = 2;
const LONG_REASON = "Kami memilih ini karena warga bantaran harus selamat dulu; data debit sungai menyusul dan dipakai untuk menyesuaikan langkah berikutnya.";
/**
 * The captains' reasons, up to REASON_MAX: Indonesian with long words (a
 * line breaks early, so they wrap to three lines and more), QA's reason that
 * ran into the points' breakdown, none, and one typed in capitals (the widest).
 */
const REASONS = [
  "Pertanggungjawaban, keterbukaan informasi, dan koordinasi antarlembaga memperkuat kepercayaan masyarakat; pemberdayaan komunitas berlanjut.",
  "Cek fakta dulu di lapangan sebelum membantah, supaya warga tidak panik dan kepercayaan tetap terjaga.",
  "",
  LONG_REASON.toUpperCase(),
  LONG_REASON,
].map((r) => r.slice(0, REASON_MAX));

function results(card: EventCard, teams = TEAMS): TeamResult[] {
  return Array.from({ length: teams }, (_, i) => {
    const choice = PRIMES[i % 4]!;
    const responsePoints = card.options.find((o) => o.prime === choice)!.points;
    return {
      team: i, choice, tally: { vision: 2, understanding: 1, clarity: 1, agility: 1 },
      // every role (the longest list), none ("No roles committed" beside the choice's pill), a few
      rolesCommitted: i === 0 ? [...ROLES] : i % 4 === 1 ? [] : ROLES.filter((_r, k) => ((i + 3) >> k) & 1),
      reason: REASONS[i % REASONS.length]!,
      responsePoints, collabPoints: (i % 5) - 1,
      diagnosis: CONDITIONS[i % 4]!, diagnosisTally: { volatility: 2, uncertainty: 1, complexity: 1, ambiguity: 1 },
      diagnosisPoints: CONDITIONS[i % 4] === card.condition ? 2 : 0,
      points: responsePoints + (i % 5) - 1 + (CONDITIONS[i % 4] === card.condition ? 2 : 0),
      lockedBy: LOCK_CAUSES[i % 4]!, lockMs: 30_000 + i * 4000, sent: 4, size: 5,
    };
  });
}

function stateOf(pack: Pack, round: number, phase: RoomStateView["phase"], boardView: number, teams = TEAMS): RoomStateView {
  return {
    code: "K7QMX", packId: pack.id, packTitle: JSON.stringify(pack.title), phase, round, roundCount: pack.events.length,
    roundSeconds: 180, timeLeft: 107, paused: false, roomLocked: false, observers: 1, boardView, volume: 0,
    teams: Array.from({ length: teams }, (_, i) => ({
      index: i, captain: "", sent: 3, locked: i % 2 === 0, lockedBy: i % 2 === 0 ? 1 : 0, score: 20 - i, totalLockMs: i * 1000,
      members: Array.from({ length: 5 }, (_, k) => ({ id: `p${i}${k}`, name: `Peserta ${i}-${k}`, roles: "", connected: true })),
    })),
  };
}

/** Text and a pill's edge at least this far apart (px of the 1920×1080 layout): a gap the class sees. */
const PILL_GAP = 8;

/** The overlapping pairs of visible texts of the scene on screen, and texts touching a pill, after its tweens have run to the end. */
async function overlaps(page: Page, scene: string): Promise<string[]> {
  await page.waitForFunction((key) => (window as unknown as { __boardScene?: string }).__boardScene === key, scene, { timeout: 60_000 });
  return page.evaluate(([key, gapMin]) => {
    type T = {
      type: string; visible: boolean; alpha: number; text?: string; x: number; y: number;
      getBounds(): { x: number; y: number; width: number; height: number };
      getData(k: string): { x: number; y: number; w: number; h: number } | undefined;
    };
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
    // a pill (client/board/ui.ts pill(), its box kept on its graphics) and any text but its own label: a visible gap between them
    const pills = sc.children.list
      .filter((o) => o.type === "Graphics" && o.visible && o.getData("pill"))
      .map((o) => {
        const p = o.getData("pill")!;
        return { x1: o.x + p.x, y1: o.y + p.y, x2: o.x + p.x + p.w, y2: o.y + p.y + p.h };
      });
    for (const p of pills)
      for (const b of boxes) {
        const inside = b.x1 >= p.x1 - 1 && b.x2 <= p.x2 + 1 && b.y1 >= p.y1 - 6 && b.y2 <= p.y2 + 6;
        const gap = Math.max(p.x1 - b.x2, b.x1 - p.x2, p.y1 - b.y2, b.y1 - p.y2);
        if (!inside && gap < gapMin) out.push(`"${b.s}" touches a pill (${Math.round(gap)} px apart)`);
      }
    // and nothing off the 1920×1080 stage
    for (const b of boxes) if (b.x1 < -2 || b.y1 < -2 || b.x2 > 1922 || b.y2 > 1082) out.push(`"${b.s}" off the screen`);
    return out;
  }, [scene, PILL_GAP] as const);
}

describe.runIf(hasChromium)("the board's layout", () => {
  let game: TestGame;
  let browser: Browser;
  useBrowserGame((g, b) => ((game = g), (browser = b)));

  // the layout is the same at every size (1920×1080 scaled): English is checked at one
  for (const [lang, w, h] of [["id", 1920, 1080], ["id", 1280, 720], ["en", 1920, 1080]] as const) {
    it(`puts no text over text, nor on a pill, on any card of any pack at ${w}×${h} (${lang})`, async () => {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.goto(`${game.url}/board.html?demo=lobby&teams=${TEAMS}&lang=${lang}`);
      // the board is up when the demo's lobby scene has drawn (Phaser booted, fonts loaded)
      await page.waitForFunction(() => (window as unknown as { __boardScene?: string }).__boardScene === "Lobby", null, { timeout: 60_000 });
      const found: string[] = [];
      for (const pack of game.packs.values()) {
        const settings = { orderSeed: 11, showCondition: false } as GameState["settings"];
        for (let round = 0; round < pack.events.length; round++) {
          const card = pack.events[round]!;
          const views = [
            ["briefing", 0, "Deciding", TEAMS], ["deciding", 0, "Deciding", TEAMS], ["reveal", 0, "Reveal", TEAMS], ["reveal", 1, "Reveal", TEAMS],
            ...(round < FEWER_CARDS ? FEWER.map((n) => ["reveal", 0, "Reveal", n] as const) : []),
          ] as const;
          for (const [phase, view, scene, teams] of views) {
            const history = [{ round, eventId: card.id, skipped: false, results: results(card, teams), submissions: {} }];
            const texts: TextsMessage = publicOnly({ card: cardView(pack, round, settings)! });
            texts.reveal = revealView(pack, { round, settings, history } as unknown as GameState)!;
            const state = stateOf(pack, round, phase, view, teams);
            await page.evaluate(([t, s]) => {
              const { store } = (window as unknown as { __arenaBoard: { store: { newRoom(): void; takeTexts(m: unknown): void; setState(v: unknown): void } } }).__arenaBoard;
              store.newRoom();
              store.setState(s);
              store.takeTexts(t);
              store.setState(s);
            }, [texts, state] as const);
            await page.waitForTimeout(60);
            const where = `${card.id} ${phase}${phase === "reveal" ? `/${view}` : ""}${teams === TEAMS ? "" : ` ${teams} teams`}`;
            for (const pair of await overlaps(page, scene)) found.push(`${where}: ${pair}`);
          }
        }
      }
      await page.close();
      expect(found).toEqual([]);
    }, 900_000);
  }
});
