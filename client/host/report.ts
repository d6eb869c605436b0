// The session report in the console: four views of the report JSON
// (GET /api/sessions/:code/report) — by round, by team, by participant and
// the hardest cards — as tabs over readable tables, with the export links.
// It shows the report's numbers as they are (only formatted), in the page
// language; names and reasons are user text and are written as text.
import type { Condition } from "../../shared/vuca.js";
import { CONDITIONS, say } from "../../shared/vuca.js";
import { host, type HostStrings } from "../../shared/i18n/host.js";
import type {
  DiagnosisReportRow,
  EventReportRow,
  PlayerReportRow,
  ReportView,
  RoundReportRow,
  SessionReport,
  TeamReportRow,
  VoteReportRow,
} from "../../shared/protocol/report.js";
import { clock, h, type Child } from "../lib/dom.js";
import { c, lang } from "../lib/i18n.js";
import { teamChip } from "../lib/views.js";
import { exportUrl } from "./api.js";
import { notAGrade, reflectionsView } from "./evidence.js";

const t = (): HostStrings => host[lang()];

/** The tabs, in the order they are shown. */
export const REPORT_TABS: readonly ReportView[] = ["teams", "rounds", "diagnoses", "players", "votes", "reflections", "events"];

/** A date and time in the page language ("12 Mar 2025, 14.05" in Indonesian). */
export function formatWhen(ms: number | null | undefined): string {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0) return "—";
  try {
    return new Date(ms).toLocaleString(lang() === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  } catch {
    return new Date(ms).toLocaleString();
  }
}

const pct = (x: number) => `${Math.round(Math.max(0, x) * 100)}%`;
const decimal = (x: number) => x.toLocaleString(lang() === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 2 });

function tabLabel(view: ReportView): string {
  const s = t();
  switch (view) {
    case "rounds":
      return s.viewRounds;
    case "teams":
      return s.viewTeams;
    case "players":
      return s.viewPlayers;
    case "diagnoses":
      return s.viewDiagnoses;
    case "votes":
      return s.viewVotes;
    case "reflections":
      return s.viewReflections;
    default:
      return s.viewEvents;
  }
}

function table(caption: string, head: Child[], rows: HTMLElement[], cls = ""): HTMLElement {
  // each cell carries its column's name: on a phone the rows become stacked cards
  for (const tr of rows) Array.from(tr.children).forEach((cell, i) => cell.setAttribute("data-label", String(head[i] ?? "")));
  return h(
    "div",
    { class: "table-wrap", tabindex: 0, role: "region", "aria-label": caption },
    h(
      "table",
      { class: `summary-table report-table ${cls}`.trim() },
      h("caption", { class: "sr-only" }, caption),
      h("thead", null, h("tr", null, head.map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", null, rows),
    ),
  );
}

/** A share (0–1) as a small bar and its percentage. */
function meter(share: number): HTMLElement {
  return h(
    "span",
    { class: "meter-cell" },
    h("span", { class: "bar-meter", "aria-hidden": "true" }, h("span", { style: `width:${pct(Math.min(1, share))}` })),
    pct(share),
  );
}

function condTag(condition: Condition | null): HTMLElement | null {
  return condition ? h("span", { class: `tag cond cond-${condition}` }, c().conditions[condition]) : null;
}

// ---- by round ------------------------------------------------------------------

function roundsView(report: SessionReport): Child[] {
  const s = t();
  if (report.rounds.length === 0) return [h("p", { class: "muted" }, s.noRounds)];
  const groups: RoundReportRow[][] = [];
  for (const row of report.rounds) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.roundNo === row.roundNo && last[0]!.eventId === row.eventId && !row.skipped) last.push(row);
    else groups.push([row]);
  }
  return groups.map((rows) => {
    const first = rows[0]!;
    const title = say(first.eventTitle, lang());
    return h(
      "article",
      { class: "round-block", "data-round": first.roundNo },
      h(
        "h3",
        { class: "round-head" },
        h("span", { class: "round-no" }, s.roundTitle(first.roundNo)),
        h("span", { class: "round-title" }, title),
        condTag(first.condition),
      ),
      first.skipped || first.teamNo === null
        ? h("p", { class: "muted small" }, s.skipped)
        : table(
            `${s.roundTitle(first.roundNo)} — ${title}`,
            [s.teamCol, s.diagnosisCol, s.choiceCol, s.rolesCol, s.reasonCol, s.pointsCol, s.lockCol, s.sentCol],
            rows.map((r) =>
              h(
                "tr",
                null,
                h("th", { scope: "row" }, teamChip((r.teamNo ?? 1) - 1)),
                h("td", null, diagTag(r.diagnosis, r.diagnosisRight)),
                h(
                  "td",
                  null,
                  r.choice
                    ? h("span", { class: r.bestChoice ? "tag good" : "tag" }, c().primes[r.choice], r.bestChoice ? ` ★ ${s.bestMark}` : "")
                    : h("span", { class: "muted" }, s.noChoice),
                ),
                h("td", { class: "wrap" }, r.rolesCommitted.length ? r.rolesCommitted.map((x) => c().roles[x]).join(", ") : s.noRoles),
                h("td", { class: "wrap reason-cell" }, r.reason ? h("q", null, r.reason) : h("span", { class: "muted" }, "—")),
                h(
                  "td",
                  { class: "num" },
                  h("strong", null, String(r.points)),
                  h("span", { class: "cell-note" }, s.pointsDetailDiag(r.diagnosisPoints ?? 0, r.responsePoints, r.collabPoints)),
                ),
                h(
                  "td",
                  null,
                  r.lockedBy ? (s.lockedBy[r.lockedBy] ?? r.lockedBy) : h("span", { class: "muted" }, s.notLocked),
                  r.lockSeconds !== null ? h("span", { class: "cell-note" }, s.atTime(clock(r.lockSeconds))) : null,
                ),
                h("td", { class: "num" }, `${r.sent}/${r.size}`),
              ),
            ),
            "rounds-table",
          ),
    );
  });
}

