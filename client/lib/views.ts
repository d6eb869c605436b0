// Renderers shared by the phone (client/play) and the observer (client/watch):
// pieces of the game drawn from state, in the current language. They only
// draw — no decisions — and write user data (names, reasons) as text.
//
//   teamChip(index)            → colour dot with the team number + "Kelompok n"
//   cardBlock(card, total)     → the event card: "Kartu n dari m", icon, title, condition, narrative
//   optionReasons(reveal)      → the four responses with points and the author's reason, best marked
//   resultBlock(result, reveal)→ one team's result: choice, roles committed, reason, points
//   reflectionBlock(reveal)    → reflection question + BerAKHLAK value
//   rankingList(rows, myTeam)  → ordered list of teams with rank and score
//   rankRows(teams)            → rows in the one ranking (shared/rules/ranking.ts), for the scoreboard
//   listenTexts(room, onChange) → keeps the room's `texts` messages (card, reveal, summary)
//   parseCard / parseReveal / parseSummary → those texts for the state's phase and round
//   textsVersion()             → grows with every texts message (for render signatures)
import type { CardView, RevealView, SummaryView } from "../../shared/protocol/wire.js";
import type { RoomStateView, TeamView } from "../../shared/protocol/state-view.js";
import { RoomTexts } from "./room-texts.js";
import { type TextsMessage } from "../../shared/protocol/wire.js";
import { SERVER_MESSAGES } from "../../shared/constants.js";
import { say, type Prime } from "../../shared/vuca.js";
import type { TeamResult } from "../../shared/rules/types.js";
import { h } from "./dom.js";
import { optionLetter } from "../../shared/i18n/options.js";
import { c, lang, tp } from "./i18n.js";
import { inkOn, teamColour, teamHex } from "./teams.js";
import { placesOf } from "../../shared/rules/ranking.js";

// One room per page: the texts of the room the page is in.
const texts = new RoomTexts();

/** Call for every new Room object (it sends its texts whole right after the join). */
export function listenTexts(room: { onMessage(type: string, cb: (m: TextsMessage) => void): unknown }, onChange: () => void): void {
  texts.clear();
  room.onMessage(SERVER_MESSAGES.texts, (m: TextsMessage) => {
    texts.take(m);
    onChange();
  });
}
export const textsVersion = () => texts.version;
export const parseCard = (s: RoomStateView): CardView | null => texts.card(s);
/** The whole reveal: the compact reveal put together with the card's texts. */
export const parseReveal = (s: RoomStateView): RevealView | null => texts.reveal(s);
export const parseSummary = (s: RoomStateView): SummaryView | null => texts.summary(s);

export function teamChip(index: number, extra?: string): HTMLElement {
  return h(
    "span",
    { class: "team-chip" },
    h("span", { class: "dot", style: `background:${teamHex(index)};color:${inkOn(teamColour(index))}`, "aria-hidden": "true" }, String(index + 1)),
    c().team(index + 1),
    extra ? h("span", { class: "muted small" }, extra) : null,
  );
}

/** The card's condition, when the page may show it (shown by the trainer, or at the reveal). */
export function conditionTag(card: Pick<CardView, "condition">): HTMLElement | null {
  if (!card.condition) return null;
  return h("span", { class: `tag cond cond-${card.condition}` }, `${tp().condition}: ${c().conditions[card.condition]}`);
}

/** At the reveal: the card's condition, the cues that show it, and a second defensible reading. */
export function conditionBlock(reveal: RevealView): HTMLElement {
  const t = tp();
  const card = reveal.card;
  return h(
    "section",
    { class: "panel condition-reveal" },
    h("p", null, h("span", { class: `tag cond cond-${card.condition}` }, `${t.condition}: ${c().conditions[card.condition]}`)),
    h("p", { class: "small" }, h("strong", null, `${t.conditionWhy}: `), say(card.conditionReason, lang())),
    card.alsoCondition ? h("p", { class: "small muted" }, t.alsoCondition(c().conditions[card.alsoCondition])) : null,
  );
}

export function cardBlock(card: CardView, total: number, compact = false): HTMLElement {
  return h(
    "section",
    { class: "panel card-block", "aria-labelledby": "card-title" },
    h("p", { class: "muted small card-meta" }, tp().cardOf(card.round + 1, total)),
    h(
      "h2",
      { id: "card-title", class: "card-title" },
      card.icon ? h("span", { class: "card-icon", "aria-hidden": "true" }, card.icon) : null,
      say(card.title, lang()),
    ),
    conditionTag(card),
    h("p", { class: compact ? "narrative compact" : "narrative" }, say(card.narrative, lang())),
  );
}

