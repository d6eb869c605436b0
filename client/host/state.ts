// The console's one state object (client/lib/store.ts): what every screen of
// the console renders from. It changes only through `set`/`store.update`
// (called by ./actions.ts and the connection's callbacks); screens select the
// part they draw with store.watch, which re-renders them only when that part
// changed (deep-equal), in place of hand-made signature strings.
//
// The room's synced state (`room`) is the SDK's live object, patched in place:
// each patch replaces the state object around it, and screens select plain
// data out of it (never the live object itself).
import type { Room } from "@colyseus/sdk";
import type { SaveTrouble, WallMessage } from "../../shared/protocol/messages.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";
import type { Text } from "../../shared/vuca.js";
import type { Pack } from "../../shared/scenario.js";
import type { Lang } from "../../shared/i18n/common.js";
import type { Connection, ConnStatus, JoinFailure } from "../lib/net.js";
import { createStore } from "../lib/store.js";
import { lang } from "../lib/i18n.js";
import type { ReportView, SessionReport, SessionStatus } from "./api.js";

export interface PackInfo {
  id: string;
  title: Text;
  description: Text;
  events: number;
  /** A route's name → how many cards it plays. */
  routes?: Record<string, number>;
}

/** The report screen, when open (over the home screen or the running session). */
export interface ReportState {
  code: string;
  key: string;
  report: SessionReport | null;
  loading: boolean;
  error: string;
}

export type LookupState = "idle" | "loading" | "done" | "failed";

export interface HostState {
  lang: Lang;
  // ---- the create form and the saved sessions (the console's home)
  packs: PackInfo[] | null;
  packsFailed: boolean;
  chosenPack: string;
  teamCount: number;
  roundSeconds: number;
  /** Off by default: teams read the condition themselves (the skill the game trains). */
  showCondition: boolean;
  /** "" = the whole pack, else a route the pack names. */
  chosenRoute: string;
  creating: boolean;
  createError: string;
  /** The server's answer about each saved session (by code). */
  lookup: Record<string, SessionStatus> | null;
  lookupState: LookupState;
  /** A row's action in progress, and its last error sentence (by code). */
  rowBusy: Record<string, "resume" | "delete">;
  rowError: Record<string, string>;
  /** Grows when the list of sessions saved on this device changes (localStorage is not state). */
  storedVersion: number;
  // ---- the card sheet (host.html#cards=PACKID)
  sheet: { packId: string; pack: Pack | null; loading: boolean } | null;
  // ---- the report
  report: ReportState | null;
  reportTab: ReportView;
  // ---- the session
  code: string;
  hostKey: string;
  /** Shown once, right after creating the session. */
  freshLink: string | null;
  status: ConnStatus | "idle";
  failure: JoinFailure | null;
  /** The room's synced state (the SDK's live object), null until joined. */
  room: RoomStateView | null;
  /** Grows with every texts message (card, reveal, summary). */
  texts: number;
  joinBase: string;
  saveTrouble: SaveTrouble | null;
  /** This console has just resumed the session: show what that means until dismissed. */
  resumedNotice: boolean;
  /** The key (condition, Primes) stays hidden until the trainer asks; a new card starts hidden. */
  keyShown: boolean;
  keyRound: number;
  /** Card titles seen during the session, by id: the final names its hardest cards by title. */
  cardTitles: Record<string, Text>;
  /** The member menus the trainer has open. */
  openMenus: string[];
  /** The class wall as last sent, and the round it arrived in (a mid-game reflection closes with its card). */
  wall: WallMessage | null;
  wallRound: number;
  /** The stored report read back at the final for the three-part debrief. */
  debrief: { code: string; report: SessionReport | null; loading: boolean; failed: boolean };
  // ---- the session whose room is not running
  failStatus: SessionStatus | "loading" | "failed" | null;
  failBusy: boolean;
  failError: string;
}

export const store = createStore<HostState>({
  lang: lang(),
  packs: null,
  packsFailed: false,
  chosenPack: "",
  teamCount: 5,
  roundSeconds: 120,
  showCondition: false,
  chosenRoute: "",
  creating: false,
  createError: "",
  lookup: null,
  lookupState: "idle",
  rowBusy: {},
  rowError: {},
  storedVersion: 0,
  sheet: null,
  report: null,
  reportTab: "teams",
  code: "",
  hostKey: "",
  freshLink: null,
  status: "idle",
  failure: null,
  room: null,
  texts: 0,
  joinBase: location.origin,
  saveTrouble: null,
  resumedNotice: false,
  keyShown: false,
  keyRound: -1,
  cardTitles: {},
  openMenus: [],
  wall: null,
  wallRound: -1,
  debrief: { code: "", report: null, loading: false, failed: false },
  failStatus: null,
  failBusy: false,
  failError: "",
});

/** The one way the console's state changes. */
export function set(patch: Partial<HostState> | ((s: HostState) => Partial<HostState>)): void {
  store.update((s) => ({ ...s, ...(typeof patch === "function" ? patch(s) : patch) }));
}

export const get = (): HostState => store.get();

/** The live handles of the connection (not state: nothing renders from them). */
export const live: { conn: Connection | null; room: Room | null } = { conn: null, room: null };

/** The console cannot show the session: refused, replaced, closed, or saved but not running. */
export function stopped(s: HostState): boolean {
  return s.status === "failed" || s.status === "replaced" || s.status === "closed";
}

/** Connected, with the room's state: the controls may send. */
export function online(s: HostState): boolean {
  return s.status === "ok" && live.room !== null;
}

/** Contract C1: the trainer opened the reflection after this card (reveal or scoreboard), and it is still open. */
export function midOpen(s: HostState): boolean {
  const st = s.room;
  if (!st || (st.phase !== "reveal" && st.phase !== "scoreboard")) return false;
  return s.wall?.open === true && !s.wall.closed && s.wallRound === st.round;
}

/** Players seated in the room. */
export function membersOf(st: RoomStateView): number {
  let n = 0;
  for (const tm of st.teams) n += tm.members.length;
  return n;
}
