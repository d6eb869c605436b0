// The trainer console: create a session, run it (phase controls, teams,
// members, votes), see the summary and export. Plain DOM; it renders the room
// state and sends host intents — the server decides. The home screen lists
// the sessions saved on this device with their status on the server (open,
// resume after a restart, report, delete data, forget); the report screen
// is in ./report.ts, the calls to the server in ./api.ts.
import "../lib/base.css";
import "./host.css";
import type { Room } from "@colyseus/sdk";
import { SERVER_MESSAGES, STORAGE, isCode, normaliseCode } from "../../shared/constants.js";
import type { CreatedSession, HostAction, MessagePayload, RefusalMessage, SaveTrouble, SaveTroubleMessage } from "../../shared/protocol/messages.js";
import type { MemberView, RoomStateView, TeamView } from "../../shared/protocol/state-view.js";
import { Countdown } from "../lib/countdown.js";
import { lockCauseOf, rolesOf, voteOf } from "../../shared/protocol/state-view.js";
import { say, type Text } from "../../shared/vuca.js";
import { optionLabel, optionLetter } from "../../shared/i18n/options.js";
import { isReason } from "../../shared/reasons.js";
import { host, type HostStrings } from "../../shared/i18n/host.js";
import { author } from "../../shared/i18n/author.js";
import { $, clock, h, mount, setText } from "../lib/dom.js";
import { c, lang, langButton, onLang, reasonText } from "../lib/i18n.js";
import { keepConnected, localGet, localSet, type Connection, type ConnStatus, type JoinFailure } from "../lib/net.js";
import { listenTexts, parseCard, parseReveal, parseSummary, teamChip, textsVersion } from "../lib/views.js";
import { plannedMinutes } from "../../shared/rules/plan.js";
import type { Pack } from "../../shared/scenario.js";
import { loadSheet, sheetScreen } from "./sheet.js";
import { deleteSession, exportUrl, fetchReport, lookupSessions, resumeSession, type Failure, type ReportView, type SessionReport, type SessionStatus } from "./api.js";
import { formatWhen, reportScreen } from "./report.js";
import { debriefPanel } from "./debrief.js";
import type { WallMessage } from "../../shared/protocol/messages.js";

const t = (): HostStrings => host[lang()];
const HOST_PREFIX = "arena-vuca:host:";
const hostTokenKey = (code: string) => `arena-vuca:hosttoken:${code}`;
const TIMER_PRESETS = [60, 90, 120, 180, 300];

interface PackInfo {
  id: string;
  title: Text;
  description: Text;
  events: number;
  /** A route's name → how many cards it plays. */
  routes?: Record<string, number>;
}

// ---- page state ----------------------------------------------------------------

let code = "";
let hostKey = "";
/** Shown once, right after creating the session. */
let freshLink: string | null = null;
let conn: Connection | null = null;
let status: ConnStatus | "idle" = "idle";
let failure: JoinFailure | null = null;
let room: Room | null = null;
let state: RoomStateView | null = null;
let joinBase = location.origin;

let packs: PackInfo[] | null = null;
let packsFailed = false;
let chosenPack = "";
let teamCount = 5;
let roundSeconds = 120;
/** Off by default: teams read the condition themselves (the skill the game trains). */
let showCondition = false;
/** "" = the whole pack, else a route the pack names. */
let chosenRoute = "";
let creating = false;
/** The card sheet (host.html#cards=PACKID): the pack, or null while loading / refused. */
let sheet: { packId: string; pack: Pack | null; loading: boolean } | null = null;
/** The key (condition, Primes) stays hidden on the console until the trainer asks: the laptop may be projected. */
let keyShown = false;
let keySig = "";
/** The round the key was shown for: a new card starts hidden again. */
let keyRound = -1;
let createError = "";

/** The server's answer about each saved session (by code), for the list on the home screen. */
let lookup: Map<string, SessionStatus> | null = null;
let lookupState: "idle" | "loading" | "done" | "failed" = "idle";
let lookupSeq = 0;
/** A row's action in progress, and its last error sentence. */
const rowBusy = new Map<string, "resume" | "delete">();
const rowError = new Map<string, string>();
/** The saved-sessions panel, re-filled in place (the create form keeps its focus). */
let storedEl: HTMLElement | null = null;

/** This console has just resumed the session: show what that means until dismissed. */
let resumedNotice = false;
/** What the server says about the session whose room is not running (failure screen). */
let failStatus: SessionStatus | "loading" | "failed" | null = null;
let failBusy = false;
let failError = "";

/** The report screen, when open (over the home screen or the running session). */
interface ReportState {
  code: string;
  key: string;
  report: SessionReport | null;
  loading: boolean;
  error: string;
}
let reportState: ReportState | null = null;
let reportTab: ReportView = "teams";

const mainEl = $("main");
const statusEl = $("status");
/** The results store's trouble as the server last told it (null: saves land). */
let saveTrouble: SaveTrouble | null = null;
const toastEl = $("toast");
const topCode = $("top-code");

// ---- toast and status -----------------------------------------------------------

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(text: string): void {
  mount(toastEl, h("div", { class: "toast-box", onclick: () => mount(toastEl) }, text));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => mount(toastEl), 6000);
}

function renderStatus(): void {
  const lines: HTMLElement[] = [];
  if (status === "reconnecting" || status === "lost" || status === "connecting") {
    lines.push(
      h(
        "div",
        { class: "bar warn" },
        h("span", { class: "bar-icon", "aria-hidden": "true" }, "⟳"),
        h("span", null, status === "connecting" ? c().connecting : c().reconnecting),
        status === "lost" ? h("button", { type: "button", class: "bar-btn", onclick: () => conn?.start() }, t().retry) : null,
      ),
    );
  }
  if (saveTrouble) {
    // the results store is failing: the game goes on, the trainer knows (cleared when saves land again)
    lines.push(
      h(
        "div",
        { class: "bar warn save-trouble", role: "alert", title: saveTrouble.detail },
        h("span", { class: "bar-icon", "aria-hidden": "true" }, "⚠"),
        h("span", null, `${t().saveFailing}: ${t().saveTroubleKinds[saveTrouble.kind] ?? saveTrouble.kind}. ${t().saveFailingNote}`),
      ),
    );
  }
  mount(statusEl, lines);
}

// ---- helpers ------------------------------------------------------------------------

function storedSessions(): string[] {
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

function send(action: HostAction): void {
  if (!room) {
    toast(c().connectionLost);
    return;
  }
  room.send("host", action);
}

/** The board's presentation, driven from the console (the projector needs no keyboard). */
function sendBoard(board: MessagePayload<"board">): void {
  if (!room) {
    toast(c().connectionLost);
    return;
  }
  room.send("board", board);
}

function hostLink(): string {
  return `${location.origin}/host.html#code=${encodeURIComponent(code)}&key=${encodeURIComponent(hostKey)}`;
}

async function copyText(text: string, btn: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    btn.textContent = `✓ ${t().copied}`;
    setTimeout(() => (btn.textContent = t().copy), 2000);
  } catch {
    toast(t().copyFailed);
  }
}

function copyRow(id: string, label: string, value: string, hint?: string): HTMLElement {
  const btn = h("button", { type: "button", class: "secondary copy-btn", "aria-describedby": `${id}-label` }, t().copy);
  btn.addEventListener("click", () => void copyText(value, btn));
  return h(
    "div",
    { class: "copy-row" },
    h("label", { for: id, id: `${id}-label` }, label),
    hint ? h("span", { class: "hint" }, hint) : null,
    h("div", { class: "copy-line" }, h("input", { type: "text", id, readonly: true, value, onfocus: (e: FocusEvent) => (e.target as HTMLInputElement).select() }), btn),
  );
}

// ---- create / reopen screen ------------------------------------------------------

async function loadPacks(): Promise<void> {
  try {
    const res = await fetch("/api/packs");
    if (!res.ok) throw new Error(String(res.status));
    packs = (await res.json()) as PackInfo[];
    if (!chosenPack && packs.length > 0) chosenPack = packs[0]!.id;
  } catch {
    packsFailed = true;
  }
  if (!code) render();
}

