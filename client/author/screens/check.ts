// What the checker said (server/authoring.ts), for the form and for the YAML
// box: the verdict, the errors, scenarios:check's pack rules (they do not stop
// a save) and the source's warnings. Under the form, a message names its card
// and field and opens it (`goTo`); beside the YAML it names the line.
//
//   fieldOf(path)  → the form field a checker path names, if any
//   checkList(answer, withLines)
//   formCheckScreen(root) → the form's live check, drawn from the state
import { h } from "../../lib/dom.js";
import { lang } from "../../lib/i18n.js";
import { refusal } from "../actions.js";
import { s, set, show, store, type CheckAnswer, type CheckMessage } from "../state.js";

export const formCheckScreen = (root: HTMLElement) => show(root, (st) => [st.formCheck, st.lang], (st) => checkList(st.formCheck, false));

/** "events[2].options[1].text.id" → "Kartu 3 · options[1].text.id". */
function where(path: string): string {
  const m = /^events\[(\d+)\]\.?(.*)$/.exec(path);
  return m ? `${s().card(Number(m[1]) + 1)}${m[2] ? ` · ${m[2]}` : ""}` : path;
}

/** The form field a checker path names (`events[2].options[1].text.en` → tab 2, `#option-1-en`), if any. */
export function fieldOf(path: string): { tab: number; id: string } | null {
  const m = /^events\[(\d+)\]\.(.+)$/.exec(path);
  if (!m) return null;
  const rest = m[2]!;
  const lang_ = /\.en$/.test(rest) ? "en" : "id";
  const o = /^options\[(\d)\]\.(text|reason|points|prime)/.exec(rest);
  const simple = new Map([
    ["id", "card-id"],
    ["icon", "card-icon"],
    ["title", `card-title-${lang_}`],
    ["narrative", `narrative-${lang_}`],
    ["condition", "condition"],
    ["conditionReason", `condition-reason-${lang_}`],
    ["alsoCondition", "also-condition"],
    ["facilitator", `facilitator-${lang_}`],
    ["reflection", `reflection-${lang_}`],
    ["value", "value"],
    ["behaviour", `behaviour-${lang_}`],
    ["rolesNeeded", "needed-government"],
    ["rolesHarmful", "harmful-government"],
  ]);
  const id = o
    ? o[2] === "text"
      ? `option-${o[1]}-${lang_}`
      : o[2] === "reason"
        ? `reason-${o[1]}-${lang_}`
        : `${o[2]}-${o[1]}`
    : simple.get(rest.split(/[.[]/)[0]!);
  return id ? { tab: Number(m[1]), id } : null;
}

/** Opens the card a message points at and puts the cursor in its field. */
function goTo(path: string): void {
  const f = fieldOf(path);
  const { form, tab } = store.get();
  if (!f || !form || f.tab >= form.cards.length) return;
  if (f.tab !== tab) set({ tab: f.tab, preview: 0 });
  document.getElementById(f.id)?.focus();
}

function messageItem(e: CheckMessage, withLines: boolean): HTMLElement {
  const label = withLines && e.line ? `${s().line(e.line)} · ${e.path}` : where(e.path);
  const text = lang() === "en" ? e.message : e.pesan;
  return h("li", null, !withLines && fieldOf(e.path) ? h("a", { href: "#", onclick: (ev: Event) => (ev.preventDefault(), goTo(e.path)) }, h("code", null, label)) : h("code", null, label), " ", text);
}

export function checkList(answer: CheckAnswer | null, withLines: boolean): HTMLElement | null {
  const t = s();
  if (!answer) return null;
  if (answer.reason && answer.errors.length === 0 && answer.reason !== "PACK_INVALID") return h("p", { class: "panel bad" }, refusal(answer));
  return h(
    "div",
    { class: "check-result" },
    answer.errors.length === 0 && answer.ok ? h("p", { class: "good" }, `✓ ${t.checkOk(answer.pack?.events ?? 0)}`) : h("p", { class: "bad" }, t.checkBad(answer.errors.length)),
    answer.errors.length > 0 ? h("ul", { class: "check-errors" }, answer.errors.map((e) => messageItem(e, withLines))) : null,
    answer.rules.length > 0
      ? h("div", { class: "rules" }, h("p", { class: "bad" }, t.rulesTitle(answer.rules.length)), h("ul", { class: "check-rules" }, answer.rules.map((e) => messageItem(e, withLines))))
      : null,
    answer.warnings.length > 0
      ? h("details", { class: "warnings" }, h("summary", null, `${t.warnings} (${answer.warnings.length})`), h("ul", null, answer.warnings.map((w) => h("li", { class: "small" }, w))))
      : null,
  );
}
