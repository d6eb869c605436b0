// What the console does: create a session, keep the list of saved sessions,
// open/resume/delete/forget one, open the report, join the room and follow
// it, send the trainer's intents. Each changes the state (./state.ts) through
// `set` — the screens re-render from it — and talks to the server through
// ./api.ts and the room; the server decides.
import { SERVER_MESSAGES, STORAGE, isCode } from "../../shared/constants.js";
import type { CreatedSession, MessagePayload, RefusalMessage, SaveTroubleMessage, WallMessage } from "../../shared/protocol/messages.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";
import { isReason } from "../../shared/reasons.js";
import { host } from "../../shared/i18n/host.js";
import { c, lang, reasonText } from "../lib/i18n.js";
import { keepConnected, localGet, localSet, type ConnStatus, type Connection } from "../lib/net.js";
import { listenTexts, parseCard } from "../lib/views.js";
import { deleteSession, fetchReport, lookupSessions, resumeSession, type Failure } from "./api.js";
import { get, live, set, stopped, type PackInfo } from "./state.js";
import { toast } from "./screens/status.js";

const t = () => host[lang()];
const HOST_PREFIX = "arena-vuca:host:";
const hostTokenKey = (code: string) => `arena-vuca:hosttoken:${code}`;

/** The sessions this device holds a key for. */
export function storedSessions(): string[] {
  const out: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(HOST_PREFIX)) out.push(k.slice(HOST_PREFIX.length));
    }
  } catch {
    /* no storage */
  }
  return out.filter(isCode).sort();
}

// ---- to the room ---------------------------------------------------------------------

/** A trainer's intent, typed by the protocol's schema. */
export function send(action: MessagePayload<"host">): void {
  if (!live.room) return toast(c().connectionLost);
  live.room.send("host", action);
}

/** The board's presentation, driven from the console (the projector needs no keyboard). */
export function sendBoard(board: MessagePayload<"board">): void {
  if (!live.room) return toast(c().connectionLost);
  live.room.send("board", board);
}

export function failText(reason: Failure): string {
  if (reason === "NETWORK") return t().networkError;
  if (reason === "INVALID_HOST_KEY") return t().badKey;
  return reasonText(reason);
}

// ---- create ------------------------------------------------------------------------------

export async function loadPacks(): Promise<void> {
  try {
    const res = await fetch("/api/packs");
    if (!res.ok) throw new Error(String(res.status));
    const packs = (await res.json()) as PackInfo[];
    set((s) => ({ packs, chosenPack: s.chosenPack || packs[0]?.id || "" }));
  } catch {
    set({ packsFailed: true });
  }
}

export async function createSession(): Promise<void> {
  const s = get();
  if (s.creating) return;
  if (!s.chosenPack) return set({ createError: t().choosePack });
  const teams = Math.min(10, Math.max(2, Math.round(s.teamCount) || 5));
  set({ creating: true, createError: "" });
  try {
    const res = await fetch("/api/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ packId: s.chosenPack, teamCount: teams, roundSeconds: s.roundSeconds, lang: lang(), showCondition: s.showCondition, ...(s.chosenRoute ? { route: s.chosenRoute } : {}) }),
    });
    const body = (await res.json().catch(() => ({}))) as Partial<CreatedSession> & { reason?: string };
    if (!res.ok || !body.code || !body.hostKey) {
      set({ creating: false, createError: body.reason && isReason(body.reason) ? reasonText(body.reason) : c().reasons.SERVER_ERROR });
      return;
    }
    localSet(STORAGE.hostKey(body.code), body.hostKey);
    const link = `${location.origin}/host.html#code=${encodeURIComponent(body.code)}&key=${encodeURIComponent(body.hostKey)}`;
    set({ creating: false, code: body.code, hostKey: body.hostKey, freshLink: link, resumedNotice: false });
    openSession();
    // the create form was scrolled to its button: the session starts at its top ("← Semua sesi" in view)
    scrollTo(0, 0);
  } catch {
    set({ creating: false, createError: c().reasons.SERVER_ERROR });
  }
}

// ---- the saved sessions --------------------------------------------------------------------

let lookupSeq = 0;
/** Asks the server about every session this device holds a key for. */
export async function refreshLookup(): Promise<void> {
  const list = storedSessions()
    .map((code) => ({ code, key: localGet(STORAGE.hostKey(code)) ?? "" }))
    .filter((x) => x.key);
  const seq = ++lookupSeq;
  if (list.length === 0) return set({ lookup: {}, lookupState: "done" });
  set({ lookupState: "loading" });
  const r = await lookupSessions(list);
  if (seq !== lookupSeq) return;
  if (r.ok) set({ lookup: Object.fromEntries(r.value.map((x) => [x.code, x])), lookupState: "done" });
  else set({ lookupState: "failed" });
}