async function createSession(): Promise<void> {
  if (creating) return;
  if (!chosenPack) {
    createError = t().choosePack;
    render();
    return;
  }
  const teams = Math.min(10, Math.max(2, Math.round(teamCount) || 5));
  creating = true;
  createError = "";
  render();
  try {
    const res = await fetch("/api/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ packId: chosenPack, teamCount: teams, roundSeconds, lang: lang(), showCondition, ...(chosenRoute ? { route: chosenRoute } : {}) }),
    });
    const body = (await res.json().catch(() => ({}))) as Partial<CreatedSession> & { reason?: string };
    if (!res.ok || !body.code || !body.hostKey) {
      createError = body.reason && isReason(body.reason) ? reasonText(body.reason) : c().reasons.SERVER_ERROR;
      return;
    }
    localSet(STORAGE.hostKey(body.code), body.hostKey);
    code = body.code;
    hostKey = body.hostKey;
    freshLink = hostLink();
    openSession();
  } catch {
    createError = c().reasons.SERVER_ERROR;
  } finally {
    creating = false;
    if (!code) render();
  }
}

function createScreen(): HTMLElement {
  const s = t();
  const packArea = packsFailed
    ? h("p", { class: "alert" }, s.packsFailed)
    : !packs
      ? h("p", { class: "muted" }, s.packsLoading)
      : h(
          "div",
          { id: "pack-list", class: "pack-list", role: "group", "aria-labelledby": "pack-legend" },
          packs.map((p) =>
            h(
              "button",
              {
                type: "button",
                class: p.id === chosenPack ? "pack-card chosen" : "pack-card",
                "data-pack": p.id,
                "aria-pressed": p.id === chosenPack ? "true" : "false",
                onclick: () => {
                  chosenPack = p.id;
                  chosenRoute = "";
                  render();
                  document.querySelector<HTMLElement>(`[data-pack="${CSS.escape(p.id)}"]`)?.focus();
                },
              },
              h("span", { class: "pack-title" }, say(p.title, lang())),
              h("span", { class: "pack-desc" }, say(p.description, lang())),
              h("span", { class: "tag" }, s.cards(p.events)),
            ),
          ),
        );
  return h(
    "div",
    { class: "create-grid" },
    h(
      "section",
      { class: "panel", "aria-labelledby": "create-h" },
      h("h2", { id: "create-h" }, s.newSession),
      h(
        "form",
        {
          class: "stack",
          onsubmit: (e: SubmitEvent) => {
            e.preventDefault();
            void createSession();
          },
        },
        h("fieldset", { class: "plain" }, h("legend", { id: "pack-legend" }, s.pack), packArea),
        h(
          "div",
          { class: "settings-row" },
          h(
            "div",
            null,
            h("label", { for: "team-count" }, s.teamCount),
            h("input", {
              type: "number",
              id: "team-count",
              min: 2,
              max: 10,
              step: 1,
              value: teamCount,
              inputmode: "numeric",
              "aria-describedby": "team-count-hint",
              oninput: (e: Event) => (teamCount = Number((e.target as HTMLInputElement).value)),
            }),
            h("span", { class: "hint", id: "team-count-hint" }, s.teamCountHint),
          ),
          h(
            "div",
            null,
            h("label", { for: "round-seconds" }, s.roundSeconds),
            h(
              "select",
              {
                id: "round-seconds",
                onchange: (e: Event) => {
                  roundSeconds = Number((e.target as HTMLSelectElement).value);
                  render();
                },
              },
              TIMER_PRESETS.map((sec) => h("option", { value: sec, selected: sec === roundSeconds }, `${s.minutes(sec)} (${sec} s)`)),
            ),
          ),
        ),
        routeAndCondition(),
        createError ? h("p", { class: "alert", role: "alert" }, createError) : null,
        h("button", { type: "submit", id: "create", class: "block", disabled: creating || !packs || packs.length === 0 }, creating ? s.creating : s.create),
      ),
    ),
    storedPanel(),
  );
}

/** How many cards the chosen pack and route play. */
function chosenCards(): number {
  const pack = packs?.find((p) => p.id === chosenPack);
  if (!pack) return 0;
  const routes = pack.routes ?? {};
  return chosenRoute && Object.hasOwn(routes, chosenRoute) ? (routes[chosenRoute] ?? pack.events) : pack.events;
}

function plannedLine(cards: number, seconds: number): HTMLElement {
  const s = t();
  return h("p", { class: "planned", id: "planned" }, h("strong", null, s.planned(plannedMinutes(cards, seconds))), h("br", null), h("span", { class: "small muted" }, s.plannedHint(cards, s.minutes(seconds))));
}

/** At create: the route, "show the condition" (off by default), the planned length and the card sheet. */
function routeAndCondition(): HTMLElement | null {
  const s = t();
  const pack = packs?.find((p) => p.id === chosenPack);
  if (!pack) return null;
  const routes = Object.entries(pack.routes ?? {});
  return h(
    "div",
    { class: "stack" },
    routes.length
      ? h(
          "div",
          null,
          h("label", { for: "route" }, s.route),
          h(
            "select",
            {
              id: "route",
              onchange: (e: Event) => {
                chosenRoute = (e.target as HTMLSelectElement).value;
                render();
              },
            },
            h("option", { value: "", selected: chosenRoute === "" }, s.wholePack(pack.events)),
            routes.map(([name, n]) => h("option", { value: name, selected: chosenRoute === name }, s.routeOption(name, n))),
          ),
        )
      : null,
    h(
      "label",
      { class: "check", for: "show-condition" },
      h("input", {
        type: "checkbox",
        id: "show-condition",
        checked: showCondition,
        "aria-describedby": "show-condition-hint",
        onchange: (e: Event) => (showCondition = (e.target as HTMLInputElement).checked),
      }),
      ` ${s.showCondition}`,
    ),
    h("span", { class: "hint", id: "show-condition-hint" }, s.showConditionHint),
    plannedLine(chosenCards(), roundSeconds),
    h("a", { href: `/host.html#cards=${encodeURIComponent(pack.id)}`, target: "_blank", rel: "noopener", id: "sheet-link" }, `🖨 ${s.printSheet}`),
    h("a", { href: "/author.html", id: "author-link" }, `✎ ${author[lang()].title}`),
  );
}

// ---- the saved sessions ------------------------------------------------------------

type RowKind = "live" | "resumable" | "stopped" | "final" | "notfound" | "unknown";

function rowKind(st: SessionStatus | undefined): RowKind {
  if (!st) return "unknown";
  if (!st.found) return "notfound";
  if (st.phase === "final") return "final";
  if (st.live) return "live";
  return st.resumable ? "resumable" : "stopped";
}

const ROW_ORDER: Record<RowKind, number> = { live: 0, resumable: 1, stopped: 2, final: 3, unknown: 4, notfound: 5 };

function storedPanel(): HTMLElement {
  storedEl = h("section", { id: "stored", class: "panel stored", "aria-labelledby": "stored-h", "aria-busy": "false" });
  fillStored();
  return storedEl;
}

