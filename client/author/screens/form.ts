// The form that writes a pack without seeing YAML: the pack's id, title and
// description, a tab per card (marked when the check found something to fix
// on it) and the open card's editor (./card.ts), then preview, show as YAML,
// save. Drawn again from the state whenever the form, the open card or the
// check's marks change (focus and caret kept, client/lib/render.ts).
import { h } from "../../lib/dom.js";
import { edit, saveForm, showYaml } from "../actions.js";
import { emptyCard } from "../model.js";
import { s, set, show, store, type AuthorState } from "../state.js";
import { cardEditor } from "./card.js";
import { fieldOf } from "./check.js";
import { textField } from "./fields.js";

/** The cards the check has something to fix on. */
const badTabs = (st: AuthorState): number[] => [...new Set([...(st.formCheck?.errors ?? []), ...(st.formCheck?.rules ?? [])].map((e) => fieldOf(e.path)?.tab).filter((n) => n !== undefined))].sort((a, b) => a - b);

export const formScreen = (root: HTMLElement) => show(root, (st) => [st.form, st.tab, st.lang, badTabs(st)], drawForm);

const setId = (v: string) => edit((g) => void (g.id = v));

function drawForm(st: AuthorState): (HTMLElement | null)[] {
  const t = s();
  const { form: f, tab } = st;
  if (!f) return [h("h2", null, t.formTitle), h("p", { class: "hint" }, t.newPack)];
  const bad = badTabs(st);
  const ci = Math.min(tab, f.cards.length - 1);
  return [
    h("h2", null, t.formTitle),
    h("label", { for: "pack-id" }, t.packId, h("input", { id: "pack-id", value: f.id, oninput: (e: Event) => setId((e.target as HTMLInputElement).value) })),
    textField("pack-title", t.packTitle, f.title, (g) => g.title, 80),
    textField("pack-description", t.description, f.description, (g) => g.description, 600, true),
    h(
      "div",
      { class: "tabs", role: "tablist" },
      f.cards.map((cd, i) =>
        h(
          "button",
          { type: "button", role: "tab", id: `tab-${i}`, "aria-selected": i === tab ? "true" : "false", class: `${i === tab ? "tab on" : "tab"}${bad.includes(i) ? " has-problem" : ""}`, onclick: () => set({ tab: i, preview: 0 }) },
          t.card(i + 1),
          cd.title.id ? ` · ${cd.title.id.slice(0, 24)}` : "",
        ),
      ),
      f.cards.length < 12
        ? h("button", { type: "button", id: "add-card", class: "tab add", onclick: () => edit((g) => void g.cards.push(emptyCard(g.id, g.cards.length + 1)), { tab: f.cards.length, preview: 0 }) }, t.addCard)
        : null,
    ),
    ci >= 0 ? cardEditor(f, ci, tab) : null,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", id: "preview-card", class: "secondary", onclick: () => store.update((x) => ({ ...x, preview: x.preview + 1 })) }, `👁 ${t.preview}`),
      h("button", { type: "button", id: "show-yaml", class: "secondary", onclick: showYaml }, t.showYaml),
      h("button", { type: "button", id: "save-form", onclick: () => void saveForm() }, t.save),
    ),
  ];
}
