// Briefing and deciding: the event card, its four responses (no points), the
// countdown, and per team only how many have sent and whether it has locked.
// With motion (client/board/motion.ts) a new card enters part by part, a
// team's tile lights up in its colour as it locks and its count pops as it grows.
import type * as Phaser from "phaser";
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState, type TeamSnap } from "../store.js";
import { say } from "../../../shared/vuca.js";
import { optionLabel } from "../../../shared/i18n/options.js";
import { C } from "../palette.js";
import { M, clock, padlock, panel, pill, teamMark, text } from "../ui.js";
import { teamColour } from "../palette.js";
import { enter, flash, pop } from "../motion.js";
import { mirrorTimer } from "../live.js";

const LW = 1140; // left column width
const RX = 1240; // right column x
const RW = 620;
/** While deciding, the least room the situation keeps above the responses: two lines at 24 px. */
const NARRATIVE_LEAST = 2 * 30 + 24;

/** Cuts a wrapped text word by word, ending in "…", until it is at most `maxH` tall. */
function clampHeight(t: Phaser.GameObjects.Text, maxH: number): void {
  if (t.height <= maxH) return;
  const words = t.text.split(/\s+/);
  // from about the share of the words that fits, then a word less at a time
  let keep = Math.min(words.length - 1, Math.ceil((words.length * maxH) / t.height) + 1);
  do t.setText(`${words.slice(0, keep).join(" ").replace(/[\s,;:.–-]+$/, "")} …`);
  while (t.height > maxH && --keep > 1);
}

