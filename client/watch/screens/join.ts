// The observer before the game shows: the code form, connecting, the calm
// wait while a saved session restarts, and the room's end.
import { CODE_LENGTH, isCode, normaliseCode } from "../../../shared/constants.js";
import { h, mount } from "../../lib/dom.js";
import { c, reasonText, tp } from "../../lib/i18n.js";
import type { WatchState } from "../state.js";

export const closedScreen = () =>
  h("section", { id: "session-closed", class: "panel stack center" }, h("h1", null, c().closedTitle), h("p", null, c().closedText), h("a", { class: "button block secondary", href: "/" }, tp().backHome));

export const waitingScreen = () =>
  h(
    "div",
    { id: "session-waiting", class: "panel center waiting", "aria-busy": "true" },
    h("div", { class: "spinner", "aria-hidden": "true" }),
    h("h1", null, c().waitingTitle),
    h("p", null, reasonText("SESSION_WAITING")),
  );

export const connectingScreen = () => h("div", { class: "panel center waiting" }, h("div", { class: "spinner", "aria-hidden": "true" }), h("p", null, c().connecting));

export function codeForm(s: WatchState, watch: (code: string) => void): HTMLElement {
  const t = tp();
  const input = h("input", {
    id: "code",
    type: "text",
    class: "code-input",
    value: s.code,
    maxlength: CODE_LENGTH + 2,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    "aria-describedby": "code-hint",
    oninput: () => {
      const v = normaliseCode(input.value).slice(0, CODE_LENGTH);
      if (input.value !== v) input.value = v;
    },
  });
  const failure = s.failure;
  const err = failure ? (failure.reason === "NETWORK" ? t.networkError : reasonText(failure.reason)) : "";
  const error = h("div", { class: "alert", role: "alert", hidden: !err }, err);
  const submit = (e: Event) => {
    e.preventDefault();
    const next = normaliseCode(input.value);
    if (isCode(next)) return watch(next);
    mount(error, t.codeInvalid);
    error.hidden = false;
    input.focus();
  };
  return h(
    "form",
    { class: "panel stack", novalidate: true, onsubmit: submit },
    h("h1", null, t.observerTitle),
    h("p", { class: "muted" }, t.observerIntro),
    h("div", null, h("label", { for: "code" }, t.codeLabel), input, h("span", { id: "code-hint", class: "hint" }, t.codeHint)),
    error,
    h("button", { type: "submit", class: "block" }, t.watchButton),
  );
}