/** Re-fills the saved-sessions panel in place. */
function fillStored(): void {
  const el = storedEl;
  if (!el) return;
  const s = t();
  const stored = storedSessions();
  el.setAttribute("aria-busy", lookupState === "loading" ? "true" : "false");
  // the focused button survives the re-fill
  const active = document.activeElement as HTMLElement | null;
  const keep = active && el.contains(active) && active.dataset.act ? { session: active.closest("[data-session]")?.getAttribute("data-session"), act: active.dataset.act } : null;
  const rows = stored
    .map((sc) => ({ sc, st: lookup?.get(sc) }))
    .sort((a, b) => ROW_ORDER[rowKind(a.st)] - ROW_ORDER[rowKind(b.st)] || (b.st?.updatedAt ?? 0) - (a.st?.updatedAt ?? 0) || a.sc.localeCompare(b.sc));
  mount(
    el,
    h("h2", { id: "stored-h", tabindex: -1 }, s.storedSessions),
    stored.length === 0 ? h("p", { class: "muted" }, s.noStored) : null,
    stored.length && lookupState === "loading" && !lookup ? h("p", { class: "muted small", role: "status" }, s.listLoading) : null,
    lookupState === "failed" ? h("p", { class: "alert warn small", role: "status" }, s.listFailed) : null,
    stored.length ? h("ul", { class: "stored-list" }, rows.map(({ sc, st }) => storedRow(sc, st))) : null,
    stored.length
      ? h(
          "div",
          { class: "stored-foot" },
          h(
            "button",
            { type: "button", class: "ghost small-btn", "data-act": "refresh", "aria-disabled": lookupState === "loading" ? "true" : null, onclick: () => void refreshLookup() },
            lookupState === "loading" ? s.listLoading : `⟳ ${s.refreshList}`,
          ),
        )
      : null,
  );
  if (keep) {
    const sel = `[data-act="${CSS.escape(keep.act)}"]`;
    (keep.session ? el.querySelector<HTMLElement>(`[data-session="${CSS.escape(keep.session)}"] ${sel}`) : el.querySelector<HTMLElement>(sel))?.focus();
  }
}

function phaseLabel(st: SessionStatus): string {
  const s = t();
  if (st.phase === "lobby") return s.phaseLobby;
  if (st.phase === "final") return s.phaseFinal;
  const total = st.roundCount ?? 0;
  return s.phaseRound(Math.min((st.round ?? 0) + 1, total || (st.round ?? 0) + 1), total);
}

function storedRow(sc: string, st: SessionStatus | undefined): HTMLElement {
  const s = t();
  const kind = rowKind(st);
  const busy = rowBusy.get(sc);
  const error = rowError.get(sc);
  const described = `stored-${sc}`;
  // while an action runs the buttons stay focusable (aria-disabled); the handlers ignore a second click
  const btn = (act: string, label: string, cls: string, onclick: () => void) =>
    h("button", { type: "button", class: `${cls} small-btn`.trim(), "data-act": act, "aria-describedby": described, "aria-disabled": busy ? "true" : null, onclick }, label);
  const badge: Record<RowKind, [string, string] | null> = {
    live: [s.badgeLive, "badge live"],
    resumable: [s.badgeResumable, "badge waiting"],
    stopped: [s.badgeStopped, "badge stopped"],
    final: [s.badgeFinal, "badge final"],
    notfound: [s.badgeNotFound, "badge gone"],
    unknown: lookupState === "loading" ? null : [s.badgeUnknown, "badge stopped"],
  };
  const b = badge[kind];
  const actions: (HTMLElement | null)[] = [];
  if (kind === "unknown" || ((kind === "live" || kind === "final") && st?.live)) actions.push(btn("open", s.open, "", () => !rowBusy.has(sc) && reopen(sc)));
  if (kind === "resumable") actions.push(btn("resume", busy === "resume" ? s.resuming : s.resumeSession, "go", () => void resumeFromList(sc)));
  if (st?.found && st.packTitle !== null) {
    actions.push(
      btn("report", `📊 ${s.reportBtn}`, "secondary", () => {
        const key = localGet(STORAGE.hostKey(sc));
        if (key) openReport(sc, key);
      }),
    );
  }
  if (st?.found) actions.push(btn("delete", busy === "delete" ? s.deleting : s.deleteData, "danger", () => void deleteFromList(sc)));
  actions.push(
    h(
      "button",
      { type: "button", class: "ghost small-btn", "data-act": "forget", "aria-label": s.forgetLabel(sc), "aria-disabled": busy ? "true" : null, onclick: () => !busy && forgetLocal(sc) },
      s.forget,
    ),
  );
  const meta: string[] = [];
  if (st?.found) {
    meta.push(phaseLabel(st));
    if (typeof st.playerCount === "number") meta.push(s.participants(st.playerCount));
    if (typeof st.teamCount === "number") meta.push(s.teamCountOf(st.teamCount));
  }
  return h(
    "li",
    { class: `stored-row kind-${kind}`, "data-session": sc, "data-status": kind },
    h(
      "div",
      { class: "stored-head" },
      h("span", { class: "stored-code", id: described }, sc),
      b ? h("span", { class: b[1], "data-badge": kind }, b[0]) : h("span", { class: "muted small" }, "…"),
    ),
    st?.found && st.packTitle ? h("p", { class: "stored-pack" }, say(st.packTitle, lang())) : null,
    meta.length ? h("p", { class: "stored-meta small" }, meta.join(" · ")) : null,
    st?.found && st.createdAt ? h("p", { class: "stored-meta small muted" }, s.createdOn(formatWhen(st.createdAt))) : null,
    kind === "notfound" ? h("p", { class: "small muted" }, s.notFoundNote) : null,
    kind === "stopped" ? h("p", { class: "small muted" }, s.packMissingNote) : null,
    error ? h("p", { class: "alert small", role: "alert" }, error) : null,
    h("div", { class: "stored-actions" }, actions),
  );
}

/** Asks the server about every session this device holds a key for. */
async function refreshLookup(): Promise<void> {
  const list = storedSessions()
    .map((sc) => ({ code: sc, key: localGet(STORAGE.hostKey(sc)) ?? "" }))
    .filter((x) => x.key);
  const seq = ++lookupSeq;
  if (list.length === 0) {
    lookup = new Map();
    lookupState = "done";
    fillStored();
    return;
  }
  lookupState = "loading";
  fillStored();
  const r = await lookupSessions(list);
  if (seq !== lookupSeq) return;
  if (r.ok) {
    lookup = new Map(r.value.map((x) => [x.code, x]));
    lookupState = "done";
  } else lookupState = "failed";
  fillStored();
}

function failText(reason: Failure): string {
  const s = t();
  if (reason === "NETWORK") return s.networkError;
  if (reason === "INVALID_HOST_KEY") return s.badKey;
  return reasonText(reason);
}

function forgetLocal(sc: string): void {
  localSet(STORAGE.hostKey(sc), null);
  localSet(hostTokenKey(sc), null);
  lookup?.delete(sc);
  rowError.delete(sc);
  fillStored();
  focusStoredHeading();
}

function focusStoredHeading(): void {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) document.getElementById("stored-h")?.focus();
}

async function resumeFromList(sc: string): Promise<void> {
  const key = localGet(STORAGE.hostKey(sc));
  if (!key || rowBusy.has(sc)) return;
  rowBusy.set(sc, "resume");
  rowError.delete(sc);
  fillStored();
  const r = await resumeSession(sc, key);
  rowBusy.delete(sc);
  if (r.ok) {
    if (!code) reopen(sc, r.value.resumed);
    return;
  }
  rowError.set(sc, failText(r.reason));
  fillStored();
  void refreshLookup();
}

async function deleteFromList(sc: string): Promise<void> {
  const s = t();
  const key = localGet(STORAGE.hostKey(sc));
  if (!key || rowBusy.has(sc)) return;
  if (!confirm(s.deleteConfirm(sc))) return;
  rowBusy.set(sc, "delete");
  rowError.delete(sc);
  fillStored();
  const r = await deleteSession(sc, key);
  rowBusy.delete(sc);
  if (r.ok || r.reason === "SESSION_NOT_FOUND") {
    toast(s.deleted(sc));
    forgetLocal(sc);
    return;
  }
  rowError.set(sc, failText(r.reason));
  fillStored();
  if (r.reason === "SESSION_LIVE") void refreshLookup();
}

// ---- the report screen ------------------------------------------------------------------

function openReport(sc: string, key: string): void {
  reportState = { code: sc, key, report: null, loading: true, error: "" };
  render();
  scrollTo(0, 0);
  document.getElementById("report-h")?.setAttribute("tabindex", "-1");
  document.getElementById("report-h")?.focus();
  void loadReport();
}

