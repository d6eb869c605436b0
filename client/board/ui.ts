// Drawing helpers shared by the scenes: text that wraps and shrinks to fit,
// panels, team marks (colour + number), pills and a vector padlock.
import * as Phaser from "phaser";
import { C, FONT, inkOn, teamColour } from "./palette.js";
import { enter } from "./motion.js";

export const W = 1920;
export const H = 1080;
export const M = 60;

export interface TextOpts {
  size?: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  /** Wrap at this width. */
  width?: number;
  /** Shrink (down to minSize) until the text is at most this tall. */
  maxH?: number;
  /** Shrink (down to minSize) until a single line is at most this wide. */
  maxW?: number;
  minSize?: number;
  align?: "left" | "center" | "right";
  originX?: number;
  originY?: number;
  lineSpacing?: number;
}

export function text(scene: Phaser.Scene, x: number, y: number, str: string, o: TextOpts = {}): Phaser.GameObjects.Text {
  let size = o.size ?? 40;
  const t = scene.add.text(x, y, str, {
    fontFamily: FONT,
    fontSize: `${size}px`,
    fontStyle: [o.italic ? "italic" : "", o.bold ? "bold" : ""].join(" ").trim() || "normal",
    color: o.color ?? C.text,
    align: o.align ?? "left",
    lineSpacing: o.lineSpacing ?? Math.round(size * 0.15),
    padding: { top: 4, bottom: 4 },
    ...(o.width ? { wordWrap: { width: o.width, useAdvancedWrap: true } } : {}),
  });
  t.setOrigin(o.originX ?? (o.align === "center" ? 0.5 : o.align === "right" ? 1 : 0), o.originY ?? 0);
  const min = o.minSize ?? 26;
  const tooBig = () => (o.maxH !== undefined && t.height > o.maxH) || (o.maxW !== undefined && t.width > o.maxW);
  while (tooBig() && size > min) {
    size -= 2;
    t.setFontSize(size);
    t.setLineSpacing(o.lineSpacing ?? Math.round(size * 0.15));
  }
  return t;
}

export function panel(scene: Phaser.Scene, x: number, y: number, w: number, h: number, fill: number = C.panel, stroke?: number, r = 18) {
  const g = scene.add.graphics();
  g.fillStyle(fill, 1).fillRoundedRect(x, y, w, h, r);
  if (stroke !== undefined) g.lineStyle(4, stroke, 1).strokeRoundedRect(x, y, w, h, r);
  return g;
}

/** The team's colour square with its number on it. */
export function teamMark(scene: Phaser.Scene, x: number, y: number, index: number, size = 64) {
  const colour = teamColour(index);
  const g = scene.add.graphics();
  g.fillStyle(colour, 1).fillRoundedRect(x, y, size, size, size * 0.2);
  const n = text(scene, x + size / 2, y + size / 2, String(index + 1), {
    size: Math.round(size * 0.6), bold: true, color: inkOn(colour), originX: 0.5, originY: 0.5,
  });
  return [g, n];
}

/** A rounded label; returns its width so callers can lay pills in a row. */
export function pill(scene: Phaser.Scene, x: number, y: number, str: string, fill: number, o: TextOpts = {}) {
  const size = o.size ?? 36;
  const g = scene.add.graphics();
  const t = text(scene, x + size * 0.6, y + size * 0.25, str, { bold: true, color: inkOn(fill), ...o, size });
  const w = t.width + size * 1.2;
  const h = t.height + size * 0.5;
  g.fillStyle(fill, 1).fillRoundedRect(x, y, w, h, h / 2);
  // its box, for the layout test (test/browser/board-layout.test.ts): no text may touch it
  g.setData("pill", { x, y, w, h });
  return { w, h, objects: [g, t] };
}

/** A padlock drawn with shapes (no emoji font needed on the projector laptop). */
export function padlock(scene: Phaser.Scene, x: number, y: number, size: number, colour: number) {
  const g = scene.add.graphics();
  g.lineStyle(size * 0.12, colour, 1);
  g.beginPath();
  g.arc(x + size / 2, y + size * 0.42, size * 0.25, Math.PI, 0, false);
  g.strokePath();
  g.lineBetween(x + size * 0.25, y + size * 0.42, x + size * 0.25, y + size * 0.5);
  g.lineBetween(x + size * 0.75, y + size * 0.42, x + size * 0.75, y + size * 0.5);
  g.fillStyle(colour, 1).fillRoundedRect(x + size * 0.1, y + size * 0.48, size * 0.8, size * 0.52, size * 0.08);
  return g;
}

/** Fades the objects in from `dy` below (at once when the board is calm: client/board/motion.ts). */
export function fade(scene: Phaser.Scene, targets: Phaser.GameObjects.GameObject[], delay: number, dy = 24) {
  enter(scene, targets, delay, { dy });
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Shrink several texts to one common size, so that each fits its height (rows of a list read evenly). */
/** Cuts a text at a word and ends it with "…" until it is no taller than maxH (the whole text stays on the console and in the report). */
export function clampTo(t: Phaser.GameObjects.Text, maxH: number): void {
  let s = t.text;
  while (t.height > maxH && s.length > 12) {
    s = s.slice(0, s.lastIndexOf(" ", s.length - 2) > 0 ? s.lastIndexOf(" ", s.length - 2) : s.length - 4).replace(/[\s,.;:—-]+$/u, "");
    t.setText(`${s}…`);
  }
}

/** Cuts a one-line text at a word and ends it with "…" until it is no wider than maxW. */
export function clampWidth(t: Phaser.GameObjects.Text, maxW: number): void {
  let s = t.text;
  while (t.width > maxW && s.length > 12) {
    const cut = s.lastIndexOf(" ", s.length - 2);
    s = s.slice(0, cut > 0 ? cut : s.length - 4).replace(/[\s,.;:—-]+$/u, "");
    t.setText(`${s}…`);
  }
}

export function fitTogether(items: { t: Phaser.GameObjects.Text; maxH: number }[], min = 24): number {
  let size = Math.max(...items.map((i) => parseInt(String(i.t.style.fontSize), 10) || 40));
  const apply = () => items.forEach(({ t }) => t.setFontSize(size).setLineSpacing(Math.round(size * 0.15)));
  apply();
  while (size > min && items.some(({ t, maxH }) => t.height > maxH)) {
    size -= 2;
    apply();
  }
  return size;
}
