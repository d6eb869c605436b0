// The observer's one state object (client/lib/store.ts) and every change to it.
//
//   store          → WatchState; the page draws from it with store.watch
//   set(patch)     → the one way it changes
//   shownOf(s)     → what the page shows, as plain data: drawn again only when
//                    this changes (deep equality), once a second while deciding
//   waitingForHost → saved but not running: wait calmly, the page rejoins by itself
//
// The synced room state is the SDK's object, changed in place: every patch
// makes a new WatchState, and shownOf copies what the page shows into plain data.
import type { Lang } from "../../shared/i18n/common.js";
import { Countdown } from "../lib/countdown.js";
import { type RoomStateView } from "../../shared/protocol/state-view.js";
import type { ConnStatus, JoinFailure } from "../lib/net.js";
import { createStore } from "../lib/store.js";
import { lang } from "../lib/i18n.js";
import { textsVersion } from "../lib/views.js";

export interface WatchState {
  code: string;
  status: ConnStatus | "idle";
  failure: JoinFailure | null;
  room: RoomStateView | null;
  texts: number;
  lang: Lang;
  /** A few times a second while deciding: the countdown. */
  tick: number;
}

export const store = createStore<WatchState>({ code: "", status: "idle", failure: null, room: null, texts: 0, lang: lang(), tick: 0 });
export const set = (patch: Partial<WatchState>): void => store.update((s) => ({ ...s, ...patch }));
export const touched = (room: RoomStateView | null): void => store.update((s) => ({ ...s, room, texts: textsVersion() }));

/** The room patches the seconds left only every few seconds: the page counts down in between. */
export const countdown = new Countdown();

export const waitingForHost = (s: WatchState) => s.status !== "ok" && s.status !== "closed" && s.status !== "failed" && s.failure?.reason === "SESSION_WAITING";

export function shownOf(s: WatchState): unknown {
  if (waitingForHost(s)) return [s.lang, "waiting"];
  const r = s.room;
  const teams = r ? Array.from(r.teams, (tm) => [tm.index, Array.from(tm.members, (m) => m.name), tm.sent, tm.locked, tm.score]) : null;
  return [s.lang, s.status, s.failure?.reason, s.texts, r && [r.phase, r.round, countdown.read(r), r.roundSeconds, r.paused, teams]];
}
