// Final: the podium for the top three, every team's profile per VUCA
// condition and its collaboration rate, and the hardest cards. With motion
// (client/board/motion.ts) the podium builds up from third place to the
// winner, then the hardest cards and the table come in.
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState } from "../store.js";
import type { TeamSummary } from "../../../shared/rules/types.js";
import { CONDITIONS, say } from "../../../shared/vuca.js";
import { C } from "../palette.js";
import { M, W, panel, teamMark, text } from "../ui.js";
import { enter, grow, pop } from "../motion.js";

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Gold, silver, bronze: the podium's places, apart from the teams' own colours. */
const MEDALS = [0xffb000, 0xc8d0dc, 0xd08a4a];

export class Final extends BoardScene {
  constructor() {
    super("Final");
  }
  protected sliceOf(s: BoardState) {
    return JSON.stringify(s.summary);
  }
  protected draw(s: BoardState) {
    const sum = s.summary;
    if (!sum) return;
    const { t } = store;
    text(this, M, 36, t.finalRanking, { size: 72, bold: true });
    text(this, W - M, 60, say(s.packTitle ?? undefined, store.lang), { size: 40, color: C.muted, align: "right", maxW: 1100 });
    // many teams: a lower podium leaves the table room for a readable row each
    const base = sum.ranking.length > 6 ? 470 : 590;
    const scale = (base - 130) / 460;
    [1, 0, 2].forEach((place, k) => {
      const team = sum.ranking[place];
      if (team) this.podium(team, M + k * 350, base, Math.round(([400, 330, 270][place] ?? 270) * scale));
    });
    // then the hardest cards and the whole table, row by row
    const at = this.children.list.length;
    this.hardest(s, base);
    enter(this, this.children.list.slice(at), 2600, { dx: 60, dy: 0 });
    this.table(sum.ranking, base + 30);
  }
  private podium(team: TeamSummary, x: number, base: number, h: number) {
    const { c } = store;
    // The block is the place (gold, silver, bronze) with its rank; the team is named above it with its
    // own colour square and number, as everywhere else on the board.
    const medal = MEDALS[team.rank - 1] ?? MEDALS[2]!;
    // drawn upward from the base, so that it rises from the floor: third place first, the winner last
    const g = this.add.graphics({ x, y: base });
    g.fillStyle(C.panel, 1).fillRoundedRect(0, -(h - 110), 330, h - 110, 12);
    g.lineStyle(4, medal, 1).strokeRoundedRect(0, -(h - 110), 330, h - 110, 12);
    const rank = text(this, x + 165, base - (h - 110) / 2, String(team.rank), { originY: 0.5, size: Math.min(96, h - 130), bold: true, align: "center", color: `#${medal.toString(16).padStart(6, "0")}` });
    const mark = teamMark(this, x + 8, base - h + 8, team.team, 44);
    const name = text(this, x + 62, base - h + 2, c.team(team.team + 1), { size: 42, bold: true, maxW: 262 });
    const pts = text(this, x + 165, base - h + 54, c.points(team.score), { size: 38, color: C.muted, align: "center" });
    const at = 300 + (3 - team.rank) * 800;
    grow(this, g, "y", 0, at, { duration: 700, ease: "Back.easeOut" });
    enter(this, [rank], at + 350, { dy: 0 });
    pop(this, rank, at + 350, 1.6);
    enter(this, [...mark, name, pts], at + 600, { dy: -40 });
  }
  private hardest(s: BoardState, base: number) {
    const { t } = store;
    const x = 1110;
    const step = (base - 206) / 3;
    panel(this, x, 136, W - M - x, base - 130, C.panel);
    text(this, x + 28, 150, t.hardest, { size: 36, color: C.amber, bold: true });
    (s.summary?.hardestEvents ?? []).slice(0, 3).forEach((ev, i) => {
      const title = store.titles.get(ev.eventId);
      const y = 206 + i * step;
      const name = text(this, x + 28, y, title ? say(title, store.lang) : ev.eventId, { size: 34, bold: true, width: W - M - x - 56, maxH: step - 46, minSize: 24 });
      text(this, x + 28, Math.max(y + 46, name.y + name.height), `${t.cardOf(ev.round + 1, s.roundCount)} · ${t.success(Math.round(ev.successRate * 100))}`, { size: 30, color: C.muted });
    });
  }
  private table(ranking: TeamSummary[], y0: number) {
    const { t, c } = store;
    const cols = [M + 24, 520, 740, 960, 1180, 1400, 1620, W - M - 24];
    const rowH = Math.min(72, (1050 - y0) / (ranking.length + 1));
    const size = Math.min(36, rowH - 22);
    const heads = [t.waitingTeams, t.pointsHead, t.diagnosisCol, ...CONDITIONS.map((k) => c.conditions[k]), t.collaboration];
    heads.forEach((h, i) => text(this, cols[i]!, y0 + rowH / 2, h, { size: Math.min(30, size), color: C.muted, bold: true, originY: 0.5, originX: i === 0 ? 0 : 1, maxW: 200 }));
    ranking.forEach((team, r) => {
      const at = this.children.list.length;
      const y = y0 + (r + 1) * rowH;
      panel(this, M, y + 3, W - 2 * M, rowH - 6, r % 2 ? C.bg : C.panel, undefined, 10);
      const mark = rowH - 16;
      teamMark(this, cols[0]!, y + 8, team.team, mark);
      text(this, cols[0]! + mark + 16, y + rowH / 2, `${team.rank}. ${c.team(team.team + 1)}`, { size, bold: true, originY: 0.5 });
      const diagnosis = team.diagnosisRounds ? `${team.diagnosisRight}/${team.diagnosisRounds}` : "–";
      const cells = [String(team.score), diagnosis, ...CONDITIONS.map((k) => (team.byCondition[k].max ? `${team.byCondition[k].points}/${team.byCondition[k].max}` : "–")), pct(team.collaborationRate)];
      cells.forEach((v, i) => text(this, cols[i + 1]!, y + rowH / 2, v, { size, originY: 0.5, originX: 1, bold: i === 0 }));
      enter(this, this.children.list.slice(at), 2800 + r * 90, { dy: 20, duration: 350 });
    });
  }
  protected describe(s: BoardState) {
    const { t, c } = store;
    const sum = s.summary;
    if (!sum) return [];
    return [
      ...sum.ranking.map((r) => `${r.rank}. ${c.team(r.team + 1)}: ${c.points(r.score)} · ${t.diagnosisCol} ${r.diagnosisRight ?? 0}/${r.diagnosisRounds ?? 0} · ${t.collaboration} ${pct(r.collaborationRate)}`),
      `${t.hardest}: ${sum.hardestEvents.slice(0, 3).map((e) => say(store.titles.get(e.eventId), store.lang) || e.eventId).join(", ")}`,
    ];
  }
}
