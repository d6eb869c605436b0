// The running session on the console: the way home and the host link (shown
// once, folded: it carries the secret), the notice after a resume, the room
// code with the join address and the links (board, observer, report), the
// controls (./controls.ts), the final (./final.ts), the card's debrief at the
// reveal, and the teams (./teams.ts). Built once per session; each part
// follows its own selection of the state.
import { host } from "../../../shared/i18n/host.js";
import { h } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { goHome, openReport } from "../actions.js";
import { membersOf, set, store, type HostState } from "../state.js";
import { toast } from "./status.js";
import { part, type Dispose } from "./part.js";
import { runPanel } from "./controls.js";
import { drawDebrief, drawMidWall, drawRevealDebrief, drawSummary, selectDebrief, selectMidWall, selectRevealDebrief, selectSummary, hasRevealDebrief } from "./final.js";
import { drawTeams, selectTeams } from "./teams.js";

const t = () => host[lang()];

async function copyText(text: string, btn: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    btn.textContent = `✓ ${t().copied}`;
    setTimeout(() => (btn.textContent = t().copy), 2000);
  } catch {
    toast(t().copyFailed);
  }
}

function copyRow(id: string, label: string, value: string): HTMLElement {
  const btn = h("button", { type: "button", class: "secondary copy-btn", "aria-describedby": `${id}-label` }, t().copy);
  btn.addEventListener("click", () => void copyText(value, btn));
  return h(
    "div",
    { class: "copy-row" },
    h("label", { for: id, id: `${id}-label` }, label),
    h("div", { class: "copy-line" }, h("input", { type: "text", id, readonly: true, value, onfocus: (e: FocusEvent) => (e.target as HTMLInputElement).select() }), btn),
  );
}

/** The host link, folded by default: the laptop may be mirrored to the projector, and the link carries the key. */
function linkBox(link: string | null): HTMLElement | null {
  const s = t();
  if (!link) return null;
  return h(
    "details",
    { class: "panel alert ok once host-link-box" },
    h("summary", null, h("strong", { id: "hostlink-h" }, `🔑 ${s.hostLink}`), " ", h("span", { class: "small" }, s.hostLinkReveal)),
    copyRow("host-link", s.hostLinkHint, link),
    h("p", { class: "small" }, s.hostLinkOnce),
    h("button", { type: "button", class: "ghost small-btn", onclick: () => set({ freshLink: null }) }, s.dismiss),
  );
}

function selectResumed(s: HostState) {
  const st = s.room;
  if (!s.resumedNotice) return null;
  let back = 0;
  for (const tm of st?.teams ?? []) for (const m of tm.members) if (m.connected) back++;
  return { members: st ? membersOf(st) : 0, back, waitingTimer: !!st && st.phase === "deciding" && st.paused, lang: s.lang };
}

function drawResumed(v: ReturnType<typeof selectResumed>) {
  const s = t();
  if (!v) return [];
  return [
    h("h2", { id: "resumed-h" }, `✓ ${s.resumedTitle}`),
    h("p", null, s.resumedText, " ", h("span", { id: "resumed-count" }, v.members ? s.resumedBack(v.back, v.members) : "")),
    v.waitingTimer ? h("strong", { id: "resumed-paused", class: "resumed-paused" }, `❚❚ ${s.resumedPaused}`) : null,
    h("button", { type: "button", class: "ghost small-btn", "data-act": "dismiss-resumed", onclick: () => set({ resumedNotice: false }) }, s.dismiss),
  ];
}

export function sessionScreen(hs: HostState, dispose: Dispose): HTMLElement {
  const s = t();
  const { code, hostKey } = hs;
  const shown = (el: HTMLElement, select: (st: HostState) => boolean) => {
    dispose.push(store.watch(select, (on) => (el.hidden = !on)));
    return el;
  };
  const sectionOf = (id: string, cls: string, labelled: string) => h("section", { id, class: cls, "aria-labelledby": labelled });
  const root = h(
    "div",
    { class: "session" },
    h(
      "nav",
      { class: "session-nav", "aria-label": s.allSessions },
      h("button", { type: "button", class: "ghost small-btn", "data-act": "home", title: s.allSessionsHint, onclick: goHome }, `← ${s.allSessions}`),
      // beside the way home, one line high: it must not push the teams below the fold
      part(dispose, h("div", { class: "link-slot" }), (st) => st.freshLink, linkBox),
    ),
    shown(part(dispose, sectionOf("resumed", "panel alert warn resumed", "resumed-h"), selectResumed, drawResumed), (st) => st.resumedNotice),
    h(
      "div",
      { class: "session-grid" },
      h(
        "section",
        { class: "panel code-panel", "aria-labelledby": "code-h" },
        h("h2", { id: "code-h", class: "code-label" }, c().roomCode),
        h("p", { id: "room-code", class: "room-code", "aria-live": "off" }, code),
        part(dispose, h("p", { class: "join-line" }), (st) => st.joinBase, (base) => [`${s.joinAt} `, h("a", { id: "join-url", class: "join-url", target: "_blank", rel: "noopener", href: `${base}/j/${code}` }, `${base}/j/${code}`)]),
        part(dispose, h("p", { class: "small muted", id: "room-note" }), (st) => !!st.room?.roomLocked, (locked) => (locked ? `🔒 ${s.roomLockedNote}` : s.roomOpenNote)),
        h(
          "div",
          { class: "link-row" },
          h("button", { type: "button", class: "secondary", onclick: () => window.open(`/board.html?code=${encodeURIComponent(code)}`, `arena-board-${code}`) }, `▣ ${s.openBoard}`),
          h("a", { class: "button secondary", href: `/watch.html?code=${encodeURIComponent(code)}`, target: "_blank", rel: "noopener" }, s.observerLink),
          h("button", { type: "button", class: "secondary", "data-act": "report", onclick: () => openReport(code, hostKey) }, `📊 ${s.openReport}`),
        ),
      ),
      runPanel(dispose),
    ),
    shown(part(dispose, sectionOf("final", "panel final", "final-h"), selectSummary, drawSummary), (st) => st.room?.phase === "final"),
    shown(part(dispose, sectionOf("debrief", "panel debrief-panel", "debrief-h"), selectDebrief, drawDebrief), (st) => st.room?.phase === "final"),
    shown(part(dispose, sectionOf("mid-reflection", "panel debrief-panel mid-reflection", "mid-reflection-h"), selectMidWall, drawMidWall), (st) => selectMidWall(st) !== null),
    shown(part(dispose, sectionOf("reveal-debrief", "panel reveal-debrief", "reveal-debrief-h"), selectRevealDebrief, drawRevealDebrief), hasRevealDebrief),
    h(
      "section",
      { class: "teams-section", "aria-labelledby": "teams-h" },
      h(
        "div",
        { class: "teams-head" },
        h("h2", { id: "teams-h" }, s.teams),
        // the count of observers the room sends (the board is not one)
        part(dispose, h("span", { class: "muted small", id: "teams-count" }), (st) => (st.room ? [membersOf(st.room), st.room.observers ?? 0] : null), (v) => (v ? `${s.participants(v[0]!)} · ${s.observers(v[1]!)}` : "")),
      ),
      part(dispose, h("div", { id: "teams", class: "teams" }), selectTeams, drawTeams),
    ),
  );
  dispose.push(store.watch((st) => st.room?.phase === "final", (isFinal) => root.classList.toggle("is-final", isFinal)));
  return root;
}
