// The end of the game on the console: the summary (ranking, each team's
// diagnosis, best choices, collaboration and points per condition, the
// hardest cards by title, the exports), the three-part debrief with the
// closing reflection's wall (../debrief.ts); and, mid-game, the card's debrief
// at the reveal (./reveal-debrief.ts) and the wall of a reflection the trainer
// opened after a card (contract C1). Each drawn from the state.
import { say } from "../../../shared/vuca.js";
import { host } from "../../../shared/i18n/host.js";
import { h, type Child } from "../../lib/dom.js";
import type { Drawn } from "./part.js";
import { c, lang } from "../../lib/i18n.js";
import { parseCard, parseReveal, parseSummary, teamChip } from "../../lib/views.js";
import { exportUrl } from "../api.js";
import { debriefOnce, loadDebrief, openReport, send, sendBoard } from "../actions.js";
import { debriefPanel, wallSection } from "../debrief.js";
import { get, midOpen, type HostState } from "../state.js";
import { revealDebrief } from "./reveal-debrief.js";

const t = () => host[lang()];

export function selectSummary(s: HostState) {
  return s.room?.phase === "final" ? { code: s.code, key: s.hostKey, texts: s.texts, titles: s.cardTitles, lang: s.lang } : null;
}

export function drawSummary(v: ReturnType<typeof selectSummary>, hs: HostState): Drawn {
  if (!v || !hs.room) return [];
  const s = t();
  const summary = parseSummary(hs.room);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const conds = ["volatility", "uncertainty", "complexity", "ambiguity"] as const;
  return [
    h("h2", { id: "final-h" }, `🏆 ${s.summary}`),
    !summary
      ? h("p", { class: "muted" }, s.noSummary)
      : [
          h("h3", null, s.ranking),
          h(
            "div",
            { class: "table-wrap", tabindex: 0, role: "region", "aria-label": s.ranking },
            h(
              "table",
              { class: "summary-table" },
              h(
                "thead",
                null,
                h(
                  "tr",
                  null,
                  h("th", { scope: "col" }, s.rank),
                  h("th", { scope: "col" }, s.teams),
                  h("th", { scope: "col" }, s.score),
                  h("th", { scope: "col" }, s.diagnosisRateCol),
                  h("th", { scope: "col" }, s.bestChoices),
                  h("th", { scope: "col" }, s.collaboration),
                  conds.map((k) => h("th", { scope: "col" }, c().conditions[k])),
                ),
              ),
              h(
                "tbody",
                null,
                summary.ranking.map((r) =>
                  h(
                    "tr",
                    null,
                    h("td", { class: "num" }, `#${r.rank}`),
                    h("th", { scope: "row" }, teamChip(r.team)),
                    h("td", { class: "num" }, h("strong", null, String(r.score))),
                    h("td", { class: "num" }, r.diagnosisRounds ? `${r.diagnosisRight}/${r.diagnosisRounds}` : "—"),
                    h("td", { class: "num" }, String(r.bestChoices)),
                    h("td", { class: "num" }, pct(r.collaborationRate)),
                    conds.map((k) => {
                      const v = r.byCondition?.[k];
                      return h("td", { class: "num" }, v && v.max > 0 ? `${v.points}/${v.max}` : "–");
                    }),
                  ),
                ),
              ),
            ),
          ),
          h("p", { class: "small muted" }, s.byCondition),
          ...(summary.hardestEvents.length
            ? [
                h("h3", null, s.hardest),
                h(
                  "ol",
                  { class: "hardest" },
                  summary.hardestEvents.slice(0, 5).map((e) =>
                    h(
                      "li",
                      null,
                      h("span", null, `${s.card} ${e.round + 1} · ${v.titles[e.eventId] ? say(v.titles[e.eventId], lang()) : e.eventId}`),
                      h("span", { class: "bar-meter", "aria-hidden": "true" }, h("span", { style: `width:${Math.round(Math.max(0, Math.min(1, e.successRate)) * 100)}%` })),
                      h("span", { class: "num" }, `${s.successRate} ${pct(e.successRate)}`),
                    ),
                  ),
                ),
              ]
            : []),
        ],
    h("h3", null, s.export),
    h(
      "div",
      { class: "link-row" },
      h("a", { class: "button", href: exportUrl(v.code, v.key, "csv", lang()), download: "" }, `⬇ ${s.exportCsv}`),
      h("a", { class: "button", href: exportUrl(v.code, v.key, "xlsx", lang()), download: "" }, `⬇ ${s.exportXlsx}`),
      h("a", { class: "button secondary", href: exportUrl(v.code, v.key, "json", lang()), download: "" }, `⬇ ${s.exportJson}`),
      h("button", { type: "button", class: "secondary", "data-act": "report", onclick: () => openReport(v.code, v.key) }, `📊 ${s.openReport}`),
    ),
  ];
}

export function selectDebrief(s: HostState) {
  return s.room?.phase === "final" ? { debrief: s.debrief, wall: s.wall, wallOnBoard: s.room.boardView === 1, lang: s.lang } : null;
}

export function drawDebrief(v: ReturnType<typeof selectDebrief>): Child[] {
  if (!v) return [];
  // the final is saved at once; the report is read back from the store
  queueMicrotask(debriefOnce);
  return [
    debriefPanel({
      report: v.debrief.report,
      loading: v.debrief.loading,
      failed: v.debrief.failed,
      wall: v.wall,
      wallOnBoard: v.wallOnBoard,
      onLoad: loadDebrief,
      onClose: () => send({ action: "closeReflection" }),
      onHide: (playerId, hidden) => send({ action: "hideActivity", playerId, hidden }),
      onBoard: (wall) => sendBoard({ view: wall ? "responses" : "results" }),
    }),
  ];
}

export function selectRevealDebrief(s: HostState) {
  const st = s.room;
  return st && (st.phase === "reveal" || st.phase === "scoreboard") ? { round: st.round, texts: s.texts, lang: s.lang } : null;
}

/** The card's debrief can be drawn: reveal or scoreboard, with the reveal's texts in. */
export function hasRevealDebrief(s: HostState): boolean {
  return selectRevealDebrief(s) !== null && !!s.room && parseReveal(s.room) !== null;
}

export function drawRevealDebrief(v: ReturnType<typeof selectRevealDebrief>, hs: HostState): Drawn {
  const reveal = v && hs.room ? parseReveal(hs.room) : null;
  return reveal && hs.room ? [revealDebrief(reveal, parseCard(hs.room)?.facilitator)] : [];
}

export function selectMidWall(s: HostState) {
  return midOpen(s) ? { wall: s.wall, onBoard: s.room?.boardView === 2, lang: s.lang } : null;
}

export function drawMidWall(v: ReturnType<typeof selectMidWall>): Drawn {
  if (!v?.wall) return [];
  const s = t();
  return [
    h("h2", { id: "mid-reflection-h" }, `💬 ${s.wallMid}`),
    h("p", { class: "small" }, s.reflectionOpenNote),
    wallSection(v.wall, {
      prefix: "mw",
      onBoard: v.onBoard,
      boardLabels: [s.dbShowWall, s.wallBack],
      onToggleBoard: () => sendBoard({ view: get().room?.boardView === 2 ? "results" : "wall" }),
      onClose: () => send({ action: "closeReflection" }),
      onHide: (playerId, hidden) => send({ action: "hideActivity", playerId, hidden }),
    }),
  ];
}
