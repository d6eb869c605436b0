// The game rules: createGame, and reduce(state, action, ctx) → new state or a
// named reason. Pure: no I/O, no clock, no Math.random (see random.ts).
import type { Action, GameState, Result, RuleContext, Settings } from "./types.js";
import { emptyTeam, freshTimer, refuse } from "./state.js";
import { chooseTeam, join, movePlayer, passCaptain, removePlayer, renamePlayer, setConnected } from "./join.js";
import { lock, reason, submit } from "./deciding.js";
import { closeReflection, hideActivity, openReflection, reflect } from "./reflection.js";
import { addTime, end, lockRoom, next, pause, reveal, resume, skip, start, tick } from "./phase.js";

export { summarise, rankTeams } from "./summary.js";
export { tallyTeam, tallyDiagnosis, diagnosisPoints, scoreTeam, rolesCommitted, collabPoints } from "./scoring.js";
export { optionOrder, orderFor, primeAtDisplay, displayIndexOf, OPTION_LETTERS } from "./order.js";
export { dealRoles, rolesBalanced } from "./roles.js";
export { teamOf, isCaptain } from "./state.js";
export { normaliseName, balancedTeam } from "./join.js";
export { freeName, nameSkeleton, suggestedName } from "./names.js";
export { mustSaveBeforeShowing, restoredGame } from "./restore.js";
export { nextRandom, shuffle } from "./random.js";
export type * from "./types.js";
export { REFLECTION_TEXT_MAX, entryOf, isComplete, wallOf, reflectionOf, reflectionOpen, emptyEntry } from "./reflection.js";
export type { ReflectionEntry, ReflectionPatch, ReflectionState, Wall } from "./reflection.js";

export function createGame(settings: Settings, seed: number): GameState {
  return {
    settings,
    phase: "lobby",
    round: -1,
    timer: freshTimer(settings.roundSeconds),
    roomLocked: false,
    players: {},
    teams: Array.from({ length: settings.teamCount }, (_, i) => emptyTeam(i)),
    history: [],
    seed: seed | 0,
  };
}

export function reduce(state: GameState, action: Action, ctx: RuleContext): Result {
  switch (action.type) {
    case "join":
      return join(state, action, ctx);
    case "disconnect":
      // No lock here: a Wi-Fi blip must not lock a team. "Everyone connected
      // has sent" is checked at the next submission (see deciding.ts).
      return setConnected(state, action.playerId, false);
    case "reconnect":
      return setConnected(state, action.playerId, true);
    case "chooseTeam":
      return chooseTeam(state, action);
    case "submit":
      return submit(state, action, ctx);
    case "reason":
      return reason(state, action);
    case "lock":
      return lock(state, action, ctx);
    case "start":
      return start(state, ctx);
    case "next":
      return next(state, ctx);
    case "pause":
      return pause(state, ctx);
    case "resume":
      return resume(state, ctx);
    case "addTime":
      return addTime(state, action.seconds);
    case "skip":
      return skip(state, ctx);
    case "reveal":
      return reveal(state, ctx);
    case "end":
      return end(state);
    case "lockRoom":
      return lockRoom(state, action.locked);
    case "passCaptain":
      return passCaptain(state, action);
    case "movePlayer":
      return movePlayer(state, action);
    case "removePlayer":
      return removePlayer(state, action);
    case "renamePlayer":
      return renamePlayer(state, action);
    case "tick":
      return tick(state, ctx);
    case "reflect":
      return reflect(state, action, ctx);
    case "openReflection":
      return openReflection(state);
    case "closeReflection":
      return closeReflection(state);
    case "hideActivity":
      return hideActivity(state, action);
    default:
      return refuse("BAD_MESSAGE");
  }
}
