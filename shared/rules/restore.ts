// A game saved and brought back, and which changes must be saved before
// anyone is shown them. Pure: the room (server/room/GameRoom.ts) asks these
// when it resumes a saved session and when it hands a change to its save gate
// (server/room/saving.ts).
import type { Action, GameState } from "./types.js";
import { setConnected } from "./join.js";

/**
 * Whether a change must be durable before any client is shown it:
 * everything but a phone's connection coming and going and the timer's tick —
 * unless those changed the phase, the round, the pause or a lock (time
 * running out locks the teams and reveals).
 */
export function mustSaveBeforeShowing(action: Action, prev: GameState, next: GameState): boolean {
  if (action.type !== "tick" && action.type !== "reconnect" && action.type !== "disconnect") return true;
  return (
    prev.phase !== next.phase ||
    prev.round !== next.round ||
    prev.timer.paused !== next.timer.paused ||
    next.teams.some((team, i) => team.locked !== prev.teams[i]?.locked)
  );
}

/**
 * A restored deciding round comes back paused with the time it had left at
 * the last save (`savedAt`, epoch ms): nobody is connected right after a
 * restart, and the trainer resumes the timer once the phones are back. At
 * least 5 seconds, at most the round's whole time.
 */
export function restoredGame(game: GameState, savedAt: number | undefined): GameState {
  const timer = game.timer;
  if (game.phase !== "deciding" || timer.paused || timer.deadline === null) return game;
  const total = timer.totalMs ?? game.settings.roundSeconds * 1000;
  const left = savedAt === undefined ? timer.remainingMs : timer.deadline - savedAt;
  const remainingMs = Math.max(5000, Math.min(total, Math.round(left)));
  return { ...game, timer: { ...timer, paused: true, deadline: null, remainingMs } };
}

/** Nobody is connected right after a restart: every player offline (phones come back by themselves). */
export function offline(game: GameState): GameState {
  let state = game;
  for (const id of Object.keys(game.players)) {
    if (!state.players[id]?.connected) continue;
    const result = setConnected(state, id, false);
    if (result.ok) state = result.state;
  }
  return state;
}