async function loadReport(): Promise<void> {
  const rs = reportState;
  if (!rs) return;
  rs.loading = true;
  rs.error = "";
  render();
  const r = await fetchReport(rs.code, rs.key);
  if (reportState !== rs) return;
  rs.loading = false;
  if (r.ok) rs.report = r.value;
  else rs.error = failText(r.reason);
  // keep the focus where it was (the reload button), else on the report's title
  const active = document.activeElement as HTMLElement | null;
  const act = active?.closest("#report") ? active.dataset.act : undefined;
  render();
  const again = act ? document.querySelector<HTMLElement>(`#report [data-act="${CSS.escape(act)}"]`) : null;
  if (again) again.focus();
  else if (!document.activeElement || document.activeElement === document.body) {
    const head = document.getElementById("report-h");
    head?.setAttribute("tabindex", "-1");
    head?.focus();
  }
}

function closeReport(): void {
  const from = reportState?.code;
  reportState = null;
  sessionEls = null;
  render();
  if (code) update();
  else {
    void refreshLookup();
    if (from) document.querySelector<HTMLElement>(`[data-session="${CSS.escape(from)}"] [data-act="report"]`)?.focus();
  }
}

function reopen(sc: string, resumed = false): void {
  const key = localGet(STORAGE.hostKey(sc));
  if (!key) return;
  code = sc;
  hostKey = key;
  freshLink = null;
  resumedNotice = resumed;
  openSession();
}

function goHome(): void {
  void conn?.leave();
  conn = null;
  room = null;
  state = null;
  code = "";
  hostKey = "";
  freshLink = null;
  failure = null;
  status = "idle";
  sessionEls = null;
  resumedNotice = false;
  failStatus = null;
  failError = "";
  reportState = null;
  history.replaceState(null, "", location.pathname);
  renderStatus();
  render();
  void refreshLookup();
  if (!packs && !packsFailed) void loadPacks();
}

// ---- connection ------------------------------------------------------------------------

function openSession(): void {
  // the key stays out of the address bar (screens are often projected); the
  // code stays so that a reload reopens this session with the stored key
  history.replaceState(null, "", `${location.pathname}#code=${code}`);
  failure = null;
  sessionEls = null;
  teamsSig = "";
  void fetch("/api/info")
    .then((r) => (r.ok ? r.json() : null))
    .then((info: { joinUrl?: string } | null) => {
      if (info?.joinUrl) {
        joinBase = info.joinUrl.replace(/\/+$/, "");
        if (sessionEls) updateSession(true);
      }
    })
    .catch(() => undefined);
  let me: Connection | null = null;
  me = conn = keepConnected({
    code,
    tokenKey: hostTokenKey(code),
    join: () => ({ kind: "host", hostKey }),
    onRoom: (r) => {
      room = r;
      r.onMessage(SERVER_MESSAGES.refused, (m: RefusalMessage) => toast(isReason(m.reason) ? reasonText(m.reason) : c().reasons.SERVER_ERROR));
      r.onMessage(SERVER_MESSAGES.welcome, () => undefined);
      r.onMessage(SERVER_MESSAGES.removed, () => undefined);
      r.onMessage(SERVER_MESSAGES.wall, (m: WallMessage) => {
        wallMsg = m;
        if (state?.teams && sessionEls) renderDebrief(state);
      });
      r.onMessage(SERVER_MESSAGES.saveTrouble, (m: SaveTroubleMessage) => {
        saveTrouble = m.failing ? { kind: m.kind, detail: m.detail } : null;
        renderStatus();
      });
      r.onStateChange((s: unknown) => {
        state = s as RoomStateView;
        if (state?.teams) update();
      });
      listenTexts(r, () => {
        if (state?.teams) update();
      });
      const initial = r.state as RoomStateView | undefined;
      if (initial && initial.teams) {
        state = initial;
        update();
      }
    },
    onStatus: (next, f) => {
      if (me && conn !== me) return; // a connection this console has left
      let st: ConnStatus = next;
      if (st === "lost" && f?.reason === "SESSION_WAITING") {
        // Saved but not running (the server restarted): the trainer decides
        // whether to resume it, so the console stops asking.
        st = "failed";
        void me?.leave();
      }
      status = st;
      if (st === "failed" || st === "banned" || st === "replaced" || st === "removed" || st === "closed") {
        failure = f ?? null;
        room = null;
      }
      if (st === "ok") {
        failStatus = null;
        failError = "";
      }
      if (st !== "ok" && st !== "reconnecting") room = st === "lost" ? null : room;
      renderStatus();
      if (stopped()) {
        render();
        const reason = failure?.reason;
        if (st === "failed" && (reason === "ROOM_NOT_FOUND" || reason === "SESSION_WAITING" || reason === "SESSION_NOT_FOUND")) void checkFailure();
      } else update();
    },
  });
  render();
}

// ---- session screen ----------------------------------------------------------------------

interface SessionEls {
  root: HTMLElement;
  phase: HTMLElement;
  round: HTMLElement;
  time: HTMLElement;
  cardTitle: HTMLElement;
  paused: HTMLElement;
  joinUrl: HTMLElement;
  roomNote: HTMLElement;
  count: HTMLElement;
  buttons: Record<string, HTMLButtonElement>;
  startHint: HTMLElement;
  teams: HTMLElement;
  final: HTMLElement;
  /** The three-part debrief and the closing reflection (client/host/debrief.ts). */
  debrief: HTMLElement;
  resumed: HTMLElement;
  resumedCount: HTMLElement;
  resumedPaused: HTMLElement;
  /** The trainer's key (hidden behind a button while deciding), the notes at the reveal, the planned length in the lobby. */
  key: HTMLElement;
}
let sessionEls: SessionEls | null = null;
let teamsSig = "";
let finalSig = "";
const openMenus = new Set<string>();

function actionButton(action: string, label: string, cls = "", onclick?: () => void): HTMLButtonElement {
  return h(
    "button",
    { type: "button", class: `act ${cls}`.trim(), "data-action": action, onclick: onclick ?? (() => send({ action } as HostAction)) },
    label,
  );
}

