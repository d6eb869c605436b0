// The YAML box: upload a file or paste, check or save, the checker's
// messages (./check.ts) and, when it found something, every line numbered
// with each message beside the line it points at. Drawn again when a check
// answers, a text is put in from elsewhere or the language changes — not
// while the trainer types (the box already shows what is typed).
import { h } from "../../lib/dom.js";
import { lang } from "../../lib/i18n.js";
import { checkYaml, loadFile } from "../actions.js";
import { s, setYaml, show, type AuthorState, type CheckMessage } from "../state.js";
import { checkList } from "./check.js";

export const yamlScreen = (root: HTMLElement) => show(root, (st) => [st.yaml.checked, st.yaml.loaded, st.lang], drawYaml);

function drawYaml({ yaml }: AuthorState): (HTMLElement | null)[] {
  const t = s();
  const lines = yaml.text.split("\n");
  const byLine = new Map<number, CheckMessage[]>();
  for (const e of [...(yaml.check?.errors ?? []), ...(yaml.check?.rules ?? [])]) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  return [
    h("h2", null, t.yamlTitle),
    h("p", { class: "hint" }, t.yamlHint),
    h(
      "label",
      { for: "yaml-file" },
      t.chooseFile,
      h("input", {
        type: "file",
        id: "yaml-file",
        accept: ".yaml,.yml,text/yaml",
        onchange: (e: Event) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) void loadFile(file);
        },
      }),
    ),
    h("textarea", { id: "yaml-text", rows: 14, spellcheck: "false", value: yaml.text, oninput: (e: Event) => setYaml({ text: (e.target as HTMLTextAreaElement).value, bytes: null }) }),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", id: "yaml-check", class: "secondary", onclick: () => void checkYaml(false) }, t.check),
      h("button", { type: "button", id: "yaml-save", onclick: () => void checkYaml(true) }, t.save),
    ),
    checkList(yaml.check, true),
    yaml.check && yaml.check.errors.length + yaml.check.rules.length > 0
      ? h(
          "ol",
          { class: "yaml-lines", id: "yaml-lines" },
          lines.map((line, i) => {
            const here = byLine.get(i + 1) ?? [];
            return h(
              "li",
              { class: here.length ? "bad-line" : "", value: i + 1, "data-line": i + 1 },
              h("code", null, line || " "),
              here.map((e) => h("span", { class: "line-message" }, `◀ ${e.path}: ${lang() === "en" ? e.message : e.pesan}`)),
            );
          }),
        )
      : null,
  ];
}