// ---- by team ---------------------------------------------------------------------

function teamsView(report: SessionReport): Child[] {
  const s = t();
  if (report.teams.length === 0) return [h("p", { class: "muted" }, s.noMembers)];
  return [
    table(
      s.viewTeams,
      [s.rank, s.teamCol, s.score, s.diagnosisRateCol, ...CONDITIONS.map((k) => c().conditions[k]), s.collaboration, s.bestChoices, s.membersCol, s.captainCol],
      report.teams.map((r: TeamReportRow) =>
        h(
          "tr",
          { "data-team-no": r.teamNo },
          h("td", { class: "num" }, `#${r.rank}`),
          h("th", { scope: "row" }, teamChip(r.teamNo - 1)),
          h("td", { class: "num" }, h("strong", null, String(r.score)), h("span", { class: "cell-note" }, s.pointsDetailDiag(r.diagnosisPoints ?? 0, r.responsePoints, r.collabPoints))),
          h("td", { class: "num" }, r.diagnosisRounds ? [meter(r.diagnosisRate), h("span", { class: "cell-note" }, `${r.diagnosisRight}/${r.diagnosisRounds}`)] : "—"),
          CONDITIONS.map((k) => {
            const v = r.byCondition?.[k];
            const d = r.diagnosisByCondition?.[k];
            return h(
              "td",
              { class: "num" },
              v && v.max > 0 ? `${v.points}/${v.max}` : "—",
              d && d.rounds > 0 ? h("span", { class: "cell-note" }, s.readRight(d.right, d.rounds)) : null,
            );
          }),
          h("td", { class: "num" }, pct(r.collaborationRate)),
          h("td", { class: "num" }, String(r.bestChoices)),
          h("td", { class: "num" }, String(r.members)),
          h("td", null, r.captain ?? "—"),
        ),
      ),
    ),
    h("p", { class: "small muted" }, s.byConditionNote),
  ];
}

// ---- by participant ---------------------------------------------------------------

function playersView(report: SessionReport): Child[] {
  const s = t();
  if (report.players.length === 0) return [h("p", { class: "muted" }, s.noPlayers)];
  return [
    table(
      s.viewPlayers,
      [s.nameCol, s.teamCol, s.roleCardsCol, s.roundsSentCol, s.rolesCommittedCol, s.participationCol, s.diagnosisRateCol],
      report.players.map((p: PlayerReportRow) =>
        h(
          "tr",
          { class: p.present ? "" : "gone", "data-player": p.playerId },
          h("th", { scope: "row", class: "wrap name-cell" }, p.name, p.present ? null : h("span", { class: "tag bad" }, s.removedMark)),
          h("td", null, teamChip(p.teamNo - 1)),
          h("td", { class: "wrap" }, p.roles.length ? p.roles.map((x) => c().roles[x]).join(", ") : "—"),
          h("td", { class: "num" }, `${p.roundsSent}/${p.roundsScored}`),
          h("td", { class: "num" }, String(p.rolesCommitted)),
          h("td", { class: "num" }, meter(p.participationRate)),
          h("td", { class: "num" }, p.diagnosisRounds ? [meter(p.diagnosisRate), h("span", { class: "cell-note" }, `${p.diagnosisRight}/${p.diagnosisRounds}`)] : "—"),
        ),
      ),
    ),
  ];
}