function buildSession(): SessionEls {
  const s = t();
  const buttons: Record<string, HTMLButtonElement> = {
    start: actionButton("start", s.start, "go"),
    next: actionButton("next", s.next, "go"),
    pause: actionButton("pause", s.pause, "secondary"),
    resume: actionButton("resume", s.resume, "go"),
    addTime: actionButton("addTime", s.addTime, "secondary", () => send({ action: "addTime", seconds: 30 })),
    reveal: actionButton("reveal", s.reveal, "secondary"),
    skip: actionButton("skip", s.skip, "secondary"),
    end: actionButton("end", s.end, "danger", () => {
      if (confirm(s.endConfirm)) send({ action: "end" });
    }),
    lockRoom: actionButton("lockRoom", s.lockRoom, "secondary", () => send({ action: "lockRoom", locked: !state?.roomLocked })),
    viewResults: actionButton("viewResults", s.boardResults, "secondary", () => sendBoard({ view: "results" })),
    viewResponses: actionButton("viewResponses", s.boardResponses, "secondary", () => sendBoard({ view: "responses" })),
    mute: actionButton("mute", "", "secondary", () => sendBoard({ volume: (state?.volume ?? 6) > 0 ? 0 : 6 })),
  };
  const volume = h("input", { type: "range", id: "board-volume", min: 0, max: 10, step: 1, "aria-label": s.boardVolume });
  volume.addEventListener("change", () => sendBoard({ volume: Number(volume.value) }));
  const startHint = h("p", { class: "small muted start-hint", id: "start-hint", hidden: true }, s.startHint);
  const els: SessionEls = {
    root: h("div", { class: "session" }),
    phase: h("strong", { id: "phase" }),
    round: h("span", { id: "round" }),
    time: h("span", { id: "time-left", class: "time" }),
    cardTitle: h("span", { id: "card-title" }),
    paused: h("span", { class: "tag dark", hidden: true }, `❚❚ ${c().paused}`),
    joinUrl: h("a", { id: "join-url", class: "join-url", target: "_blank", rel: "noopener" }),
    roomNote: h("p", { class: "small muted", id: "room-note" }),
    count: h("span", { class: "muted small" }),
    buttons,
    startHint,
    teams: h("div", { id: "teams", class: "teams" }),
    final: h("section", { id: "final", class: "panel final", "aria-labelledby": "final-h", hidden: true }),
    debrief: h("section", { id: "debrief", class: "panel debrief-panel", "aria-labelledby": "debrief-h", hidden: true }),
    resumed: h("section", { id: "resumed", class: "panel alert warn resumed", role: "status", "aria-labelledby": "resumed-h", hidden: !resumedNotice }),
    resumedCount: h("span", { id: "resumed-count" }),
    resumedPaused: h("strong", { id: "resumed-paused", class: "resumed-paused", hidden: true }, `❚❚ ${s.resumedPaused}`),
    key: h("div", { id: "key-panel", class: "key-panel" }),
  };
  mount(
    els.resumed,
    h("h2", { id: "resumed-h" }, `✓ ${s.resumedTitle}`),
    h("p", null, s.resumedText, " ", els.resumedCount),
    els.resumedPaused,
    h(
      "button",
      {
        type: "button",
        class: "ghost small-btn",
        "data-act": "dismiss-resumed",
        onclick: () => {
          resumedNotice = false;
          els.resumed.hidden = true;
          els.buttons.resume?.classList.remove("attention");
        },
      },
      s.dismiss,
    ),
  );
  const linkBox = freshLink
    ? h(
        // Folded by default: the laptop may be mirrored to the projector, and the link carries the key.
        "details",
        { class: "panel alert ok once host-link-box" },
        h("summary", null, h("strong", { id: "hostlink-h" }, `🔑 ${s.hostLink}`), " ", h("span", { class: "small" }, s.hostLinkReveal)),
        copyRow("host-link", s.hostLinkHint, freshLink),
        h("p", { class: "small" }, s.hostLinkOnce),
        h(
          "button",
          {
            type: "button",
            class: "ghost small-btn",
            onclick: () => {
              freshLink = null;
              sessionEls = null;
              render();
            },
          },
          s.dismiss,
        ),
      )
    : null;
  mount(
    els.root,
    h(
      "nav",
      { class: "session-nav", "aria-label": s.allSessions },
      h("button", { type: "button", class: "ghost small-btn", "data-act": "home", title: s.allSessionsHint, onclick: goHome }, `← ${s.allSessions}`),
    ),
    linkBox,
    els.resumed,
    h(
      "div",
      { class: "session-grid" },
      h(
        "section",
        { class: "panel code-panel", "aria-labelledby": "code-h" },
        h("h2", { id: "code-h", class: "code-label" }, c().roomCode),
        h("p", { id: "room-code", class: "room-code", "aria-live": "off" }, code),
        h("p", { class: "join-line" }, `${s.joinAt} `, els.joinUrl),
        els.roomNote,
        h(
          "div",
          { class: "link-row" },
          h(
            "button",
            { type: "button", class: "secondary", onclick: () => window.open(`/board.html?code=${encodeURIComponent(code)}`, `arena-board-${code}`) },
            `▣ ${s.openBoard}`,
          ),
          h("a", { class: "button secondary", href: `/watch.html?code=${encodeURIComponent(code)}`, target: "_blank", rel: "noopener" }, s.observerLink),
          h("button", { type: "button", class: "secondary", "data-act": "report", onclick: () => openReport(code, hostKey) }, `📊 ${s.openReport}`),
        ),
      ),
      h(
        "section",
        { class: "panel run-panel", "aria-labelledby": "controls-h" },
        h("h2", { id: "controls-h" }, s.controls),
        h(
          "dl",
          { class: "facts run-facts" },
          h("div", null, h("dt", null, s.phase), h("dd", null, els.phase, " ", els.paused)),
          h("div", null, h("dt", null, s.card), h("dd", null, els.round)),
          h("div", null, h("dt", null, s.timeLeft), h("dd", null, els.time)),
        ),
        h("p", { class: "card-line" }, els.cardTitle),
        els.key,
        h(
          "div",
          { class: "controls" },
          h("div", { class: "ctl-main" }, buttons.start, buttons.next),
          startHint,
          h("div", { class: "ctl-row" }, buttons.pause, buttons.resume, buttons.addTime, buttons.reveal, buttons.skip),
          h("div", { class: "ctl-row" }, buttons.lockRoom, buttons.end),
          h(
            "div",
            { class: "ctl-row board-ctl", role: "group", "aria-labelledby": "board-ctl-h" },
            h("span", { class: "small muted", id: "board-ctl-h" }, s.boardControls),
            buttons.viewResults,
            buttons.viewResponses,
            buttons.mute,
            h("label", { class: "small volume" }, `🔊 `, volume),
          ),
        ),
      ),
    ),
    els.final,
    els.debrief,
    h(
      "section",
      { class: "teams-section", "aria-labelledby": "teams-h" },
      h("div", { class: "teams-head" }, h("h2", { id: "teams-h" }, s.teams), els.count),
      els.teams,
    ),
  );
  return els;
}

function nextLabel(st: RoomStateView): string {
  const s = t();
  switch (st.phase) {
    case "briefing":
      return s.nextDecide;
    case "deciding":
      // greyed while teams decide: say why, and what opens it
      return s.nextWhileDeciding;
    case "reveal":
      return s.nextScoreboard;
    case "scoreboard":
      return (st.round ?? 0) + 1 >= (st.roundCount ?? 0) ? s.nextFinal : s.nextCard;
    default:
      return s.next;
  }
}

/** Card titles seen during the session, by id: the final summary names its hardest cards by id. */
const cardTitles = new Map<string, Text>();

/** The room patches the seconds left only every few seconds: the console counts down in between. */
const countdown = new Countdown();
function showTime(): void {
  const els = sessionEls;
  const st = state;
  if (!els || !st || !st.teams) return;
  const deciding = st.phase === "deciding";
  const left = countdown.read(st);
  setText(els.time, deciding ? clock(left) : "—");
  els.time.classList.toggle("low", deciding && left <= 10);
}
setInterval(showTime, 250);

function updateSession(force = false): void {
  const els = sessionEls;
  if (!els) return;
  const s = t();
  const st = state;
  const online = status === "ok" && !!room;
  setText(topCode, code);
  setText(els.joinUrl, `${joinBase}/j/${code}`);
  els.joinUrl.setAttribute("href", `${joinBase}/j/${code}`);
  if (!st || !st.teams) {
    Object.values(els.buttons).forEach((b) => (b.disabled = true));
    return;
  }
  const phase = st.phase;
  els.root.classList.toggle("is-final", phase === "final");
  setText(els.phase, c().phases[phase]);
  els.paused.hidden = !st.paused;
  const inGame = phase !== "lobby" && phase !== "final";
  setText(els.round, phase === "lobby" ? s.noRoundYet : s.round(Math.min((st.round ?? 0) + 1, (st.roundCount ?? 0)), (st.roundCount ?? 0)));
  showTime();
  const card = inGame ? parseCard(st) : null;
  if (card) cardTitles.set(card.id, card.title);
  setText(els.cardTitle, card ? `${card.icon ? card.icon + " " : ""}${say(card.title, lang())}` : "");
  els.cardTitle.parentElement!.hidden = !card;
  setText(els.roomNote, st.roomLocked ? `🔒 ${s.roomLockedNote}` : s.roomOpenNote);
  let members = 0;
  for (const tm of st.teams) members += tm.members.length;
  setText(els.count, `${s.participants(members)} · ${s.observers(st.observers ?? 0)}`);

  const b = els.buttons;
  const enable: Record<string, boolean> = {
    start: phase === "lobby" && members > 0,
    next: phase === "briefing" || phase === "reveal" || phase === "scoreboard",
    pause: phase === "deciding" && !st.paused,
    resume: phase === "deciding" && st.paused,
    addTime: phase === "deciding",
    reveal: phase === "deciding",
    skip: inGame,
    end: phase !== "final",
    lockRoom: phase !== "final",
    viewResults: phase === "reveal",
    viewResponses: phase === "reveal",
    mute: true,
  };
  for (const [k, btn] of Object.entries(b)) btn.disabled = !online || !enable[k];
  b.pause!.hidden = st.paused && phase === "deciding";
  b.resume!.hidden = !b.pause!.hidden;
  b.start!.hidden = phase !== "lobby";
  els.startHint.hidden = !(phase === "lobby" && members === 0);
  b.next!.hidden = phase === "lobby";
  setText(b.next!, `${nextLabel(st)} →`);
  setText(b.lockRoom!, st.roomLocked ? `🔓 ${s.unlockRoom}` : `🔒 ${s.lockRoom}`);
  b.lockRoom!.setAttribute("aria-pressed", st.roomLocked ? "true" : "false");
  b.viewResults!.setAttribute("aria-pressed", phase === "reveal" && !st.boardView ? "true" : "false");
  b.viewResponses!.setAttribute("aria-pressed", phase === "reveal" && st.boardView === 1 ? "true" : "false");
  const level = st.volume ?? 6;
  setText(b.mute!, level > 0 ? `🔇 ${s.boardMute}` : `🔈 ${s.boardUnmute}`);
  const slider = els.root.querySelector<HTMLInputElement>("#board-volume");
  if (slider && document.activeElement !== slider) slider.value = String(level);
  if (slider) slider.disabled = !online;

  // after a resume: who is back, and the paused round waiting for "Resume timer"
  els.resumed.hidden = !resumedNotice;
  const waitingTimer = resumedNotice && phase === "deciding" && st.paused;
  els.resumedPaused.hidden = !waitingTimer;
  b.resume!.classList.toggle("attention", waitingTimer);
  if (resumedNotice) {
    let back = 0;
    for (const tm of st.teams) for (const m of tm.members) if (m.connected) back++;
    setText(els.resumedCount, members ? s.resumedBack(back, members) : "");
  }

  renderKey(st, force);
  renderTeams(st, force);
  renderFinal(st, force);
  renderDebrief(st);
}

