// Small helpers for copy-on-write updates: only the changed team and player
// objects are copied; everything else is shared with the previous state.
import type { Reason } from "../reasons.js";
import type { GameState, Player, Result, Team, Timer } from "./types.js";
import { dealRoles } from "./roles.js";

export const refuse = (reason: Reason): Result => ({ ok: false, reason });
export const accept = (state: GameState): Result => ({ ok: true, state });

export function emptyTeam(index: number): Team {
  return {
    index,
    members: [],
    captain: null,
    votes: {},
    reason: "",
    locked: false,
    lockedBy: null,
    lockMs: null,
    score: 0,
    totalLockMs: 0,
  };
}

export function freshTimer(roundSeconds: number): Timer {
  return { deadline: null, remainingMs: roundSeconds * 1000, paused: false, totalMs: roundSeconds * 1000 };
}

export function setTeam(state: GameState, team: Team): GameState {
  const teams = state.teams.slice();
  teams[team.index] = team;
  return { ...state, teams };
}

export function setPlayer(state: GameState, player: Player): GameState {
  return { ...state, players: { ...state.players, [player.id]: player } };
}

/**
 * The player with this id, by own key only: an id comes from the network, and
 * `players["constructor"]` would find Object.prototype's member.
 */
export function playerOf(state: GameState, playerId: string): Player | undefined {
  return Object.hasOwn(state.players, playerId) ? state.players[playerId] : undefined;
}

/** The team a player sits in, or undefined. */
export function teamOf(state: GameState, playerId: string): Team | undefined {
  const player = playerOf(state, playerId);
  return player ? state.teams[player.team] : undefined;
}

export function isCaptain(state: GameState, playerId: string): boolean {
  return teamOf(state, playerId)?.captain === playerId;
}

export function isTeamIndex(state: GameState, team: unknown): team is number {
  return typeof team === "number" && Number.isInteger(team) && team >= 0 && team < state.teams.length;
}

export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Re-deal one team's role cards after its membership changed. */
export function redeal(state: GameState, teamIndex: number): GameState {
  const team = state.teams[teamIndex];
  if (!team) return state;
  const deal = dealRoles(team.members, (id) => state.players[id]?.roles ?? [], state.seed);
  let players = state.players;
  for (const id of team.members) {
    const player = players[id];
    const roles = deal.roles[id];
    if (!player || !roles) continue;
    if (player.roles.length === roles.length && player.roles.every((r, i) => r === roles[i])) continue;
    if (players === state.players) players = { ...players };
    players[id] = { ...player, roles };
  }
  return { ...state, players, seed: deal.seed };
}
