// Seats: joining, leaving, teams, captaincy. Every membership change re-deals
// the role cards of the teams it touched.
import type { Action, GameState, Player, Result, Team } from "./types.js";
import type { RuleContext } from "./types.js";
import { looksLikeAny, normaliseName } from "./names.js";
import { accept, playerOf, isTeamIndex, redeal, refuse, setPlayer, setTeam, withoutKey } from "./state.js";

export { NAME_MAX, normaliseName } from "./names.js";

/** Whether another player's name looks like `name` (same confusable skeleton, see names.ts). */
function nameTaken(state: GameState, name: string, except?: string): boolean {
  const others: string[] = [];
  for (const id in state.players) if (id !== except) others.push((state.players[id] as Player).name);
  return looksLikeAny(name, others);
}

/** Team for a newcomer: the one with fewest members, lowest index on ties; -1 when all are full. */
export function balancedTeam(state: GameState): number {
  let best = -1;
  for (const team of state.teams) {
    if (team.members.length >= state.settings.maxTeamSize) continue;
    if (best < 0 || team.members.length < (state.teams[best] as Team).members.length) best = team.index;
  }
  return best;
}

/** Take a player out of their team: drop their vote, pass the captaincy on in join order. */
function leaveTeam(state: GameState, playerId: string): GameState {
  const player = playerOf(state, playerId);
  const team = player ? state.teams[player.team] : undefined;
  if (!team) return state;
  const members = team.members.filter((id) => id !== playerId);
  const captain = team.captain === playerId ? (members[0] ?? null) : team.captain;
  return setTeam(state, { ...team, members, captain, votes: withoutKey(team.votes, playerId) });
}

function enterTeam(state: GameState, playerId: string, index: number): GameState {
  const team = state.teams[index] as Team;
  return setTeam(state, { ...team, members: [...team.members, playerId], captain: team.captain ?? playerId });
}

export function join(state: GameState, action: Extract<Action, { type: "join" }>, ctx: RuleContext): Result {
  const existing = playerOf(state, action.playerId);
  if (state.phase === "final") return refuse("GAME_OVER");
  // A known seat joining again is a re-entry: keep everything, mark it connected.
  if (existing) return existing.connected ? accept(state) : accept(setPlayer(state, { ...existing, connected: true }));
  if (state.roomLocked) return refuse("ROOM_LOCKED");
  const name = normaliseName(action.name);
  if (name === null) return refuse("NAME_INVALID");
  if (nameTaken(state, name)) return refuse("NAME_TAKEN");
  let index: number;
  if (action.team !== undefined) {
    if (!isTeamIndex(state, action.team)) return refuse("UNKNOWN_TEAM");
    if ((state.teams[action.team] as Team).members.length >= state.settings.maxTeamSize) return refuse("ROOM_FULL");
    index = action.team;
  } else {
    index = balancedTeam(state);
    if (index < 0) return refuse("ROOM_FULL");
  }
  const player: Player = { id: action.playerId, name, team: index, roles: [], connected: true, joinedAt: ctx.now };
  return accept(redeal(enterTeam(setPlayer(state, player), player.id, index), index));
}

export function setConnected(state: GameState, playerId: string, connected: boolean): Result {
  const player = playerOf(state, playerId);
  if (!player) return refuse("UNKNOWN_PLAYER");
  if (player.connected === connected) return accept(state);
  return accept(setPlayer(state, { ...player, connected }));
}

function moveTo(state: GameState, playerId: string, index: number): GameState {
  const player = playerOf(state, playerId) as Player;
  const from = player.team;
  let next = leaveTeam(state, playerId);
  next = setPlayer(next, { ...player, team: index });
  next = enterTeam(next, playerId, index);
  return redeal(redeal(next, from), index);
}

function checkMove(state: GameState, playerId: string, index: number): Result | null {
  const player = playerOf(state, playerId);
  if (!player) return refuse("UNKNOWN_PLAYER");
  if (!isTeamIndex(state, index)) return refuse("UNKNOWN_TEAM");
  if (player.team === index) return refuse("SAME_TEAM");
  if ((state.teams[index] as Team).members.length >= state.settings.maxTeamSize) return refuse("ROOM_FULL");
  return null;
}

/** A player picks a team themself: only in the lobby. */
export function chooseTeam(state: GameState, action: Extract<Action, { type: "chooseTeam" }>): Result {
  if (!playerOf(state, action.playerId)) return refuse("UNKNOWN_PLAYER");
  if (state.phase !== "lobby") return refuse("WRONG_PHASE");
  return checkMove(state, action.playerId, action.team) ?? accept(moveTo(state, action.playerId, action.team));
}

/** The host moves a player, in any phase but the final; their vote this round is dropped. */
export function movePlayer(state: GameState, action: Extract<Action, { type: "movePlayer" }>): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  return checkMove(state, action.playerId, action.team) ?? accept(moveTo(state, action.playerId, action.team));
}

export function removePlayer(state: GameState, action: Extract<Action, { type: "removePlayer" }>): Result {
  const player = playerOf(state, action.playerId);
  if (!player) return refuse("UNKNOWN_PLAYER");
  if (state.phase === "final") return refuse("GAME_OVER");
  const next = leaveTeam(state, player.id);
  return accept(redeal({ ...next, players: withoutKey(next.players, player.id) }, player.team));
}

export function renamePlayer(state: GameState, action: Extract<Action, { type: "renamePlayer" }>): Result {
  const player = playerOf(state, action.playerId);
  if (!player) return refuse("UNKNOWN_PLAYER");
  if (state.phase === "final") return refuse("GAME_OVER");
  const name = normaliseName(action.name);
  if (name === null) return refuse("NAME_INVALID");
  if (nameTaken(state, name, player.id)) return refuse("NAME_TAKEN");
  if (name === player.name) return accept(state);
  return accept(setPlayer(state, { ...player, name }));
}

export function passCaptain(state: GameState, action: Extract<Action, { type: "passCaptain" }>): Result {
  const player = playerOf(state, action.playerId);
  if (!player) return refuse("UNKNOWN_PLAYER");
  if (state.phase === "final") return refuse("GAME_OVER");
  const team = state.teams[player.team] as Team;
  if (team.captain === player.id) return accept(state);
  return accept(setTeam(state, { ...team, captain: player.id }));
}
