// The board's motion, in one place: every tween of a scene goes through here,
// so that the board is calm — nothing moves, everything is drawn at once in
// its final place — when the trainer turned motion off in the console (synced
// `boardMotion === false`, contract C2) or the projector laptop asks for
// reduced motion (prefers-reduced-motion). A tween always ends exactly on its
// final values, also when it is completed early (a redraw, the switch to calm,
// or the layout test finishing every tween), so the layout the class reads is
// the same with motion on and off.
//
//   calm()                          → true when nothing may move
//   onCalmChange(fn)                → fn when prefers-reduced-motion changes
//   to(scene, targets, props, o)    → tween to props (or set them at once when calm)
//   enter(scene, objs, delay, o)    → fade in from dx/dy away (cards, rows, notes)
//   grow(scene, obj, from, delay)   → scaleX/scaleY from a share up to 1 (bars, the podium)
//   count(scene, text, a, b, fmt)   → a number counting from a to b
//   flash(scene, obj, delay)        → a highlight that lights up and fades (a team locking)
import type * as Phaser from "phaser";
import { store } from "./store.js";

const reduced: MediaQueryList | null = typeof matchMedia === "function" ? matchMedia("(prefers-reduced-motion: reduce)") : null;

/** Nothing moves: motion off in the console, or the system asks for reduced motion. */
export function calm(): boolean {
  return store.state?.motion === false || reduced?.matches === true;
}

export function onCalmChange(fn: () => void): () => void {
  reduced?.addEventListener("change", fn);
  return () => reduced?.removeEventListener("change", fn);
}

type Props = Record<string, number>;
export interface MoveOpts {
  delay?: number;
  duration?: number;
  ease?: string;
}

/** Tweens the targets to `props`; they land on them exactly when the tween ends, stops or is completed early. */
export function to(scene: Phaser.Scene, targets: object | object[], props: Props, o: MoveOpts = {}): void {
  const list = Array.isArray(targets) ? targets : [targets];
  const land = () => list.forEach((t) => Object.assign(t, props));
  if (calm()) return land();
  scene.tweens.add({
    targets: list,
    ...props,
    delay: o.delay ?? 0,
    duration: o.duration ?? 450,
    ease: o.ease ?? "Cubic.easeOut",
    onComplete: land,
    onStop: land,
  });
}

type Movable = Phaser.GameObjects.GameObject & { alpha: number; x: number; y: number };

/** Fades the objects in from `dx`/`dy` away to where they were drawn. */
export function enter(scene: Phaser.Scene, objs: Phaser.GameObjects.GameObject[], delay: number, o: MoveOpts & { dx?: number; dy?: number } = {}): void {
  if (calm()) return;
  const dx = o.dx ?? 0;
  const dy = o.dy ?? 24;
  for (const obj of objs as Movable[]) {
    const end = { alpha: obj.alpha, x: obj.x, y: obj.y };
    obj.alpha = 0;
    obj.x += dx;
    obj.y += dy;
    to(scene, obj, end, { delay, duration: o.duration ?? 450, ease: o.ease ?? "Cubic.easeOut" });
  }
}

/** Grows an object (drawn at its full size, its origin on the side it grows from) from `from` of its size to all of it. */
export function grow(scene: Phaser.Scene, obj: Phaser.GameObjects.GameObject & { scaleX: number; scaleY: number }, axis: "x" | "y", from: number, delay: number, o: MoveOpts = {}): void {
  if (calm()) return;
  const key = axis === "x" ? "scaleX" : "scaleY";
  obj[key] = from;
  to(scene, obj, { [key]: 1 }, { duration: 900, ease: "Cubic.easeOut", ...o, delay });
}

/** A number counting up (or down) from `from` to `value`, written with `fmt`. */
export function count(scene: Phaser.Scene, t: Phaser.GameObjects.Text, from: number, value: number, fmt: (n: number) => string, delay: number, duration = 900): void {
  const end = fmt(value);
  if (calm() || from === value) {
    t.setText(end);
    return;
  }
  t.setText(fmt(from));
  const n = { v: from };
  scene.tweens.add({
    targets: n,
    v: value,
    delay,
    duration,
    ease: "Cubic.easeOut",
    onUpdate: () => t.setText(fmt(Math.round(n.v))),
    onComplete: () => t.setText(end),
    onStop: () => t.setText(end),
  });
}

/** A highlight over something that just changed (a team's tile as it locks): lights up, then fades away. */
export function flash(scene: Phaser.Scene, obj: Phaser.GameObjects.GameObject & { alpha: number }, delay = 0, peak = 0.95): void {
  if (calm()) {
    obj.alpha = 0;
    return;
  }
  obj.alpha = peak;
  to(scene, obj, { alpha: 0 }, { delay, duration: 1400, ease: "Quad.easeIn" });
}

/** A short pop: the object starts larger and settles at its own size. */
export function pop(scene: Phaser.Scene, obj: Phaser.GameObjects.GameObject & { scale: number }, delay = 0, from = 1.35): void {
  if (calm()) return;
  const end = obj.scale;
  obj.scale = end * from;
  to(scene, obj, { scale: end }, { delay, duration: 500, ease: "Back.easeOut" });
}
