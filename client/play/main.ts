// The phone: join, lobby, the event card, choosing and sending a response,
// the captain's reason and lock, the reveal, scores. Plain DOM, no framework;
// it renders the room state and sends intents — the server decides.
import "../lib/base.css";
import "./play.css";
import type { Room } from "@colyseus/sdk";
import { CODE_LENGTH, NAME_MAX, REASON_MAX, SERVER_MESSAGES, STORAGE, isCode, normaliseCode } from "../../shared/constants.js";
import type { ReflectionMessage, RefusalMessage, WelcomeMessage } from "../../shared/protocol/messages.js";
import { reflectionKey, reflectionReceived, reflectionScreen, reflectionClosed, setupReflection, takeReflection } from "./reflection.js";
import type { MemberView, RoomStateView, TeamView } from "../../shared/protocol/state-view.js";
import { Countdown } from "../lib/countdown.js";
import { lockCauseOf, rolesOf, voteOf, votesOf } from "../../shared/protocol/state-view.js";
import { CONDITIONS, say, type Condition, type Prime } from "../../shared/vuca.js";
import { optionLabel, optionLetter } from "../../shared/i18n/options.js";
import { $, clock, h, mount, setText } from "../lib/dom.js";
import { c, lang, langButton, onLang, reasonText, tp } from "../lib/i18n.js";
import { deviceSecret, keepConnected, localGet, localSet, rememberName, savedToken, storedName, type Connection, type ConnStatus, type JoinFailure } from "../lib/net.js";
import { cardBlock, conditionBlock, listenTexts, optionReasons, parseCard, parseReveal, parseSummary, rankRows, textsVersion, rankingList, reflectionBlock, resultBlock, teamChip } from "../lib/views.js";

// ---- page state --------------------------------------------------------------

const params = new URLSearchParams(location.search);
let code = normaliseCode(params.get("code") ?? "");
let conn: Connection | null = null;
let status: ConnStatus | "idle" = "idle";
let failure: JoinFailure | null = null;
let room: Room | null = null;
let state: RoomStateView | null = null;
const playerKey = (k: string) => `arena-vuca:player:${k}`;
let playerId = code ? (localGet(playerKey(code)) ?? "") : "";

/** The current screen: rebuilt when its key changes, otherwise updated in place. */
interface Screen {
  key: string;
  el: HTMLElement;
  update?: () => void;
  /** Called a few times a second: the countdown, which the room patches only every few seconds. */
  tick?: () => void;
}
let screen: Screen | null = null;
const countdown = new Countdown();

// ---- status line and refusals -----------------------------------------------

const statusEl = $("status");
const toastEl = $("toast");
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function toast(text: string): void {
  mount(toastEl, h("div", { class: "toast-box", onclick: () => mount(toastEl) }, text));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => mount(toastEl), 5000);
}

/** Saved but not running (the server restarted): the phone waits calmly and rejoins by itself. */
const sessionWaiting = () => status !== "ok" && status !== "closed" && failure?.reason === "SESSION_WAITING";

function renderStatus(): void {
  const t = tp();
  const lines: HTMLElement[] = [];
  if ((status === "reconnecting" || status === "lost") && !sessionWaiting()) {
    lines.push(
      h(
        "div",
        { class: "bar warn" },
        h("span", { class: "bar-icon", "aria-hidden": "true" }, "⟳"),
        h("span", null, status === "lost" && !navigator.onLine ? t.offline : c().reconnecting),
        status === "lost" ? h("button", { type: "button", class: "bar-btn", onclick: () => conn?.start() }, t.reconnectNow) : null,
      ),
    );
  }
  if (state?.paused && status === "ok") {
    lines.push(h("div", { class: "bar pause" }, h("span", { class: "bar-icon", "aria-hidden": "true" }, "❚❚"), h("span", null, t.pausedBanner)));
  }
  mount(statusEl, lines);
}

// ---- connection ----------------------------------------------------------------

function connect(): void {
  failure = null;
  if (conn) {
    conn.start();
    return;
  }
  conn = keepConnected({
    code,
    tokenKey: STORAGE.token(code),
    join: () => {
      toldLang = lang();
      return { kind: "player", name: storedName(), device: deviceSecret(), lang: toldLang };
    },
    onRoom: wireRoom,
    onStatus: (next, why) => {
      if (state?.phase === "final" && (!reflectionReceived() || reflectionClosed()) && (next === "lost" || next === "failed" || next === "reconnecting")) {
        // The game is over and the room has closed: keep the final ranking on screen.
        void conn?.leave();
        status = "ok";
        render();
        return;
      }
      status = next;
      if (next === "failed") failure = why ?? null;
      else if (next === "ok") failure = null;
      if (next === "lost" && why && why.reason !== "NETWORK") failure = why;
      if (next === "ok") history.replaceState(null, "", `?code=${code}`);
      if (next === "ok") tellLanguage(); // switched while the connection was down
      render();
    },
  });
}

