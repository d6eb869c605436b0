// The console's status bar (reconnecting; the results store failing) drawn
// from the state, and the toast for a refusal or a failed action.
import { host } from "../../../shared/i18n/host.js";
import { $, h, mount } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { live, store } from "../state.js";

let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function toast(text: string): void {
  const el = $("toast");
  mount(el, h("div", { class: "toast-box", onclick: () => mount(el) }, text));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => mount(el), 6000);
}

export function watchStatus(): void {
  store.watch(
    (s) => ({ status: s.status, trouble: s.saveTrouble, lang: s.lang }),
    ({ status, trouble }) => {
      const t = host[lang()];
      const lines: HTMLElement[] = [];
      if (status === "reconnecting" || status === "lost" || status === "connecting") {
        lines.push(
          h(
            "div",
            { class: "bar warn" },
            h("span", { class: "bar-icon", "aria-hidden": "true" }, "⟳"),
            h("span", null, status === "connecting" ? c().connecting : c().reconnecting),
            status === "lost" ? h("button", { type: "button", class: "bar-btn", onclick: () => live.conn?.start() }, t.retry) : null,
          ),
        );
      }
      if (trouble) {
        // the results store is failing: the game goes on, the trainer knows (cleared when saves land again)
        lines.push(
          h(
            "div",
            { class: "bar warn save-trouble", role: "alert", title: trouble.detail },
            h("span", { class: "bar-icon", "aria-hidden": "true" }, "⚠"),
            h("span", null, `${t.saveFailing}: ${t.saveTroubleKinds[trouble.kind] ?? trouble.kind}. ${t.saveFailingNote}`),
          ),
        );
      }
      mount($("status"), lines);
    },
  );
}