function optionText(reveal: RevealView, prime: Prime | null): string {
  if (!prime) return "";
  return say(reveal.card.options.find((o) => o.prime === prime)?.text, lang());
}

export function primeTag(prime: Prime, best: boolean): HTMLElement {
  return h("span", { class: best ? "tag good" : "tag" }, c().primes[prime], best ? ` ★ ${tp().bestMark}` : "");
}

export function optionReasons(reveal: RevealView, highlight?: Prime | null): HTMLElement {
  const t = tp();
  return h(
    "ul",
    { class: "reasons" },
    reveal.card.options.map((o, i) => {
      const best = reveal.best.includes(o.prime);
      return h(
        "li",
        { class: best ? "reason best" : o.prime === highlight ? "reason mine" : "reason" },
        h("div", { class: "reason-head" }, h("span", { class: "tag dark" }, optionLetter(i)), primeTag(o.prime, best), h("span", { class: "pts" }, c().points(o.points))),
        h("p", { class: "reason-option" }, say(o.text, lang())),
        h("p", { class: "reason-why" }, say(o.reason, lang())),
        o.prime === highlight ? h("p", { class: "small mine-mark" }, `◆ ${t.choice}: ${t.yourTeamMark}`) : null,
      );
    }),
  );
}

export function resultBlock(result: TeamResult, reveal: RevealView, showTeam: boolean): HTMLElement {
  const t = tp();
  const roles = result.rolesCommitted.map((r) => c().roles[r]).join(", ");
  const best = result.choice ? reveal.best.includes(result.choice) : false;
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return h(
    "div",
    { class: "result" },
    showTeam ? h("div", { class: "result-head" }, teamChip(result.team), h("strong", { class: "result-pts" }, c().points(result.points))) : null,
    h(
      "dl",
      { class: "facts" },
      h("dt", null, t.choice),
      h(
        "dd",
        null,
        result.choice ? primeTag(result.choice, best) : h("span", { class: "tag bad" }, t.noChoice),
        result.choice ? h("span", { class: "choice-text" }, optionText(reveal, result.choice)) : null,
      ),
      h("dt", null, t.diagnosis),
      h(
        "dd",
        null,
        result.diagnosis
          ? h("span", { class: result.diagnosis === reveal.card.condition ? "tag good" : "tag" }, c().conditions[result.diagnosis], result.diagnosis === reveal.card.condition ? ` ✓ ${t.rightMark}` : "")
          : h("span", { class: "tag bad" }, t.noDiagnosis),
      ),
      h("dt", null, t.rolesCommitted),
      h("dd", null, roles || t.noRoles),
      result.reason ? [h("dt", null, t.captainReason), h("dd", { class: "quote" }, `“${result.reason}”`)] : null,
      h("dt", null, t.total),
      h("dd", null, h("strong", null, c().points(result.points)), ` (${t.diagnosisPts} ${signed(result.diagnosisPoints)} · ${t.responsePts} ${signed(result.responsePoints)} · ${t.collabPts} ${signed(result.collabPoints)})`),
    ),
  );
}

export function reflectionBlock(reveal: RevealView): HTMLElement {
  const t = tp();
  const card = reveal.card;
  return h(
    "section",
    { class: "panel reflection" },
    h("h3", null, t.reflection),
    h("p", { class: "reflection-q" }, say(card.reflection, lang())),
    h("p", { class: "small" }, h("strong", null, `${t.value}: `), c().values[card.value], card.behaviour ? ` — ${say(card.behaviour, lang())}` : ""),
  );
}

export interface RankRow {
  team: number;
  rank: number;
  score: number;
}

/** Teams in the one ranking (shared/rules/ranking.ts), as the board and the report rank them. */
export function rankRows(teams: Iterable<TeamView>): RankRow[] {
  return placesOf(Array.from(teams, (tm) => ({ index: tm.index, score: tm.score, totalLockMs: tm.totalLockMs ?? 0 }))).map(
    ({ team, rank }) => ({ team: team.index, score: team.score, rank }),
  );
}

export function rankingList(rows: RankRow[], myTeam: number | null): HTMLElement {
  const t = tp();
  return h(
    "ol",
    { class: "ranking" },
    rows.map((r) =>
      h(
        "li",
        { class: r.team === myTeam ? "rank-row mine" : "rank-row" },
        h("span", { class: "rank-no", "aria-label": t.rank(r.rank, rows.length) }, `#${r.rank}`),
        teamChip(r.team),
        r.team === myTeam ? h("span", { class: "tag dark" }, `◆ ${t.yourTeamMark}`) : null,
        h("span", { class: "rank-score" }, c().points(r.score)),
      ),
    ),
  );
}