/** The language the room sends this phone's texts in (it told the room at the join or since). */
let toldLang: ReturnType<typeof lang> | null = null;

/** The room sends an Indonesian phone its texts without the English: after a switch, it sends them again. */
function tellLanguage(): void {
  const r = conn?.room();
  if (!r || status !== "ok" || toldLang === lang()) return;
  toldLang = lang();
  r.send("lang", { lang: toldLang });
}

function wireRoom(r: Room): void {
  room = r;
  r.onMessage(SERVER_MESSAGES.welcome, (m: WelcomeMessage) => {
    playerId = m.playerId;
    localSet(playerKey(code), playerId);
    render();
  });
  r.onMessage(SERVER_MESSAGES.reflection, (m: ReflectionMessage) => {
    setupReflection({
      code,
      playerId,
      send: (type, payload) => {
        const open = conn?.room();
        if (!open || status !== "ok") return false;
        open.send(type, payload);
        return true;
      },
      rerender: () => {
        screen = null;
        render();
      },
    });
    takeReflection(m);
  });
  r.onMessage(SERVER_MESSAGES.refused, (m: RefusalMessage) => {
    toast(reasonText(m.reason));
    if (screen?.update) screen.update();
  });
  r.onStateChange((s: RoomStateView) => {
    buzzOnPhase(s);
    state = s;
    scheduleRender();
  });
  listenTexts(r, scheduleRender);
}

/** A short buzz when a new card comes up, deciding opens or the result is shown (where the browser allows it). */
let buzzedAt = "";
function buzzOnPhase(s: RoomStateView): void {
  const key = `${s.phase}:${s.round}`;
  if (buzzedAt && key !== buzzedAt && (s.phase === "briefing" || s.phase === "deciding" || s.phase === "reveal" || s.phase === "final")) {
    try {
      navigator.vibrate?.(s.phase === "deciding" ? [80, 60, 80] : 120);
    } catch {
      // vibration refused (no user gesture yet, or not a phone): nothing to do
    }
  }
  buzzedAt = key;
}

let frame = 0;
function scheduleRender(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    render();
  });
}

function send(type: string, payload: unknown): void {
  const r = conn?.room();
  if (!r || status !== "ok") {
    toast(c().reconnecting);
    return;
  }
  r.send(type, payload);
}

// ---- who am I ----------------------------------------------------------------------

interface Me {
  member: MemberView;
  team: TeamView;
  captain: boolean;
}
function findMe(): Me | null {
  if (!state || !playerId) return null;
  for (const team of state.teams) {
    for (const member of team.members) {
      if (member.id === playerId) return { member, team, captain: team.captain === playerId };
    }
  }
  return null;
}

// ---- rendering ----------------------------------------------------------------------

const main = $("main");

function render(): void {
  setText($("top-code"), code && room && (status === "ok" || status === "reconnecting" || status === "lost") ? code : "");
  mount($("top-lang"), langButton());
  renderStatus();
  const next = pickScreen();
  if (!screen || screen.key !== next.key) {
    const phaseChanged = screen !== null && screen.key.split(":")[1] !== next.key.split(":")[1];
    screen = { ...next.build(), key: next.key };
    mount(main, screen.el);
    if (phaseChanged) {
      scrollTo(0, 0);
      if (state) setText($("announce"), c().phases[state.phase]);
    }
    document.title = `Arena VUCA — ${c().player}`;
  } else screen.update?.();
}

function pickScreen(): { key: string; build: () => Screen } {
  const L = lang();
  if (status === "removed" || status === "banned" || status === "replaced" || status === "closed") return { key: `${L}:gone:${status}`, build: goneScreen };
  if (sessionWaiting()) return { key: `${L}:sw`, build: sessionWaitScreen };
  if (status === "idle" || status === "failed" || (!room && failure && failure.reason !== "NETWORK")) {
    return { key: `${L}:join:${failure?.reason ?? ""}:${failure?.suggestion ?? ""}`, build: joinScreen };
  }
  const me = findMe();
  if (!state || !me) return { key: `${L}:wait:${status}`, build: waitScreen };
  const phase = state.phase;
  const teamKey = `${me.team.index}:${me.captain ? "c" : "m"}`;
  if (phase === "lobby") return { key: `${L}:lobby`, build: lobbyScreen };
  if (phase === "briefing") return { key: `${L}:brief:${state.round}`, build: briefingScreen };
  // the card comes in its own message: a screen built before it arrived is built
  // again, and again when it arrives with its English after a switch to English
  const card = parseCard(state);
  const cardKey = card ? `${card.id}${card.title.en === undefined ? "" : "+en"}` : "-";
  if (phase === "deciding") return { key: `${L}:decide:${state.round}:${teamKey}:${cardKey}`, build: decidingScreen };
  if (phase === "reveal") return { key: `${L}:reveal:${state.round}:${me.team.index}`, build: revealScreen };
  if (phase === "scoreboard") return { key: `${L}:score:${state.round}`, build: scoreScreen };
  if (reflectionReceived()) return { key: `${L}:final:rf:${reflectionKey()}`, build: () => ({ key: "", ...reflectionScreen(finalParts) }) };
  return { key: `${L}:final`, build: finalScreen };
}

