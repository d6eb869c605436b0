// The board's one source of truth: a plain snapshot of the room state, the
// connection status and the chosen language. Scenes read it and redraw.
import type { WallMessage } from "../../shared/protocol/messages.js";
import type { CardView, RevealView, SummaryView, TextsMessage } from "../../shared/protocol/wire.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";
import { Countdown } from "../lib/countdown.js";
import { RoomTexts } from "../lib/room-texts.js";
import type { Phase } from "../../shared/rules/types.js";
import type { Text } from "../../shared/vuca.js";
import { common, type Lang } from "../../shared/i18n/common.js";
import { board } from "../../shared/i18n/board.js";
import { STORAGE } from "../../shared/constants.js";
import { localGet } from "../lib/storage.js";

export interface MemberSnap {
  id: string;
  name: string;
  connected: boolean;
}
export interface TeamSnap {
  index: number;
  members: MemberSnap[];
  sent: number;
  locked: boolean;
  score: number;
  totalLockMs: number;
}
export interface BoardState {
  code: string;
  packTitle: Text | null;
  phase: Phase;
  round: number;
  roundCount: number;
  roundSeconds: number;
  timeLeft: number;
  paused: boolean;
  /** The reveal's view the trainer chose in the console (0 results, 1 responses and reflection). */
  boardView: number;
  /** The sound level the trainer set (0 silent … 10). */
  volume: number;
  /** The board may move (the console's "Gerak"; calm when false, see motion.ts). */
  motion: boolean;
  teams: TeamSnap[];
  card: CardView | null;
  reveal: RevealView | null;
  summary: SummaryView | null;
}

/** What the board shows when it has no room to show. */
export type Notice =
  | { kind: "connecting" | "noCode" | "ended" }
  /** Saved but not running (the server restarted): the board keeps trying until the trainer resumes it. */
  | { kind: "waiting" }
  /** The trainer closed the session and deleted its data. */
  | { kind: "closed" }
  | { kind: "notFound"; code: string }
  | { kind: "error"; text: string };
export type Conn = "ok" | "reconnecting" | "lost";

/** The JSON of a synced string field (packTitle), or null when it is empty or not JSON. */
function parseJson<T>(json: string): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

export function snapshot(view: RoomStateView, texts: RoomTexts, countdown?: Countdown): BoardState {
  const packTitle = parseJson<Text>(view.packTitle);
  return {
    code: view.code,
    packTitle: packTitle ?? (view.packTitle ? { id: view.packTitle } : null),
    phase: view.phase,
    round: view.round,
    roundCount: view.roundCount,
    roundSeconds: view.roundSeconds,
    timeLeft: countdown ? countdown.read(view) : view.timeLeft,
    paused: view.paused,
    boardView: view.boardView ?? 0,
    volume: view.volume ?? 6,
    motion: view.boardMotion !== false,
    teams: Array.from(view.teams, (t) => ({
      index: t.index,
      members: Array.from(t.members, (m) => ({ id: m.id, name: m.name, connected: m.connected })),
      sent: t.sent,
      locked: t.locked,
      score: t.score,
      totalLockMs: t.totalLockMs,
    })),
    card: texts.card(view),
    reveal: texts.reveal(view),
    summary: texts.summary(view),
  };
}

function pickLang(): Lang {
  const q = new URLSearchParams(location.search).get("lang");
  if (q === "en" || q === "id") return q;
  return localGet(STORAGE.lang) === "en" ? "en" : "id";
}

class Store {
  state: BoardState | null = null;
  notice: Notice = { kind: "connecting" };
  conn: Conn = "ok";
  joinUrl = "";
  readonly lang: Lang = pickLang();
  readonly t = board[this.lang];
  readonly c = common[this.lang];
  /** Card titles seen during the session, by event id (the final summary names events by id). */
  readonly titles = new Map<string, Text>();
  private listeners = new Set<() => void>();
  /** The scene the router wants on screen; a scene still shutting down must not draw or mirror. */
  scene = "";

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  private emit(): void {
    // a listener removed during this round (a scene stopped by the router) is not called
    for (const fn of [...this.listeners]) if (this.listeners.has(fn)) fn();
  }
  /** The class's anonymous wall (the closing reflection), once the game is final. */
  wall: WallMessage | null = null;
  takeWall(message: WallMessage): void {
    this.wall = message;
    this.emit();
  }
  /** The room's `texts` messages (card, reveal, summary). */
  readonly texts = new RoomTexts();
  private view: RoomStateView | null = null;

  /** The room patches the seconds left only every few seconds: the board counts down in between. */
  private readonly countdown = new Countdown();
  private ticking = setInterval(() => {
    const view = this.view;
    const s = this.state;
    if (!view || !s || view.phase !== "deciding" || view.paused) return;
    const left = this.countdown.read(view);
    if (left === s.timeLeft) return;
    this.state = { ...s, timeLeft: left };
    this.emit();
  }, 250);

  setState(view: RoomStateView): void {
    this.view = view;
    const s = snapshot(view, this.texts, this.countdown);
    if (s.card) this.titles.set(s.card.id, s.card.title);
    if (s.reveal) this.titles.set(s.reveal.card.id, s.reveal.card.title);
    this.state = s;
    this.emit();
  }
  takeTexts(message: TextsMessage): void {
    this.texts.take(message);
    if (this.view && this.state) this.setState(this.view);
  }
  /** A new Room object: it sends its texts again right after the join. */
  newRoom(): void {
    this.texts.clear();
    this.view = null;
  }
  setNotice(notice: Notice): void {
    this.view = null;
    this.state = null;
    this.notice = notice;
    this.emit();
  }
  setConn(conn: Conn): void {
    if (this.conn === conn) return;
    this.conn = conn;
    this.emit();
  }
  setJoinUrl(url: string): void {
    this.joinUrl = url.replace(/\/+$/, "");
    this.emit();
  }
}

export const store = new Store();
