// The observer: anyone with the code follows the board's public view on a
// phone, without joining a team (join kind "observer"). Only public state is
// shown: per team "sent n/m" and a lock mark while deciding, everything at
// the reveal.
import "../lib/base.css";
import "../play/play.css";
import "./watch.css";
import type { Room } from "@colyseus/sdk";
import { CODE_LENGTH, STORAGE, isCode, normaliseCode } from "../../shared/constants.js";
import type { RoomStateView, TeamView } from "../../shared/protocol/state-view.js";
import { Countdown } from "../lib/countdown.js";
import { say } from "../../shared/vuca.js";
import { $, clock, h, mount, setText } from "../lib/dom.js";
import { c, lang, langButton, onLang, reasonText, tp } from "../lib/i18n.js";
import { keepConnected, type Connection, type ConnStatus, type JoinFailure } from "../lib/net.js";
import { optionLabel } from "../../shared/i18n/options.js";
import { cardBlock, conditionBlock, listenTexts, optionReasons, parseCard, parseReveal, parseSummary, rankRows, textsVersion, rankingList, reflectionBlock, resultBlock, teamChip } from "../lib/views.js";

const params = new URLSearchParams(location.search);
let code = normaliseCode(params.get("code") ?? "");
let conn: Connection | null = null;
let status: ConnStatus | "idle" = "idle";
let failure: JoinFailure | null = null;
let state: RoomStateView | null = null;
let lastKey = "";

function connect(): void {
  failure = null;
  conn?.leave();
  conn = keepConnected({
    code,
    tokenKey: `${STORAGE.token(code)}:observer`,
    join: () => ({ kind: "observer" }),
    onRoom: (room: Room) => {
      room.onStateChange((s: RoomStateView) => ((state = s), schedule()));
      listenTexts(room, schedule);
    },
    onStatus: (next, why) => {
      if (state?.phase === "final" && next !== "ok" && next !== "connecting" && next !== "closed") {
        // The game is over and the room has closed: keep the final ranking on screen.
        void conn?.leave();
        return;
      }
      status = next;
      failure = next === "failed" || why?.reason === "SESSION_WAITING" ? (why ?? null) : next === "ok" ? null : failure;
      if (next === "ok") history.replaceState(null, "", `?code=${code}`);
      lastKey = "";
      render();
    },
  });
}

/** The room patches the seconds left only every few seconds: the page counts down in between. */
const countdown = new Countdown();
setInterval(() => {
  if (state?.phase === "deciding" && !state.paused) schedule();
}, 250);

let frame = 0;
function schedule(): void {
  if (!frame) frame = requestAnimationFrame(() => ((frame = 0), render()));
}

function render(): void {
  const t = tp();
  mount($("top-lang"), langButton());
  setText($("top-code"), state && status !== "failed" ? code : "");
  document.title = `${c().appName} — ${c().observer}`;
  const statusEl = $("status");
  if ((status === "reconnecting" || status === "lost") && !waitingForHost()) {
    mount(statusEl, h("div", { class: "bar warn" }, h("span", { class: "bar-icon", "aria-hidden": "true" }, "⟳"), h("span", null, c().reconnecting)));
  } else if (state?.paused) {
    mount(statusEl, h("div", { class: "bar pause" }, h("span", { class: "bar-icon", "aria-hidden": "true" }, "❚❚"), h("span", null, t.pausedBanner)));
  } else mount(statusEl);

  const key = waitingForHost() ? `${lang()}|waiting` : `${lang()}|${status}|${sig()}`;
  if (key === lastKey) return;
  lastKey = key;
  mount($("main"), h("div", { class: "stack" }, view()));
}

function sig(): string {
  if (!state) return failure?.reason ?? "";
  const teams = Array.from(state.teams, (tm) => `${tm.index}:${tm.members.length}:${Array.from(tm.members, (m) => m.name).join("/")}:${tm.sent}:${tm.locked}:${tm.score}`).join(";");
  return [state.phase, state.round, countdown.read(state), state.paused, teams, textsVersion()].join("|");
}

/** Saved but not running (the server restarted): wait calmly, the page rejoins by itself. */
function waitingForHost(): boolean {
  return status !== "ok" && status !== "closed" && status !== "failed" && failure?.reason === "SESSION_WAITING";
}