/** A screen whose content is rebuilt when `sig()` changes (screens without inputs). */
function simple(key: string, sig: () => string, draw: () => (Node | null)[]): Screen {
  const el = h("div", { class: "stack fade-in" });
  let last = "";
  const update = () => {
    const s = sig();
    if (s === last) return;
    last = s;
    mount(el, draw());
  };
  update();
  return { key, el, update };
}

// ---- join ---------------------------------------------------------------------------

function joinScreen(): Screen {
  const t = tp();
  const codeInput = h("input", {
    id: "code",
    type: "text",
    class: "code-input",
    value: code,
    maxlength: CODE_LENGTH + 2,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    inputmode: "text",
    enterkeyhint: "next",
    "aria-describedby": "code-hint",
    required: true,
  });
  codeInput.addEventListener("input", () => {
    const v = normaliseCode(codeInput.value).slice(0, CODE_LENGTH);
    if (codeInput.value !== v) codeInput.value = v;
  });
  const nameInput = h("input", {
    id: "name",
    type: "text",
    value: storedName(),
    maxlength: NAME_MAX,
    autocomplete: "nickname",
    autocapitalize: "words",
    enterkeyhint: "go",
    "aria-describedby": "name-hint",
    required: true,
  });
  const error = h("div", { id: "join-error", class: "alert", hidden: !failure });
  const busy = status === "connecting";
  const button = h("button", { type: "submit", class: "block" }, busy ? t.joining : t.joinButton);
  if (failure) {
    const sentence = failure.reason === "NETWORK" ? t.networkError : reasonText(failure.reason);
    mount(error, h("p", null, sentence));
    if (failure.reason === "NAME_TAKEN" && failure.suggestion) {
      const suggestion = failure.suggestion;
      error.appendChild(
        h("button", { type: "button", class: "secondary block", onclick: () => submit(suggestion) }, t.useSuggestion(suggestion)),
      );
    }
  }
  const submit = (nameOverride?: string) => {
    const nextCode = normaliseCode(codeInput.value);
    const name = (nameOverride ?? nameInput.value).trim();
    if (nameOverride) nameInput.value = nameOverride;
    if (!isCode(nextCode)) {
      showLocal(t.codeInvalid, codeInput);
      return;
    }
    if (!name || name.length > NAME_MAX) {
      showLocal(t.nameMissing, nameInput);
      return;
    }
    rememberName(name);
    if (nextCode !== code && conn) {
      void conn.leave();
      conn = null;
    }
    code = nextCode;
    playerId = localGet(playerKey(code)) ?? "";
    button.disabled = true;
    setText(button, t.joining);
    status = "connecting";
    connect();
  };
  const showLocal = (text: string, field: HTMLInputElement) => {
    mount(error, h("p", null, text));
    error.hidden = false;
    field.setAttribute("aria-invalid", "true");
    field.focus();
  };
  const form = h(
    "form",
    { class: "panel stack", novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), submit()) },
    h("h1", null, t.joinTitle),
    h("div", null, h("label", { for: "code" }, t.codeLabel), codeInput, h("span", { id: "code-hint", class: "hint" }, t.codeHint)),
    h("div", null, h("label", { for: "name" }, t.nameLabel), nameInput, h("span", { id: "name-hint", class: "hint" }, t.nameHint)),
    error,
    button,
  );
  const el = h(
    "div",
    { class: "stack" },
    form,
    h("p", { class: "center" }, h("a", { href: code ? `/watch.html?code=${code}` : "/watch.html" }, t.watchLink)),
  );
  queueMicrotask(() => {
    if (failure?.reason === "NAME_TAKEN" || failure?.reason === "NAME_INVALID") nameInput.focus();
    else if (!isCode(code)) codeInput.focus();
    else if (!nameInput.value) nameInput.focus();
  });
  return { key: "", el };
}

function waitScreen(): Screen {
  const t = c();
  return {
    key: "",
    el: h("div", { class: "panel center waiting", "aria-busy": "true" }, h("div", { class: "spinner", "aria-hidden": "true" }), h("p", null, status === "connecting" ? t.connecting : t.reconnecting)),
  };
}

