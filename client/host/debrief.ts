// The trainer's debrief at the end of the game, in three parts — What
// happened? / So what? / Now what? — built from what the game already has:
// the hardest cards by title, the conditions the class misread (the stored
// report, read with the host key), each team's collaboration profile, and the
// class wall of the closing reflection with its progress, the hide buttons and
// the close button (wallSection, also used when the trainer opens the
// reflection mid-game).
import type { WallMessage } from "../../shared/protocol/messages.js";
import type { SessionReport } from "./api.js";
import { BEHAVIOUR_LIST } from "../../shared/behaviours.js";
import { CONDITIONS, say } from "../../shared/vuca.js";
import { host } from "../../shared/i18n/host.js";
import { h } from "../lib/dom.js";
import { c, lang } from "../lib/i18n.js";

export interface DebriefInput {
  report: SessionReport | null;
  loading: boolean;
  failed: boolean;
  wall: WallMessage | null;
  /** The board shows the wall (its second view) rather than the ranking. */
  wallOnBoard: boolean;
  onLoad: () => void;
  onClose: () => void;
  onHide: (playerId: string, hidden: boolean) => void;
  onBoard: (wall: boolean) => void;
}

const pct = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100);

export function debriefPanel(d: DebriefInput): HTMLElement {
  const s = host[lang()];
  const L = lang();
  const r = d.report;
  const what = h(
    "section",
    { class: "db-part", "aria-labelledby": "db-what" },
    h("h3", { id: "db-what" }, `1. ${s.dbWhat}`),
    r
      ? [
          h("h4", null, s.dbHardest),
          h(
            "ol",
            { class: "db-list", id: "db-hardest" },
            r.events.slice(0, 3).map((e) => h("li", null, h("strong", null, say(e.eventTitle, L)), ` — ${e.condition ? `${c().conditions[e.condition]} · ` : ""}${s.dbSuccess(pct(e.successRate))}`)),
          ),
          h("p", { class: "small muted" }, s.dbAsk),
        ]
      : h("div", null, h("button", { type: "button", class: "secondary", id: "db-load", disabled: d.loading, onclick: d.onLoad }, d.loading ? s.dbLoading : s.dbLoad), d.failed ? h("p", { class: "alert" }, s.dbFailed) : null),
  );
  const soWhat = h(
    "section",
    { class: "db-part", "aria-labelledby": "db-sowhat" },
    h("h3", { id: "db-sowhat" }, `2. ${s.dbSoWhat}`),
    r
      ? [
          h("h4", null, s.dbMisread),
          r.diagnoses.length
            ? h(
                "ul",
                { class: "db-list", id: "db-misread" },
                r.diagnoses
                  .filter((x) => x.teamRounds > 0)
                  .slice(0, 3)
                  .map((x) =>
                    h("li", null, x.mostReadAs ? s.dbReadAs(c().conditions[x.condition], c().conditions[x.mostReadAs], x.teamsRight, x.teamRounds) : s.dbReadRight(c().conditions[x.condition], x.teamsRight, x.teamRounds)),
                  ),
              )
            : h("p", { class: "muted" }, s.dbNoDiagnosis),
          h("h4", null, s.dbCollab),
          h(
            "ul",
            { class: "db-list", id: "db-collab" },
            r.teams.map((tm) => h("li", null, s.dbCollabRow(c().team(tm.teamNo), pct(tm.collaborationRate), tm.bestChoices, r.session.roundsScored))),
          ),
        ]
      : null,
  );
  const nowWhat = h(
    "section",
    { class: "db-part", "aria-labelledby": "db-nowwhat" },
    h("h3", { id: "db-nowwhat" }, `3. ${s.dbNowWhat}`),
    d.wall
      ? wallSection(d.wall, {
          prefix: "db",
          onBoard: d.wallOnBoard,
          boardLabels: [s.dbShowWall, s.dbShowRanking],
          onToggleBoard: () => d.onBoard(!d.wallOnBoard),
          onClose: d.onClose,
          onHide: d.onHide,
        })
      : null,
  );
  return h("div", { class: "debrief" }, h("h2", { id: "debrief-h" }, `💬 ${s.dbTitle}`), h("div", { class: "db-grid" }, what, soWhat, nowWhat));
}

export interface WallControls {
  /** Ids of the parts: `${prefix}-board`, `${prefix}-close`, `${prefix}-cards`, `${prefix}-progress`, `${prefix}-conditions`. */
  prefix: string;
  /** The board shows the wall now. */
  onBoard: boolean;
  /** The board button's label: [show the wall, show the game again]. */
  boardLabels: [string, string];
  onToggleBoard: () => void;
  onClose: () => void;
  onHide: (playerId: string, hidden: boolean) => void;
}

/** The class wall with its progress, the board switch, the close button and the hide buttons (at the final and mid-game). */
export function wallSection(w: WallMessage, o: WallControls): HTMLElement[] {
  const s = host[lang()];
  const L = lang();
  const p = o.prefix;
  return [
    h("p", { id: `${p}-progress`, class: "db-progress" }, h("strong", null, s.dbProgress(w.filled, w.total)), w.closed ? h("span", { class: "tag dark" }, `🔒 ${s.dbClosed}`) : null),
    h(
      "div",
      { class: "link-row" },
      h("button", { type: "button", class: "secondary", id: `${p}-board`, "aria-pressed": o.onBoard ? "true" : "false", onclick: o.onToggleBoard }, o.onBoard ? o.boardLabels[1] : o.boardLabels[0]),
      w.closed ? null : h("button", { type: "button", class: "danger", id: `${p}-close`, onclick: () => confirm(s.dbCloseConfirm) && o.onClose() }, `🔒 ${s.dbClose}`),
    ),
    h("h4", null, s.dbConditions),
    h("p", { id: `${p}-conditions` }, CONDITIONS.map((k) => `${c().conditions[k]} ${w.conditions[k]}`).join(" · ")),
    h("h4", null, s.dbBehaviours),
    h(
      "ul",
      { class: "db-list" },
      Object.entries(w.behaviours)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([id, n]) => {
          const b = BEHAVIOUR_LIST.find((x) => x.id === id);
          return h("li", null, `${b ? `${c().values[b.value]}: ${say(b.text, L)}` : id} (${n})`);
        }),
    ),
    (w.cards ?? []).length
      ? h(
          "ul",
          { class: "db-cards", id: `${p}-cards` },
          (w.cards ?? []).map((card) =>
            h(
              "li",
              { class: card.hidden ? "db-card hidden-card" : "db-card" },
              h("span", null, card.text),
              h("button", { type: "button", class: "secondary small-btn", onclick: () => o.onHide(card.playerId, !card.hidden) }, card.hidden ? s.dbUnhide : s.dbHide),
            ),
          ),
        )
      : h("p", { class: "muted" }, s.dbNoCards),
  ];
}