const without = <V>(rec: Record<string, V>, key: string): Record<string, V> => Object.fromEntries(Object.entries(rec).filter(([k]) => k !== key));

export function forgetLocal(code: string): void {
  localSet(STORAGE.hostKey(code), null);
  localSet(hostTokenKey(code), null);
  set((s) => ({ lookup: s.lookup ? without(s.lookup, code) : null, rowError: without(s.rowError, code), storedVersion: s.storedVersion + 1 }));
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) document.getElementById("stored-h")?.focus();
}

export async function resumeFromList(code: string): Promise<void> {
  const key = localGet(STORAGE.hostKey(code));
  if (!key || get().rowBusy[code]) return;
  set((s) => ({ rowBusy: { ...s.rowBusy, [code]: "resume" }, rowError: without(s.rowError, code) }));
  const r = await resumeSession(code, key);
  set((s) => ({ rowBusy: without(s.rowBusy, code) }));
  if (r.ok) {
    if (!get().code) reopen(code, r.value.resumed);
    return;
  }
  set((s) => ({ rowError: { ...s.rowError, [code]: failText(r.reason) } }));
  void refreshLookup();
}

export async function deleteFromList(code: string): Promise<void> {
  const key = localGet(STORAGE.hostKey(code));
  if (!key || get().rowBusy[code]) return;
  if (!confirm(t().deleteConfirm(code))) return;
  set((s) => ({ rowBusy: { ...s.rowBusy, [code]: "delete" }, rowError: without(s.rowError, code) }));
  const r = await deleteSession(code, key);
  set((s) => ({ rowBusy: without(s.rowBusy, code) }));
  if (r.ok || r.reason === "SESSION_NOT_FOUND") {
    toast(t().deleted(code));
    forgetLocal(code);
    return;
  }
  set((s) => ({ rowError: { ...s.rowError, [code]: failText(r.reason) } }));
  if (r.reason === "SESSION_LIVE") void refreshLookup();
}

// ---- the report ------------------------------------------------------------------------------

export function openReport(code: string, key: string): void {
  set({ report: { code, key, report: null, loading: true, error: "" } });
  scrollTo(0, 0);
  const head = document.getElementById("report-h");
  head?.setAttribute("tabindex", "-1");
  head?.focus();
  void loadReport();
}

export async function loadReport(): Promise<void> {
  const rs = get().report;
  if (!rs) return;
  set({ report: { ...rs, loading: true, error: "" } });
  const r = await fetchReport(rs.code, rs.key);
  const now = get().report;
  if (!now || now.code !== rs.code) return;
  set({ report: { ...now, loading: false, report: r.ok ? r.value : now.report, error: r.ok ? "" : failText(r.reason) } });
  if (!document.activeElement || document.activeElement === document.body) {
    const head = document.getElementById("report-h");
    head?.setAttribute("tabindex", "-1");
    head?.focus();
  }
}

export function closeReport(): void {
  const from = get().report?.code;
  set({ report: null });
  if (!get().code) {
    void refreshLookup();
    if (from) document.querySelector<HTMLElement>(`[data-session="${CSS.escape(from)}"] [data-act="report"]`)?.focus();
  }
}

// ---- opening and leaving a session ------------------------------------------------------------

export function reopen(code: string, resumed = false): void {
  const key = localGet(STORAGE.hostKey(code));
  if (!key) return;
  set({ code, hostKey: key, freshLink: null, resumedNotice: resumed });
  openSession();
}

/** The session's fields back to none (home, or another session's link pasted in). */
function leaveSession(): void {
  void live.conn?.leave();
  live.conn = null;
  live.room = null;
  set({ room: null, code: "", hostKey: "", freshLink: null, failure: null, status: "idle", resumedNotice: false, failStatus: null, failError: "", report: null, wall: null, cardTitles: {}, openMenus: [] });
}

export function goHome(): void {
  leaveSession();
  history.replaceState(null, "", location.pathname);
  void refreshLookup();
  const s = get();
  if (!s.packs && !s.packsFailed) void loadPacks();
}

/** Another session's link pasted into this tab. */
export function switchSession(): void {
  leaveSession();
}

export function forgetHere(): void {
  const code = get().code;
  localSet(STORAGE.hostKey(code), null);
  localSet(hostTokenKey(code), null);
  goHome();
}

/** The room's state patched (or first received): the state object is replaced around the live one. */
function roomChanged(st: RoomStateView | null): void {
  if (!st?.teams) return;
  set((s) => {
    const card = st.phase !== "lobby" && st.phase !== "final" ? parseCard(st) : null;
    const newCard = st.round !== s.keyRound;
    return {
      room: st,
      keyRound: st.round,
      keyShown: newCard ? false : s.keyShown,
      cardTitles: card && !s.cardTitles[card.id] ? { ...s.cardTitles, [card.id]: card.title } : s.cardTitles,
    };
  });
}