function sessionWaitScreen(): Screen {
  return {
    key: "",
    el: h(
      "div",
      { id: "session-waiting", class: "panel center waiting", "aria-busy": "true" },
      h("div", { class: "spinner", "aria-hidden": "true" }),
      h("h1", null, c().waitingTitle),
      h("p", null, reasonText("SESSION_WAITING")),
      h("a", { class: "small", href: "/" }, tp().otherRoom),
    ),
  };
}

function goneScreen(): Screen {
  const t = tp();
  const closed = status === "closed";
  const title = closed ? c().closedTitle : status === "replaced" ? t.replacedTitle : t.removedTitle;
  const text = closed ? c().closedText : status === "banned" ? t.bannedText : status === "replaced" ? t.replacedText : t.removedText;
  const me = closed && state?.phase === "final" ? findMe() : null;
  const summary = me && state ? parseSummary(state) : null;
  return {
    key: "",
    el: h(
      "div",
      { class: "panel stack" },
      h("h1", null, title),
      h("p", null, text),
      me && state ? rankingList(summary ? summary.ranking : rankRows(state.teams), me.team.index) : null,
      status === "replaced"
        ? h("button", { type: "button", class: "block", onclick: () => location.reload() }, t.reconnectNow)
        : null,
      h("a", { class: "button block secondary", href: "/" }, t.backHome),
    ),
  };
}

// ---- lobby ------------------------------------------------------------------------------

function membersList(team: TeamView): HTMLElement {
  const t = tp();
  return h(
    "ul",
    { class: "members" },
    Array.from(team.members, (m) =>
      h(
        "li",
        { class: m.connected ? "member" : "member away" },
        h("span", { class: "member-name" }, m.name),
        m.id === playerId ? h("span", { class: "tag dark" }, t.you) : null,
        team.captain === m.id ? h("span", { class: "tag", title: c().captain }, `★ ${c().captain}`) : null,
        m.connected ? null : h("span", { class: "small muted" }, `(${t.away})`),
      ),
    ),
  );
}

function roleCards(member: MemberView): HTMLElement {
  const t = tp();
  const roles = rolesOf(member);
  return h(
    "section",
    { class: "panel", "aria-labelledby": "roles-title" },
    h("h2", { id: "roles-title" }, t.yourRoles),
    roles.length === 0
      ? h("p", { class: "muted" }, t.noRolesYet)
      : h(
          "ul",
          { class: "role-cards" },
          roles.map((r) => h("li", { class: `role-card role-${r}` }, h("strong", null, c().roles[r]), h("span", null, c().roleBrings[r]))),
        ),
    roles.length > 0 ? h("p", { class: "small muted" }, t.rolesWhy) : null,
  );
}

function lobbyScreen(): Screen {
  return simple(
    "",
    () => {
      const me = findMe();
      if (!me || !state) return "";
      const teams = Array.from(state.teams, (tm) => `${tm.index}:${tm.captain}:${Array.from(tm.members, (m) => `${m.id}/${m.name}/${m.roles}/${m.connected}`).join(",")}`);
      return `${me.team.index}|${teams.join(";")}`;
    },
    () => {
      const me = findMe();
      if (!me || !state) return [];
      const t = tp();
      const others = Array.from(state.teams).filter((tm) => tm.index !== me.team.index);
      return [
        h(
          "section",
          { class: "panel stack", "aria-labelledby": "team-title" },
          h("p", { class: "muted small", id: "team-title" }, t.youAreIn),
          h("div", { class: "big-team" }, teamChip(me.team.index)),
          me.captain ? h("p", { class: "alert ok" }, `★ ${t.captainYou}`) : null,
          h("h3", null, t.members),
          membersList(me.team),
        ),
        roleCards(me.member),
        h("p", { class: "alert info" }, t.waitStart),
        others.length
          ? h(
              "section",
              { class: "panel", "aria-labelledby": "switch-title" },
              h("h2", { id: "switch-title" }, t.switchTeam),
              h(
                "div",
                { class: "switch-list" },
                others.map((tm) =>
                  h(
                    "button",
                    { type: "button", class: "secondary block switch", "aria-label": t.switchTo(c().team(tm.index + 1), tm.members.length), onclick: () => send("team", { team: tm.index }) },
                    teamChip(tm.index),
                    h("span", { class: "small" }, t.participants(tm.members.length)),
                  ),
                ),
              ),
            )
          : null,
      ];
    },
  );
}

// ---- briefing ------------------------------------------------------------------------------

function briefingScreen(): Screen {
  return simple(
    "",
    () => `${textsVersion()}|${state?.round}|${findMe()?.member.roles}`,
    () => {
      const card = state ? parseCard(state) : null;
      const me = findMe();
      if (!card || !state || !me) return [];
      return [
        cardBlock(card, state.roundCount),
        h("p", { class: "alert info" }, tp().discuss),
        myRolesLine(me.member),
      ];
    },
  );
}

