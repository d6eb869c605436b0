// The observer: anyone with the code follows the board's public view on a
// phone, without joining a team (join kind "observer"). Wiring only: the
// connection feeds the page state (state.ts), and the page is drawn from it
// (screens/*.ts) whenever what it shows changes.
import "../lib/base.css";
import "../play/play.css";
import "./watch.css";
import type { Room } from "@colyseus/sdk";
import { STORAGE, isCode, normaliseCode } from "../../shared/constants.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";
import { $, h, mount, setText } from "../lib/dom.js";
import { c, lang, langButton, onLang, tp } from "../lib/i18n.js";
import { keepConnected, type Connection } from "../lib/net.js";
import { render } from "../lib/render.js";
import { listenTexts } from "../lib/views.js";
import { set, shownOf, store, touched, waitingForHost, type WatchState } from "./state.js";
import { closedScreen, codeForm, connectingScreen, waitingScreen } from "./screens/join.js";
import { gameScreen } from "./screens/game.js";

let conn: Connection | null = null;

function watch(code: string): void {
  set({ code, status: "connecting", failure: null });
  conn?.leave();
  conn = keepConnected({
    code,
    tokenKey: `${STORAGE.token(code)}:observer`,
    join: () => ({ kind: "observer" }),
    onRoom: (room: Room) => {
      room.onStateChange((s: RoomStateView) => touched(s));
      listenTexts(room, () => touched(store.get().room));
    },
    onStatus: (next, why) => {
      const s = store.get();
      if (s.room?.phase === "final" && next !== "ok" && next !== "connecting" && next !== "closed") {
        // The game is over and the room has closed: keep the final ranking on screen.
        void conn?.leave();
        return;
      }
      const failure = next === "failed" || why?.reason === "SESSION_WAITING" ? (why ?? null) : next === "ok" ? null : s.failure;
      if (next === "ok") history.replaceState(null, "", `?code=${code}`);
      set({ status: next, failure });
    },
  });
}

function view(s: WatchState): (Node | null)[] {
  if (s.status === "closed") return [closedScreen()];
  if (waitingForHost(s)) return [waitingScreen()];
  if (s.status === "idle" || s.status === "failed" || !s.room) {
    if (s.status === "connecting" || s.status === "reconnecting" || s.status === "ok" || (s.status === "lost" && !s.failure)) return [connectingScreen()];
    return [codeForm(s, watch)];
  }
  return gameScreen(s, s.room);
}

function statusBar(s: WatchState): void {
  const bar = (kind: string, icon: string, text: string) => h("div", { class: `bar ${kind}` }, h("span", { class: "bar-icon", "aria-hidden": "true" }, icon), h("span", null, text));
  const lost = (s.status === "reconnecting" || s.status === "lost") && !waitingForHost(s);
  mount($("status"), lost ? bar("warn", "⟳", c().reconnecting) : s.room?.paused ? bar("pause", "❚❚", tp().pausedBanner) : null);
}

const main = $("main");
const page = h("div", { class: "stack" });
mount(main, page);
store.watch(shownOf, (_, s) => render(page, view(s)));
store.watch((s) => [s.status, s.failure?.reason, s.room?.paused, s.lang], (_, s) => statusBar(s));
store.watch((s) => [s.lang, s.room && s.status !== "failed" ? s.code : ""], ([, code]) => {
  mount($("top-lang"), langButton());
  setText($("top-code"), code as string);
  document.title = `${c().appName} — ${c().observer}`;
});
setInterval(() => {
  const { room, tick } = store.get();
  if (room?.phase === "deciding" && !room.paused) set({ tick: tick + 1 });
}, 250);
onLang(() => set({ lang: lang() }));
const code = normaliseCode(new URLSearchParams(location.search).get("code") ?? "");
set({ code });
if (isCode(code)) watch(code);
