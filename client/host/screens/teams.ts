// The teams on the console: each team's members (captain, sent, online),
// their votes while the card is played, the captain's reason, and each
// member's menu (make captain, move, rename, remove, ban). Drawn from a plain
// projection of the room's state, re-drawn only when it changes.
import type { RoomStateView } from "../../../shared/protocol/state-view.js";
import type { VoteView } from "../../../shared/protocol/wire.js";
import { lockCauseOf, rolesOf, voteOf } from "../../../shared/protocol/state-view.js";
import type { LockCause } from "../../../shared/rules/types.js";
import type { Role } from "../../../shared/vuca.js";
import { optionLetter } from "../../../shared/i18n/options.js";
import { host } from "../../../shared/i18n/host.js";
import { h } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { teamChip } from "../../lib/views.js";
import { send } from "../actions.js";
import { set, type HostState } from "../state.js";

interface MemberRow {
  id: string;
  name: string;
  connected: boolean;
  roles: Role[];
  vote: VoteView | null;
}
export interface TeamRow {
  index: number;
  captain: string | null;
  locked: boolean;
  lockCause: LockCause | null;
  score: number;
  sent: number;
  reason: string;
  members: MemberRow[];
}

/** The teams as plain data (the room's state is a live object patched in place). */
export function teamRows(st: RoomStateView): TeamRow[] {
  return Array.from(st.teams, (tm) => ({
    index: tm.index,
    captain: tm.captain || null,
    locked: !!tm.locked,
    lockCause: lockCauseOf(tm),
    score: tm.score ?? 0,
    sent: tm.sent ?? 0,
    reason: tm.reason ?? "",
    members: Array.from(tm.members, (m) => ({ id: m.id, name: m.name, connected: m.connected, roles: rolesOf(m), vote: voteOf(tm, m.id) ?? null })),
  }));
}

export function selectTeams(s: HostState) {
  const st = s.room;
  if (!st) return null;
  return { teams: teamRows(st), phase: st.phase, status: s.status, menus: s.openMenus, lang: s.lang };
}

export function drawTeams(v: ReturnType<typeof selectTeams>): HTMLElement[] {
  if (!v) return [];
  const showVotes = v.phase === "deciding" || v.phase === "briefing" || v.phase === "reveal";
  return v.teams.map((tm) => teamCard(tm, v.teams.length, showVotes, v.menus));
}

function teamCard(tm: TeamRow, teamTotal: number, showVotes: boolean, menus: string[]): HTMLElement {
  const s = host[lang()];
  return h(
    "article",
    { class: "panel team", "data-team": tm.index, "aria-labelledby": `team-${tm.index}-h` },
    h("header", { class: "team-head" }, h("h3", { id: `team-${tm.index}-h` }, teamChip(tm.index)), h("span", { class: "team-score" }, c().points(tm.score))),
    // sent and locked mean something only while a card is played; in the lobby and between cards, the headcount
    showVotes
      ? h(
          "p",
          { class: "team-status small" },
          h("span", null, c().sentOf(tm.sent, tm.members.length)),
          " · ",
          tm.locked ? h("span", { class: "tag good" }, `🔒 ${s.teamLocked}${tm.lockCause ? ` (${s.lockedBy[tm.lockCause] ?? tm.lockCause})` : ""}`) : h("span", { class: "tag" }, s.teamOpen),
        )
      : h("p", { class: "team-status small" }, s.stripMembers(tm.members.length)),
    tm.members.length === 0 ? h("p", { class: "muted small" }, s.noMembers) : h("ul", { class: "members" }, tm.members.map((m) => memberRow(m, tm, teamTotal, showVotes, menus.includes(m.id)))),
    showVotes || tm.reason
      ? h("div", { class: "team-reason" }, h("strong", null, `${s.captainReason}: `), tm.reason ? h("q", null, tm.reason) : h("span", { class: "muted" }, s.noReason))
      : null,
  );
}

function memberRow(m: MemberRow, tm: TeamRow, teamTotal: number, showVotes: boolean, menuOpen: boolean): HTMLElement {
  const s = host[lang()];
  const isCaptain = tm.captain === m.id;
  const vote = m.vote;
  const menu = h(
    "details",
    { class: "member-menu", open: menuOpen },
    h("summary", { "data-key": `menu-${m.id}`, "aria-label": s.actionsFor(m.name) }, s.actions),
    h(
      "div",
      { class: "menu-body" },
      h("button", { type: "button", class: "secondary small-btn", "data-key": `cap-${m.id}`, disabled: isCaptain, onclick: () => send({ action: "passCaptain", playerId: m.id }) }, `★ ${s.makeCaptain}`),
      teamTotal > 1
        ? h(
            "select",
            {
              class: "move-select",
              "data-key": `move-${m.id}`,
              "aria-label": s.moveLabel(m.name),
              onchange: (e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                if (v !== "") send({ action: "movePlayer", playerId: m.id, team: Number(v) });
              },
            },
            h("option", { value: "", selected: true }, s.moveTo),
            Array.from({ length: teamTotal }, (_, i) => i)
              .filter((i) => i !== tm.index)
              .map((i) => h("option", { value: i }, c().team(i + 1))),
          )
        : null,
      h(
        "button",
        {
          type: "button",
          class: "secondary small-btn",
          "data-key": `ren-${m.id}`,
          onclick: () => {
            const name = prompt(s.renamePrompt(m.name), m.name);
            if (name !== null && name.trim() && name.trim() !== m.name) send({ action: "renamePlayer", playerId: m.id, name: name.trim() });
          },
        },
        s.rename,
      ),
      h("button", { type: "button", class: "danger small-btn", "data-key": `rm-${m.id}`, onclick: () => confirm(s.removeConfirm(m.name)) && send({ action: "removePlayer", playerId: m.id }) }, s.remove),
      h("button", { type: "button", class: "danger small-btn", "data-key": `ban-${m.id}`, onclick: () => confirm(s.banConfirm(m.name)) && send({ action: "banPlayer", playerId: m.id }) }, `⛔ ${s.ban}`),
    ),
  );
  menu.addEventListener("toggle", () => set((st) => ({ openMenus: menu.open ? [...new Set([...st.openMenus, m.id])] : st.openMenus.filter((x) => x !== m.id) })));
  return h(
    "li",
    { class: m.connected ? "member" : "member offline" },
    h(
      "div",
      { class: "member-main" },
      h("span", { class: "member-name" }, m.name),
      isCaptain ? h("span", { class: "tag dark" }, s.captainMark) : null,
      vote ? h("span", { class: "tag good" }, s.sent) : null,
      !m.connected ? h("span", { class: "tag bad" }, s.disconnected) : null,
    ),
    m.roles.length ? h("div", { class: "member-roles small muted" }, m.roles.map((r) => c().roles[r]).join(" · ")) : null,
    showVotes
      ? h(
          "div",
          { class: "member-vote small" },
          `${s.vote}: `,
          vote ? h("strong", null, optionLetter(vote.option)) : h("span", { class: "muted" }, s.noVote),
          vote?.diagnosis ? h("span", { class: `tag cond cond-${vote.diagnosis}` }, c().conditions[vote.diagnosis]) : null,
          vote?.commit ? h("span", { class: "tag" }, `🤝 ${s.commits}`) : null,
        )
      : null,
    menu,
  );
}
