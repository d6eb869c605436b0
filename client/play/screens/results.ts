// After the card: my team's result at the reveal (with the best response,
// the condition and the reflection question), the scoreboard, and the final
// ranking (the final's reflection is drawn by reflection.ts).
import { say } from "../../../shared/vuca.js";
import { h } from "../../lib/dom.js";
import { c, lang, tp } from "../../lib/i18n.js";
import { conditionBlock, optionReasons, parseReveal, parseSummary, rankingList, rankRows, reflectionBlock, resultBlock, teamChip, type RankRow } from "../../lib/views.js";
import { me, show, type PlayState } from "../state.js";

const scores = (s: PlayState) => (s.room ? Array.from(s.room.teams, (tm) => [tm.index, tm.score, tm.totalLockMs]) : []);

export const revealScreen = (root: HTMLElement) => show(root, (s) => [s.texts, s.room?.round, s.room?.phase], drawReveal);
export const scoreScreen = (root: HTMLElement) => show(root, scores, drawScore);
export const finalScreen = (root: HTMLElement) => show(root, (s) => [s.texts, scores(s)], finalParts);

function drawReveal(s: PlayState): HTMLElement[] {
  const reveal = s.room ? parseReveal(s.room) : null;
  const m = me(s);
  if (!reveal || !m) return [h("p", { class: "panel" }, c().phases.reveal)];
  const t = tp();
  const mine = reveal.results.find((r) => r.team === m.team.index);
  const best = reveal.card.options.filter((o) => reveal.best.includes(o.prime));
  return [
    h(
      "section",
      { class: "panel stack", "aria-labelledby": "result-title" },
      h("div", { class: "result-top" }, h("h1", { id: "result-title" }, t.yourResult), mine ? h("strong", { class: "big-pts" }, c().points(mine.points)) : null),
      h("p", { class: "muted small" }, say(reveal.card.title, lang())),
      mine?.choice && reveal.best.includes(mine.choice) ? h("p", { class: "alert ok" }, `★ ${t.gotBest}`) : null,
      mine ? resultBlock(mine, reveal, false) : h("p", null, t.noChoice),
    ),
    conditionBlock(reveal),
    h(
      "section",
      { class: "panel stack best-box", "aria-labelledby": "best-title" },
      h("h2", { id: "best-title" }, `★ ${t.best}`),
      best.map((o) =>
        h("div", { class: "best-item" }, h("span", { class: "tag good" }, c().primes[o.prime]), h("p", { class: "best-text" }, say(o.text, lang())), h("p", { class: "reason-why" }, say(o.reason, lang()))),
      ),
    ),
    reflectionBlock(reveal),
    h("details", { class: "panel" }, h("summary", null, t.allOptions), optionReasons(reveal, mine?.choice ?? null)),
  ];
}

function drawScore(s: PlayState): (HTMLElement | null)[] {
  const r = s.room;
  if (!r) return [];
  const t = tp();
  return [...standing(s, t.scoreboard, rankRows(r.teams)), h("p", { class: "alert info" }, r.round + 1 < r.roundCount ? t.nextCard(r.round + 2, r.roundCount) : t.nextFinal)];
}

/** My team's place and score, then the ranking. */
function standing(s: PlayState, title: string, rows: RankRow[], more: HTMLElement | null = null): HTMLElement[] {
  const m = me(s);
  if (!m) return [];
  const t = tp();
  const mine = rows.find((r) => r.team === m.team.index);
  return [
    h(
      "section",
      { class: "panel stack center final-box" },
      h("h1", null, title),
      teamChip(m.team.index),
      mine ? h("p", { class: "big-rank" }, t.rank(mine.rank, rows.length)) : null,
      mine ? h("p", { class: "big-pts" }, `${t.score}: ${c().points(mine.score)}`) : null,
      more,
    ),
    h("section", { class: "panel" }, rankingList(rows, m.team.index)),
  ];
}

/** The final ranking: the whole final screen, and below the reflection once it opens. */
export function finalParts(s: PlayState): HTMLElement[] {
  const m = me(s);
  if (!s.room || !m) return [];
  const t = tp();
  const summary = parseSummary(s.room);
  const profile = summary?.ranking.find((r) => r.team === m.team.index);
  return [
    ...standing(s, `🏁 ${t.finalTitle}`, summary ? summary.ranking : rankRows(s.room.teams), profile?.diagnosisRounds ? h("p", null, t.diagnosisSummary(profile.diagnosisRight, profile.diagnosisRounds)) : null),
    h("p", { class: "alert ok" }, t.thanks),
  ];
}
