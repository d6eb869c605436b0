// Evidence for the aktualisasi, not a score: the report's reflections view
// (each participant's chain) and a printable one-page A4 sheet per
// participant — their chain and their own choices per card — that the trainer
// hands to the participant's coach and mentor. Names and texts are user text
// and are always written as text.
import type { ReflectionReportRow, SessionReport, VoteReportRow } from "../../shared/protocol/report.js";
import { say } from "../../shared/vuca.js";
import { host } from "../../shared/i18n/host.js";
import { h, type Child } from "../lib/dom.js";
import { c, lang } from "../lib/i18n.js";
import { teamChip } from "../lib/views.js";
import { formatWhen } from "./report.js";

const t = () => host[lang()];

/** The plain statement every evidence page carries. */
export function notAGrade(): HTMLElement {
  return h("p", { class: "alert info not-a-grade", role: "note" }, h("strong", null, lang() === "id" ? "Poin permainan bukan nilai." : "Game points are not a grade."), " ", t().notAGrade);
}

function chainRows(r: ReflectionReportRow): [string, string][] {
  const s = t();
  const L = lang();
  return [
    [s.rfIssue, r.issue],
    [s.rfCondition, r.condition ? c().conditions[r.condition] : ""],
    [s.rfPrime, r.prime ? c().primes[r.prime] : ""],
    [s.rfPartners, r.partners.map((x) => c().roles[x]).join(", ")],
    [s.rfBehaviour, r.value && r.behaviour ? `${c().values[r.value]}: ${say(r.behaviour, L)}` : ""],
    [s.rfActivity, r.activity],
  ];
}

export function reflectionsView(report: SessionReport): Child[] {
  const s = t();
  const rows = report.reflections ?? [];
  return [
    notAGrade(),
    h("div", { class: "link-row no-print" }, rows.length ? h("button", { type: "button", class: "secondary", id: "print-all", onclick: () => printSheets(report, rows) }, `🖨 ${s.printAll}`) : null),
    h(
      "div",
      { class: "table-wrap", tabindex: 0, role: "region", "aria-label": s.viewReflections },
      h(
        "table",
        { class: "report-table reflections-table" },
        h("thead", null, h("tr", null, [s.teamCol, s.nameCol, s.rfIssue, s.rfCondition, s.rfPrime, s.rfPartners, s.rfBehaviour, s.rfActivity, ""].map((x) => h("th", { scope: "col" }, x)))),
        h(
          "tbody",
          null,
          rows.map((r) =>
            h(
              "tr",
              { "data-player": r.playerId },
              h("td", { "data-label": s.teamCol }, teamChip(r.teamNo - 1)),
              h("th", { scope: "row", class: "wrap name-cell", "data-label": s.nameCol }, r.name, r.complete ? h("span", { class: "tag good" }, ` ✓ ${s.rfComplete}`) : null),
              chainRows(r).map(([label, value]) => h("td", { class: "wrap", "data-label": label }, value || "—")),
              h("td", null, h("button", { type: "button", class: "secondary small-btn", onclick: () => printSheets(report, [r]) }, `🖨 ${s.printParticipant}`)),
            ),
          ),
        ),
      ),
    ),
  ];
}

/** One A4 page for one participant. */
export function participantSheet(report: SessionReport, r: ReflectionReportRow): HTMLElement {
  const s = t();
  const L = lang();
  const votes = (report.votes ?? []).filter((v: VoteReportRow) => v.playerId === r.playerId);
  return h(
    "article",
    { class: "p-sheet", "data-player": r.playerId },
    h("header", null, h("h1", null, s.participantSheetTitle), h("p", { class: "small" }, `${say(report.session.packTitle, L)} · ${report.session.code} · ${formatWhen(report.session.createdAt)}`)),
    h("p", { class: "p-who" }, h("strong", null, r.name), ` · ${c().team(r.teamNo)} · ${s.sheetFor}`),
    h("h2", null, s.sheetChain),
    h(
      "table",
      { class: "p-chain" },
      h(
        "tbody",
        null,
        chainRows(r).map(([label, value], i) => h("tr", null, h("th", { scope: "row" }, `${i + 1}. ${label}`), h("td", null, value || `(${s.rfNotWritten})`))),
      ),
    ),
    h("h2", null, s.sheetRounds),
    votes.length
      ? h(
          "table",
          { class: "p-rounds" },
          h("thead", null, h("tr", null, [s.roundCol, s.eventCol, s.sheetDiagnosis, s.sheetResponse, s.sheetRoles].map((x) => h("th", { scope: "col" }, x)))),
          h(
            "tbody",
            null,
            votes.map((v) =>
              h(
                "tr",
                null,
                h("td", null, String(v.roundNo)),
                h("td", null, say(v.eventTitle, L), v.condition ? ` (${c().conditions[v.condition]})` : ""),
                h("td", null, v.diagnosis ? `${c().conditions[v.diagnosis]}${v.diagnosisRight ? " ✓" : ""}` : "—"),
                h("td", null, v.choice ? `${c().primes[v.choice]}${v.bestChoice ? " ★" : ""}` : "—"),
                h("td", null, (v.rolesCommitted ?? []).map((x) => c().roles[x]).join(", ") || "—"),
              ),
            ),
          ),
        )
      : h("p", null, s.sheetNoRounds),
    notAGrade(),
    h("div", { class: "p-notes" }, h("div", null, h("strong", null, s.sheetCoach)), h("div", null, h("strong", null, s.sheetMentor))),
  );
}

/** Prints the sheets (one A4 page each) and removes them afterwards. */
export function printSheets(report: SessionReport, rows: ReflectionReportRow[]): void {
  document.getElementById("print-sheets")?.remove();
  const box = h("div", { id: "print-sheets" }, rows.map((r) => participantSheet(report, r)));
  document.body.appendChild(box);
  document.body.classList.add("printing-sheets");
  const done = () => {
    document.body.classList.remove("printing-sheets");
    box.remove();
    removeEventListener("afterprint", done);
  };
  addEventListener("afterprint", done);
  window.print();
}
