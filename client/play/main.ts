// The phone: join, lobby, the event card, choosing and sending a response,
// the captain's reason and lock, the reveal, scores, the reflection. Wiring
// only: the connection feeds the page state (state.ts), the screen the state
// calls for is drawn from it (screens/*.ts), and intents go to the room — the
// server decides.
import "../lib/base.css";
import "./play.css";
import type { Room } from "@colyseus/sdk";
import { SERVER_MESSAGES, STORAGE, isCode, normaliseCode } from "../../shared/constants.js";
import type { ReflectionMessage, RefusalMessage, WelcomeMessage } from "../../shared/protocol/messages.js";
import type { Lang } from "../../shared/i18n/common.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";
import { $, h, mount, setText } from "../lib/dom.js";
import { c, lang, langButton, onLang, reasonText, tp } from "../lib/i18n.js";
import { deviceSecret, keepConnected, localGet, localSet, savedToken, storedName, type Connection, type ConnStatus, type JoinFailure } from "../lib/net.js";
import { listenTexts } from "../lib/views.js";
import { goParam, refusedBeforeJoin, screenOf, sessionWaiting, set, setDraft, startCode, store, touched, type App, type PlayState, type ScreenName } from "./state.js";
import { goneScreen, joinScreen, sessionWaitScreen, waitScreen } from "./screens/join.js";
import { briefingScreen, lobbyScreen } from "./screens/lobby.js";
import { decidingScreen } from "./screens/deciding.js";
import { finalParts, finalScreen, revealScreen, scoreScreen } from "./screens/results.js";
import { reflectionScreen, takeReflection } from "./screens/reflection.js";

const playerKey = (k: string) => `arena-vuca:player:${k}`;
let conn: Connection | null = null;
/** The language the room sends this phone's texts in (told at the join or since). */
let told: Lang | null = null;

const toastEl = $("toast");
let toastTimer: ReturnType<typeof setTimeout> | undefined;

const app: App = {
  send(type, payload, quiet = false) {
    const r = conn?.room();
    if (!r || store.get().status !== "ok") {
      if (!quiet) app.toast(c().reconnecting);
      return false;
    }
    r.send(type, payload);
    return true;
  },
  toast(text) {
    mount(toastEl, h("div", { class: "toast-box", onclick: () => mount(toastEl) }, text));
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => mount(toastEl), 5000);
  },
  join(code) {
    if (code !== store.get().code && conn) {
      void conn.leave();
      conn = null;
    }
    set({ code, playerId: localGet(playerKey(code)) ?? "", status: "connecting" });
    connect();
  },
};

// ---- connection --------------------------------------------------------------

function connect(): void {
  set({ failure: null });
  if (conn) return conn.start();
  const code = store.get().code;
  conn = keepConnected({
    code,
    tokenKey: STORAGE.token(code),
    join: () => ((told = lang()), { kind: "player", name: storedName(), device: deviceSecret(), lang: told }),
    onRoom: wireRoom,
    onStatus,
  });
}

function onStatus(next: ConnStatus, why?: JoinFailure): void {
  const s = store.get();
  if (s.room?.phase === "final" && (!s.reflection.received || s.reflection.closed) && (next === "lost" || next === "failed" || next === "reconnecting")) {
    // The game is over and the room has closed: keep the final ranking on screen.
    void conn?.leave();
    return set({ status: "ok" });
  }
  let failure = s.failure;
  if (next === "failed") failure = why ?? null;
  else if (next === "ok") failure = null;
  if (next === "lost" && why && why.reason !== "NETWORK") failure = why;
  set({ status: next, failure });
  if (next === "ok") {
    history.replaceState(null, "", `?code=${s.code}`);
    tellLanguage(); // switched while the connection was down
  }
}

/** The room sends an Indonesian phone its texts without the English: after a switch, it sends them again. */
function tellLanguage(): void {
  if (told === lang() || store.get().status !== "ok") return;
  if (app.send("lang", { lang: lang() }, true)) told = lang();
}

