// "Kendali permainan": the phase, card and time; each team's lock status (in
// view at 1280×720 beside the controls); the phase controls, greyed from
// shared/rules/host-actions.ts controlsAllowed (what the rules accept); the
// room lock, the reflection opened after a card (contract C1) and the board's
// view, sound and motion (C2); at the final, the final's actions (report,
// exports, the closing reflection, a new session).
import type { MessagePayload } from "../../../shared/protocol/messages.js";
import { controlsAllowed } from "../../../shared/rules/host-actions.js";
import { Countdown } from "../../lib/countdown.js";
import { say } from "../../../shared/vuca.js";
import { host } from "../../../shared/i18n/host.js";
import { clock, h } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { parseCard, teamChip } from "../../lib/views.js";
import { exportUrl } from "../api.js";
import { goHome, openReport, send, sendBoard } from "../actions.js";
import { get, membersOf, midOpen, online, store, type HostState } from "../state.js";
import { part, type Dispose } from "./part.js";
import { drawKey, selectKey } from "./key.js";

const t = () => host[lang()];

/** An action that carries nothing but its name. */
type BareAction = { [K in MessagePayload<"host">["action"]]: { action: K } extends MessagePayload<"host"> ? K : never }[MessagePayload<"host">["action"]];

function button(key: string, label: string, cls: string, disabled: boolean, onclick: () => void, extra: Record<string, string | boolean | null> = {}): HTMLButtonElement {
  return h("button", { type: "button", class: `act ${cls}`.trim(), "data-action": key, disabled, onclick, ...extra }, label);
}
const bare = (action: BareAction) => () => send({ action });

/** The room patches the seconds left only every few seconds: the console counts down in between. */
const countdown = new Countdown();
function showTime(): void {
  const el = document.getElementById("time-left");
  const st = get().room;
  if (!el || !st?.teams) return;
  const deciding = st.phase === "deciding";
  const left = countdown.read(st);
  el.textContent = deciding ? clock(left) : "—";
  el.classList.toggle("low", deciding && left <= 10);
}
setInterval(showTime, 250);

function nextLabel(phase: string, last: boolean): string {
  const s = t();
  if (phase === "briefing") return s.nextDecide;
  // greyed while teams decide: say why, and what opens it
  if (phase === "deciding") return s.nextWhileDeciding;
  if (phase === "reveal") return s.nextScoreboard;
  if (phase === "scoreboard") return last ? s.nextFinal : s.nextCard;
  return s.next;
}

function selectButtons(s: HostState) {
  const st = s.room;
  if (!st) return null;
  return {
    phase: st.phase,
    paused: st.paused,
    last: (st.round ?? 0) + 1 >= (st.roundCount ?? 0),
    players: membersOf(st),
    online: online(s),
    roomLocked: st.roomLocked,
    boardView: st.boardView,
    volume: st.volume ?? 6,
    motion: st.boardMotion !== false,
    mid: midOpen(s),
    waitingTimer: s.resumedNotice && st.phase === "deciding" && st.paused,
    lang: s.lang,
  };
}

