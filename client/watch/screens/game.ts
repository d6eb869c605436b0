// The observer during the game: only public state — per team "sent n/m" and
// a lock mark while deciding, everything at the reveal, the ranking after.
import type { RoomStateView, TeamView } from "../../../shared/protocol/state-view.js";
import { say } from "../../../shared/vuca.js";
import { optionLabel } from "../../../shared/i18n/options.js";
import { clock, h } from "../../lib/dom.js";
import { c, lang, tp } from "../../lib/i18n.js";
import { cardBlock, conditionBlock, optionReasons, parseCard, parseReveal, parseSummary, rankingList, rankRows, reflectionBlock, resultBlock, teamChip } from "../../lib/views.js";
import { countdown, type WatchState } from "../state.js";

export function gameScreen(s: WatchState, r: RoomStateView): (Node | null)[] {
  const t = tp();
  const head = h("p", { class: "phase-line" }, h("span", { class: "tag dark" }, c().observer), " ", h("strong", null, c().phases[r.phase]));
  switch (r.phase) {
    case "lobby":
      return [head, h("section", { class: "panel center" }, h("p", { class: "muted" }, t.codeLabel), h("p", { class: "big-code" }, s.code), h("p", { class: "small muted" }, location.host)), teamsPanel(r)];
    case "briefing":
    case "deciding": {
      const card = parseCard(r);
      const deciding = r.phase === "deciding";
      return [
        head,
        deciding ? timer(r) : null,
        card ? cardBlock(card, r.roundCount, deciding) : null,
        card && deciding
          ? h(
              "section",
              { class: "panel" },
              h("h2", null, t.responses),
              h("ul", { class: "reasons" }, card.options.map((o, i) => h("li", { class: "reason" }, h("span", { class: "tag dark" }, optionLabel(i, o.prime ? c().primes[o.prime] : undefined)), h("p", { class: "reason-option" }, say(o.text, lang()))))),
            )
          : null,
        teamsPanel(r),
      ];
    }
    case "reveal": {
      const reveal = parseReveal(r);
      if (!reveal) return [head];
      return [
        head,
        h("h1", null, say(reveal.card.title, lang())),
        conditionBlock(reveal),
        h("section", { class: "panel stack" }, h("h2", null, t.results), reveal.results.map((x) => resultBlock(x, reveal, true))),
        h("section", { class: "panel" }, h("h2", null, t.allOptions), optionReasons(reveal)),
        reflectionBlock(reveal),
      ];
    }
    case "scoreboard":
      return [head, h("section", { class: "panel" }, h("h1", null, t.scoreboard), rankingList(rankRows(r.teams), null))];
    default: {
      const summary = parseSummary(r);
      const rows = summary ? summary.ranking.map((x) => ({ team: x.team, rank: x.rank, score: x.score })) : rankRows(r.teams);
      // an observer followed the session, and did not play
      return [head, h("section", { class: "panel" }, h("h1", null, `🏁 ${t.finalTitle}`), rankingList(rows, null)), h("p", { class: "alert ok" }, t.watchThanks)];
    }
  }
}

function timer(r: RoomStateView): HTMLElement {
  const left = countdown.read(r);
  return h(
    "div",
    { class: left <= 10 ? "timerbar low" : "timerbar" },
    h("div", { class: "timer-row" }, h("span", { class: "small" }, tp().timeLeft), h("span", { class: "time", role: "timer" }, clock(left))),
    h("div", { class: "meter", "aria-hidden": "true" }, h("span", { class: "fill", style: `width:${Math.min(100, (left / Math.max(1, r.roundSeconds)) * 100)}%` })),
  );
}

function teamsPanel(r: RoomStateView): HTMLElement {
  const t = tp();
  const phase = r.phase;
  return h(
    "section",
    { class: "panel" },
    h("h2", null, phase === "lobby" ? t.teams : t.teamStatus),
    h(
      "ul",
      { class: "members team-status" },
      Array.from(r.teams, (tm: TeamView) =>
        h(
          "li",
          { class: "member" },
          teamChip(tm.index),
          phase === "lobby" ? h("span", { class: "small member-names" }, Array.from(tm.members, (m) => m.name).join(", ") || "—") : null,
          h(
            "span",
            { class: "vote" },
            phase === "deciding"
              ? tm.locked
                ? h("span", { class: "tag good" }, `🔒 ${c().locked}`)
                : h("span", { class: "tag" }, c().sentOf(tm.sent ?? 0, tm.members.length))
              : h("span", { class: "small muted" }, t.participants(tm.members.length)),
          ),
        ),
      ),
    ),
  );
}
