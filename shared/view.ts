// What the pages read: the decoded room state and the JSON payloads inside it.
// Types only; the server builds these in server/sync.ts.
import type { Condition, CoreValue, Prime, Role, Text } from "./vuca.js";
import type { EventCard } from "./scenario.js";
import type { GameSummary, Phase, TeamResult, LockCause } from "./rules/types.js";

/** The card as everyone may see it before the reveal. */
export interface CardView {
  id: string;
  round: number;
  title: Text;
  narrative: Text;
  condition: Condition;
  icon?: string | undefined;
  /** In the pack's order; no points and no reasons before the reveal. */
  options: { prime: Prime; text: Text }[];
}

export interface RevealView {
  round: number;
  /** The whole card: points, reasons, roles needed and harmful, reflection, value. */
  card: EventCard;
  /** The Prime(s) with the most points. */
  best: Prime[];
  results: TeamResult[];
}

export type SummaryView = GameSummary;

/** Decoded state as the SDK exposes it (collections are iterable, maps have get/forEach). */
export interface MemberView {
  id: string;
  name: string;
  roles: string;
  connected: boolean;
  sent: boolean;
}
export interface VoteView {
  prime: Prime;
  commit: boolean;
}
export interface TeamView {
  index: number;
  members: ArrayLike<MemberView> & Iterable<MemberView>;
  captain: string;
  sent: number;
  locked: boolean;
  lockedBy: LockCause | "";
  score: number;
  /** Present only for the team's own members and the host. */
  votes?: { get(id: string): VoteView | undefined; forEach(cb: (v: VoteView, id: string) => void): void; size: number };
  reason?: string;
}
export interface RoomStateView {
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
  card: string;
  reveal: string;
  summary: string;
  observers: number;
}

export function rolesOf(member: Pick<MemberView, "roles">): Role[] {
  return member.roles ? (member.roles.split(",") as Role[]) : [];
}

export function parseJson<T>(json: string): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

export type { CoreValue };
