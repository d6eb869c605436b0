// The phone's one state object (client/lib/store.ts) and every change to it.
//
//   store                      → PlayState; screens read it with store.watch
//   App                        → what a screen may do: send (typed by the
//                                protocol's MessagePayload<K>), toast, join
//   me(s)                      → my seat: member, team, captain
//   screenOf(s)                → which screen shows ("join", "lobby", "decide"…)
//   show(root, select, draw)   → a region drawn from the state, rebuilt (keeping
//                                focus and typed text, client/lib/render.ts)
//                                when `select` no longer deep-equals its last value
//   option(…)                  → a choice card (responses, conditions, reflection steps)
//
// The synced room state is the SDK's object, changed in place: every patch
// makes a new PlayState, and selectors copy what they need into plain data.
import type { Lang } from "../../shared/i18n/common.js";
import type { MessagePayload, MessageType } from "../../shared/protocol/messages.js";
import type { ReflectionEntry, ReflectionPatch } from "../../shared/rules/reflection.js";
import type { BehaviourItem } from "../../shared/behaviours.js";
import type { MemberView, RoomStateView, TeamView } from "../../shared/protocol/state-view.js";
import type { Condition } from "../../shared/vuca.js";
import type { ConnStatus, JoinFailure } from "../lib/net.js";
import { h, type Child } from "../lib/dom.js";
import { createStore } from "../lib/store.js";
import { render } from "../lib/render.js";
import { lang } from "../lib/i18n.js";
import { textsVersion } from "../lib/views.js";

/** What this phone has picked on the deciding screen and not necessarily sent. */
export interface Draft {
  /** `round:team`: a new card or a new team starts a new draft. */
  key: string;
  picked: number | null;
  diagnosis: Condition | null;
  commit: boolean;
  /** The captain's reason as typed here. */
  reason: string;
  /** Sent, and the team's view does not show it yet. */
  pending: boolean;
  lastSent: { option: number; diagnosis: Condition | null; commit: boolean } | null;
  /** The lock button was pressed once: a second press within 4 s locks. */
  lockArmed: boolean;
}

/** The reflection chain on this phone (screens/reflection.ts). */
export interface Reflection {
  /** `code:playerId` the chain belongs to. */
  owner: string;
  received: boolean;
  closed: boolean;
  /** The phone may write now (the final, or mid-game while the trainer has it open). */
  open: boolean;
  behaviours: readonly BehaviourItem[];
  draft: ReflectionEntry;
  /** Fields typed here and not yet sent. */
  dirty: ReflectionPatch;
  /** -1: the start button; 0–5: the steps; 6: the review. */
  step: number;
}

export interface PlayState {
  code: string;
  playerId: string;
  status: ConnStatus | "idle";
  failure: JoinFailure | null;
  /** A room was wired since the page opened. */
  joined: boolean;
  room: RoomStateView | null;
  /** The room's texts (card, reveal, summary): their version. */
  texts: number;
  lang: Lang;
  /** A few times a second while deciding: the countdown. */
  tick: number;
  draft: Draft;
  reflection: Reflection;
}

export const emptyEntry = (): ReflectionEntry => ({ issue: "", condition: null, prime: null, partners: [], behaviour: null, activity: "", done: false, at: 0 });
export const emptyDraft = (key = ""): Draft => ({ key, picked: null, diagnosis: null, commit: false, reason: "", pending: false, lastSent: null, lockArmed: false });

const params = new URLSearchParams(location.search);

export const store = createStore<PlayState>({
  code: "",
  playerId: "",
  status: "idle",
  failure: null,
  joined: false,
  room: null,
  texts: 0,
  lang: lang(),
  tick: 0,
  draft: emptyDraft(),
  reflection: { owner: "", received: false, closed: false, open: false, behaviours: [], draft: emptyEntry(), dirty: {}, step: -1 },
});
export const startCode = params.get("code") ?? "";
export const goParam = params.get("go") === "1";

