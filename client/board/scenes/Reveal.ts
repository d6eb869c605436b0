// Reveal, in two views: first each team's result, tweened in one by one; then
// the four responses with their points and reasons, the best one marked, and
// the reflection question. Space or a click switches view; it also switches
// by itself once every team's result has been shown for a while.
import type * as Phaser from "phaser";
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState } from "../store.js";
import type { RevealView } from "../../../shared/view.js";
import { say } from "../../../shared/vuca.js";
import { C } from "../palette.js";
import { H, M, W, fade, panel, pill, teamMark, text } from "../ui.js";

export class Reveal extends BoardScene {
  private step = 0;
  private seen = "";
  constructor() {
    super("Reveal");
  }
  override create() {
    this.step = 0;
    this.seen = "";
    const toggle = () => {
      this.step = 1 - this.step;
      this.refresh();
    };
    this.input.keyboard?.on("keydown-SPACE", toggle);
    this.input.on("pointerdown", toggle);
    super.create();
  }
  protected sliceOf(s: BoardState) {
    const key = JSON.stringify(s.reveal);
    if (key !== this.seen) [this.seen, this.step] = [key, 0];
    return `${this.step}${key}`;
  }
  protected draw(s: BoardState) {
    const r = s.reveal;
    if (!r) return;
    const { t, c } = store;
    text(this, M, 30, `${c.phases.reveal} · ${t.cardOf(r.round + 1, s.roundCount)}`, { size: 36, color: C.muted });
    text(this, M, 76, say(r.card.title, store.lang), { size: 56, bold: true, maxW: W - 2 * M - 560 });
    pill(this, W - M - 540, 80, `${t.condition}: ${c.conditions[r.card.condition]}`, C.condition[r.card.condition], { size: 34, maxW: 470 });
    text(this, W - M, H - 14, t.nextStep, { size: 24, color: C.muted, align: "right", originY: 1 });
    if (this.step === 0) this.results(r);
    else this.options(r);
  }
  private results(r: RevealView) {
    const { t, c } = store;
    const head = { size: 28, color: C.muted };
    [[M, t.waitingTeams], [400, t.choice], [760, `${t.roles} · ${t.reason}`]].forEach(([x, s]) => text(this, x as number, 170, s as string, head));
    text(this, W - M, 170, t.pointsHead, { ...head, align: "right" });
    const rowH = Math.min(190, (1040 - 216) / Math.max(1, r.results.length));
    r.results.forEach((res, i) => {
      const y = 216 + i * rowH;
      const h = rowH - 12;
      const best = res.choice !== null && r.best.includes(res.choice);
      const objs: Phaser.GameObjects.GameObject[] = [panel(this, M, y, W - 2 * M, h, C.panel, best ? C.goodN : undefined, 14)];
      const mark = Math.min(64, h - 16);
      objs.push(...teamMark(this, M + 16, y + (h - mark) / 2, res.team, mark));
      objs.push(text(this, M + 32 + mark, y + h / 2, c.team(res.team + 1), { size: 38, bold: true, originY: 0.5, maxW: 300 - mark }));
      const choice = res.choice ? `${best ? "★ " : ""}${c.primes[res.choice]}` : t.noChoice;
      objs.push(...pill(this, 400, y + h / 2 - 30, choice, best ? C.goodN : C.panelHi, { size: 36, maxW: 290 }).objects);
      const roles = res.rolesCommitted.length ? res.rolesCommitted.map((x) => c.roles[x]).join(", ") : t.noRoles;
      const detail = res.reason ? `${roles}\n“${res.reason}”` : roles;
      objs.push(text(this, 760, y + h / 2, detail, { size: 34, width: 760, maxH: h - 12, minSize: 20, originY: 0.5 }));
      objs.push(text(this, W - M - 24, y + h / 2 - (h >= 110 ? 18 : 0), `${res.points >= 0 ? "+" : ""}${res.points}`, { size: Math.min(64, h - 20), bold: true, align: "right", originY: 0.5 }));
      if (h >= 110) objs.push(text(this, W - M - 24, y + h / 2 + 34, `${t.responsePts(res.responsePoints)} · ${t.collabPts(res.collabPoints)}`, { size: 26, color: C.muted, align: "right", maxW: 300 }));
      fade(this, objs, 300 + i * 650);
    });
    this.time.delayedCall(300 + r.results.length * 650 + 9000, () => {
      this.step = 1;
      this.refresh();
    });
  }
  private options(r: RevealView) {
    const { t, c } = store;
    const rowH = 156;
    r.card.options.forEach((o, i) => {
      const y = 176 + i * rowH;
      const best = r.best.includes(o.prime);
      const objs: Phaser.GameObjects.GameObject[] = [panel(this, M, y, W - 2 * M, rowH - 12, best ? C.panelHi : C.panel, best ? C.goodN : undefined, 14)];
      objs.push(text(this, M + 24, y + 14, c.primes[o.prime], { size: 40, bold: true, maxW: 300 }));
      objs.push(text(this, M + 24, y + 66, c.points(o.points), { size: 34, color: C.muted }));
      if (best) objs.push(...pill(this, M + 24, y + 104 - 8, `★ ${t.best}`, C.goodN, { size: 24 }).objects);
      objs.push(text(this, 400, y + 12, say(o.text, store.lang), { size: 34, bold: true, width: 1060, maxH: 58, minSize: 24 }));
      objs.push(text(this, 400, y + 72, say(o.reason, store.lang), { size: 32, color: C.muted, width: 1060, maxH: 66, minSize: 22 }));
      r.results.filter((res) => res.choice === o.prime).forEach((res, k) => {
        objs.push(...teamMark(this, 1490 + (k % 6) * 62, y + 14 + Math.floor(k / 6) * 62, res.team, 52));
      });
      fade(this, objs, i * 200);
    });
    const y = 176 + 4 * rowH + 6;
    panel(this, M, y, W - 2 * M, 1040 - y, C.panel, C.amberN, 18);
    text(this, M + 30, y + 20, t.reflection, { size: 32, color: C.amber, bold: true });
    const value = `${t.value}: ${c.values[r.card.value]}${r.card.behaviour ? ` — ${say(r.card.behaviour, store.lang)}` : ""}`;
    text(this, W - M - 30, y + 20, value, { size: 32, color: C.muted, align: "right", maxW: 1200 });
    text(this, M + 30, y + 70, say(r.card.reflection, store.lang), { size: 44, bold: true, width: W - 2 * M - 60, maxH: 1040 - y - 84, minSize: 30 });
  }
  protected describe(s: BoardState) {
    const r = s.reveal;
    if (!r) return [];
    const { t, c } = store;
    return [
      say(r.card.title, store.lang),
      ...r.results.map((res) => {
        const roles = res.rolesCommitted.map((x) => c.roles[x]).join(", ") || t.noRoles;
        const choice = res.choice ? c.primes[res.choice] : t.noChoice;
        return `${c.team(res.team + 1)}: ${choice} · ${roles}${res.reason ? ` · “${res.reason}”` : ""} · ${c.points(res.points)}`;
      }),
      `${t.bestResponse}: ${r.best.map((p) => c.primes[p]).join(", ")}`,
      ...r.card.options.map((o) => `${c.primes[o.prime]} (${c.points(o.points)}): ${say(o.reason, store.lang)}`),
      `${t.reflection}: ${say(r.card.reflection, store.lang)}`,
      `${t.value}: ${c.values[r.card.value]}`,
    ];
  }
}