export function openSession(): void {
  const code = get().code;
  // the key stays out of the address bar (screens are often projected); the
  // code stays so that a reload reopens this session with the stored key
  history.replaceState(null, "", `${location.pathname}#code=${code}`);
  set({ failure: null });
  void fetch("/api/info")
    .then((r) => (r.ok ? r.json() : null))
    .then((info: { joinUrl?: string } | null) => {
      if (info?.joinUrl) set({ joinBase: info.joinUrl.replace(/\/+$/, "") });
    })
    .catch(() => undefined);
  let me: Connection | null = null;
  me = live.conn = keepConnected({
    code,
    tokenKey: hostTokenKey(code),
    join: () => ({ kind: "host", hostKey: get().hostKey }),
    onRoom: (r) => {
      live.room = r;
      r.onMessage(SERVER_MESSAGES.refused, (m: RefusalMessage) => toast(isReason(m.reason) ? reasonText(m.reason) : c().reasons.SERVER_ERROR));
      r.onMessage(SERVER_MESSAGES.welcome, () => undefined);
      r.onMessage(SERVER_MESSAGES.removed, () => undefined);
      r.onMessage(SERVER_MESSAGES.wall, (m: WallMessage) => set((s) => ({ wall: m, wallRound: s.room?.round ?? -1 })));
      r.onMessage(SERVER_MESSAGES.saveTrouble, (m: SaveTroubleMessage) => set({ saveTrouble: m.failing ? { kind: m.kind, detail: m.detail } : null }));
      r.onStateChange((st: unknown) => roomChanged(st as RoomStateView));
      listenTexts(r, () => set((s) => ({ texts: s.texts + 1 })));
      roomChanged(r.state as RoomStateView | undefined ?? null);
    },
    onStatus: (next, f) => {
      if (me && live.conn !== me) return; // a connection this console has left
      let st: ConnStatus = next;
      if (st === "lost" && f?.reason === "SESSION_WAITING") {
        // Saved but not running (the server restarted): the trainer decides
        // whether to resume it, so the console stops asking.
        st = "failed";
        void me?.leave();
      }
      const ended = st === "failed" || st === "banned" || st === "replaced" || st === "removed" || st === "closed";
      if (ended || st === "lost") live.room = null;
      set((s) => ({
        status: st,
        failure: ended ? (f ?? null) : s.failure,
        ...(st === "ok" ? { failStatus: null, failError: "" } : {}),
      }));
      const reason = f?.reason;
      if (stopped(get()) && st === "failed" && (reason === "ROOM_NOT_FOUND" || reason === "SESSION_WAITING" || reason === "SESSION_NOT_FOUND")) void checkFailure();
    },
  });
}

// ---- a session whose room is not running ------------------------------------------------------

/** Asks the server what became of the session whose room is not running. */
export async function checkFailure(): Promise<void> {
  const { code, hostKey } = get();
  set({ failStatus: "loading", failError: "" });
  const r = await lookupSessions([{ code, key: hostKey }]);
  if (get().code !== code || !stopped(get())) return;
  set({ failStatus: r.ok ? (r.value[0] ?? null) : "failed" });
}

export async function resumeHere(): Promise<void> {
  const { failBusy, code, hostKey } = get();
  if (failBusy || !code) return;
  set({ failBusy: true, failError: "" });
  const r = await resumeSession(code, hostKey);
  set({ failBusy: false });
  if (r.ok) {
    const old = live.conn;
    live.conn = null;
    void old?.leave();
    set({ resumedNotice: r.value.resumed, failStatus: null });
    openSession();
    return;
  }
  set({ failError: failText(r.reason) });
  if (r.reason === "GAME_OVER" || r.reason === "SESSION_NOT_FOUND") void checkFailure();
}

export function retryHere(): void {
  if (live.conn) live.conn.start();
  else openSession();
}

// ---- the final's debrief: the report read back from the store ---------------------------------

export function loadDebrief(): void {
  const { code, hostKey } = get();
  set({ debrief: { code, report: null, loading: true, failed: false } });
  void fetchReport(code, hostKey).then((r) => {
    if (get().debrief.code !== code) return;
    set({ debrief: { code, report: r.ok ? r.value : null, loading: false, failed: !r.ok } });
  });
}

/** At the final: the report is saved at once; read it back after a moment, once per session. */
export function debriefOnce(): void {
  const d = get().debrief;
  if (d.code === get().code && (d.report || d.loading || d.failed)) return;
  set({ debrief: { code: get().code, report: null, loading: true, failed: false } });
  setTimeout(loadDebrief, 800);
}