// ---- the debrief and the closing reflection ---------------------------------------------

let wallMsg: WallMessage | null = null;
const debriefData: { code: string; report: SessionReport | null; loading: boolean; failed: boolean } = { code: "", report: null, loading: false, failed: false };

function loadDebrief(): void {
  const forCode = code;
  debriefData.loading = true;
  debriefData.failed = false;
  void fetchReport(forCode, hostKey).then((r) => {
    if (debriefData.code !== forCode) return;
    debriefData.loading = false;
    if (r.ok) debriefData.report = r.value;
    else debriefData.failed = true;
    if (state?.teams && sessionEls) renderDebrief(state);
  });
}

function renderDebrief(st: RoomStateView): void {
  const els = sessionEls;
  if (!els) return;
  const isFinal = st.phase === "final";
  els.debrief.hidden = !isFinal;
  if (!isFinal) return;
  if (debriefData.code !== code) Object.assign(debriefData, { code, report: null, loading: false, failed: false });
  // the final is saved at once; the report is read back from the store
  if (!debriefData.report && !debriefData.loading && !debriefData.failed) setTimeout(loadDebrief, 800), (debriefData.loading = true);
  const focused = document.activeElement?.id;
  mount(
    els.debrief,
    debriefPanel({
      report: debriefData.report,
      loading: debriefData.loading,
      failed: debriefData.failed,
      wall: wallMsg,
      wallOnBoard: st.boardView === 1,
      onLoad: loadDebrief,
      onClose: () => send({ action: "closeReflection" }),
      onHide: (playerId, hidden) => send({ action: "hideActivity", playerId, hidden }),
      onBoard: (wall) => sendBoard({ view: wall ? "responses" : "results" }),
    }),
  );
  if (focused) document.getElementById(focused)?.focus();
}

/**
 * The facilitator's panel: the planned length before the start; while the
 * card is read and decided, the key (condition, each option's Prime) behind a
 * button, since the laptop may be mirrored to the projector; at the reveal,
 * the facilitator notes and the reflection question for the discussion.
 */
function renderKey(st: RoomStateView, force: boolean): void {
  const els = sessionEls;
  if (!els) return;
  const s = t();
  const phase = st.phase;
  const card = phase !== "lobby" && phase !== "final" ? parseCard(st) : null;
  if (st.round !== keyRound) {
    keyRound = st.round;
    keyShown = false;
  }
  const sig = JSON.stringify([phase, st.round, st.roundCount, st.roundSeconds, keyShown, textsVersion(), lang()]);
  if (!force && sig === keySig) return;
  keySig = sig;
  if (phase === "lobby") {
    mount(els.key, plannedLine(st.roundCount ?? 0, st.roundSeconds ?? 0), h("a", { href: `/host.html#cards=${encodeURIComponent(st.packId)}&from=${encodeURIComponent(code)}`, target: "_blank", rel: "noopener" }, `🖨 ${s.printSheet}`));
    return;
  }
  if (!card) {
    mount(els.key);
    return;
  }
  if (!card.diagnose) {
    mount(els.key, h("p", { class: "small muted" }, s.conditionShown));
    if (phase === "briefing" || phase === "deciding") return;
  }
  if (phase === "briefing" || phase === "deciding") {
    const toggle = h(
      "button",
      {
        type: "button",
        class: "secondary small-btn",
        id: "show-key",
        "aria-expanded": keyShown ? "true" : "false",
        onclick: () => {
          keyShown = !keyShown;
          if (state) renderKey(state, true);
          document.getElementById("show-key")?.focus();
        },
      },
      keyShown ? `🙈 ${s.hideKey}` : `🔑 ${s.showKey}`,
    );
    mount(
      els.key,
      toggle,
      keyShown && card.condition
        ? h(
            "div",
            { class: "key-body", role: "note", "aria-label": s.keyTitle },
            h("p", { class: "small" }, h("strong", null, `${s.keyTitle}. `), `${s.keyCondition}: `, h("span", { class: `tag cond cond-${card.condition}` }, c().conditions[card.condition])),
            h("ul", { class: "key-options" }, card.options.map((o, i) => h("li", null, h("strong", null, optionLabel(i, o.prime ? c().primes[o.prime] : undefined)), " — ", say(o.text, lang())))),
            card.facilitator ? h("p", { class: "small" }, h("strong", null, `${s.facilitatorNotes}: `), say(card.facilitator, lang())) : null,
          )
        : null,
    );
    return;
  }
  // reveal and scoreboard: the notes for the discussion
  const reveal = parseReveal(st);
  mount(
    els.key,
    h(
      "div",
      { class: "key-body" },
      h("p", { class: "small" }, h("strong", null, `${s.facilitatorNotes}: `), card.facilitator ? say(card.facilitator, lang()) : s.noNotes),
      reveal ? h("p", { class: "small" }, h("strong", null, `${s.reflectionQuestion}: `), say(reveal.card.reflection, lang())) : null,
    ),
  );
}

// ---- teams ------------------------------------------------------------------------------

function teamSignature(st: RoomStateView): string {
  const out: unknown[] = [lang(), status];
  for (const tm of st.teams) {
    const votes: unknown[] = [];
    tm.votes?.forEach((code, id) => votes.push([id, code]));
    out.push([
      tm.index,
      tm.captain,
      tm.locked,
      tm.lockedBy,
      tm.score,
      tm.reason ?? "",
      votes,
      Array.from(tm.members, (m) => [m.id, m.name, m.roles, m.connected]),
    ]);
  }
  out.push(st.phase === "lobby" || st.phase === "final" ? st.phase : "game");
  return JSON.stringify(out);
}

function renderTeams(st: RoomStateView, force: boolean): void {
  const els = sessionEls!;
  const sig = teamSignature(st);
  if (!force && sig === teamsSig) return;
  teamsSig = sig;
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active && els.teams.contains(active) ? active.dataset.key : undefined;
  const teams = Array.from(st.teams);
  mount(els.teams, teams.map((tm) => teamCard(tm, teams.length, st)));
  if (focusKey) els.teams.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
}

