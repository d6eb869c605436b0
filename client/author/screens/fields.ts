// The form's fields, drawn from the form in the state; what is typed goes
// back through `edit` (./actions.ts), which puts a changed copy of the form in
// the state and schedules the live check.
//
//   textField(name, label, text, pick, cap?, area?) → Indonesian and English
//       inputs (`#name-id`, `#name-en`), each with a counter against `cap`
//   select(id, label, value, options, onChange)
//   roleChecks(name, label, list, pick) → a checkbox per role (`#name-role`)
import { ROLES } from "../../../shared/vuca.js";
import { h } from "../../lib/dom.js";
import { c } from "../../lib/i18n.js";
import { edit } from "../actions.js";
import { chars, type PackF, type TextF } from "../model.js";
import { s } from "../state.js";

/** Two inputs (Indonesian, English) for a text; `pick` finds the same text in a copy of the form. */
export function textField(name: string, label: string, text: TextF, pick: (f: PackF) => TextF, cap?: number, area = false): HTMLElement {
  const t = s();
  const box = (which: "id" | "en") => {
    const n = chars(text[which]);
    const over = cap !== undefined && n > cap;
    const attrs = {
      id: `${name}-${which}`,
      name: `${name}-${which}`,
      value: text[which],
      oninput: (e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        edit((f) => void (pick(f)[which] = v));
      },
    };
    return h(
      "label",
      { for: attrs.id, class: "text-field" },
      h("span", { class: "small muted" }, which === "id" ? t.indonesian : t.english),
      area ? h("textarea", { ...attrs, rows: 3 }) : h("input", { ...attrs, type: "text" }),
      h("span", { class: over ? "counter small over" : "counter small", "aria-live": "off", title: over ? t.tooLongForProjector : "" }, cap ? t.counter(n, cap) : ""),
    );
  };
  return h("fieldset", { class: "text-pair" }, h("legend", null, label), box("id"), box("en"));
}

export function select(id: string, label: string, value: string, options: [string, string][], onChange: (v: string) => void): HTMLElement {
  return h(
    "label",
    { for: id },
    label,
    h(
      "select",
      { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
    ),
  );
}

export function roleChecks(name: string, label: string, list: string[], pick: (f: PackF) => string[]): HTMLElement {
  return h(
    "fieldset",
    { class: "roles" },
    h("legend", null, label),
    ROLES.map((r) =>
      h(
        "label",
        { class: "check", for: `${name}-${r}` },
        h("input", {
          type: "checkbox",
          id: `${name}-${r}`,
          checked: list.includes(r),
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            edit((f) => {
              const mine = pick(f);
              const at = mine.indexOf(r);
              if (on && at < 0) mine.push(r);
              if (!on && at >= 0) mine.splice(at, 1);
            });
          },
        }),
        ` ${c().roles[r]}`,
      ),
    ),
  );
}