function myRolesLine(member: MemberView): HTMLElement | null {
  const roles = rolesOf(member);
  if (!roles.length) return null;
  return h(
    "p",
    { class: "small muted roles-line" },
    `${tp().yourRoles}: `,
    h("strong", null, roles.map((r) => c().roles[r]).join(", ")),
  );
}

// ---- deciding ---------------------------------------------------------------------------------

function decidingScreen(): Screen {
  const t = tp();
  const me0 = findMe();
  const card = state ? parseCard(state) : null;
  const el = h("div", { class: "stack fade-in" });
  if (!me0 || !card || !state) return { key: "", el };
  const mine0 = voteOf(me0.team, playerId);
  // Options are named by their place this round (A–D); the Prime shows only when the trainer shows the condition.
  const diagnose = card.diagnose;
  let picked: number | null = mine0?.option ?? null;
  let diagnosis: Condition | null = mine0?.diagnosis ?? null;
  let commit = mine0?.commit ?? false;
  let pending = false;
  let pendingTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSent: { option: number; diagnosis: Condition | null; commit: boolean } | null = mine0 ? { option: mine0.option, diagnosis: mine0.diagnosis, commit: mine0.commit } : null;
  let lockArmed: ReturnType<typeof setTimeout> | null = null;
  const warned = new Set<number>();

  // timer bar (sticky)
  const timeText = h("span", { class: "time", role: "timer", "aria-label": t.timeLeft });
  const timeFill = h("span", { class: "fill" });
  const sentText = h("span", { class: "sent-count" });
  const timerBar = h(
    "div",
    { class: "timerbar" },
    h("div", { class: "timer-row" }, h("span", { class: "time-col" }, h("span", { class: "small" }, t.timeLeft), timeText), sentText),
    h("div", { class: "meter", "aria-hidden": "true" }, timeFill),
  );

  // locked banner
  const lockedBox = h("div", { class: "alert ok locked-box", hidden: true });

  // diagnosis: which condition dominates, four buttons with a plain cue each (shared/i18n glossary)
  const diagnosisEls = new Map<Condition, { input: HTMLInputElement; label: HTMLElement; votes: HTMLElement; mark: HTMLElement }>();
  const diagnosisBox = diagnose
    ? h(
        "fieldset",
        { class: "options diagnosis" },
        h("legend", null, h("h2", null, t.diagnose)),
        h("p", { class: "small muted" }, t.diagnoseHint),
        CONDITIONS.map((cond) => {
          const input = h("input", { type: "radio", name: "diagnosis", value: cond, class: "sr-only", id: `diag-${cond}` });
          const votes = h("span", { class: "votes small" });
          const mark = h("span", { class: "picked-mark" });
          const label = h(
            "label",
            { class: "option diag", for: `diag-${cond}` },
            input,
            h("span", { class: "option-head" }, h("span", { class: `tag cond cond-${cond}` }, c().conditions[cond]), votes, mark),
            h("span", { class: "option-text small" }, c().conditionCues[cond]),
          );
          input.addEventListener("change", () => {
            diagnosis = cond;
            update();
          });
          diagnosisEls.set(cond, { input, label, votes, mark });
          return label;
        }),
      )
    : null;

  // options
  const optionEls = new Map<number, { input: HTMLInputElement; label: HTMLElement; votes: HTMLElement; mark: HTMLElement }>();
  const options = card.options.map((o, i) => {
    const input = h("input", { type: "radio", name: "option", value: String(i), class: "sr-only", id: `opt-${i}` });
    const votes = h("span", { class: "votes small" });
    const mark = h("span", { class: "picked-mark" });
    const label = h(
      "label",
      { class: "option", for: `opt-${i}` },
      input,
      h("span", { class: "option-head" }, h("span", { class: o.prime ? `tag prime-${o.prime}` : "tag dark" }, optionLabel(i, o.prime ? c().primes[o.prime] : undefined)), votes, mark),
      h("span", { class: "option-text" }, say(o.text, lang())),
    );
    input.addEventListener("change", () => {
      picked = i;
      update();
    });
    optionEls.set(i, { input, label, votes, mark });
    return label;
  });
  const fieldset = h("fieldset", { class: "options" }, h("legend", null, h("h2", null, t.choose)), options);

  // commit toggle
  const roles = rolesOf(me0.member).map((r) => c().roles[r]).join(", ");
  const commitInput = h("input", { type: "checkbox", role: "switch", id: "commit", class: "switch-input sr-only", "aria-describedby": roles ? "commit-hint" : null });
  commitInput.checked = commit;
  commitInput.addEventListener("change", () => {
    commit = commitInput.checked;
    update();
  });
  const commitState = h("span", { class: "switch-state", "aria-hidden": "true" });
  const commitBox = h(
    "div",
    { class: "panel commit" },
    h(
      "label",
      { for: "commit", class: "switch-label" },
      commitInput,
      h("span", { class: "switch-track", "aria-hidden": "true" }, h("span", { class: "switch-knob" })),
      h("span", { class: "switch-text" }, t.commitLabel),
      commitState,
    ),
    roles ? h("p", { class: "small muted", id: "commit-hint" }, t.commitHint(roles)) : null,
  );

  const sendBtn = h("button", { type: "button", class: "block send" });
  const sentNote = h("p", { class: "alert ok", hidden: true }, `✓ ${t.sentNote}`);
  sendBtn.addEventListener("click", () => {
    if (diagnose && !diagnosis) {
      toast(t.pickDiagnosis);
      return;
    }
    if (picked === null) {
      toast(t.pickFirst);
      return;
    }
    pending = true;
    lastSent = { option: picked, diagnosis: diagnose ? diagnosis : null, commit };
    clearTimeout(pendingTimer);
    pendingTimer = setTimeout(() => ((pending = false), update()), 5000);
    send("submit", diagnose && diagnosis ? { option: picked, diagnosis, commit } : { option: picked, commit });
    update();
  });

  // team votes
  const votesList = h("ul", { class: "members votes-list" });
  const teamBox = h("section", { class: "panel", "aria-labelledby": "votes-title" }, h("h2", { id: "votes-title" }, t.teamVotes), votesList);

  // captain tools
  let captainBox: HTMLElement | null = null;
  let reasonInput: HTMLTextAreaElement | null = null;
  let counter: HTMLElement | null = null;
  let saveBtn: HTMLButtonElement | null = null;
  let lockBtn: HTMLButtonElement | null = null;
  if (me0.captain) {
    reasonInput = h("textarea", { id: "reason", maxlength: REASON_MAX, rows: 3, "aria-describedby": "reason-count" });
    reasonInput.value = me0.team.reason ?? "";
    counter = h("span", { id: "reason-count", class: "hint", "aria-live": "polite" });
    saveBtn = h("button", { type: "button", class: "secondary block" }, t.saveReason);
    lockBtn = h("button", { type: "button", class: "block lock" });
    // The reason is saved as it is typed (a moment after the last key, and when
    // the box loses focus): the team may lock — the last teammate sends — before
    // the captain thinks of pressing "Simpan alasan", and nothing typed is lost.
    let autosave: ReturnType<typeof setTimeout> | null = null;
    const saveDraft = () => {
      if (autosave) clearTimeout(autosave);
      autosave = null;
      const draft = reasonInput!.value.trim();
      const team = findMe()?.team;
      if (team && !team.locked && draft !== (team.reason ?? "")) send("reason", { text: draft });
    };
    reasonInput.addEventListener("input", () => {
      if (autosave) clearTimeout(autosave);
      autosave = setTimeout(saveDraft, 600);
      update();
    });
    reasonInput.addEventListener("blur", saveDraft);
    saveBtn.addEventListener("click", saveDraft);
    lockBtn.addEventListener("click", () => {
      if (!lockArmed) {
        lockArmed = setTimeout(() => {
          lockArmed = null;
          update();
        }, 4000);
        update();
        return;
      }
      clearTimeout(lockArmed);
      lockArmed = null;
      const draft = reasonInput!.value.trim();
      if (draft !== (findMe()?.team.reason ?? "")) send("reason", { text: draft });
      send("lock", {});
      update();
    });
    captainBox = h(
      "section",
      { class: "panel stack captain", "aria-labelledby": "captain-title" },
      h("h2", { id: "captain-title" }, `★ ${t.captainTools}`),
      h("div", null, h("label", { for: "reason" }, t.reasonLabel), reasonInput, counter),
      saveBtn,
      lockBtn,
    );
  }

  mount(
    el,
    timerBar,
    lockedBox,
    cardBlock(card, state.roundCount, true),
    diagnosisBox,
    fieldset,
    commitBox,
    sendBtn,
    sentNote,
    captainBox,
    teamBox,
  );

  function update(): void {
    const me = findMe();
    if (!me || !state) return;
    const team = me.team;
    // My vote as the team's secret view shows it.
    const seen = voteOf(team, playerId);
    const mine = seen ? { option: seen.option, diagnosis: seen.diagnosis, commit: seen.commit } : null;
    if (mine && pending && (!lastSent || (mine.option === lastSent.option && mine.diagnosis === lastSent.diagnosis && mine.commit === lastSent.commit))) pending = false;
    const locked = team.locked;
    const paused = state.paused;

    tick();
    setText(sentText, c().sentOf(team.sent ?? 0, team.members.length));

    // locked
    lockedBox.hidden = !locked;
    if (locked) {
      mount(
        lockedBox,
        h("strong", null, `🔒 ${t.lockedTitle}`),
        lockCauseOf(team) ? h("span", null, t.lockedBy[lockCauseOf(team)!]) : null,
        h("span", null, ` ${t.waitReveal}`),
      );
    }

    // options: tally of the team's votes, my pick
    const tally = new Map<number, number>();
    const diagTally = new Map<Condition, number>();
    for (const [, v] of votesOf(team)) {
      tally.set(v.option, (tally.get(v.option) ?? 0) + 1);
      if (v.diagnosis) diagTally.set(v.diagnosis, (diagTally.get(v.diagnosis) ?? 0) + 1);
    }
    for (const [cond, d] of diagnosisEls) {
      const isPicked = diagnosis === cond;
      d.input.checked = isPicked;
      d.input.disabled = locked;
      d.label.classList.toggle("picked", isPicked);
      d.label.classList.toggle("disabled", locked);
      setText(d.mark, isPicked ? `✓ ${t.chosen}` : "");
      const n = diagTally.get(cond) ?? 0;
      setText(d.votes, n ? t.votes(n) : "");
    }
    for (const [index, o] of optionEls) {
      const prime = index;
      const isPicked = picked === prime;
      o.input.checked = isPicked;
      o.input.disabled = locked;
      o.label.classList.toggle("picked", isPicked);
      o.label.classList.toggle("disabled", locked);
      setText(o.mark, isPicked ? `✓ ${t.chosen}` : "");
      const n = tally.get(prime) ?? 0;
      setText(o.votes, n ? t.votes(n) : "");
    }
    commitInput.disabled = locked;
    setText(commitState, commit ? "✓" : "");

    // send
    const sentFlag = !!mine;
    const dirty = !mine || mine.option !== picked || (diagnose && mine.diagnosis !== diagnosis) || mine.commit !== commit;
    sendBtn.disabled = locked || picked === null || (diagnose && !diagnosis) || (!dirty && !pending) || paused;
    setText(sendBtn, pending ? "…" : mine && !dirty ? `✓ ${t.sentButton}` : sentFlag ? t.sendChange : t.send);
    sendBtn.hidden = locked;
    sentNote.hidden = !sentFlag || (!!mine && dirty) || locked;

    // team's votes
    const rows = Array.from(team.members, (m) => {
      const v = voteOf(team, m.id);
      return h(
        "li",
        { class: m.connected ? "member" : "member away" },
        h("span", { class: "member-name" }, m.name),
        m.id === playerId ? h("span", { class: "tag dark" }, t.you) : null,
        team.captain === m.id ? h("span", { class: "tag" }, `★`) : null,
        v
          ? h(
              "span",
              { class: "vote" },
              h("span", { class: "tag good" }, `✓ ${optionLetter(v.option)}`),
              v.diagnosis ? h("span", { class: `tag cond cond-${v.diagnosis}` }, c().conditions[v.diagnosis]) : null,
              v.commit ? h("span", { class: "small" }, ` + ${t.withRole}`) : null,
            )
          : h("span", { class: "vote small muted" }, t.noVote),
      );
    });
    mount(votesList, rows);

    // captain
    if (reasonInput && counter && saveBtn && lockBtn) {
      const draft = reasonInput.value.trim();
      setText(counter, t.reasonCount(reasonInput.value.length, REASON_MAX));
      reasonInput.disabled = locked;
      const saved = draft === (team.reason ?? "");
      saveBtn.disabled = locked || saved || paused;
      setText(saveBtn, saved && draft ? `✓ ${t.reasonSaved}` : t.saveReason);
      lockBtn.disabled = locked || paused;
      lockBtn.hidden = locked;
      lockBtn.classList.toggle("armed", !!lockArmed);
      setText(lockBtn, lockArmed ? `🔒 ${t.lockConfirm}` : `🔒 ${t.lock}`);
    }
  }
  /** The timer bar: on every update and a few times a second in between. */
  function tick(): void {
    const me = findMe();
    if (!me || !state) return;
    const locked = me.team.locked;
    const left = countdown.read(state);
    setText(timeText, clock(left));
    timeFill.style.width = `${Math.max(0, Math.min(100, (left / Math.max(1, state.roundSeconds)) * 100))}%`;
    timerBar.classList.toggle("low", left <= 10 && !locked);
    for (const n of [30, 10]) {
      // said once, as the countdown passes it (not to a phone that arrives later)
      if (left <= n && left > n - 3 && !warned.has(n) && !locked && !state.paused) {
        warned.add(n);
        setText($("announce"), t.timeWarn(n));
      }
    }
  }

  update();
  return { key: "", el, update, tick };
}