function view(): (Node | null)[] {
  const t = tp();
  if (status === "closed") {
    return [h("section", { id: "session-closed", class: "panel stack center" }, h("h1", null, c().closedTitle), h("p", null, c().closedText), h("a", { class: "button block secondary", href: "/" }, t.backHome))];
  }
  if (waitingForHost()) {
    return [
      h(
        "div",
        { id: "session-waiting", class: "panel center waiting", "aria-busy": "true" },
        h("div", { class: "spinner", "aria-hidden": "true" }),
        h("h1", null, c().waitingTitle),
        h("p", null, reasonText("SESSION_WAITING")),
      ),
    ];
  }
  if (status === "idle" || status === "failed" || !state) {
    if (status === "connecting" || status === "reconnecting" || status === "ok" || (status === "lost" && !failure)) {
      return [h("div", { class: "panel center waiting" }, h("div", { class: "spinner", "aria-hidden": "true" }), h("p", null, c().connecting))];
    }
    return [codeForm()];
  }
  const s = state;
  const head = h("p", { class: "phase-line" }, h("span", { class: "tag dark" }, c().observer), " ", h("strong", null, c().phases[s.phase as keyof ReturnType<typeof c>["phases"]]));
  switch (s.phase) {
    case "lobby":
      return [head, joinHelp(), teamsPanel(s, "lobby")];
    case "briefing":
    case "deciding": {
      const card = parseCard(s);
      return [
        head,
        s.phase === "deciding" ? timer(s) : null,
        card ? cardBlock(card, s.roundCount, s.phase === "deciding") : null,
        card && s.phase === "deciding"
          ? h(
              "section",
              { class: "panel" },
              h("h2", null, t.responses),
              h("ul", { class: "reasons" }, card.options.map((o, i) => h("li", { class: "reason" }, h("span", { class: "tag dark" }, optionLabel(i, o.prime ? c().primes[o.prime] : undefined)), h("p", { class: "reason-option" }, say(o.text, lang()))))),
            )
          : null,
        teamsPanel(s, s.phase),
      ];
    }
    case "reveal": {
      const reveal = parseReveal(s);
      if (!reveal) return [head];
      return [
        head,
        h("h1", null, say(reveal.card.title, lang())),
        conditionBlock(reveal),
        h("section", { class: "panel stack" }, h("h2", null, t.results), reveal.results.map((r) => resultBlock(r, reveal, true))),
        h("section", { class: "panel" }, h("h2", null, t.allOptions), optionReasons(reveal)),
        reflectionBlock(reveal),
      ];
    }
    case "scoreboard":
      return [head, h("section", { class: "panel" }, h("h1", null, t.scoreboard), rankingList(rankRows(s.teams), null))];
    default: {
      const summary = parseSummary(s);
      const rows = summary ? summary.ranking.map((r) => ({ team: r.team, rank: r.rank, score: r.score })) : rankRows(s.teams);
      return [head, h("section", { class: "panel" }, h("h1", null, `🏁 ${t.finalTitle}`), rankingList(rows, null)), h("p", { class: "alert ok" }, t.watchThanks)];
    }
  }
}

function joinHelp(): HTMLElement {
  return h(
    "section",
    { class: "panel center" },
    h("p", { class: "muted" }, tp().codeLabel),
    h("p", { class: "big-code" }, code),
    h("p", { class: "small muted" }, `${location.host}`),
  );
}

function timer(s: RoomStateView): HTMLElement {
  const left = countdown.read(s);
  return h(
    "div",
    { class: left <= 10 ? "timerbar low" : "timerbar" },
    h("div", { class: "timer-row" }, h("span", { class: "small" }, tp().timeLeft), h("span", { class: "time", role: "timer" }, clock(left))),
    h("div", { class: "meter", "aria-hidden": "true" }, h("span", { class: "fill", style: `width:${Math.min(100, (left / Math.max(1, s.roundSeconds)) * 100)}%` })),
  );
}

function teamsPanel(s: RoomStateView, phase: string): HTMLElement {
  const t = tp();
  return h(
    "section",
    { class: "panel" },
    h("h2", null, phase === "lobby" ? t.teams : t.teamStatus),
    h(
      "ul",
      { class: "members team-status" },
      Array.from(s.teams, (tm: TeamView) =>
        h(
          "li",
          { class: "member" },
          teamChip(tm.index),
          phase === "lobby"
            ? h("span", { class: "small member-names" }, Array.from(tm.members, (m) => m.name).join(", ") || "—")
            : null,
          h(
            "span",
            { class: "vote" },
            phase === "deciding"
              ? tm.locked
                ? h("span", { class: "tag good" }, `🔒 ${c().locked}`)
                : h("span", { class: "tag" }, c().sentOf(tm.sent ?? 0, tm.members.length))
              : h("span", { class: "small muted" }, t.participants(tm.members.length)),
          ),
        ),
      ),
    ),
  );
}

function codeForm(): HTMLElement {
  const t = tp();
  const input = h("input", {
    id: "code",
    type: "text",
    class: "code-input",
    value: code,
    maxlength: CODE_LENGTH + 2,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    "aria-describedby": "code-hint",
  });
  input.addEventListener("input", () => {
    const v = normaliseCode(input.value).slice(0, CODE_LENGTH);
    if (input.value !== v) input.value = v;
  });
  const err = failure ? (failure.reason === "NETWORK" ? t.networkError : reasonText(failure.reason)) : "";
  const error = h("div", { class: "alert", role: "alert", hidden: !err }, err);
  return h(
    "form",
    {
      class: "panel stack",
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const next = normaliseCode(input.value);
        if (!isCode(next)) {
          mount(error, t.codeInvalid);
          error.hidden = false;
          input.focus();
          return;
        }
        code = next;
        status = "connecting";
        connect();
      },
    },
    h("h1", null, t.observerTitle),
    h("p", { class: "muted" }, t.observerIntro),
    h("div", null, h("label", { for: "code" }, t.codeLabel), input, h("span", { id: "code-hint", class: "hint" }, t.codeHint)),
    error,
    h("button", { type: "submit", class: "block" }, t.watchButton),
  );
}

onLang(() => ((lastKey = ""), render()));
if (isCode(code)) {
  status = "connecting";
  connect();
}
render();