function teamCard(tm: TeamView, teamTotal: number, st: RoomStateView): HTMLElement {
  const s = t();
  const members = Array.from(tm.members);
  const showVotes = st.phase === "deciding" || st.phase === "briefing" || st.phase === "reveal";
  return h(
    "article",
    { class: "panel team", "data-team": tm.index, "aria-labelledby": `team-${tm.index}-h` },
    h(
      "header",
      { class: "team-head" },
      h("h3", { id: `team-${tm.index}-h` }, teamChip(tm.index)),
      h("span", { class: "team-score" }, c().points(tm.score ?? 0)),
    ),
    h(
      "p",
      { class: "team-status small" },
      h("span", null, c().sentOf(tm.sent ?? 0, members.length)),
      " · ",
      tm.locked
        ? h("span", { class: "tag good" }, `🔒 ${s.teamLocked}${lockCauseOf(tm) ? ` (${s.lockedBy[lockCauseOf(tm)!] ?? lockCauseOf(tm)})` : ""}`)
        : h("span", { class: "tag" }, s.teamOpen),
    ),
    members.length === 0
      ? h("p", { class: "muted small" }, s.noMembers)
      : h(
          "ul",
          { class: "members" },
          members.map((m) => memberRow(m, tm, teamTotal, showVotes)),
        ),
    showVotes || tm.reason
      ? h(
          "div",
          { class: "team-reason" },
          h("strong", null, `${s.captainReason}: `),
          tm.reason ? h("q", null, tm.reason) : h("span", { class: "muted" }, s.noReason),
        )
      : null,
  );
}

function memberRow(m: MemberView, tm: TeamView, teamTotal: number, showVotes: boolean): HTMLElement {
  const s = t();
  const isCaptain = tm.captain === m.id;
  const vote = voteOf(tm, m.id);
  const roles = rolesOf(m).map((r) => c().roles[r]);
  const menu = h(
    "details",
    { class: "member-menu", open: openMenus.has(m.id) },
    h("summary", { "data-key": `menu-${m.id}`, "aria-label": s.actionsFor(m.name) }, s.actions),
    h(
      "div",
      { class: "menu-body" },
      h(
        "button",
        { type: "button", class: "secondary small-btn", "data-key": `cap-${m.id}`, disabled: isCaptain, onclick: () => send({ action: "passCaptain", playerId: m.id }) },
        `★ ${s.makeCaptain}`,
      ),
      teamTotal > 1
        ? h(
            "select",
            {
              class: "move-select",
              "data-key": `move-${m.id}`,
              "aria-label": s.moveLabel(m.name),
              onchange: (e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                if (v !== "") send({ action: "movePlayer", playerId: m.id, team: Number(v) });
              },
            },
            h("option", { value: "", selected: true }, s.moveTo),
            Array.from({ length: teamTotal }, (_, i) => i)
              .filter((i) => i !== tm.index)
              .map((i) => h("option", { value: i }, c().team(i + 1))),
          )
        : null,
      h(
        "button",
        {
          type: "button",
          class: "secondary small-btn",
          "data-key": `ren-${m.id}`,
          onclick: () => {
            const name = prompt(s.renamePrompt(m.name), m.name);
            if (name !== null && name.trim() && name.trim() !== m.name) send({ action: "renamePlayer", playerId: m.id, name: name.trim() });
          },
        },
        s.rename,
      ),
      h(
        "button",
        {
          type: "button",
          class: "danger small-btn",
          "data-key": `rm-${m.id}`,
          onclick: () => {
            if (confirm(s.removeConfirm(m.name))) send({ action: "removePlayer", playerId: m.id });
          },
        },
        s.remove,
      ),
      h(
        "button",
        {
          type: "button",
          class: "danger small-btn",
          "data-key": `ban-${m.id}`,
          onclick: () => {
            if (confirm(s.banConfirm(m.name))) send({ action: "banPlayer", playerId: m.id });
          },
        },
        `⛔ ${s.ban}`,
      ),
    ),
  );
  menu.addEventListener("toggle", () => {
    if (menu.open) openMenus.add(m.id);
    else openMenus.delete(m.id);
  });
  return h(
    "li",
    { class: m.connected ? "member" : "member offline" },
    h(
      "div",
      { class: "member-main" },
      h("span", { class: "member-name" }, m.name),
      isCaptain ? h("span", { class: "tag dark" }, s.captainMark) : null,
      vote ? h("span", { class: "tag good" }, s.sent) : null,
      !m.connected ? h("span", { class: "tag bad" }, s.disconnected) : null,
    ),
    roles.length ? h("div", { class: "member-roles small muted" }, roles.join(" · ")) : null,
    showVotes
      ? h(
          "div",
          { class: "member-vote small" },
          `${s.vote}: `,
          vote ? h("strong", null, optionLetter(vote.option)) : h("span", { class: "muted" }, s.noVote),
          vote?.diagnosis ? h("span", { class: `tag cond cond-${vote.diagnosis}` }, c().conditions[vote.diagnosis]) : null,
          vote?.commit ? h("span", { class: "tag" }, `🤝 ${s.commits}`) : null,
        )
      : null,
    menu,
  );
}

// ---- final summary ----------------------------------------------------------------------

function renderFinal(st: RoomStateView, force: boolean): void {
  const els = sessionEls!;
  const isFinal = st.phase === "final";
  els.final.hidden = !isFinal;
  if (!isFinal) return;
  const sig = `${lang()}|${textsVersion()}`;
  if (!force && sig === finalSig) return;
  finalSig = sig;
  const s = t();
  const summary = parseSummary(st);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const conds = ["volatility", "uncertainty", "complexity", "ambiguity"] as const;
  mount(
    els.final,
    h("h2", { id: "final-h" }, `🏆 ${s.summary}`),
    !summary
      ? h("p", { class: "muted" }, s.noSummary)
      : [
          h("h3", null, s.ranking),
          h(
            "div",
            { class: "table-wrap", tabindex: 0, role: "region", "aria-label": s.ranking },
            h(
              "table",
              { class: "summary-table" },
              h(
                "thead",
                null,
                h(
                  "tr",
                  null,
                  h("th", { scope: "col" }, s.rank),
                  h("th", { scope: "col" }, s.teams),
                  h("th", { scope: "col" }, s.score),
                  h("th", { scope: "col" }, s.diagnosisRateCol),
                  h("th", { scope: "col" }, s.bestChoices),
                  h("th", { scope: "col" }, s.collaboration),
                  conds.map((k) => h("th", { scope: "col" }, c().conditions[k])),
                ),
              ),
              h(
                "tbody",
                null,
                summary.ranking.map((r) =>
                  h(
                    "tr",
                    null,
                    h("td", { class: "num" }, `#${r.rank}`),
                    h("th", { scope: "row" }, teamChip(r.team)),
                    h("td", { class: "num" }, h("strong", null, String(r.score))),
                    h("td", { class: "num" }, r.diagnosisRounds ? `${r.diagnosisRight}/${r.diagnosisRounds}` : "—"),
                    h("td", { class: "num" }, String(r.bestChoices)),
                    h("td", { class: "num" }, pct(r.collaborationRate)),
                    conds.map((k) => {
                      const v = r.byCondition?.[k];
                      return h("td", { class: "num" }, v && v.max > 0 ? `${v.points}/${v.max}` : "–");
                    }),
                  ),
                ),
              ),
            ),
          ),
          h("p", { class: "small muted" }, s.byCondition),
          ...(summary.hardestEvents.length
            ? [
                h("h3", null, s.hardest),
                h(
                  "ol",
                  { class: "hardest" },
                  summary.hardestEvents.slice(0, 5).map((e) =>
                    h(
                      "li",
                      null,
                      h("span", null, `${s.card} ${e.round + 1} · ${cardTitles.has(e.eventId) ? say(cardTitles.get(e.eventId), lang()) : e.eventId}`),
                      h("span", { class: "bar-meter", "aria-hidden": "true" }, h("span", { style: `width:${Math.round(Math.max(0, Math.min(1, e.successRate)) * 100)}%` })),
                      h("span", { class: "num" }, `${s.successRate} ${pct(e.successRate)}`),
                    ),
                  ),
                ),
              ]
            : []),
        ],
    h("h3", null, s.export),
    h(
      "div",
      { class: "link-row" },
      h("a", { class: "button", href: exportUrl(code, hostKey, "csv", lang()), download: "" }, `⬇ ${s.exportCsv}`),
      h("a", { class: "button", href: exportUrl(code, hostKey, "xlsx", lang()), download: "" }, `⬇ ${s.exportXlsx}`),
      h("a", { class: "button secondary", href: exportUrl(code, hostKey, "json", lang()), download: "" }, `⬇ ${s.exportJson}`),
      h("button", { type: "button", class: "secondary", "data-act": "report", onclick: () => openReport(code, hostKey) }, `📊 ${s.openReport}`),
    ),
  );
}