// ---- diagnosis: what this class misreads most ------------------------------------------

function diagTag(condition: Condition | null, right: boolean): HTMLElement {
  if (!condition) return h("span", { class: "muted" }, "—");
  return h("span", { class: right ? "tag good" : "tag" }, c().conditions[condition], right ? " ✓" : "");
}

function diagnosesView(report: SessionReport): Child[] {
  const s = t();
  const rows = report.diagnoses ?? [];
  if (rows.length === 0) return [h("p", { class: "muted" }, s.noDiagnoses)];
  return [
    table(
      s.viewDiagnoses,
      [s.conditionCol, s.teamAccuracyCol, s.playerAccuracyCol, s.mostReadAsCol],
      rows.map((d: DiagnosisReportRow) =>
        h(
          "tr",
          { "data-condition": d.condition },
          h("th", { scope: "row" }, condTag(d.condition)),
          h("td", { class: "num" }, meter(d.teamRate), h("span", { class: "cell-note" }, `${d.teamsRight}/${d.teamRounds}`)),
          h("td", { class: "num" }, meter(d.playerRate), h("span", { class: "cell-note" }, `${d.playersRight}/${d.playerVotes}`)),
          h("td", null, condTag(d.mostReadAs) ?? "—"),
        ),
      ),
    ),
    h("p", { class: "small muted" }, s.diagnosesNote),
  ];
}

function votesView(report: SessionReport): Child[] {
  const s = t();
  const rows = report.votes ?? [];
  if (rows.length === 0) return [h("p", { class: "muted" }, s.noRounds)];
  return [
    table(
      s.viewVotes,
      [s.roundCol, s.eventCol, s.teamCol, s.nameCol, s.diagnosisCol, s.choiceCol],
      rows.map((v: VoteReportRow) =>
        h(
          "tr",
          null,
          h("td", { class: "num" }, String(v.roundNo)),
          h("td", { class: "wrap" }, say(v.eventTitle, lang()), " ", condTag(v.condition)),
          h("td", null, teamChip(v.teamNo - 1)),
          h("th", { scope: "row", class: "wrap name-cell" }, v.name),
          h("td", null, diagTag(v.diagnosis, v.diagnosisRight)),
          h("td", null, v.choice ? h("span", { class: v.bestChoice ? "tag good" : "tag" }, c().primes[v.choice], v.bestChoice ? " ★" : "") : "—"),
        ),
      ),
    ),
  ];
}

// ---- hardest cards ------------------------------------------------------------------

function eventsView(report: SessionReport): Child[] {
  const s = t();
  if (report.events.length === 0) return [h("p", { class: "muted" }, s.noEvents)];
  return [
    table(
      s.viewEvents,
      ["#", s.roundCol, s.eventCol, s.conditionCol, s.bestResponseCol, s.averageCol, s.successRate, s.teamsBestCol],
      report.events.map((e: EventReportRow) =>
        h(
          "tr",
          null,
          h("td", { class: "num" }, `#${e.difficultyRank}`),
          h("td", { class: "num" }, String(e.roundNo)),
          h("th", { scope: "row", class: "wrap" }, say(e.eventTitle, lang())),
          h("td", null, condTag(e.condition) ?? "—"),
          h("td", null, e.bestPrime ? c().primes[e.bestPrime] : "—"),
          h("td", { class: "num" }, `${decimal(e.averagePoints)} / ${e.bestPoints}`),
          h("td", { class: "num" }, meter(e.successRate)),
          h("td", { class: "num" }, s.teamsOf(e.teamsBest, e.teams)),
        ),
      ),
    ),
    h("p", { class: "small muted" }, s.hardestNote),
  ];
}

// ---- the screen ------------------------------------------------------------------------

export interface ReportScreen {
  code: string;
  key: string;
  report: SessionReport | null;
  loading: boolean;
  error: string;
  tab: ReportView;
  onTab: (view: ReportView) => void;
  onBack: () => void;
  onReload: () => void;
}

