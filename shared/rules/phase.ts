// The phase machine and the round clock:
// lobby → briefing → deciding → reveal → scoreboard → briefing … → final.
import type { Action, GameState, Result, RoundRecord, Team } from "./types.js";
import type { RuleContext } from "./types.js";
import { accept, freshTimer, refuse } from "./state.js";
import { remainingMsAt, revealRound } from "./scoring.js";
import { leaveCard } from "./reflection.js";

function clearRound(team: Team): Team {
  return { ...team, votes: {}, reason: "", locked: false, lockedBy: null, lockMs: null };
}

/** To the briefing of card `round`, or to the final ranking after the last card. */
function toCard(from: GameState, round: number, ctx: RuleContext): GameState {
  const state = leaveCard(from);
  if (round >= ctx.pack.events.length) return { ...state, phase: "final", timer: { ...state.timer, deadline: null, paused: false } };
  return { ...state, phase: "briefing", round, teams: state.teams.map(clearRound), timer: freshTimer(state.settings.roundSeconds) };
}

function skippedRecord(state: GameState, ctx: RuleContext): RoundRecord {
  return { round: state.round, eventId: ctx.pack.events[state.round]?.id ?? "", skipped: true, results: [], submissions: {} };
}

export function start(state: GameState, ctx: RuleContext): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (state.phase !== "lobby") return refuse("WRONG_PHASE");
  if (Object.keys(state.players).length === 0) return refuse("INVALID_SETTINGS");
  return accept(toCard(state, 0, ctx));
}

export function next(state: GameState, ctx: RuleContext): Result {
  switch (state.phase) {
    case "briefing": {
      const total = state.settings.roundSeconds * 1000;
      return accept({ ...state, phase: "deciding", timer: { deadline: ctx.now + total, remainingMs: total, paused: false, totalMs: total } });
    }
    case "reveal":
      return accept({ ...state, phase: "scoreboard" });
    case "scoreboard":
      return accept(toCard(state, state.round + 1, ctx));
    case "final":
      return refuse("GAME_OVER");
    default:
      return refuse("WRONG_PHASE");
  }
}

export function pause(state: GameState, ctx: RuleContext): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (state.phase !== "deciding") return refuse("WRONG_PHASE");
  if (state.timer.paused) return refuse("PAUSED");
  return accept({ ...state, timer: { ...state.timer, paused: true, deadline: null, remainingMs: remainingMsAt(state, ctx.now) } });
}

export function resume(state: GameState, ctx: RuleContext): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (state.phase !== "deciding") return refuse("WRONG_PHASE");
  if (!state.timer.paused) return refuse("NOT_PAUSED");
  return accept({ ...state, timer: { ...state.timer, paused: false, deadline: ctx.now + state.timer.remainingMs } });
}

export function addTime(state: GameState, seconds: number): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (state.phase !== "deciding") return refuse("WRONG_PHASE");
  if (!Number.isInteger(seconds) || seconds <= 0 || seconds > 600) return refuse("INVALID_SETTINGS");
  const ms = seconds * 1000;
  const t = state.timer;
  return accept({
    ...state,
    timer: {
      ...t,
      deadline: t.deadline === null ? null : t.deadline + ms,
      remainingMs: t.remainingMs + ms,
      totalMs: (t.totalMs ?? state.settings.roundSeconds * 1000) + ms,
    },
  });
}

/** Reveal early: every open team locks ("host") and the card is scored. */
export function reveal(state: GameState, ctx: RuleContext): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (state.phase !== "deciding") return refuse("WRONG_PHASE");
  return accept(revealRound(state, ctx, "host"));
}

/** Skip the current card; a card not yet revealed is recorded as skipped, unscored. */
export function skip(state: GameState, ctx: RuleContext): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (state.phase === "lobby") return refuse("WRONG_PHASE");
  const scored = state.phase === "reveal" || state.phase === "scoreboard";
  const base = scored ? state : { ...state, history: [...state.history, skippedRecord(state, ctx)] };
  return accept(toCard(base, state.round + 1, ctx));
}

export function end(state: GameState): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  return accept({ ...leaveCard(state), phase: "final", timer: { ...state.timer, deadline: null, paused: false } });
}

export function lockRoom(state: GameState, locked: boolean): Result {
  if (state.phase === "final") return refuse("GAME_OVER");
  if (state.roomLocked === locked) return accept(state);
  return accept({ ...state, roomLocked: locked });
}

/** The room clock: when time runs out every open team locks ("timeout") and the card is revealed. */
export function tick(state: GameState, ctx: RuleContext): Result {
  if (state.phase !== "deciding" || state.timer.paused || state.timer.deadline === null) return accept(state);
  if (ctx.now < state.timer.deadline) return accept(state);
  return accept(revealRound(state, ctx, "timeout"));
}

export type HostActionType = Extract<Action["type"], "start" | "next" | "pause" | "resume" | "addTime" | "skip" | "reveal" | "end" | "lockRoom">;
