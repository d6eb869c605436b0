// Wall: the class's closing reflection as it arrives — how many have completed
// it, the VUCA conditions and BerAKHLAK behaviours as counts, and the
// activities as cards without names (the room never sends the board a name or
// a seat id). For the "now what?" part of the debrief — at the final, or
// mid-game while the trainer has the reflection open and the wall on screen
// (synced boardView 2, client/board/game.ts). With motion the bars grow and
// new cards come in.
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState } from "../store.js";
import { CONDITIONS, say } from "../../../shared/vuca.js";
import { C } from "../palette.js";
import type * as Phaser from "phaser";
import { H, M, W, panel, text, type TextOpts } from "../ui.js";
import { enter, grow } from "../motion.js";

const LEFT_W = 760;

/** Text that shrinks to its least size, then drops words (ending in "…") until it fits `maxH`: the full text is in the report. */
function fitted(scene: Phaser.Scene, x: number, y: number, str: string, o: TextOpts & { maxH: number }): Phaser.GameObjects.Text {
  const t = text(scene, x, y, str, o);
  let words = str.split(/\s+/);
  while (t.height > o.maxH && words.length > 3) {
    words = words.slice(0, -1);
    t.setText(`${words.join(" ").replace(/[,.;:]$/, "")}…`);
  }
  return t;
}
const CARD_COLS = 3;
const CARD_ROWS = 4;

export class Wall extends BoardScene {
  /** The wall last drawn: bars grow from there, and only the cards added since come in. */
  private last: { conditions: Record<string, number>; activities: number } | null = null;
  constructor() {
    super("Wall");
  }
  override create() {
    this.last = null;
    super.create();
  }
  protected sliceOf(_s: BoardState) {
    return JSON.stringify(store.wall);
  }
  protected draw(_s: BoardState) {
    const wall = store.wall;
    if (!wall) return;
    const { t, c } = store;
    text(this, M, 36, t.wallTitle, { size: 64, bold: true, maxW: W - 2 * M - 620 });
    text(this, W - M, 52, wall.closed ? `🔒 ${t.wallClosed}` : t.wallFilled(wall.filled, wall.total), { size: 34, color: wall.closed ? C.amber : C.muted, align: "right", maxW: 600 });

    // conditions
    const x = M;
    let y = 150;
    panel(this, x, y, LEFT_W, 380, C.panel);
    text(this, x + 28, y + 18, t.wallConditions, { size: 32, bold: true, color: C.amber, maxW: LEFT_W - 56 });
    const most = Math.max(1, ...CONDITIONS.map((k) => wall.conditions[k]));
    CONDITIONS.forEach((k, i) => {
      const rowY = y + 84 + i * 72;
      const n = wall.conditions[k];
      text(this, x + 28, rowY + 28, c.conditions[k], { size: 32, bold: true, originY: 0.5, maxW: 230 });
      const barX = x + 280;
      const barW = LEFT_W - 280 - 100;
      const g = this.add.graphics();
      g.fillStyle(C.panelHi, 1).fillRoundedRect(barX, rowY + 8, barW, 40, 10);
      if (n > 0) {
        const w = Math.max(20, (barW * n) / most);
        const bar = this.add.graphics({ x: barX, y: rowY + 8 });
        bar.fillStyle(C.condition[k], 1).fillRoundedRect(0, 0, w, 40, 10);
        const before = this.last?.conditions[k] ?? 0;
        if (before !== n) grow(this, bar, "x", Math.min(1, (before > 0 ? Math.max(20, (barW * before) / most) : 0) / w), 100 + i * 120, { duration: 700 });
      }
      text(this, x + LEFT_W - 28, rowY + 28, String(n), { size: 36, bold: true, originY: 0.5, align: "right" });
    });

    // behaviours: the four chosen most
    y = 560;
    panel(this, x, y, LEFT_W, H - y - 40, C.panel);
    text(this, x + 28, y + 18, t.wallBehaviours, { size: 32, bold: true, color: C.amber, maxW: LEFT_W - 56 });
    const top = Object.entries(wall.behaviours)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 4);
    top.forEach(([id, n], i) => {
      const b = wall.labels?.[id];
      if (!b) return;
      const rowY = y + 72 + i * 100;
      text(this, x + 28, rowY, c.values[b.value], { size: 26, color: C.muted, bold: true });
      fitted(this, x + 28, rowY + 30, say(b.text, store.lang), { size: 28, width: LEFT_W - 140, maxH: 68, minSize: 24 });
      text(this, x + LEFT_W - 28, rowY + 18, String(n), { size: 44, bold: true, align: "right" });
    });

    // activities: cards without names, the latest twelve
    const ax = M + LEFT_W + 40;
    const aw = W - M - ax;
    text(this, ax, 150, t.wallActivities, { size: 36, bold: true, color: C.amber });
    const cards = wall.activities.slice(-CARD_COLS * CARD_ROWS);
    if (cards.length === 0) {
      this.last = { conditions: { ...wall.conditions }, activities: 0 };
      text(this, ax, 220, t.wallEmpty, { size: 32, color: C.muted, width: aw });
      return;
    }
    const seenCards = this.last?.activities ?? 0;
    this.last = { conditions: { ...wall.conditions }, activities: wall.activities.length };
    const gap = 20;
    const cw = (aw - gap * (CARD_COLS - 1)) / CARD_COLS;
    const ch = (H - 40 - 210 - gap * (CARD_ROWS - 1)) / CARD_ROWS;
    cards.forEach((activity, i) => {
      const cx = ax + (i % CARD_COLS) * (cw + gap);
      const cy = 210 + Math.floor(i / CARD_COLS) * (ch + gap);
      const g = this.add.graphics();
      g.fillStyle(0xfff4d6, 1).fillRoundedRect(cx, cy, cw, ch, 14);
      const note = fitted(this, cx + 18, cy + 14, activity, { size: 32, color: "#1b2233", width: cw - 36, maxH: ch - 28, minSize: 24 });
      // a card sent since the last draw comes in (on the first draw, all of them one after another)
      if (wall.activities.length - cards.length + i >= seenCards) enter(this, [g, note], 80 * (i - Math.max(0, seenCards - (wall.activities.length - cards.length))), { dy: 30 });
    });
    const more = wall.activities.length - cards.length;
    if (more > 0) text(this, W - M, 156, t.more(more), { size: 30, color: C.muted, align: "right" });
  }
  protected describe(_s: BoardState) {
    const wall = store.wall;
    if (!wall) return [];
    const { t, c } = store;
    return [
      t.wallTitle,
      wall.closed ? t.wallClosed : t.wallFilled(wall.filled, wall.total),
      `${t.wallConditions}: ${CONDITIONS.map((k) => `${c.conditions[k]} ${wall.conditions[k]}`).join(", ")}`,
      `${t.wallBehaviours}: ${Object.entries(wall.behaviours)
        .map(([id, n]) => `${say(wall.labels?.[id]?.text, store.lang)} ${n}`)
        .join("; ")}`,
      `${t.wallActivities}:`,
      ...wall.activities.map((a) => `• ${a}`),
    ];
  }
}
