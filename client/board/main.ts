// The projector board's entry: language, bundled font (Latin faces), then the game, fed
// either by the room (?code=) or by the built-in preview (?demo=).
// the Latin faces only (Indonesian and English, “quotes”, dashes, …): a rare letter
// beyond them (ā, ş) is drawn in the fallback sans-serif
import "@fontsource/atkinson-hyperlegible/latin-400.css";
import "@fontsource/atkinson-hyperlegible/latin-700.css";
import { isCode, normaliseCode } from "../../shared/constants.js";
import { store } from "./store.js";
import { StartGame } from "./game.js";
import { connect, loadJoinUrl } from "./connect.js";
import { startSound } from "./sound.js";

function banner(): void {
  const el = document.getElementById("board-banner");
  if (!el) return;
  // waiting for the trainer or closed: the full-screen notice says it all, calmly
  const calm = !store.state && (store.notice.kind === "waiting" || store.notice.kind === "closed");
  const text = calm ? "" : store.conn === "reconnecting" ? store.t.reconnecting : store.conn === "lost" ? store.t.lost : "";
  el.textContent = text;
  el.hidden = !text;
}

async function main(): Promise<void> {
  document.documentElement.lang = store.lang;
  await Promise.all([
    document.fonts.load('400 40px "Atkinson Hyperlegible"'),
    document.fonts.load('700 40px "Atkinson Hyperlegible"'),
  ]).catch(() => undefined);
  store.subscribe(banner);
  const game = StartGame("board-root");
  startSound();
  const params = new URLSearchParams(location.search);
  const demo = params.get("demo");
  if (demo) {
    // the preview (and the layout test, test/browser/board-layout.test.ts) may feed the board any state
    const hook: Record<string, unknown> = { store, game };
    (window as unknown as { __arenaBoard?: unknown }).__arenaBoard = hook;
    const { runDemo, fakeState } = await import("./fake.js");
    // the frame-time benchmark (test/bench/board-frames.ts) plays any preview state from here
    hook.fakeState = fakeState;
    runDemo(demo, params);
    return;
  }
  const code = normaliseCode(params.get("code") ?? "");
  if (!isCode(code)) return store.setNotice(code ? { kind: "notFound", code } : { kind: "noCode" });
  void loadJoinUrl();
  connect(code);
}

void main();
