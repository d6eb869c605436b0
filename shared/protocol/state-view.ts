// The synced room state as the pages decode it: a hand-written copy of the
// server's schema (server/state.ts) as the SDK exposes it (collections are
// iterable, maps have get/forEach), and the readers of its coded fields
// (votes, lock cause, roles). Types and small functions only: the phone imports this.
import type { Role } from "../vuca.js";
import type { LockCause, Phase } from "../rules/types.js";
import { decodeVote, LOCK_CAUSES, type VoteView } from "./wire.js";

export interface MemberView {
  id: string;
  name: string;
  roles: string;
  connected: boolean;
}
export interface TeamView {
  index: number;
  members: ArrayLike<MemberView> & Iterable<MemberView>;
  captain: string;
  sent: number;
  locked: boolean;
  /** 0 = not locked, else 1 + the cause's index in LOCK_CAUSES: read it with lockCauseOf. */
  lockedBy: number;
  score: number;
  /** Deciding time used over the scored rounds (ms): the ranking's tie-break. */
  totalLockMs: number;
  /** Present only for the team's own members and the host: playerId → vote code (read with voteOf / votesOf). */
  votes?: { get(id: string): string | undefined; forEach(cb: (code: string, id: string) => void): void; size: number };
  reason?: string;
}
export interface RoomStateView {
  /** The board's view the trainer chose (0 results, 1 responses — at the final the wall —, 2 the wall), its sound level (0–10) and whether it moves. */
  boardView: number;
  volume: number;
  boardMotion?: boolean;
  code: string;
  packId: string;
  packTitle: string;
  phase: Phase;
  round: number;
  roundCount: number;
  roundSeconds: number;
  timeLeft: number;
  paused: boolean;
  roomLocked: boolean;
  teams: ArrayLike<TeamView> & Iterable<TeamView>;
  observers: number;
}

/** One member's vote, when the team's votes are visible (own team, host) and they have sent. */
export function voteOf(team: Pick<TeamView, "votes">, playerId: string | null | undefined): VoteView | undefined {
  return playerId ? decodeVote(team.votes?.get(playerId)) : undefined;
}
/** Every visible vote of a team, by player id. */
export function votesOf(team: Pick<TeamView, "votes">): [string, VoteView][] {
  const out: [string, VoteView][] = [];
  team.votes?.forEach((code, id) => {
    const vote = decodeVote(code);
    if (vote) out.push([id, vote]);
  });
  return out;
}

/** Why the team is locked, or null. */
export function lockCauseOf(team: Pick<TeamView, "lockedBy">): LockCause | null {
  return LOCK_CAUSES[team.lockedBy - 1] ?? null;
}

export function rolesOf(member: Pick<MemberView, "roles">): Role[] {
  return member.roles ? (member.roles.split(",") as Role[]) : [];
}
