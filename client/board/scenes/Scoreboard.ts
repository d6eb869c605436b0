// Scoreboard: teams ranked by score (top 8 when many teams). With motion the
// rows enter in the order before this card's points, the bars grow and the
// scores count up, then the rows move to their new places (client/board/motion.ts).
import type * as Phaser from "phaser";
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState, type TeamSnap } from "../store.js";
import { C } from "../palette.js";
import { placesOf } from "../../../shared/rules/ranking.js";
import { teamColour } from "../palette.js";
import { M, W, panel, teamMark, text } from "../ui.js";
import { calm, count, enter, grow, pop, to } from "../motion.js";

const TOP = 8;

/** Teams in the one ranking (shared/rules/ranking.ts): the board, the phones and the report agree. */
export const ranked = (teams: TeamSnap[]): { team: TeamSnap; rank: number }[] => placesOf(teams);

export class Scoreboard extends BoardScene {
  constructor() {
    super("Scoreboard");
  }
  protected sliceOf(s: BoardState) {
    return JSON.stringify([s.round, s.teams.map((t) => t.score), s.reveal?.round]);
  }
  private delta(s: BoardState, team: number) {
    return s.reveal?.round === s.round ? s.reveal.results.find((r) => r.team === team)?.points : undefined;
  }
  protected draw(s: BoardState) {
    const { t, c } = store;
    text(this, M, 40, t.scoreboard, { size: 72, bold: true });
    const rows = ranked(s.teams);
    const sub = [t.afterCard(s.round + 1, s.roundCount), rows.length > TOP ? t.topOf(TOP, rows.length) : ""].filter(Boolean).join(" · ");
    text(this, W - M, 66, sub, { size: 40, color: C.muted, align: "right" });
    // The order before this card's points: the rows start there, the bars at their old length,
    // then the bars grow, the scores count up and the rows move to their new places.
    const before = placesOf(s.teams.map((team) => ({ ...team, score: team.score - (this.delta(s, team.index) ?? 0) })));
    const oldPlace = new Map(before.map(({ team, rank }) => [team.index, { rank, score: team.score }]));
    const shown = rows.slice(0, TOP);
    const max = Math.max(1, ...shown.map((r) => r.team.score));
    const rowH = Math.min(140, (1040 - 170) / Math.max(1, shown.length));
    const GROW = 500 + shown.length * 80;
    const MOVE = GROW + 1100;
    shown.forEach(({ team, rank }, i) => {
      const y = 170 + i * rowH;
      const h = rowH - 14;
      const old = oldPlace.get(team.index) ?? { rank, score: team.score };
      const objs: Phaser.GameObjects.GameObject[] = [panel(this, M, y, W - 2 * M, h, C.panel, undefined, 14)];
      const rankText = text(this, M + 24, y + h / 2, t.rank(rank), { size: 52, bold: true, originY: 0.5 });
      objs.push(rankText, ...teamMark(this, M + 140, y + (h - 64) / 2, team.index, 64));
      objs.push(text(this, M + 224, y + h / 2, c.team(team.index + 1), { size: 44, bold: true, originY: 0.5, maxW: 300 }));
      const barX = 620;
      const barW = 820 * Math.max(0.01, team.score / max);
      const oldW = 820 * Math.max(0.01, Math.min(max, old.score) / max);
      const bar = this.add.graphics({ x: barX, y: y + h / 2 - 22 });
      bar.fillStyle(teamColour(team.index), 1).fillRoundedRect(0, 0, barW, 44, 10);
      objs.push(bar);
      const d = this.delta(s, team.index);
      let deltaText: Phaser.GameObjects.Text | undefined;
      if (d !== undefined) objs.push((deltaText = text(this, W - M - 170, y + h / 2, t.thisRound(d), { size: 30, color: C.muted, align: "right", originY: 0.5 })));
      const score = text(this, W - M - 24, y + h / 2, String(team.score), { size: 60, bold: true, align: "right", originY: 0.5 });
      objs.push(score);

      // at the old place (off the screen below when the team was not in the list) …
      const from = 170 + (old.rank - 1) * rowH;
      const shift = calm() ? 0 : from - y;
      const movers = objs as (Phaser.GameObjects.GameObject & { y: number; setDepth(d: number): unknown })[];
      for (const o of movers) o.y += shift;
      enter(this, objs, 120 + i * 60, { dy: 0, duration: 350 });
      // … the bar grows and the score counts up …
      grow(this, bar, "x", oldW / barW, GROW + i * 60);
      count(this, score, old.score, team.score, String, GROW + i * 60);
      if (deltaText) pop(this, deltaText, GROW + 600 + i * 60);
      // … then the row moves to its new place (those going up pass in front)
      if (shift) {
        for (const o of movers) {
          o.setDepth(shift > 0 ? 2 : 1);
          to(this, o, { y: o.y - shift }, { delay: MOVE, duration: 800, ease: "Cubic.easeInOut" });
        }
        rankText.setText(t.rank(old.rank));
        count(this, rankText, old.rank, rank, t.rank, MOVE, 800);
      }
    });
  }
  protected describe(s: BoardState) {
    const { c } = store;
    return ranked(s.teams).slice(0, TOP).map(({ team, rank }) => `${rank}. ${c.team(team.index + 1)}: ${c.points(team.score)}`);
  }
}

