// Reveal, in two views: first each team's result, tweened in one by one; then
// the four responses with their points and reasons, the best one marked, and
// the reflection question. Space or a click switches view; it also switches
// by itself once every team's result has been shown for a while.
import type * as Phaser from "phaser";
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState } from "../store.js";
import type { RevealView } from "../../../shared/protocol/wire.js";
import { say } from "../../../shared/vuca.js";
import { optionLabel } from "../../../shared/i18n/options.js";
import { C } from "../palette.js";
import { M, W, clampTo, clampWidth, fade, fitTogether, panel, pill, teamMark, text } from "../ui.js";
import { pop } from "../motion.js";

export class Reveal extends BoardScene {
  private step = 0;
  private seen = "";
  /** The view the trainer last chose in the console (state.boardView): a change there wins over Space. */
  private chosen = 0;
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
    // (the wall's view, 2, is drawn by the Wall scene; back here it shows the responses and the reflection)
    const view = Math.min(1, s.boardView);
    if (key !== this.seen) [this.seen, this.step, this.chosen] = [key, view, s.boardView];
    if (s.boardView !== this.chosen) [this.step, this.chosen] = [view, s.boardView];
    return `${this.step}${key}`;
  }
  protected draw(s: BoardState) {
    const r = s.reveal;
    if (!r) return;
    const { t, c } = store;
    text(this, M, 30, `${c.phases.reveal} · ${t.cardOf(r.round + 1, s.roundCount)}`, { size: 36, color: C.muted });
    text(this, M, 72, say(r.card.title, store.lang), { size: 52, bold: true, maxW: W - 2 * M - 560 });
    pill(this, W - M - 540, 72, `${t.condition}: ${c.conditions[r.card.condition]}`, C.condition[r.card.condition], { size: 34, maxW: 470 });
    // the cues in the narrative that show the condition: what the class discusses
    // (on the results view; the responses view needs the room for the four options and the reflection)
    if (this.step === 0) {
      const also = r.card.alsoCondition ? ` (${c.conditions[r.card.alsoCondition]} ✓½)` : "";
      text(this, M, 136, `${t.conditionWhy}: ${say(r.card.conditionReason, store.lang)}${also}`, { size: 28, color: C.text, width: W - 2 * M, maxH: 74, minSize: 22 });
      this.results(r);
    } else this.options(r);
  }
  private results(r: RevealView) {
    const { t, c } = store;
    // the columns: team, diagnosis, choice, roles and reason, points (right-aligned at `right`)
    const X = { diagnosis: 400, choice: 710, detail: 1020 };
    const right = W - M - 24;
    /** Between a column's text and the next column, and after a pill: a gap the class sees. */
    const GAP = 24;
    const PILL_GAP = 20;
    const head = { size: 30, color: C.muted };
    [[M, t.waitingTeams], [X.diagnosis, t.diagnosisHead], [X.choice, t.choice], [X.detail, `${t.roles} · ${t.reason}`]].forEach(([x, s]) => text(this, x as number, 214, s as string, { ...head, maxW: 290 }));
    text(this, W - M, 214, t.pointsHead, { ...head, align: "right" });
    const rowH = Math.min(190, (1036 - 256) / Math.max(1, r.results.length));
    const h = rowH - 12;
    // tall rows (up to six teams) put the roles above the reason and the points' breakdown beside the points
    const wide = h >= 110;
    const rows = r.results.map((res, i) => {
      const y = 256 + i * rowH;
      const best = res.choice !== null && r.best.includes(res.choice);
      const objs: Phaser.GameObjects.GameObject[] = [panel(this, M, y, W - 2 * M, h, C.panel, best ? C.goodN : undefined, 14)];
      const mark = Math.min(64, h - 16);
      objs.push(...teamMark(this, M + 16, y + (h - mark) / 2, res.team, mark));
      objs.push(text(this, M + 32 + mark, y + h / 2, c.team(res.team + 1), { size: 38, bold: true, originY: 0.5, maxW: X.diagnosis - GAP - (M + 32 + mark) }));
      const correct = res.diagnosis !== null && res.diagnosis === r.card.condition;
      const diagnosis = res.diagnosis ? `${correct ? "✓ " : ""}${c.conditions[res.diagnosis]}` : t.noDiagnosis;
      objs.push(...this.cell(X.diagnosis, y + h / 2, X.choice - PILL_GAP, diagnosis, correct ? C.goodN : C.panelHi));
      const choice = res.choice ? `${best ? "★ " : ""}${c.primes[res.choice]}` : t.noChoice;
      objs.push(...this.cell(X.choice, y + h / 2, X.detail - PILL_GAP, choice, best ? C.goodN : C.panelHi));
      const pts = text(this, right, y + h / 2, `${res.points >= 0 ? "+" : ""}${res.points}`, { size: Math.min(64, h - 20), bold: true, align: "right", originY: 0.5 });
      objs.push(pts);
      // diagnosis, response and collaboration, one under the other, read as the sum the points are
      const sum = wide
        ? text(this, right, y + h / 2, [t.diagnosisPts(res.diagnosisPoints), t.responsePts(res.responsePoints), t.collabPts(res.collabPoints)].join("\n"), { size: 24, color: C.muted, align: "right", originY: 0.5, maxH: h - 12, minSize: 18, lineSpacing: 2 })
        : null;
      if (sum) objs.push(sum);
      return { res, y, objs, pts, sum };
    });
    // the points and their breakdown take what their widest row needs; the reasons get the rest of the row
    const ptsW = Math.max(0, ...rows.map(({ pts }) => pts.width));
    const sumRight = right - ptsW - GAP;
    const sumW = Math.max(0, ...rows.map(({ sum }) => sum?.width ?? 0));
    rows.forEach(({ sum }) => sum?.setX(sumRight));
    const detailW = (wide ? sumRight - sumW : right - ptsW) - GAP - X.detail;
    const details = rows.map(({ res, y, objs }) => {
      const roles = res.rolesCommitted.length ? res.rolesCommitted.map((x) => c.roles[x]).join(", ") : t.noRoles;
      const quoted = res.reason ? `“${res.reason}”` : "";
      const detail = quoted ? `${roles}${wide ? "\n" : " — "}${quoted}` : roles;
      const d = text(this, X.detail, y + h / 2, detail, { size: Math.min(34, wide ? 34 : h / 2 - 6), width: detailW, originY: 0.5 });
      objs.push(d);
      return { t: d, maxH: h - 12 };
    });
    fitTogether(details, 20);
    // ten teams and a long reason: what still does not fit its row is cut short (at a word, with "…"), never printed over the next
    details.forEach(({ t: d, maxH }) => clampTo(d, maxH));
    rows.forEach(({ objs, pts }, i) => {
      fade(this, objs, 300 + i * 650);
      // the points land a moment after the row
      pop(this, pts, 300 + i * 650 + 300, 1.6);
    });
    this.time.delayedCall(300 + r.results.length * 650 + 9000, () => {
      this.step = 1;
      this.refresh();
    });
  }
  /** A pill centred on `cy` from `x`, its text shrunk so that the whole pill ends before `end`. */
  private cell(x: number, cy: number, end: number, label: string, fill: number): Phaser.GameObjects.GameObject[] {
    const size = 32;
    const p = pill(this, x, cy, label, fill, { size, maxW: end - x - size * 1.2 });
    for (const o of p.objects as (Phaser.GameObjects.GameObject & { y: number })[]) o.y -= p.h / 2;
    return p.objects;
  }
  private options(r: RevealView) {
    const { t, c } = store;
    const rowH = 172;
    const h = rowH - 12;
    const opts = r.card.options.map((o, i) => {
      const y = 166 + i * rowH;
      const best = r.best.includes(o.prime);
      const objs: Phaser.GameObjects.GameObject[] = [panel(this, M, y, W - 2 * M, h, best ? C.panelHi : C.panel, best ? C.goodN : undefined, 14)];
      objs.push(text(this, M + 24, y + 10, optionLabel(i, c.primes[o.prime]), { size: 38, bold: true, maxW: 290, minSize: 24 }));
      objs.push(text(this, M + 24, y + 60, c.points(o.points), { size: 32, color: C.muted }));
      if (best) objs.push(...pill(this, M + 24, y + h - 54, `★ ${t.best}`, C.goodN, { size: 26 }).objects);
      r.results.filter((res) => res.choice === o.prime).forEach((res, k) => {
        objs.push(...teamMark(this, 1520 + (k % 5) * 58, y + 12 + Math.floor(k / 5) * 58, res.team, 50));
      });
      const opt = text(this, 400, y + 8, say(o.text, store.lang), { size: 34, bold: true, width: 1100 });
      objs.push(opt);
      return { o, y, objs, opt };
    });
    fitTogether(opts.map(({ opt }) => ({ t: opt, maxH: 84 })), 26);
    const reasons = opts.map(({ o, y, objs, opt }) => {
      const why = text(this, 400, opt.y + opt.height + 2, say(o.reason, store.lang), { size: 32, color: C.muted, width: 1100 });
      objs.push(why);
      return { t: why, maxH: y + h - 6 - why.y };
    });
    fitTogether(reasons, 22);
    reasons.forEach(({ t: why, maxH }) => clampTo(why, maxH));
    opts.forEach(({ objs }, i) => fade(this, objs, i * 200));
    const y = 166 + 4 * rowH + 2;
    panel(this, M, y, W - 2 * M, 1034 - y, C.panel, C.amberN, 18);
    const label = text(this, M + 30, y + 16, t.reflection, { size: 32, color: C.amber, bold: true });
    const value = `${t.value}: ${c.values[r.card.value]}${r.card.behaviour ? ` — ${say(r.card.behaviour, store.lang)}` : ""}`;
    // a long behaviour (Loyal's is a whole sentence) shrinks, then is cut short: it never runs over the label
    const room = W - 2 * M - 60 - label.width - 40;
    clampWidth(text(this, W - M - 30, y + 16, value, { size: 32, color: C.muted, align: "right", maxW: room, minSize: 22 }), room);
    text(this, M + 30, y + 62, say(r.card.reflection, store.lang), { size: 42, bold: true, width: W - 2 * M - 60, maxH: 1034 - y - 72, minSize: 28 });
  }
  protected describe(s: BoardState) {
    const r = s.reveal;
    if (!r) return [];
    const { t, c } = store;
    return [
      say(r.card.title, store.lang),
      `${t.condition}: ${c.conditions[r.card.condition]} — ${say(r.card.conditionReason, store.lang)}`,
      ...r.results.map((res) => {
        const roles = res.rolesCommitted.map((x) => c.roles[x]).join(", ") || t.noRoles;
        const choice = res.choice ? c.primes[res.choice] : t.noChoice;
        const diagnosis = res.diagnosis ? c.conditions[res.diagnosis] : t.noDiagnosis;
        return `${c.team(res.team + 1)}: ${diagnosis} · ${choice} · ${roles}${res.reason ? ` · “${res.reason}”` : ""} · ${c.points(res.points)}`;
      }),
      `${t.bestResponse}: ${r.best.map((p) => c.primes[p]).join(", ")}`,
      ...r.card.options.map((o, i) => `${optionLabel(i, c.primes[o.prime])} (${c.points(o.points)}): ${say(o.reason, store.lang)}`),
      `${t.reflection}: ${say(r.card.reflection, store.lang)}`,
      `${t.value}: ${c.values[r.card.value]}`,
    ];
  }
}
