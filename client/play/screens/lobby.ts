// Before the card is played: the lobby (my team, its members, my role cards,
// moving to another team) and the briefing (the card to discuss).
import type { MemberView, TeamView } from "../../../shared/protocol/state-view.js";
import { rolesOf } from "../../../shared/protocol/state-view.js";
import { h } from "../../lib/dom.js";
import { c, tp } from "../../lib/i18n.js";
import { cardBlock, parseCard, teamChip } from "../../lib/views.js";
import { me, show, type App, type PlayState } from "../state.js";

const teamsOf = (s: PlayState) => (s.room ? Array.from(s.room.teams, (tm) => [tm.index, tm.captain, Array.from(tm.members, (m) => [m.id, m.name, m.roles, m.connected])]) : []);

export const lobbyScreen = (root: HTMLElement, app: App) => show(root, (s) => [s.playerId, teamsOf(s)], (s) => drawLobby(s, app));
export const briefingScreen = (root: HTMLElement) => show(root, (s) => [s.texts, s.room?.round, me(s)?.member.roles], drawBriefing);

/** A member's line: name, "Anda", the captain's star, then `extra`. */
export function memberRow(m: MemberView, team: TeamView, playerId: string, captainMark: string, extra: HTMLElement | null): HTMLElement {
  return h(
    "li",
    { class: m.connected ? "member" : "member away" },
    h("span", { class: "member-name" }, m.name),
    m.id === playerId ? h("span", { class: "tag dark" }, tp().you) : null,
    team.captain === m.id ? h("span", { class: "tag", title: c().captain }, captainMark) : null,
    extra,
  );
}

function roleCards(member: MemberView): HTMLElement {
  const t = tp();
  const roles = rolesOf(member);
  return h(
    "section",
    { class: "panel", "aria-labelledby": "roles-title" },
    h("h2", { id: "roles-title" }, t.yourRoles),
    roles.length === 0
      ? h("p", { class: "muted" }, t.noRolesYet)
      : h("ul", { class: "role-cards" }, roles.map((r) => h("li", { class: `role-card role-${r}` }, h("strong", null, c().roles[r]), h("span", null, c().roleBrings[r])))),
    roles.length > 0 ? h("p", { class: "small muted" }, t.rolesWhy) : null,
  );
}

function drawLobby(s: PlayState, app: App): (HTMLElement | null)[] {
  const m = me(s);
  if (!m || !s.room) return [];
  const t = tp();
  const others = Array.from(s.room.teams).filter((tm) => tm.index !== m.team.index);
  return [
    h(
      "section",
      { class: "panel stack", "aria-labelledby": "team-title" },
      h("p", { class: "muted small", id: "team-title" }, t.youAreIn),
      h("div", { class: "big-team" }, teamChip(m.team.index)),
      m.captain ? h("p", { class: "alert ok" }, `★ ${t.captainYou}`) : null,
      h("h3", null, t.members),
      h("ul", { class: "members" }, Array.from(m.team.members, (x) => memberRow(x, m.team, s.playerId, `★ ${c().captain}`, x.connected ? null : h("span", { class: "small muted" }, `(${t.away})`)))),
    ),
    roleCards(m.member),
    h("p", { class: "alert info" }, t.waitStart),
    others.length
      ? h(
          "section",
          { class: "panel", "aria-labelledby": "switch-title" },
          h("h2", { id: "switch-title" }, t.switchTeam),
          h(
            "div",
            { class: "switch-list" },
            others.map((tm) =>
              h(
                "button",
                { type: "button", class: "secondary block switch", "data-key": `team-${tm.index}`, "aria-label": t.switchTo(c().team(tm.index + 1), tm.members.length), onclick: () => app.send("team", { team: tm.index }) },
                teamChip(tm.index),
                h("span", { class: "small" }, t.participants(tm.members.length)),
              ),
            ),
          ),
        )
      : null,
  ];
}

function drawBriefing(s: PlayState): (HTMLElement | null)[] {
  const card = s.room ? parseCard(s.room) : null;
  const m = me(s);
  if (!card || !s.room || !m) return [];
  const roles = rolesOf(m.member);
  return [
    cardBlock(card, s.room.roundCount),
    h("p", { class: "alert info" }, tp().discuss),
    roles.length ? h("p", { class: "small muted roles-line" }, `${tp().yourRoles}: `, h("strong", null, roles.map((r) => c().roles[r]).join(", "))) : null,
  ];
}
