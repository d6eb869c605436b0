// Deciding: a member's submission, the captain's reason and lock.
import type { Action, GameState, Result, Team } from "./types.js";
import type { RuleContext } from "./types.js";
import { accept, playerOf, refuse, setTeam } from "./state.js";
import { everyTeamLocked, lockedTeam, revealRound } from "./scoring.js";
import { REASON_MAX } from "../constants.js";

export { REASON_MAX };

function seat(state: GameState, playerId: string): { team: Team } | null {
  const player = playerOf(state, playerId);
  const team = player ? state.teams[player.team] : undefined;
  return team ? { team } : null;
}

/** Locks `team` and, when every team is then locked, reveals the round. */
function afterLock(state: GameState, ctx: RuleContext): GameState {
  return everyTeamLocked(state) ? revealRound(state, ctx, null) : state;
}

export function submit(state: GameState, action: Extract<Action, { type: "submit" }>, ctx: RuleContext): Result {
  const found = seat(state, action.playerId);
  if (!found) return refuse("UNKNOWN_PLAYER");
  if (state.phase !== "deciding") return refuse("WRONG_PHASE");
  if (state.timer.paused) return refuse("PAUSED");
  const { team } = found;
  if (team.locked) return refuse("TEAM_LOCKED");
  // The diagnosis is part of the decision, unless the condition is shown.
  const showCondition = state.settings.showCondition === true;
  if (!showCondition && !action.diagnosis) return refuse("NO_DIAGNOSIS");
  const diagnosis = showCondition ? null : (action.diagnosis ?? null);
  const votes = { ...team.votes, [action.playerId]: { prime: action.prime, diagnosis, commit: action.commit, at: ctx.now } };
  let next: Team = { ...team, votes };
  // Everyone connected has sent: the team locks (an away member does not block it).
  const connected = next.members.filter((id) => state.players[id]?.connected);
  if (connected.length > 0 && connected.every((id) => votes[id] !== undefined)) {
    next = lockedTeam(state, next, "all-sent", ctx.now);
    return accept(afterLock(setTeam(state, next), ctx));
  }
  return accept(setTeam(state, next));
}

/** The captain's one short sentence; editable until the reveal. */
export function reason(state: GameState, action: Extract<Action, { type: "reason" }>): Result {
  const found = seat(state, action.playerId);
  if (!found) return refuse("UNKNOWN_PLAYER");
  if (found.team.captain !== action.playerId) return refuse("NOT_CAPTAIN");
  if (state.phase !== "deciding") return refuse("WRONG_PHASE");
  const text = action.text.normalize("NFC").trim().replace(/\s+/gu, " ");
  if ([...text].length > REASON_MAX) return refuse("REASON_TOO_LONG");
  if (/\p{Cc}/u.test(action.text.replace(/[\n\r\t]/g, " "))) return refuse("BAD_MESSAGE");
  if (text === found.team.reason) return accept(state);
  return accept(setTeam(state, { ...found.team, reason: text }));
}

export function lock(state: GameState, action: Extract<Action, { type: "lock" }>, ctx: RuleContext): Result {
  const found = seat(state, action.playerId);
  if (!found) return refuse("UNKNOWN_PLAYER");
  if (found.team.captain !== action.playerId) return refuse("NOT_CAPTAIN");
  if (state.phase !== "deciding") return refuse("WRONG_PHASE");
  if (state.timer.paused) return refuse("PAUSED");
  if (found.team.locked) return refuse("TEAM_LOCKED");
  if (Object.keys(found.team.votes).length === 0) return refuse("NOT_SENT");
  return accept(afterLock(setTeam(state, lockedTeam(state, found.team, "captain", ctx.now)), ctx));
}
