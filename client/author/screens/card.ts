// One card of the pack in the form (the tab panel): its id and icon, the
// short route, title and narrative, the condition, the four responses, the
// roles, the reflection, the value and its behaviour, the facilitator's note.
// Drawn from the form in the state; every change goes through `edit`.
import { BEHAVIOURS } from "../../../shared/behaviours.js";
import { CONDITIONS, PRIMES, VALUES, type CoreValue } from "../../../shared/vuca.js";
import { h } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { edit } from "../actions.js";
import { PROJECTOR, type CardF, type PackF } from "../model.js";
import { s } from "../state.js";
import { roleChecks, select, textField } from "./fields.js";

/** The pack's short route (`routes.pendek`), in card order. */
function shortRoute(form: PackF): string[] {
  const routes = form.rest.routes;
  const list = routes && typeof routes === "object" && Object.hasOwn(routes, "pendek") ? (routes as Record<string, unknown>)["pendek"] : undefined;
  return Array.isArray(list) ? list.map(String) : [];
}
function setShortRoute(form: PackF, ids: string[]): void {
  const order = form.cards.map((cd) => cd.id);
  const sorted = ids.filter((id) => order.includes(id)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const routes = { ...(form.rest.routes && typeof form.rest.routes === "object" ? (form.rest.routes as Record<string, unknown>) : {}) };
  if (sorted.length > 0) routes["pendek"] = sorted;
  else delete routes["pendek"];
  form.rest.routes = Object.keys(routes).length > 0 ? routes : undefined;
}

/** The editor of card `ci` of `form` (`tab` names its panel). */
export function cardEditor(form: PackF, ci: number, tab: number): HTMLElement {
  const t = s();
  const card = form.cards[ci]!;
  const at = (f: PackF): CardF => f.cards[ci]!;
  const put = (change: (cd: CardF) => void) => edit((f) => change(at(f)));
  const typed = (change: (cd: CardF, v: string) => void) => (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    put((cd) => change(cd, v));
  };
  const conditions: [string, string][] = CONDITIONS.map((k) => [k, c().conditions[k]]);
  const behaviours = Object.hasOwn(BEHAVIOURS, card.value) ? BEHAVIOURS[card.value as CoreValue].behaviours : [];
  return h(
    "div",
    { class: "card-editor", role: "tabpanel", id: `card-panel-${tab}` },
    h(
      "div",
      { class: "row" },
      h("label", { for: "card-id" }, t.cardId, h("input", { id: "card-id", value: card.id, oninput: typed((cd, v) => (cd.id = v)) })),
      h("label", { for: "card-icon" }, t.icon, h("input", { id: "card-icon", value: card.icon, maxlength: 16, oninput: typed((cd, v) => (cd.icon = v)) })),
    ),
    h(
      "label",
      { class: "check", for: "in-short" },
      h("input", {
        type: "checkbox",
        id: "in-short",
        checked: shortRoute(form).includes(card.id),
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          edit((f) => {
            const list = shortRoute(f).filter((x) => x !== card.id);
            if (on) list.push(card.id);
            setShortRoute(f, list);
          });
        },
      }),
      ` ${t.inShortRoute}`,
    ),
    textField("card-title", t.cardTitle, card.title, (f) => at(f).title, 80),
    textField("narrative", t.narrative, card.narrative, (f) => at(f).narrative, PROJECTOR.narrative, true),
    select("condition", t.condition, card.condition, conditions, (v) => put((cd) => (cd.condition = v))),
    textField("condition-reason", t.conditionReason, card.conditionReason, (f) => at(f).conditionReason, PROJECTOR.reason, true),
    select("also-condition", t.alsoCondition, card.alsoCondition, [["", t.none], ...conditions], (v) => put((cd) => (cd.alsoCondition = v))),
    h(
      "fieldset",
      { class: "options-edit" },
      h("legend", null, t.options),
      card.options.map((o, j) =>
        h(
          "fieldset",
          { class: "option-edit" },
          h("legend", null, t.option(j + 1)),
          h(
            "div",
            { class: "row" },
            select(`prime-${j}`, t.prime, o.prime, PRIMES.map((p) => [p, c().primes[p]]), (v) => put((cd) => (cd.options[j]!.prime = v))),
            h(
              "label",
              { for: `points-${j}` },
              t.points,
              h("input", { id: `points-${j}`, type: "number", min: 0, max: 5, step: 1, value: o.points, oninput: typed((cd, v) => (cd.options[j]!.points = Number(v))) }),
            ),
          ),
          textField(`option-${j}`, t.optionText, o.text, (f) => at(f).options[j]!.text, PROJECTOR.option, true),
          textField(`reason-${j}`, t.reason, o.reason, (f) => at(f).options[j]!.reason, PROJECTOR.reason, true),
        ),
      ),
    ),
    roleChecks("needed", t.rolesNeeded, card.rolesNeeded, (f) => at(f).rolesNeeded),
    roleChecks("harmful", t.rolesHarmful, card.rolesHarmful, (f) => at(f).rolesHarmful),
    textField("reflection", t.reflection, card.reflection, (f) => at(f).reflection, PROJECTOR.reflection, true),
    select("value", t.value, card.value, VALUES.map((v) => [v, c().values[v]]), (v) => put((cd) => (cd.value = v))),
    select(
      "behaviour-pick",
      t.behaviour,
      behaviours.find((b) => b.id === card.behaviour.id)?.id ?? "",
      [["", t.ownBehaviour], ...behaviours.map((b): [string, string] => [b.id, lang() === "en" ? b.en : b.id])],
      (v) => {
        const b = behaviours.find((x) => x.id === v);
        put((cd) => (cd.behaviour = b ? { id: b.id, en: b.en } : { id: "", en: "" }));
      },
    ),
    textField("behaviour", t.behaviour, card.behaviour, (f) => at(f).behaviour, 200),
    textField("facilitator", t.facilitator, card.facilitator, (f) => at(f).facilitator, undefined, true),
    form.cards.length > 1
      ? h("button", { type: "button", class: "danger", id: "remove-card", onclick: () => {
          edit((f) => void f.cards.splice(tab, 1), { tab: Math.max(0, tab - 1), preview: 0 });
          // focus goes to the card now shown, never to the next card's remove button (a second Enter must not remove another card)
          document.getElementById(`tab-${Math.max(0, tab - 1)}`)?.focus();
        } }, t.removeCard)
      : null,
  );
}