// ---- reveal, scores ------------------------------------------------------------------------------

function revealScreen(): Screen {
  return simple(
    "",
    () => `${textsVersion()}|${state?.round}|${state?.phase}`,
    () => {
      const reveal = state ? parseReveal(state) : null;
      const me = findMe();
      if (!reveal || !me) return [h("p", { class: "panel" }, c().phases.reveal)];
      const t = tp();
      const mine = reveal.results.find((r) => r.team === me.team.index);
      const best = reveal.card.options.filter((o) => reveal.best.includes(o.prime));
      return [
        h(
          "section",
          { class: "panel stack", "aria-labelledby": "result-title" },
          h("div", { class: "result-top" }, h("h1", { id: "result-title" }, t.yourResult), mine ? h("strong", { class: "big-pts" }, c().points(mine.points)) : null),
          h("p", { class: "muted small" }, say(reveal.card.title, lang())),
          mine?.choice && reveal.best.includes(mine.choice) ? h("p", { class: "alert ok" }, `★ ${t.gotBest}`) : null,
          mine ? resultBlock(mine, reveal, false) : h("p", null, t.noChoice),
        ),
        conditionBlock(reveal),
        h(
          "section",
          { class: "panel stack best-box", "aria-labelledby": "best-title" },
          h("h2", { id: "best-title" }, `★ ${t.best}`),
          best.map((o) =>
            h(
              "div",
              { class: "best-item" },
              h("span", { class: "tag good" }, c().primes[o.prime]),
              h("p", { class: "best-text" }, say(o.text, lang())),
              h("p", { class: "reason-why" }, say(o.reason, lang())),
            ),
          ),
        ),
        reflectionBlock(reveal),
        h("details", { class: "panel" }, h("summary", null, t.allOptions), optionReasons(reveal, mine?.choice ?? null)),
      ];
    },
  );
}