function drawButtons(v: NonNullable<ReturnType<typeof selectButtons>>): HTMLElement {
  const s = t();
  const phase = v.phase;
  const allowed = controlsAllowed({ phase, paused: v.paused, players: v.players });
  const off = (ok: boolean) => !v.online || !ok;
  const reflectionTime = phase === "reveal" || phase === "scoreboard";
  const volume = h("input", { type: "range", id: "board-volume", min: 0, max: 10, step: 1, value: v.volume, disabled: !v.online, "aria-label": s.boardVolume });
  volume.addEventListener("change", () => sendBoard({ volume: Number(volume.value) }));
  const pause = button("pause", s.pause, "secondary", off(allowed.pause), bare("pause"), { hidden: v.paused && phase === "deciding" });
  const resume = button("resume", s.resume, v.waitingTimer ? "go attention" : "go", off(allowed.resume), bare("resume"), { hidden: !(v.paused && phase === "deciding") });
  return h(
    "div",
    { class: "controls" },
    h(
      "div",
      { class: "ctl-main" },
      button("start", s.start, "go", off(allowed.start), bare("start"), { hidden: phase !== "lobby" }),
      button("next", `${nextLabel(phase, v.last)} →`, "go", off(allowed.next), bare("next"), { hidden: phase === "lobby" }),
    ),
    h("p", { class: "small muted start-hint", id: "start-hint", hidden: !(phase === "lobby" && v.players === 0) }, s.startHint),
    h(
      "div",
      { class: "ctl-row" },
      pause,
      resume,
      button("addTime", s.addTime, "secondary", off(allowed.addTime), () => send({ action: "addTime", seconds: 30 })),
      button("reveal", s.reveal, "secondary", off(allowed.reveal), bare("reveal")),
      button("skip", s.skip, "secondary", off(allowed.skip), bare("skip")),
      // contract C1: the reflection opened after any card, closed again by the trainer
      button("reflection", v.mid ? `🔒 ${s.dbClose}` : `💬 ${s.openReflection}`, v.mid ? "danger" : "secondary", off(reflectionTime), bare(v.mid ? "closeReflection" : "openReflection"), { hidden: !reflectionTime }),
      button("lockRoom", v.roomLocked ? `🔓 ${s.unlockRoom}` : `🔒 ${s.lockRoom}`, "secondary", off(phase !== "final"), () => send({ action: "lockRoom", locked: !v.roomLocked }), { "aria-pressed": v.roomLocked ? "true" : "false" }),
      button("end", s.end, "danger", off(allowed.end), () => confirm(s.endConfirm) && send({ action: "end" })),
    ),
    h(
      "div",
      { class: "ctl-row board-ctl", role: "group", "aria-labelledby": "board-ctl-h" },
      h("span", { class: "small muted", id: "board-ctl-h" }, s.boardControls),
      button("viewResults", s.boardResults, "secondary", off(phase === "reveal"), () => sendBoard({ view: "results" }), { "aria-pressed": phase === "reveal" && !v.boardView ? "true" : "false" }),
      button("viewResponses", s.boardResponses, "secondary", off(phase === "reveal"), () => sendBoard({ view: "responses" }), { "aria-pressed": phase === "reveal" && v.boardView === 1 ? "true" : "false" }),
      button("mute", v.volume > 0 ? `🔇 ${s.boardMute}` : `🔈 ${s.boardUnmute}`, "secondary", !v.online, () => sendBoard({ volume: v.volume > 0 ? 0 : 6 })),
      h("label", { class: "small volume" }, `🔊 `, volume),
      // contract C2: the board calm or moving (synced boardMotion, default on)
      button("motion", v.motion ? `✨ ${s.motionOn}` : `⏸ ${s.motionOff}`, "secondary", !v.online, () => sendBoard({ motion: !v.motion }), { "aria-pressed": v.motion ? "true" : "false", title: s.motion }),
    ),
  );
}

function selectStrip(s: HostState) {
  const st = s.room;
  if (!st) return null;
  return { phase: st.phase, lang: s.lang, teams: Array.from(st.teams, (tm) => ({ index: tm.index, locked: !!tm.locked, sent: tm.sent ?? 0, n: tm.members.length, score: tm.score ?? 0 })) };
}

function drawStrip(v: ReturnType<typeof selectStrip>): HTMLElement[] {
  if (!v) return [];
  const s = t();
  const playing = v.phase !== "lobby" && v.phase !== "final";
  return v.teams.map((tm) => {
    const status = v.phase === "lobby" ? s.stripMembers(tm.n) : v.phase === "final" ? c().points(tm.score) : `${tm.locked ? "🔒 " : ""}${c().sentOf(tm.sent, tm.n)}`;
    return h(
      "li",
      { class: tm.locked && playing ? "strip-team locked" : "strip-team", "data-team": tm.index, title: tm.locked ? s.teamLocked : s.teamOpen },
      teamChip(tm.index),
      h("span", { class: "strip-status" }, status),
    );
  });
}

function selectFinal(s: HostState) {
  return s.room?.phase === "final" ? { code: s.code, key: s.hostKey, wall: s.wall ? { closed: s.wall.closed } : null, wallOnBoard: s.room.boardView === 1, lang: s.lang } : null;
}

