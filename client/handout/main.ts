// The participant handout: one printable A4 page with the four conditions and
// their cues, the four Primes, the five pentahelix roles and the seven values
// with their behaviours (from shared/behaviours.ts, as the Surat Edaran words them).
import "../lib/base.css";
import "./handout.css";
import { BEHAVIOURS } from "../../shared/behaviours.js";
import { CONDITIONS, ROLES, VALUES, type Prime } from "../../shared/vuca.js";
import { $, h, mount } from "../lib/dom.js";
import { c, lang, langButton, onLang } from "../lib/i18n.js";
import { HANDOUT } from "./texts.js";

/** The Primes in alphabetical order of their Indonesian names, not in the order of the conditions. */
const PRIME_ORDER: Prime[] = ["clarity", "agility", "understanding", "vision"];

function render(): void {
  const t = HANDOUT[lang()];
  const names = c();
  document.title = t.title;
  mount($("top-lang"), langButton());
  const print = $("print") as HTMLButtonElement;
  print.textContent = t.print;
  print.onclick = () => window.print();

  mount(
    $("main"),
    h("h1", null, t.title),
    h("p", { class: "intro" }, t.intro),
    h(
      "section",
      { class: "block steps" },
      h("h2", null, t.stepsTitle),
      h("ol", null, ...t.steps.map((s) => h("li", null, s))),
    ),
    h(
      "section",
      { class: "block" },
      h("h2", null, t.conditionsTitle),
      h("p", { class: "lead" }, t.conditionsLead),
      h(
        "dl",
        { class: "grid2" },
        ...CONDITIONS.flatMap((k) => [
          h("dt", null, names.conditions[k]),
          h("dd", null, t.conditions[k].what, h("span", { class: "cues" }, t.conditions[k].cues)),
        ]),
      ),
    ),
    h(
      "section",
      { class: "block" },
      h("h2", null, t.primesTitle),
      h("p", { class: "lead" }, t.primesLead),
      h("dl", { class: "grid2" }, ...PRIME_ORDER.flatMap((p) => [h("dt", null, names.primes[p]), h("dd", null, t.primes[p])])),
      h("p", { class: "note" }, t.primesNote),
    ),
    h(
      "section",
      { class: "block" },
      h("h2", null, t.rolesTitle),
      h("p", { class: "lead" }, t.rolesLead),
      h(
        "dl",
        { class: "grid2" },
        ...ROLES.flatMap((r) => [
          h("dt", null, names.roles[r]),
          h("dd", null, t.roles[r].brings, h("span", { class: "hurts" }, `${t.hurtsLabel} ${t.roles[r].hurts}`)),
        ]),
      ),
    ),
    h(
      "section",
      { class: "block values" },
      h("h2", null, t.valuesTitle),
      h("p", { class: "lead" }, t.valuesLead),
      h(
        "div",
        { class: "value-grid" },
        ...VALUES.map((v) => {
          const value = BEHAVIOURS[v];
          return h(
            "div",
            { class: "value" },
            h("h3", null, lang() === "en" ? `${value.name} (${value.en})` : value.name),
            h("ul", null, ...value.behaviours.map((b) => h("li", null, lang() === "en" ? b.en : b.id))),
          );
        }),
      ),
    ),
  );
}

onLang(render);
render();