function scoreScreen(): Screen {
  return simple(
    "",
    () => (state ? Array.from(state.teams, (tm) => `${tm.index}:${tm.score}`).join(",") : ""),
    () => {
      const me = findMe();
      if (!state || !me) return [];
      const t = tp();
      const rows = rankRows(state.teams);
      const mine = rows.find((r) => r.team === me.team.index);
      return [
        h(
          "section",
          { class: "panel stack center" },
          h("h1", null, t.scoreboard),
          teamChip(me.team.index),
          mine ? h("p", { class: "big-rank" }, t.rank(mine.rank, rows.length)) : null,
          mine ? h("p", { class: "big-pts" }, `${t.score}: ${c().points(mine.score)}`) : null,
        ),
        h("section", { class: "panel" }, rankingList(rows, me.team.index)),
        h("p", { class: "alert info" }, state.round + 1 < state.roundCount ? t.nextCard(state.round + 2, state.roundCount) : t.nextFinal),
      ];
    },
  );
}

function finalScreen(): Screen {
  return simple(
    "",
    () => `${textsVersion()}|${state?.phase}|${state ? Array.from(state.teams, (tm) => tm.score).join(",") : ""}`,
    finalParts,
  );
}

/** The final ranking: the whole final screen, and below the reflection once it opens. */
function finalParts(): HTMLElement[] {
      const me = findMe();
      if (!state || !me) return [];
      const t = tp();
      const summary = parseSummary(state);
      const rows = summary ? summary.ranking.map((r) => ({ team: r.team, rank: r.rank, score: r.score })) : rankRows(state.teams);
      const mine = rows.find((r) => r.team === me.team.index);
      const profile = summary?.ranking.find((r) => r.team === me.team.index);
      return [
        h(
          "section",
          { class: "panel stack center final-box" },
          h("h1", null, `🏁 ${t.finalTitle}`),
          teamChip(me.team.index),
          mine ? h("p", { class: "big-rank" }, t.rank(mine.rank, rows.length)) : null,
          mine ? h("p", { class: "big-pts" }, `${t.score}: ${c().points(mine.score)}`) : null,
          profile && profile.diagnosisRounds ? h("p", null, t.diagnosisSummary(profile.diagnosisRight, profile.diagnosisRounds)) : null,
        ),
        h("section", { class: "panel" }, rankingList(rows, me.team.index)),
        h("p", { class: "alert ok" }, t.thanks),
      ];
}

// ---- start ------------------------------------------------------------------------------------------

setInterval(() => screen?.tick?.(), 250);
onLang(() => {
  tellLanguage();
  screen = null;
  render();
});
addEventListener("online", renderStatus);
addEventListener("offline", renderStatus);

if (isCode(code) && (savedToken(STORAGE.token(code)) || (params.get("go") === "1" && storedName()))) {
  status = "connecting";
  connect();
}
render();
