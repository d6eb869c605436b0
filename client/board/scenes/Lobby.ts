// Lobby: the room code, the QR code of the join URL and the teams filling up.
// With motion (client/board/motion.ts) the team cards come in, and a card
// lights up in its team's colour when someone joins it.
import { encode } from "uqr";
import { BoardScene } from "./BoardScene.js";
import { store, type BoardState, type TeamSnap } from "../store.js";
import { say } from "../../../shared/vuca.js";
import { C } from "../palette.js";
import { M, W, panel, teamMark, text } from "../ui.js";
import { teamColour } from "../palette.js";
import { enter, flash, pop } from "../motion.js";

const joinLink = (s: BoardState) => `${store.joinUrl || location.origin}/j/${s.code}`;

export class Lobby extends BoardScene {
  /** The members already on screen (by id): one who joins since pops in. Null before the first draw. */
  private seen: Set<string> | null = null;
  constructor() {
    super("Lobby");
  }
  override create() {
    this.seen = null;
    super.create();
  }
  protected sliceOf(s: BoardState) {
    return JSON.stringify([s.code, s.packTitle, store.joinUrl, s.teams.map((t) => t.members.map((m) => m.name))]);
  }
  protected draw(s: BoardState) {
    const { t } = store;
    text(this, M, 36, t.title, { size: 44, bold: true });
    text(this, W - M, 40, say(s.packTitle ?? undefined, store.lang), { size: 40, color: C.muted, align: "right", maxW: 1250 });
    const two = s.teams.length > 5;
    const top = two ? 410 : 470; // the code and the QR give room to a second row of teams
    panel(this, M, 120, 1250, top);
    text(this, 100, 140, t.roomCode, { size: 44, color: C.muted });
    text(this, 100, two ? 180 : 190, s.code, { size: two ? 190 : 230, bold: true }).setLetterSpacing(36);
    text(this, 100, top + 120 - 128, t.joinHow, { size: 40, color: C.muted });
    text(this, 100, top + 120 - 74, joinLink(s), { size: 52, bold: true, maxW: 1180 });
    this.qr(joinLink(s), W - M - top, 120, top);
    const total = s.teams.reduce((n, team) => n + team.members.length, 0);
    text(this, M, top + 140, `${t.waitingTeams} · ${t.members(total)}`, { size: 40, color: C.muted });
    const cols = two ? Math.ceil(s.teams.length / 2) : Math.max(1, s.teams.length);
    const cw = (W - 2 * M - (cols - 1) * 24) / cols;
    const y0 = top + 200;
    const ch = two ? (1044 - y0 - 16) / 2 : 1044 - y0;
    const first = this.seen === null;
    const seen = this.seen ?? new Set<string>();
    s.teams.forEach((team, i) => {
      const at = this.children.list.length;
      this.teamCard(team, M + (i % cols) * (cw + 24), y0 + Math.floor(i / cols) * (ch + 16), cw, ch, two, first ? null : seen);
      if (first) enter(this, this.children.list.slice(at), 200 + i * 70, { dy: 40 });
    });
    this.seen = new Set(s.teams.flatMap((team) => team.members.map((m) => m.id)));
  }
  private qr(url: string, x: number, y: number, size: number) {
    const { data } = encode(url, { ecc: "M", border: 0 });
    const g = this.add.graphics();
    g.fillStyle(0xffffff, 1).fillRoundedRect(x, y, size, size, 18);
    const cell = Math.floor((size - 48) / data.length);
    const off = (size - cell * data.length) / 2;
    g.fillStyle(0x000000, 1);
    data.forEach((row, r) => row.forEach((on, c) => on && g.fillRect(x + off + c * cell, y + off + r * cell, cell, cell)));
  }
  /** A team's card; `seen` (null on the first draw) holds the members already shown: a newcomer lights the card up. */
  private teamCard(team: TeamSnap, x: number, y: number, w: number, h: number, compact: boolean, seen: Set<string> | null) {
    const { t, c } = store;
    const fresh = seen ? team.members.filter((m) => !seen.has(m.id)).map((m) => m.id) : [];
    if (fresh.length) {
      const halo = this.add.graphics();
      halo.fillStyle(teamColour(team.index), 1).fillRoundedRect(x - 8, y - 8, w + 16, h + 16, 24);
      flash(this, halo);
    }
    panel(this, x, y, w, h, C.panel);
    teamMark(this, x + 18, y + 18, team.index, 60);
    const count = team.members.length ? t.members(team.members.length) : t.nobodyYet;
    const names = team.members.map((m) => m.name);
    if (compact) {
      text(this, x + 92, y + 14, c.team(team.index + 1), { size: 36, bold: true, maxW: w - 110 });
      const n = text(this, x + 92, y + 58, count, { size: 28, color: C.muted, maxW: w - 110 });
      text(this, x + 20, y + 100, names.join(", "), { size: 30, width: w - 40, maxH: h - 106, minSize: 22 });
      if (fresh.length) pop(this, n, 0, 1.3);
      return;
    }
    // name and count on two lines: a count beside the name collides on narrow cards ("Belum ada peserta")
    text(this, x + 92, y + 12, c.team(team.index + 1), { size: 40, bold: true, maxW: w - 110 });
    const n = text(this, x + 92, y + 62, count, { size: 32, color: C.muted, maxW: w - 110, minSize: 24 });
    if (fresh.length) pop(this, n, 0, 1.3);
    const fit = Math.floor((h - 120) / 50);
    const shown = names.length > fit ? names.slice(0, fit - 1).concat(t.more(names.length - fit + 1)) : names;
    shown.forEach((name, i) => {
      const line = text(this, x + 24, y + 118 + i * 50, name, { size: 40, maxW: w - 48, minSize: 28 });
      const id = team.members[i]?.id;
      if (id && fresh.includes(id) && names.length <= fit) enter(this, [line], 0, { dx: -40, dy: 0 });
    });
  }
  protected describe(s: BoardState) {
    const { t, c } = store;
    return [
      say(s.packTitle ?? undefined, store.lang),
      `${t.joinHow} ${joinLink(s)}`,
      ...s.teams.map((team) => `${c.team(team.index + 1)}: ${t.members(team.members.length)}${team.members.length ? " — " + team.members.map((m) => m.name).join(", ") : ""}`),
    ];
  }
}
