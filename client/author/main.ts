// The pack editor (author.html): the packs and their cards; paste or upload a
// pack's YAML and check it (the checker's messages beside the lines they point
// at); a form that writes a pack without seeing YAML; a preview of a card as
// the board and a phone show it; save and download. Wiring only: the page's
// regions are drawn from its one state (state.ts) by screens/*.ts, what is
// asked of the server (server/authoring.ts routes) is in actions.ts.
import "../lib/base.css";
import "../host/host.css";
import "../play/play.css";
import "./author.css";
import { $, h, mount } from "../lib/dom.js";
import { lang, langButton, onLang } from "../lib/i18n.js";
import { loadPacks } from "./actions.js";
import { s, set, store } from "./state.js";
import { noticeScreen, packListScreen, passwordScreen } from "./screens/packs.js";
import { formScreen } from "./screens/form.js";
import { formCheckScreen } from "./screens/check.js";
import { previewScreen } from "./screens/preview.js";
import { yamlScreen } from "./screens/yaml.js";

function start(): void {
  const region = (tag: "div" | "section", attrs: Record<string, string>, screen: (root: HTMLElement) => unknown) => {
    const el = h(tag, attrs);
    screen(el);
    return el;
  };
  const back = h("p", null);
  const intro = h("p", { class: "hint" });
  mount(
    $("main"),
    back,
    intro,
    region("div", { id: "notice", role: "status", "aria-live": "polite" }, noticeScreen),
    region("div", {}, passwordScreen),
    region("section", { class: "panel", id: "pack-list" }, packListScreen),
    h(
      "section",
      { class: "panel", id: "form-section" },
      region("div", { id: "form-body" }, formScreen),
      region("div", { id: "form-check", "aria-live": "polite" }, formCheckScreen),
      region("section", { id: "preview", class: "preview" }, previewScreen),
    ),
    region("section", { class: "panel", id: "yaml-section" }, yamlScreen),
  );
  store.watch(
    (st) => st.lang,
    () => {
      document.title = `Arena VUCA — ${s().title}`;
      mount($("page-title"), s().title);
      mount($("top-lang"), langButton());
      mount(back, h("a", { href: "/host.html" }, s().backToConsole));
      mount(intro, s().intro);
    },
  );
  onLang(() => set({ lang: lang() }));
  void loadPacks();
}

start();