// ---- rendering ----------------------------------------------------------------------------

/** The console cannot show the session: refused, replaced, closed, or saved but not running. */
function stopped(): boolean {
  return status === "failed" || status === "replaced" || status === "closed";
}

/** Asks the server what became of the session whose room is not running. */
async function checkFailure(): Promise<void> {
  const sc = code;
  const key = hostKey;
  failStatus = "loading";
  failError = "";
  render();
  const r = await lookupSessions([{ code: sc, key }]);
  if (code !== sc || !stopped()) return;
  failStatus = r.ok ? (r.value[0] ?? null) : "failed";
  render();
}

async function resumeHere(): Promise<void> {
  if (failBusy || !code) return;
  failBusy = true;
  failError = "";
  render();
  const r = await resumeSession(code, hostKey);
  failBusy = false;
  if (r.ok) {
    const old = conn;
    conn = null;
    void old?.leave();
    resumedNotice = r.value.resumed;
    failStatus = null;
    openSession();
    return;
  }
  failError = failText(r.reason);
  render();
  if (r.reason === "GAME_OVER" || r.reason === "SESSION_NOT_FOUND") void checkFailure();
}

function failureScreen(): HTMLElement {
  const s = t();
  const reason = failure?.reason;
  const st = failStatus && typeof failStatus === "object" ? failStatus : null;
  const checked = failStatus !== "loading" && failStatus !== "failed";
  let text = c().connectionLost;
  if (status === "closed") text = s.closedHost;
  else if (status === "replaced") text = c().connectionLost;
  else if (st && !st.found) text = reason === "INVALID_HOST_KEY" ? s.badKey : s.notFoundNote;
  else if (st?.found && st.phase === "final") text = s.finishedNote;
  else if (reason === "SESSION_WAITING" || st?.resumable) text = s.waitingHost;
  else if (st?.found && !st.live && !st.resumable) text = s.packMissingNote;
  else if (reason === "ROOM_NOT_FOUND" || reason === "SESSION_NOT_FOUND") text = s.notRunning;
  else if (reason === "INVALID_HOST_KEY") text = s.badKey;
  else if (reason && reason !== "NETWORK") text = reasonText(reason);
  const canResume = !!st?.found && !!st.resumable;
  const canReport = !!st?.found && st.packTitle !== null;
  const gone =
    status === "closed" ||
    reason === "INVALID_HOST_KEY" ||
    (st !== null && !st.found) ||
    (checked && st === null && (reason === "ROOM_NOT_FOUND" || reason === "SESSION_NOT_FOUND"));
  const waiting = status !== "closed" && (reason === "SESSION_WAITING" || canResume);
  const forget = () => {
    localSet(STORAGE.hostKey(code), null);
    localSet(hostTokenKey(code), null);
    goHome();
  };
  return h(
    "section",
    { class: "panel stack fail-panel", id: "fail", "aria-labelledby": "fail-h", "data-reason": status === "closed" ? "CLOSED" : (reason ?? "") },
    h("h2", { id: "fail-h" }, s.sessionOf(code)),
    h("p", { class: waiting || (st?.found && st.phase === "final") ? "alert warn" : "alert", role: "alert" }, text),
    failStatus === "loading" ? h("p", { class: "muted small", role: "status" }, s.checking) : null,
    failError ? h("p", { class: "alert", role: "alert" }, failError) : null,
    h(
      "div",
      { class: "link-row" },
      canResume
        ? h("button", { type: "button", class: "go", "data-act": "resume", disabled: failBusy, onclick: () => void resumeHere() }, failBusy ? s.resuming : s.resumeSession)
        : null,
      canReport ? h("button", { type: "button", class: "secondary", "data-act": "report", onclick: () => openReport(code, hostKey) }, `📊 ${s.reportBtn}`) : null,
      gone || (st?.found && st.phase === "final")
        ? h("button", { type: "button", class: gone ? "danger" : "secondary", "data-act": "forget", "aria-label": s.forgetLabel(code), onclick: forget }, s.forget)
        : !canResume && !(st?.found && st.phase === "final")
          ? h(
              "button",
              {
                type: "button",
                "data-act": "retry",
                onclick: () => {
                  if (conn) conn.start();
                  else openSession();
                },
              },
              s.retry,
            )
          : null,
      h("button", { type: "button", class: "secondary", "data-act": "home", onclick: goHome }, s.backHome),
    ),
  );
}

function update(): void {
  try {
    doUpdate();
  } catch (err) {
    // a half-decoded state must never break the connection handling
    console.error(err);
  }
}

function doUpdate(): void {
  if (!code || reportState) return;
  if (stopped()) return;
  if (!sessionEls) {
    render();
    return;
  }
  updateSession();
}

function render(): void {
  const s = t();
  document.title = `Arena VUCA — ${s.title}`;
  setText($("page-title"), s.title);
  mount($("top-lang"), langButton());
  if (sheet) {
    setText(topCode, "");
    sessionEls = null;
    mount(mainEl, sheetScreen(sheet.pack, sheet.loading));
    return;
  }
  if (reportState) {
    const rs = reportState;
    setText(topCode, rs.code);
    sessionEls = null;
    mount(
      mainEl,
      reportScreen({
        code: rs.code,
        key: rs.key,
        report: rs.report,
        loading: rs.loading,
        error: rs.error,
        tab: reportTab,
        onTab: (view) => (reportTab = view),
        onBack: closeReport,
        onReload: () => void loadReport(),
      }),
    );
    return;
  }
  if (!code) {
    setText(topCode, "");
    sessionEls = null;
    mount(mainEl, createScreen());
    return;
  }
  if (stopped()) {
    sessionEls = null;
    mount(mainEl, failureScreen());
    return;
  }
  sessionEls = buildSession();
  mount(mainEl, sessionEls.root);
  updateSession(true);
}

onLang(() => {
  renderStatus();
  render();
});

// ---- start -------------------------------------------------------------------------------

function boot(): boolean {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ""));
  const cards = hash.get("cards");
  if (cards) {
    // the card sheet: the key of the session it was opened from, if any, lets a console off the server's machine read it
    const from = normaliseCode(hash.get("from") ?? "");
    const fromKey = from && isCode(from) ? (localGet(STORAGE.hostKey(from)) ?? "") : "";
    sheet = { packId: cards, pack: null, loading: true };
    render();
    void loadSheet(cards, from, fromKey).then((pack) => {
      sheet = { packId: cards, pack, loading: false };
      render();
    });
    return false;
  }
  const hc = normaliseCode(hash.get("code") ?? "");
  const hk = hash.get("key") ?? "";
  if (hc && isCode(hc) && hk) localSet(STORAGE.hostKey(hc), hk);
  const key = hc && isCode(hc) ? hk || localGet(STORAGE.hostKey(hc)) : null;
  if (hc && key) {
    code = hc;
    hostKey = key;
    openSession();
    return true;
  }
  render();
  void refreshLookup();
  if (!packs) void loadPacks();
  return false;
}

// a host link pasted into this tab while it is open
addEventListener("hashchange", () => {
  const next = normaliseCode(new URLSearchParams(location.hash.replace(/^#/, "")).get("code") ?? "");
  if (!next || (next === code && !/key=/.test(location.hash))) return;
  void conn?.leave();
  conn = null;
  room = null;
  state = null;
  status = "idle";
  failure = null;
  freshLink = null;
  resumedNotice = false;
  failStatus = null;
  failError = "";
  reportState = null;
  renderStatus();
  boot();
});

boot();
