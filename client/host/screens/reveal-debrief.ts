// The trainer's debrief of one card, shown on the console at the reveal and
// the scoreboard (issue #20): the reflection question and the facilitator
// notes, every team's choice (letter and text), diagnosis, roles committed and
// reason side by side, and how the class chose and read the condition. Drawn
// only from what the console already receives (the reveal's texts and the
// card's notes); it decides nothing.
import type { RevealView } from "../../../shared/protocol/wire.js";
import type { TeamResult } from "../../../shared/rules/types.js";
import { CONDITIONS, say, type Text } from "../../../shared/vuca.js";
import { optionLetter } from "../../../shared/i18n/options.js";
import { host } from "../../../shared/i18n/host.js";
import { h } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { teamChip } from "../../lib/views.js";

/** How many teams chose each option (display order) and read each condition. */
export function distributionOf(reveal: RevealView): { options: number[]; conditions: Record<(typeof CONDITIONS)[number], number>; none: number } {
  const options = reveal.card.options.map((o) => reveal.results.filter((r) => r.choice === o.prime).length);
  const conditions = Object.fromEntries(CONDITIONS.map((k) => [k, reveal.results.filter((r) => r.diagnosis === k).length])) as Record<(typeof CONDITIONS)[number], number>;
  return { options, conditions, none: reveal.results.filter((r) => !r.choice).length };
}

function meter(n: number, of: number): HTMLElement {
  const pct = of > 0 ? Math.round((n / of) * 100) : 0;
  return h("span", { class: "bar-meter", "aria-hidden": "true" }, h("span", { style: `width:${pct}%` }));
}

function teamRow(r: TeamResult, reveal: RevealView): HTMLElement {
  const s = host[lang()];
  const L = lang();
  const i = reveal.card.options.findIndex((o) => o.prime === r.choice);
  const option = i >= 0 ? reveal.card.options[i] : undefined;
  const best = !!r.choice && reveal.best.includes(r.choice);
  const right = !!r.diagnosis && r.diagnosis === reveal.card.condition;
  return h(
    "tr",
    { "data-team": r.team },
    h("th", { scope: "row" }, teamChip(r.team)),
    h(
      "td",
      { class: "rd-choice" },
      option
        ? [
            h("span", { class: best ? "rd-letter best" : "rd-letter" }, optionLetter(i)),
            h("span", { class: "rd-option-text" }, say(option.text, L)),
            best ? h("span", { class: "tag good" }, `★ ${s.rdBest}`) : null,
          ]
        : h("span", { class: "tag bad" }, s.rdNoChoice),
    ),
    h(
      "td",
      null,
      r.diagnosis ? h("span", { class: right ? "tag good" : "tag" }, c().conditions[r.diagnosis], right ? ` ✓ ${s.rdRight}` : "") : h("span", { class: "muted small" }, s.rdNoDiagnosis),
    ),
    h("td", { class: "rd-roles" }, r.rolesCommitted.length ? r.rolesCommitted.map((x) => c().roles[x]).join(", ") : h("span", { class: "muted small" }, s.rdNoRoles)),
    h("td", { class: "rd-reason" }, r.reason ? h("q", null, r.reason) : h("span", { class: "muted small" }, s.noReason)),
    h("td", { class: "num" }, h("strong", null, c().points(r.points))),
  );
}

export function revealDebrief(reveal: RevealView, facilitator: Text | undefined): HTMLElement {
  const s = host[lang()];
  const L = lang();
  const card = reveal.card;
  const dist = distributionOf(reveal);
  const teams = reveal.results.length;
  const results = [...reveal.results].sort((a, b) => a.team - b.team);
  return h(
    "div",
    { class: "rd" },
    h(
      "div",
      { class: "rd-head" },
      h("h2", { id: "reveal-debrief-h" }, `💬 ${s.rdTitle}`),
      h("span", { class: `tag cond cond-${card.condition}` }, s.rdCardCondition(c().conditions[card.condition])),
    ),
    h(
      "div",
      { class: "rd-prompts" },
      h("div", { class: "rd-question" }, h("h3", null, s.reflectionQuestion), h("p", { id: "rd-question" }, say(card.reflection, L))),
      h("div", { class: "rd-notes" }, h("h3", null, s.facilitatorNotes), h("p", { id: "rd-notes" }, facilitator ? say(facilitator, L) : s.noNotes)),
    ),
    h(
      "div",
      { class: "table-wrap", role: "region", tabindex: 0, "aria-labelledby": "reveal-debrief-h" },
      h(
        "table",
        { class: "summary-table rd-table", id: "rd-table" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, s.rdTeam),
            h("th", { scope: "col" }, s.rdChoice),
            h("th", { scope: "col" }, s.rdDiagnosis),
            h("th", { scope: "col" }, s.rdRoles),
            h("th", { scope: "col" }, s.rdReason),
            h("th", { scope: "col" }, s.score),
          ),
        ),
        h("tbody", null, results.map((r) => teamRow(r, reveal))),
      ),
    ),
    h(
      "div",
      { class: "rd-dist" },
      h(
        "section",
        { "aria-labelledby": "rd-choices-h" },
        h("h3", { id: "rd-choices-h" }, s.rdChoices),
        h(
          "ul",
          { class: "rd-bars", id: "rd-choices" },
          card.options.map((o, i) =>
            h(
              "li",
              { "data-option": optionLetter(i) },
              h("span", { class: o.prime && reveal.best.includes(o.prime) ? "rd-letter best" : "rd-letter" }, optionLetter(i)),
              h("span", { class: "rd-bar-label" }, o.prime ? c().primes[o.prime] : ""),
              meter(dist.options[i] ?? 0, teams),
              h("span", { class: "num" }, s.rdTeamsN(dist.options[i] ?? 0)),
            ),
          ),
          dist.none ? h("li", null, h("span", { class: "rd-letter" }, "–"), h("span", { class: "rd-bar-label" }, s.rdNoChoice), meter(dist.none, teams), h("span", { class: "num" }, s.rdTeamsN(dist.none))) : null,
        ),
      ),
      h(
        "section",
        { "aria-labelledby": "rd-diagnoses-h" },
        h("h3", { id: "rd-diagnoses-h" }, s.rdDiagnoses),
        h(
          "ul",
          { class: "rd-bars", id: "rd-diagnoses" },
          CONDITIONS.map((k) =>
            h(
              "li",
              { "data-condition": k, class: k === card.condition ? "right" : null },
              h("span", { class: "rd-bar-label" }, c().conditions[k], k === card.condition ? " ✓" : ""),
              meter(dist.conditions[k], teams),
              h("span", { class: "num" }, s.rdTeamsN(dist.conditions[k])),
            ),
          ),
        ),
      ),
    ),
  );
}