/** The one way the phone's state changes. */
export const set = (patch: Partial<PlayState>): void => store.update((s) => ({ ...s, ...patch }));
export const setDraft = (patch: Partial<Draft>): void => store.update((s) => ({ ...s, draft: { ...s.draft, ...patch } }));
export const setReflection = (patch: Partial<Reflection>): void => store.update((s) => ({ ...s, reflection: { ...s.reflection, ...patch } }));
/** A patch of the synced state or new texts arrived. */
export const touched = (room: RoomStateView | null): void => store.update((s) => ({ ...s, room, texts: textsVersion() }));

/** What a screen may do besides changing the state. */
export interface App {
  /** Sends a message the protocol knows, with its payload; false when not connected (said in a toast unless `quiet`). */
  send<K extends MessageType>(type: K, payload: MessagePayload<K>, quiet?: boolean): boolean;
  toast(text: string): void;
  /** Joins (or joins another room) with the code in the state. */
  join(code: string): void;
}

export interface Me {
  member: MemberView;
  team: TeamView;
  captain: boolean;
}
export function me(s: PlayState): Me | null {
  if (!s.room || !s.playerId) return null;
  for (const team of s.room.teams) {
    for (const member of team.members) {
      if (member.id === s.playerId) return { member, team, captain: team.captain === s.playerId };
    }
  }
  return null;
}

/** Saved but not running (the server restarted): the phone waits calmly and rejoins by itself. */
export const sessionWaiting = (s: PlayState) => s.status !== "ok" && s.status !== "closed" && s.failure?.reason === "SESSION_WAITING";

/**
 * A join refused before this page was ever in the room (a wrong code, too many
 * of them, a name taken…): the join form says why. Not "disconnected": no
 * reconnecting banner, even while a throttle's retry is pending.
 */
export const refusedBeforeJoin = (s: PlayState) => !s.joined && !!s.failure && s.failure.reason !== "NETWORK";

export type ScreenName = "gone" | "restart" | "join" | "wait" | "lobby" | "briefing" | "deciding" | "reveal" | "scoreboard" | "midReflect" | "final";

/** The screen the state calls for, with what builds it afresh (a new round, a new team, the language). */
export function screenOf(s: PlayState): { name: ScreenName; key: string } {
  const at = (name: ScreenName, more = "") => ({ name, key: `${s.lang}:${name}:${more}` });
  if (s.status === "removed" || s.status === "banned" || s.status === "replaced" || s.status === "closed") return at("gone", s.status);
  if (sessionWaiting(s)) return at("restart");
  if (s.status === "idle" || s.status === "failed" || refusedBeforeJoin(s)) return at("join", `${s.failure?.reason ?? ""}:${s.failure?.suggestion ?? ""}`);
  const mine = me(s);
  if (!s.room || !mine) return at("wait", s.status);
  const { phase, round } = s.room;
  const r = s.reflection;
  if ((phase === "reveal" || phase === "scoreboard") && r.received && r.open && !r.closed) return at("midReflect", `${round}`);
  if (phase === "lobby") return at("lobby");
  if (phase === "briefing") return at("briefing", `${round}`);
  if (phase === "deciding") return at("deciding", `${round}:${mine.team.index}:${mine.captain}`);
  if (phase === "reveal") return at("reveal", `${round}:${mine.team.index}`);
  if (phase === "scoreboard") return at("scoreboard", `${round}`);
  return at("final", String(r.received));
}

/**
 * Draws `draw(state)` into `root` now and whenever `select(state)` changes
 * (deep equality), keeping focus, caret and typed text. Returns the unwatch.
 */
export function show<T>(root: Element, select: (s: PlayState) => T, draw: (s: PlayState, selected: T) => Child | Child[]): () => void {
  return store.watch(select, (selected, s) => render(root, draw(s, selected)));
}

/** A choice drawn as a large card: a radio or checkbox (kept for the keyboard and screen readers), its head and cue. */
export function option(type: "radio" | "checkbox", name: string, id: string, on: boolean, head: Child[], cue: Child, onchange: (e: Event) => void, cls = "", disabled = false): HTMLElement {
  return h(
    "label",
    { class: `option${cls}${on ? " picked" : ""}${disabled ? " disabled" : ""}`, for: id },
    h("input", { type, name, value: id, class: "sr-only", id, checked: on, disabled, onchange }),
    h("span", { class: "option-head" }, head),
    cue,
  );
}