export class Deciding extends BoardScene {
  private timer?: Phaser.GameObjects.Text;
  private pause?: Phaser.GameObjects.Text;
  /** The card last drawn, and each team's sent count and lock then: what changed since moves. */
  private drawn = { card: "", sent: new Map<number, number>(), locked: new Set<number>() };
  constructor() {
    super("Deciding");
  }
  protected sliceOf(s: BoardState) {
    return JSON.stringify([s.phase, s.card?.id, s.roundCount, s.teams.map((t) => [t.sent, t.members.length, t.locked])]);
  }
  protected draw(s: BoardState) {
    const { t, c } = store;
    const card = s.card;
    if (!card) return;
    // a new card enters: its head, then the responses one by one, the timer and the teams
    const fresh = this.drawn.card !== card.id;
    if (fresh) this.drawn = { card: card.id, sent: new Map(), locked: new Set() };
    const mark = () => this.children.list.length;
    const since = (n: number) => this.children.list.slice(n);
    const head = mark();
    const top = text(this, M, 44, t.cardOf(s.round + 1, s.roundCount), { size: 40, color: C.muted });
    // The condition only when the trainer shows it: otherwise it is for the teams to read.
    if (card.condition) pill(this, M + top.width + 30, 36, `${t.condition}: ${c.conditions[card.condition]}`, C.condition[card.condition], { size: 38 });
    const icon = card.icon && /[^\x00-\x7f]/.test(card.icon) ? card.icon : "";
    if (icon) text(this, M, 124, icon, { size: 96 });
    const ix = icon ? M + 140 : M;
    const title = text(this, ix, 128, say(card.title, store.lang), { size: 60, bold: true, width: LW - (ix - M), maxH: 150, minSize: 44 });
    const cardTop = Math.max(title.y + title.height, icon ? 250 : 0) + 14;
    // Rows as tall as their text needs (a long option gets more room than a
    // short one); the font shrinks together only when all four cannot fit.
    const BOTTOM = 1040;
    const GAP = 14;
    const PAD = 22;
    const LABEL_H = 52;
    // a letter alone needs a narrow label column; "A · Kejelasan" (condition shown) a wide one
    const labelW = card.options.some((o) => o.prime) ? 270 : 90;
    const texts = card.options.map((o) => text(this, M + labelW, 0, say(o.text, store.lang), { size: 38, width: LW - labelW - 20 }).setDepth(1));
    const needs = () => texts.map((t) => Math.max(t.height, LABEL_H) + PAD + GAP);
    const total = () => needs().reduce((a, b) => a + b, 0);
    let size = 38;
    const setOptionSize = (n: number) => {
      size = n;
      texts.forEach((t) => t.setFontSize(n).setLineSpacing(Math.round(n * 0.15)));
    };
    const fitOptions = (avail: number, floor: number) => {
      while (size > floor && total() > avail) setOptionSize(size - 2);
    };
    let narrative: Phaser.GameObjects.Text;
    if (s.phase === "deciding") {
      // While teams decide, the responses come first: they keep at least 30 px
      // (read from the back of the room) and the situation, read out in the
      // briefing and whole on every phone, gives way: smaller, down to 24 px,
      // then cut short with "…".
      narrative = text(this, M, cardTop, say(card.narrative, store.lang), { size: 34, width: LW, color: C.muted });
      const fits = () => {
        const avail = BOTTOM - cardTop - narrative.height - 24;
        setOptionSize(38);
        fitOptions(avail, 30);
        return total() <= avail;
      };
      let narrativeSize = 34;
      let fit = fits();
      while (!fit && narrativeSize > 24) {
        narrativeSize -= 2;
        narrative.setFontSize(narrativeSize).setLineSpacing(Math.round(narrativeSize * 0.15));
        fit = fits();
      }
      if (!fit) clampHeight(narrative, Math.max(NARRATIVE_LEAST, BOTTOM - cardTop - total() - 24));
    } else {
      narrative = text(this, M, cardTop, say(card.narrative, store.lang), { size: 38, width: LW, maxH: 220, minSize: 30, color: C.muted });
    }
    const y = narrative.y + narrative.height + 24;
    const avail = BOTTOM - y;
    fitOptions(avail, 24);
    const need = needs();
    const spare = Math.max(0, (avail - need.reduce((a, b) => a + b, 0)) / need.length);
    let oy = y;
    const headObjs = since(head).filter((o) => !texts.includes(o as Phaser.GameObjects.Text));
    const rows = card.options.map((o, i) => {
      const h = need[i]! + spare;
      const at = mark();
      panel(this, M, oy, LW, h - GAP, C.panel);
      text(this, M + 20, oy + 12, optionLabel(i, o.prime ? c.primes[o.prime] : undefined), { size: 38, bold: true, maxW: labelW - 30 }).setDepth(1);
      texts[i]!.setY(oy + 10);
      oy += h;
      return [...since(at), texts[i]!];
    });
    const clockAt = mark();
    this.drawTimer(s);
    const clockObjs = since(clockAt);
    const teamRows = this.drawTeams(s.teams);
    if (!fresh) return;
    enter(this, headObjs, 0, { dy: 40 });
    rows.forEach((objs, i) => enter(this, objs, 250 + i * 140, { dx: -80, dy: 0 }));
    enter(this, clockObjs, 150, { dy: -30 });
    teamRows.forEach((objs, i) => enter(this, objs, 400 + i * 50, { dx: 80, dy: 0, duration: 350 }));
  }
  private drawTimer(s: BoardState) {
    const { t } = store;
    panel(this, RX, 36, RW, 236, C.panel);
    const deciding = s.phase === "deciding";
    text(this, RX + RW / 2, 46, deciding ? t.timeLeft : t.discuss, { size: 34, color: C.muted, align: "center", maxW: RW - 40 });
    this.timer = text(this, RX + RW / 2, 84, clock(deciding ? s.timeLeft : s.roundSeconds), { size: 112, bold: true, align: "center" });
    this.pause = text(this, RX + RW / 2, 246, "", { size: 34, bold: true, align: "center", color: C.amber, originY: 0.5, maxW: RW - 40 });
    if (!deciding) this.pause.setText(t.decide).setColor(C.muted);
  }
  protected override tick(s: BoardState) {
    if (!this.timer || !this.pause || s.phase !== "deciding") return;
    this.timer.setText(clock(s.timeLeft)).setColor(s.timeLeft < 30 ? C.amber : C.text);
    this.pause.setText(s.paused ? `❚❚ ${store.t.paused}` : "");
    mirrorTimer(s.paused ? store.t.paused : clock(s.timeLeft));
  }
  /** The teams' tiles; a tile lights up as its team locks, a count pops as it grows. Returns each row's objects. */
  private drawTeams(teams: TeamSnap[]): Phaser.GameObjects.GameObject[][] {
    const { t, c } = store;
    text(this, RX, 282, t.teamStatus, { size: 36, color: C.muted });
    const rowH = Math.min(130, (1064 - 334) / Math.max(1, teams.length));
    const two = rowH >= 116;
    const { sent: sentBefore, locked: lockedBefore } = this.drawn;
    const rows = teams.map((team, i) => {
      const at = this.children.list.length;
      const y = 334 + i * rowH;
      const h = rowH - 10;
      panel(this, RX, y, RW, h, team.locked ? C.panelHi : C.panel, team.locked ? C.goodN : undefined, 14);
      const mark = Math.min(64, h - 16);
      teamMark(this, RX + 14, y + (h - mark) / 2, team.index, mark);
      const x = RX + 30 + mark;
      const sent = c.sentOf(team.sent, team.members.length);
      let sentText: Phaser.GameObjects.Text;
      if (two) {
        text(this, x, y + h / 2 - 2, c.team(team.index + 1), { size: 36, bold: true, originY: 1, maxW: RW - mark - 300 });
        sentText = text(this, x, y + h / 2 + 2, sent, { size: 36, maxW: RW - mark - 300 });
      } else sentText = text(this, x, y + h / 2, sent, { size: Math.min(38, h - 14), originY: 0.5, maxW: RW - mark - 300 });
      const seen = sentBefore.has(team.index);
      const grew = seen && team.sent > sentBefore.get(team.index)!;
      sentBefore.set(team.index, team.sent);
      if (grew) pop(this, sentText, 0, 1.2);
      const objs = this.children.list.slice(at);
      if (!team.locked) {
        lockedBefore.delete(team.index);
        return objs;
      }
      const size = Math.min(44, h - 20);
      padlock(this, RX + RW - 240, y + (h - size) / 2, size, C.goodN);
      const locked = text(this, RX + RW - 186, y + h / 2, c.locked, { size: Math.min(38, h - 14), bold: true, color: C.good, originY: 0.5, maxW: 170 });
      if (seen && !lockedBefore.has(team.index)) {
        // it locked just now: the tile lights up in the team's colour (a halo, and a tint the text reads through) and fades back
        const halo = this.add.graphics().setDepth(-1);
        halo.fillStyle(teamColour(team.index), 1).fillRoundedRect(RX - 10, y - 10, RW + 20, h + 20, 22);
        const tint = this.add.graphics().setDepth(2);
        tint.fillStyle(teamColour(team.index), 1).fillRoundedRect(RX, y, RW, h, 14);
        flash(this, halo);
        flash(this, tint, 0, 0.35);
        pop(this, locked, 0, 1.5);
      }
      lockedBefore.add(team.index);
      return this.children.list.slice(at);
    });
    return rows;
  }
  protected describe(s: BoardState) {
    const { t, c } = store;
    const card = s.card;
    if (!card) return [];
    return [
      t.cardOf(s.round + 1, s.roundCount),
      say(card.title, store.lang),
      card.condition ? `${t.condition}: ${c.conditions[card.condition]}` : "",
      ...card.options.map((o, i) => `${optionLabel(i, o.prime ? c.primes[o.prime] : undefined)}: ${say(o.text, store.lang)}`),
      s.paused ? t.paused : "",
      ...s.teams.map((team) => `${c.team(team.index + 1)}: ${c.sentOf(team.sent, team.members.length)}${team.locked ? ` 🔒 ${c.locked}` : ""}`),
    ];
  }
}