function drawFinal(v: ReturnType<typeof selectFinal>): HTMLElement[] {
  if (!v) return [];
  const s = t();
  return [
    h(
      "div",
      { class: "link-row" },
      h("button", { type: "button", class: "go", "data-act": "report", onclick: () => openReport(v.code, v.key) }, `📊 ${s.openReport}`),
      h("button", { type: "button", class: "secondary", "data-act": "new-session", title: s.newSessionHint, onclick: goHome }, `+ ${s.newSessionBtn}`),
    ),
    h(
      "div",
      { class: "link-row", role: "group", "aria-label": s.export },
      h("span", { class: "small muted ctl-label" }, `${s.export}:`),
      (["csv", "xlsx", "json"] as const).map((ext) =>
        h("a", { class: `button secondary export-${ext}`, href: exportUrl(v.code, v.key, ext, lang()), download: "" }, `⬇ ${ext === "csv" ? s.exportCsv : ext === "xlsx" ? s.exportXlsx : s.exportJson}`),
      ),
    ),
    h(
      "div",
      { class: "link-row", role: "group", "aria-label": s.finalReflection },
      h("span", { class: "small muted ctl-label" }, `${s.finalReflection}:`),
      h(
        "button",
        { type: "button", class: "secondary", "data-act": "wall-board", "aria-pressed": v.wallOnBoard ? "true" : "false", onclick: () => sendBoard({ view: v.wallOnBoard ? "results" : "responses" }) },
        v.wallOnBoard ? s.dbShowRanking : s.dbShowWall,
      ),
      v.wall && !v.wall.closed
        ? h("button", { type: "button", class: "danger", "data-act": "close-reflection", onclick: () => confirm(s.dbCloseConfirm) && send({ action: "closeReflection" }) }, `🔒 ${s.dbClose}`)
        : v.wall
          ? h("span", { class: "tag dark" }, `🔒 ${s.dbClosed}`)
          : null,
    ),
  ];
}

function selectFacts(s: HostState) {
  const st = s.room;
  if (!st) return null;
  const playing = st.phase !== "lobby" && st.phase !== "final";
  const card = playing ? parseCard(st) : null;
  return { phase: st.phase, paused: st.paused, round: st.round ?? 0, roundCount: st.roundCount ?? 0, card: card ? `${card.icon ? card.icon + " " : ""}${say(card.title, lang())}` : "", lang: s.lang };
}

export function runPanel(dispose: Dispose): HTMLElement {
  const s = t();
  const facts = part(dispose, h("div", { class: "run-head" }), selectFacts, (v) => {
    if (!v) return [h("h2", { id: "controls-h" }, s.controls)];
    const timeEl = h("span", { id: "time-left", class: "time" }, "—");
    queueMicrotask(showTime);
    return [
      h("h2", { id: "controls-h" }, s.controls),
      h(
        "dl",
        { class: "facts run-facts" },
        h("div", null, h("dt", null, s.phase), h("dd", null, h("strong", { id: "phase" }, c().phases[v.phase]), " ", v.paused ? h("span", { class: "tag dark" }, `❚❚ ${c().paused}`) : null)),
        // at the final neither the card nor the time says anything
        v.phase === "final" ? null : h("div", null, h("dt", null, s.card), h("dd", null, h("span", { id: "round" }, v.phase === "lobby" ? s.noRoundYet : s.round(Math.min(v.round + 1, v.roundCount), v.roundCount)))),
        v.phase === "final" ? null : h("div", null, h("dt", null, s.timeLeft), h("dd", null, timeEl)),
      ),
    ];
  });
  const strip = part(dispose, h("ul", { id: "lock-strip", class: "lock-strip", "aria-label": s.lockStrip }), selectStrip, drawStrip);
  const controls = part(dispose, h("div", { class: "controls-wrap" }), selectButtons, (v) => (v && v.phase !== "final" ? drawButtons(v) : []));
  const finalCtl = part(dispose, h("div", { id: "final-controls", class: "final-controls" }), selectFinal, drawFinal);
  const cardLine = part(dispose, h("div"), (st) => selectFacts(st)?.card ?? "", (title) => (title ? h("p", { class: "card-line" }, h("span", { id: "card-title" }, title)) : null));
  const key = part(dispose, h("div", { id: "key-panel", class: "key-panel" }), selectKey, drawKey);
  dispose.push(store.watch((st) => st.room?.phase === "final", (isFinal) => (finalCtl.hidden = !isFinal)));
  return h("section", { class: "panel run-panel", "aria-labelledby": "controls-h" }, facts, strip, controls, finalCtl, cardLine, key);
}
