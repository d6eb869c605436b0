// Getting in: the join form (code and name, a name too long is counted and
// said, never cut), the spinner while connecting, the calm wait while a saved
// session restarts, and the screens after removal or the room's end.
import { CODE_LENGTH, isCode, normaliseCode } from "../../../shared/constants.js";
import { h, mount, setText } from "../../lib/dom.js";
import { c, reasonText, tp } from "../../lib/i18n.js";
import { rememberName, storedName } from "../../lib/net.js";
import { parseSummary, rankingList, rankRows } from "../../lib/views.js";
import { me, store, type App } from "../state.js";
import { nameField } from "../name-field.js";

export function joinScreen(root: HTMLElement, app: App): void {
  const t = tp();
  const { code, failure, status } = store.get();
  const codeInput = h("input", {
    id: "code",
    type: "text",
    class: "code-input",
    value: code,
    maxlength: CODE_LENGTH + 2,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    enterkeyhint: "next",
    "aria-describedby": "code-hint",
    required: true,
    oninput: () => {
      const v = normaliseCode(codeInput.value).slice(0, CODE_LENGTH);
      if (codeInput.value !== v) codeInput.value = v;
    },
  });
  const { input: nameInput, count: nameCount, check } = nameField(storedName());
  const error = h("div", { id: "join-error", class: "alert", hidden: !failure });
  const button = h("button", { type: "submit", class: "block" }, status === "connecting" ? t.joining : t.joinButton);
  const showLocal = (text: string, field: HTMLInputElement) => {
    mount(error, h("p", null, text));
    error.hidden = false;
    field.setAttribute("aria-invalid", "true");
    field.focus();
  };
  const submit = (nameOverride?: string) => {
    const nextCode = normaliseCode(codeInput.value);
    const name = (nameOverride ?? nameInput.value).trim();
    if (nameOverride) nameInput.value = nameOverride;
    if (!isCode(nextCode)) return showLocal(t.codeInvalid, codeInput);
    const bad = check(name);
    if (bad) return showLocal(bad, nameInput);
    rememberName(name);
    button.disabled = true;
    setText(button, t.joining);
    app.join(nextCode);
  };
  if (failure) {
    mount(error, h("p", null, failure.reason === "NETWORK" ? t.networkError : reasonText(failure.reason)));
    const suggestion = failure.reason === "NAME_TAKEN" ? failure.suggestion : undefined;
    if (suggestion) error.append(h("button", { type: "button", class: "secondary block", onclick: () => submit(suggestion) }, t.useSuggestion(suggestion)));
  }
  mount(
    root,
    h(
      "form",
      { class: "panel stack", novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), submit()) },
      h("h1", null, t.joinTitle),
      h("div", null, h("label", { for: "code" }, t.codeLabel), codeInput, h("span", { id: "code-hint", class: "hint" }, t.codeHint)),
      h("div", null, h("label", { for: "name" }, t.nameLabel), nameInput, h("span", { id: "name-hint", class: "hint" }, t.nameHint), nameCount),
      error,
      button,
    ),
    h("p", { class: "center" }, h("a", { href: code ? `/watch.html?code=${code}` : "/watch.html" }, t.watchLink)),
  );
  queueMicrotask(() => {
    if (failure?.reason === "NAME_TAKEN" || failure?.reason === "NAME_INVALID") nameInput.focus();
    else if (!isCode(code)) codeInput.focus();
    else if (!nameInput.value) nameInput.focus();
  });
}

export function waitScreen(root: HTMLElement): void {
  const text = store.get().status === "connecting" ? c().connecting : c().reconnecting;
  mount(root, h("div", { class: "panel center waiting", "aria-busy": "true" }, h("div", { class: "spinner", "aria-hidden": "true" }), h("p", null, text)));
}

export function sessionWaitScreen(root: HTMLElement): void {
  mount(
    root,
    h(
      "div",
      { id: "session-waiting", class: "panel center waiting", "aria-busy": "true" },
      h("div", { class: "spinner", "aria-hidden": "true" }),
      h("h1", null, c().waitingTitle),
      h("p", null, reasonText("SESSION_WAITING")),
      h("a", { class: "small", href: "/" }, tp().otherRoom),
    ),
  );
}

export function goneScreen(root: HTMLElement): void {
  const t = tp();
  const s = store.get();
  const closed = s.status === "closed";
  const title = closed ? c().closedTitle : s.status === "replaced" ? t.replacedTitle : t.removedTitle;
  const text = closed ? c().closedText : s.status === "banned" ? t.bannedText : s.status === "replaced" ? t.replacedText : t.removedText;
  const mine = closed && s.room?.phase === "final" ? me(s) : null;
  const summary = mine && s.room ? parseSummary(s.room) : null;
  mount(
    root,
    h(
      "div",
      { class: "panel stack" },
      h("h1", null, title),
      h("p", null, text),
      mine && s.room ? rankingList(summary ? summary.ranking : rankRows(s.room.teams), mine.team.index) : null,
      s.status === "replaced" ? h("button", { type: "button", class: "block", onclick: () => location.reload() }, t.reconnectNow) : null,
      h("a", { class: "button block secondary", href: "/" }, t.backHome),
    ),
  );
}
