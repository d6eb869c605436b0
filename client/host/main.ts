// The trainer console: create a session, run it (phase controls, teams,
// members, votes, the card's debrief), see the summary and export; the home
// screen lists the sessions saved on this device. This file only wires: the
// state is ./state.ts (one store), what the console does is ./actions.ts, the
// screens are ./screens/*.ts (home, session, controls, teams, key, final,
// failure, status), the report ./report.ts, the card sheet ./sheet.ts, the
// calls to the server ./api.ts. It renders the room state and sends host
// intents — the server decides.
import "../lib/base.css";
import "./host.css";
import { STORAGE, isCode, normaliseCode } from "../../shared/constants.js";
import { host } from "../../shared/i18n/host.js";
import { $, mount, setText } from "../lib/dom.js";
import { lang, langButton, onLang } from "../lib/i18n.js";
import { localGet, localSet } from "../lib/net.js";
import { closeReport, loadPacks, loadReport, openSession, refreshLookup, switchSession } from "./actions.js";
import { reportScreen } from "./report.js";
import { loadSheet, sheetScreen } from "./sheet.js";
import { get, set, stopped, store, type HostState } from "./state.js";
import { failureScreen } from "./screens/failure.js";
import { homeScreen } from "./screens/home.js";
import { sessionScreen } from "./screens/session.js";
import { watchStatus } from "./screens/status.js";
import type { Dispose } from "./screens/part.js";

const mainEl = $("main");

/** Which screen the state shows, and what rebuilds it whole (its parts follow the state themselves). */
function screenOf(s: HostState): unknown[] {
  if (s.sheet) return ["sheet", s.sheet.loading, s.sheet.pack !== null, s.lang];
  if (s.report) return ["report", s.report.code, s.report.loading, s.report.error, s.report.report !== null, s.lang];
  if (!s.code) return ["home", s.lang];
  if (stopped(s)) return ["fail", s.code, s.status, s.failure?.reason ?? null, s.failStatus, s.failBusy, s.failError, s.lang];
  return ["session", s.code, s.lang];
}

let dispose: Dispose = [];
store.watch(screenOf, ([kind], s) => {
  for (const off of dispose) off();
  dispose = [];
  const t = host[lang()];
  document.title = `Arena VUCA — ${t.title}`;
  setText($("page-title"), t.title);
  mount($("top-lang"), langButton());
  setText($("top-code"), kind === "report" ? (s.report?.code ?? "") : kind === "session" || kind === "fail" ? s.code : "");
  if (kind === "sheet") return mount(mainEl, sheetScreen(s.sheet!.pack, s.sheet!.loading));
  if (kind === "home") return mount(mainEl, homeScreen(dispose));
  if (kind === "fail") return mount(mainEl, failureScreen(s));
  if (kind === "session") return mount(mainEl, sessionScreen(s, dispose));
  // the report: the focus stays on the button that reloaded it
  const rs = s.report!;
  const act = document.activeElement instanceof HTMLElement && document.activeElement.closest("#report") ? document.activeElement.dataset.act : undefined;
  mount(
    mainEl,
    reportScreen({
      code: rs.code,
      key: rs.key,
      report: rs.report,
      loading: rs.loading,
      error: rs.error,
      tab: get().reportTab,
      onTab: (view) => set({ reportTab: view }),
      onBack: closeReport,
      onReload: () => void loadReport(),
    }),
  );
  if (act) document.querySelector<HTMLElement>(`#report [data-act="${CSS.escape(act)}"]`)?.focus();
});
watchStatus();
onLang((l) => set({ lang: l }));

function boot(): void {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ""));
  const cards = hash.get("cards");
  if (cards) {
    // the card sheet: the key of the session it was opened from, if any, lets a console off the server's machine read it
    const from = normaliseCode(hash.get("from") ?? "");
    const fromKey = from && isCode(from) ? (localGet(STORAGE.hostKey(from)) ?? "") : "";
    set({ sheet: { packId: cards, pack: null, loading: true } });
    void loadSheet(cards, from, fromKey).then((pack) => set({ sheet: { packId: cards, pack, loading: false } }));
    return;
  }
  const hc = normaliseCode(hash.get("code") ?? "");
  const hk = hash.get("key") ?? "";
  if (hc && isCode(hc) && hk) localSet(STORAGE.hostKey(hc), hk);
  const key = hc && isCode(hc) ? hk || localGet(STORAGE.hostKey(hc)) : null;
  if (hc && key) {
    set({ code: hc, hostKey: key });
    openSession();
    return;
  }
  void refreshLookup();
  void loadPacks();
}

// a host link pasted into this tab while it is open
addEventListener("hashchange", () => {
  const next = normaliseCode(new URLSearchParams(location.hash.replace(/^#/, "")).get("code") ?? "");
  if (!next || (next === get().code && !/key=/.test(location.hash))) return;
  switchSession();
  boot();
});

boot();