function wireRoom(r: Room): void {
  set({ joined: true });
  r.onMessage(SERVER_MESSAGES.welcome, (m: WelcomeMessage) => {
    localSet(playerKey(store.get().code), m.playerId);
    set({ playerId: m.playerId });
  });
  r.onMessage(SERVER_MESSAGES.reflection, (m: ReflectionMessage) => takeReflection(m, app));
  r.onMessage(SERVER_MESSAGES.refused, (m: RefusalMessage) => {
    app.toast(reasonText(m.reason));
    setDraft({ pending: false });
  });
  r.onStateChange((s: RoomStateView) => {
    buzzOnPhase(s);
    touched(s); // at once: a screen draws again only when what it shows changed
  });
  listenTexts(r, () => touched(store.get().room));
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

// ---- drawing -------------------------------------------------------------------

const SCREENS: Record<ScreenName, (root: HTMLElement, app: App) => (() => void) | void> = {
  gone: goneScreen,
  restart: sessionWaitScreen,
  join: joinScreen,
  wait: waitScreen,
  lobby: lobbyScreen,
  briefing: briefingScreen,
  deciding: decidingScreen,
  reveal: revealScreen,
  scoreboard: scoreScreen,
  midReflect: (root) => reflectionScreen(root, () => [], true),
  final: (root) => (store.get().reflection.received ? reflectionScreen(root, finalParts) : finalScreen(root)),
};

function statusBar(s: PlayState): void {
  const t = tp();
  const bar = (kind: string, icon: string, ...rest: (HTMLElement | string | null)[]) => h("div", { class: `bar ${kind}` }, h("span", { class: "bar-icon", "aria-hidden": "true" }, icon), ...rest);
  mount(
    $("status"),
    (s.status === "reconnecting" || s.status === "lost") && !sessionWaiting(s) && !refusedBeforeJoin(s)
      ? bar("warn", "⟳", h("span", null, s.status === "lost" && !navigator.onLine ? t.offline : c().reconnecting), s.status === "lost" ? h("button", { type: "button", class: "bar-btn", onclick: () => conn?.start() }, t.reconnectNow) : null)
      : null,
    s.room?.paused && s.status === "ok" ? bar("pause", "❚❚", h("span", null, t.pausedBanner)) : null,
  );
}

function start(): void {
  const code = normaliseCode(startCode);
  set({ code, playerId: code ? (localGet(playerKey(code)) ?? "") : "" });
  if (isCode(code) && (savedToken(STORAGE.token(code)) || (goParam && storedName()))) {
    set({ status: "connecting" });
    connect();
  }
  const main = $("main");
  let stop: (() => void) | void;
  let shown = "";
  store.watch(screenOf, ({ name }, s) => {
    stop?.();
    const root = h("div", { class: "stack fade-in" });
    mount(main, root);
    stop = SCREENS[name](root, app);
    if (shown && shown !== name) {
      scrollTo(0, 0);
      if (s.room) setText($("announce"), c().phases[s.room.phase]);
    }
    shown = name;
  });
  store.watch((s) => [s.status, s.failure?.reason, s.room?.paused, s.lang], (_, s) => statusBar(s));
  store.watch((s) => [s.lang, s.joined && ["ok", "reconnecting", "lost"].includes(s.status) ? s.code : ""], ([, code]) => {
    setText($("top-code"), code as string);
    mount($("top-lang"), langButton());
    document.title = `Arena VUCA — ${c().player}`;
  });
  setInterval(() => {
    const { room, tick } = store.get();
    if (room?.phase === "deciding" && !room.paused) set({ tick: tick + 1 });
  }, 250);
  onLang(() => {
    tellLanguage();
    set({ lang: lang() });
  });
  for (const e of ["online", "offline"]) addEventListener(e, () => statusBar(store.get()));
}

start();