export function reportScreen(o: ReportScreen): HTMLElement {
  const s = t();
  const r = o.report;
  const head = h(
    "div",
    { class: "report-head" },
    h(
      "div",
      { class: "report-title" },
      h("h2", { id: "report-h" }, s.reportOf(o.code)),
      r ? h("p", { class: "report-pack" }, say(r.session.packTitle, lang())) : null,
    ),
    h(
      "div",
      { class: "link-row" },
      h("button", { type: "button", class: "secondary", "data-act": "back", onclick: o.onBack }, `← ${s.back}`),
      h("button", { type: "button", class: "secondary", "data-act": "reload", disabled: o.loading, onclick: o.onReload }, `⟳ ${s.reload}`),
    ),
  );
  if (!r) {
    return h(
      "section",
      { id: "report", class: "panel stack report", "aria-labelledby": "report-h", "aria-busy": o.loading ? "true" : "false" },
      head,
      o.error ? h("p", { class: "alert", role: "alert" }, o.error) : h("p", { class: "muted" }, s.reportLoading),
    );
  }
  const ses = r.session;
  const phase = ses.phase === "final" ? s.phaseFinal : ses.phase === "lobby" ? s.phaseLobby : c().phases[ses.phase];
  const facts = h(
    "dl",
    { class: "facts report-facts" },
    h("div", null, h("dt", null, s.created), h("dd", null, formatWhen(ses.createdAt))),
    h("div", null, h("dt", null, s.ended), h("dd", null, ses.endedAt ? formatWhen(ses.endedAt) : s.notEnded)),
    h("div", null, h("dt", null, s.phase), h("dd", null, phase)),
    h("div", null, h("dt", null, s.roundsPlayed), h("dd", null, s.roundsScoredOf(ses.roundsPlayed, ses.roundsScored, ses.roundCount))),
    h("div", null, h("dt", null, s.teams), h("dd", null, s.teamCountOf(ses.teamCount))),
    h("div", null, h("dt", null, c().player), h("dd", null, s.participants(ses.playerCount))),
  );

  const builders: Record<ReportView, (x: SessionReport) => Child[]> = {
    rounds: roundsView,
    teams: teamsView,
    players: playersView,
    events: eventsView,
    diagnoses: diagnosesView,
    votes: votesView,
    reflections: reflectionsView,
  };
  const tabs = new Map<ReportView, HTMLButtonElement>();
  const panels = new Map<ReportView, HTMLElement>();
  const csv = h("a", { class: "button", download: "" });
  const select = (view: ReportView, focus = false) => {
    for (const [v, btn] of tabs) {
      const on = v === view;
      btn.setAttribute("aria-selected", on ? "true" : "false");
      btn.tabIndex = on ? 0 : -1;
      btn.classList.toggle("on", on);
      panels.get(v)!.hidden = !on;
    }
    csv.href = exportUrl(o.code, o.key, "csv", lang(), view);
    csv.textContent = `⬇ ${s.exportView(tabLabel(view))}`;
    if (focus) tabs.get(view)?.focus();
    o.onTab(view);
  };
  for (const view of REPORT_TABS) {
    tabs.set(
      view,
      h(
        "button",
        {
          type: "button",
          role: "tab",
          class: "tab",
          id: `tab-${view}`,
          "data-tab": view,
          "aria-controls": `view-${view}`,
          onclick: () => select(view),
          onkeydown: (e: KeyboardEvent) => {
            const i = REPORT_TABS.indexOf(view);
            const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
            if (e.key === "Home" || e.key === "End") {
              e.preventDefault();
              select(REPORT_TABS[e.key === "Home" ? 0 : REPORT_TABS.length - 1]!, true);
            } else if (step) {
              e.preventDefault();
              select(REPORT_TABS[(i + step + REPORT_TABS.length) % REPORT_TABS.length]!, true);
            }
          },
        },
        tabLabel(view),
      ),
    );
    panels.set(
      view,
      h(
        "section",
        { class: "report-view", id: `view-${view}`, "data-view": view, role: "tabpanel", "aria-labelledby": `tab-${view}`, tabindex: 0 },
        h("h3", { class: "print-only" }, tabLabel(view)),
        builders[view](r),
      ),
    );
  }
  const root = h(
    "section",
    { id: "report", class: "panel stack report", "aria-labelledby": "report-h" },
    head,
    o.error ? h("p", { class: "alert", role: "alert" }, o.error) : null,
    notAGrade(),
    facts,
    h("div", { class: "tabs", role: "tablist", "aria-label": s.reportViews }, [...tabs.values()]),
    [...panels.values()],
    h(
      "div",
      { class: "report-export" },
      h("h3", null, s.export),
      h(
        "div",
        { class: "link-row" },
        csv,
        h("a", { class: "button", href: exportUrl(o.code, o.key, "xlsx", lang()), download: "" }, `⬇ ${s.exportXlsx}`),
        h("a", { class: "button secondary", href: exportUrl(o.code, o.key, "json", lang()), download: "" }, `⬇ ${s.exportJson}`),
      ),
    ),
  );
  select(REPORT_TABS.includes(o.tab) ? o.tab : "teams");
  return root;
}
