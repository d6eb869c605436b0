// Scoreboard: teams ranked by score with growing bars (top 8 when many teams).
import * as Phaser from "phaser";
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState, type TeamSnap } from "../store.js";
import { C } from "../palette.js";
import { placesOf } from "../../../shared/rules/ranking.js";
import { teamColour } from "../palette.js";
import { M, W, panel, teamMark, text } from "../ui.js";

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
    return s.reveal?.results.find((r) => r.team === team)?.points;
  }
  protected draw(s: BoardState) {
    const { t, c } = store;
    text(this, M, 40, t.scoreboard, { size: 72, bold: true });
    const rows = ranked(s.teams);
    const sub = [t.afterCard(s.round + 1, s.roundCount), rows.length > TOP ? t.topOf(TOP, rows.length) : ""].filter(Boolean).join(" · ");
    text(this, W - M, 66, sub, { size: 40, color: C.muted, align: "right" });
    const shown = rows.slice(0, TOP);
    const max = Math.max(1, ...shown.map((r) => r.team.score));
    const rowH = Math.min(140, (1040 - 170) / Math.max(1, shown.length));
    shown.forEach(({ team, rank }, i) => {
      const y = 170 + i * rowH;
      const h = rowH - 14;
      panel(this, M, y, W - 2 * M, h, C.panel, undefined, 14);
      text(this, M + 24, y + h / 2, t.rank(rank), { size: 52, bold: true, originY: 0.5 });
      teamMark(this, M + 140, y + (h - 64) / 2, team.index, 64);
      text(this, M + 224, y + h / 2, c.team(team.index + 1), { size: 44, bold: true, originY: 0.5, maxW: 300 });
      const barX = 620;
      const barW = 820 * Math.max(0.01, team.score / max);
      const bar = this.add.graphics({ x: barX, y: y + h / 2 - 22 });
      bar.fillStyle(teamColour(team.index), 1).fillRoundedRect(0, 0, barW, 44, 10);
      bar.scaleX = 0;
      this.tweens.add({ targets: bar, scaleX: 1, duration: 900, delay: 200 + i * 120, ease: Phaser.Math.Easing.Cubic.Out });
      const d = this.delta(s, team.index);
      if (d !== undefined) text(this, W - M - 170, y + h / 2, t.thisRound(d), { size: 30, color: C.muted, align: "right", originY: 0.5 });
      text(this, W - M - 24, y + h / 2, String(team.score), { size: 60, bold: true, align: "right", originY: 0.5 });
    });
  }
  protected describe(s: BoardState) {
    const { c } = store;
    return ranked(s.teams).slice(0, TOP).map(({ team, rank }) => `${rank}. ${c.team(team.index + 1)}: ${c.points(team.score)}`);
  }
}
