// Home: players enter the room code and their name and go on to the phone
// page (play.html), which joins; trainers go to the console (host.html) to
// create a session; anyone can follow as an observer (watch.html).
import "../lib/base.css";
import "./home.css";
import { CODE_LENGTH, isCode, normaliseCode } from "../../shared/constants.js";
import { $, h, mount } from "../lib/dom.js";
import { HANDOUT } from "../handout/texts.js";
import { home } from "../../shared/i18n/home.js";
import { c, lang, langButton, onLang, tp } from "../lib/i18n.js";
import { rememberName, storedName } from "../lib/storage.js";
import { nameField } from "../play/name-field.js";

const params = new URLSearchParams(location.search);
let codeDraft = normaliseCode(params.get("code") ?? "").slice(0, CODE_LENGTH);
let nameDraft = storedName();

function render(): void {
  const t = tp();
  const o = home[lang()]; // what only this page shows
  mount($("top-lang"), langButton());
  document.title = `${c().appName} — ${t.joinTitle}`;

  const codeInput = h("input", {
    id: "code",
    type: "text",
    class: "code-input",
    value: codeDraft,
    maxlength: CODE_LENGTH + 2,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    inputmode: "text",
    enterkeyhint: "next",
    "aria-describedby": "code-hint",
    required: true,
  });
  codeInput.addEventListener("input", () => {
    const v = normaliseCode(codeInput.value).slice(0, CODE_LENGTH);
    if (codeInput.value !== v) codeInput.value = v;
    codeDraft = v;
    watchLink.href = isCode(v) ? `/watch.html?code=${v}` : "/watch.html";
  });
  // play.html's name box: counted, said when too long, never cut (client/play/name-field.ts)
  const { input: nameInput, count: nameCount, check } = nameField(nameDraft);
  nameInput.addEventListener("input", () => (nameDraft = nameInput.value));
  const error = h("div", { class: "alert", role: "alert", hidden: true });
  const watchLink = h("a", { href: isCode(codeDraft) ? `/watch.html?code=${codeDraft}` : "/watch.html" }, t.watchLink);

  const fail = (text: string, field: HTMLInputElement) => {
    mount(error, h("p", null, text));
    error.hidden = false;
    field.setAttribute("aria-invalid", "true");
    field.focus();
  };
  const onsubmit = (e: Event) => {
    e.preventDefault();
    const code = normaliseCode(codeInput.value);
    const name = nameInput.value.trim();
    if (!isCode(code)) return fail(t.codeInvalid, codeInput);
    const bad = check(name);
    if (bad) return fail(bad, nameInput);
    rememberName(name);
    location.href = `/play.html?code=${code}&go=1`;
  };

  mount(
    $("main"),
    h(
      "div",
      { class: "stack" },
      h("section", { class: "hero" }, h("h1", null, c().appName), h("p", null, o.tagline), h("p", { class: "primes", "aria-hidden": "true" }, "V · U · C · A")),
      // side by side on a laptop: "Buat sesi" in view at 1280×720 (test/browser/console-layout.test.ts)
      h(
        "div",
        { class: "home-cols" },
        h(
          "form",
          { class: "panel stack", novalidate: true, onsubmit, "aria-labelledby": "join-title" },
          h("h2", { id: "join-title" }, t.joinTitle),
          h("div", null, h("label", { for: "code" }, t.codeLabel), codeInput, h("span", { id: "code-hint", class: "hint" }, t.codeHint)),
          h("div", null, h("label", { for: "name" }, t.nameLabel), nameInput, h("span", { id: "name-hint", class: "hint" }, t.nameHint), nameCount),
          error,
          h("button", { type: "submit", class: "block" }, t.joinButton),
          h("p", { class: "center small" }, watchLink),
        ),
        h(
          "section",
          { class: "panel stack trainer", "aria-labelledby": "trainer-title" },
          h("h2", { id: "trainer-title" }, o.trainerTitle),
          h("p", { class: "muted" }, o.trainerText),
          h("a", { class: "button block secondary", href: "/host.html" }, `${o.createSession} →`),
          h("p", { class: "center small" }, h("a", { href: "/handout.html" }, HANDOUT[lang()].link)),
        ),
      ),
    ),
  );
  if (!isCode(codeDraft)) codeInput.focus({ preventScroll: true });
  else if (!nameDraft) nameInput.focus({ preventScroll: true });
}

onLang(render);
render();
