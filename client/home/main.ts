// Home: players enter the room code and their name and go on to the phone
// page (play.html), which joins; trainers go to the console (host.html) to
// create a session; anyone can follow as an observer (watch.html).
import "../lib/base.css";
import "./home.css";
import { CODE_LENGTH, NAME_MAX, isCode, normaliseCode } from "../../shared/constants.js";
import { $, h, mount } from "../lib/dom.js";
import { HANDOUT } from "../handout/texts.js";
import { c, lang, langButton, onLang, tp } from "../lib/i18n.js";
import { rememberName, storedName } from "../lib/storage.js";

const params = new URLSearchParams(location.search);
let codeDraft = normaliseCode(params.get("code") ?? "").slice(0, CODE_LENGTH);
let nameDraft = storedName();

function render(): void {
  const t = tp();
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
  const nameInput = h("input", {
    id: "name",
    type: "text",
    value: nameDraft,
    maxlength: NAME_MAX,
    autocomplete: "nickname",
    autocapitalize: "words",
    enterkeyhint: "go",
    "aria-describedby": "name-hint",
    required: true,
  });
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
    if (!name || name.length > NAME_MAX) return fail(t.nameMissing, nameInput);
    rememberName(name);
    location.href = `/play.html?code=${code}&go=1`;
  };

  mount(
    $("main"),
    h(
      "div",
      { class: "stack" },
      h("section", { class: "hero" }, h("h1", null, c().appName), h("p", null, t.tagline), h("p", { class: "primes", "aria-hidden": "true" }, "V · U · C · A")),
      // side by side on a laptop: "Buat sesi" in view at 1280×720 (test/browser/console-layout.test.ts)
      h(
        "div",
        { class: "home-cols" },
        h(
          "form",
          { class: "panel stack", novalidate: true, onsubmit, "aria-labelledby": "join-title" },
          h("h2", { id: "join-title" }, t.joinTitle),
          h("div", null, h("label", { for: "code" }, t.codeLabel), codeInput, h("span", { id: "code-hint", class: "hint" }, t.codeHint)),
          h("div", null, h("label", { for: "name" }, t.nameLabel), nameInput, h("span", { id: "name-hint", class: "hint" }, t.nameHint)),
          error,
          h("button", { type: "submit", class: "block" }, t.joinButton),
          h("p", { class: "center small" }, watchLink),
        ),
        h(
          "section",
          { class: "panel stack trainer", "aria-labelledby": "trainer-title" },
          h("h2", { id: "trainer-title" }, t.trainerTitle),
          h("p", { class: "muted" }, t.trainerText),
          h("a", { class: "button block secondary", href: "/host.html" }, `${t.createSession} →`),
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
