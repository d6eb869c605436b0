// The game's plain state and the actions that change it. The rules
// (shared/rules/*.ts) are functions of (state, action, context) that return a
// new state or a reason; they import nothing from Colyseus, Phaser or the DOM.
import type { Condition, Pack, Prime, Role, Scoring } from "../scenario.js";
import type { Reason } from "../reasons.js";
import type { ReflectionPatch, ReflectionState } from "./reflection.js";

export type Phase = "lobby" | "briefing" | "deciding" | "reveal" | "scoreboard" | "final";

export interface Settings {
  packId: string;
  /** 2–10 */
  teamCount: number;
  /** Seconds a team has to decide, 30–900. */
  roundSeconds: number;
  /** Most players a team may hold (default 12). */
  maxTeamSize: number;
  scoring: Scoring;
  /**
   * Show the card's VUCA condition and each option's Prime while teams decide
   * (the easier game for a first session): no diagnosis asked, none scored.
   * Absent (older saves) means false.
   */
  showCondition?: boolean | undefined;
  /** The pack's named route the room plays (absent: the whole pack). */
  route?: string | undefined;
  /** Seeds the order in which each card's options are shown (A–D); absent means 0. */
  orderSeed?: number | undefined;
}

export interface Player {
  /** Stable seat id, kept across reconnections and re-entries. */
  id: string;
  name: string;
  /** Team index, 0-based. */
  team: number;
  roles: Role[];
  connected: boolean;
  /** Milliseconds (room clock) at which the player first joined. */
  joinedAt: number;
}

export interface Vote {
  prime: Prime;
  /** The condition the member reads as dominant; null when none was asked (showCondition). */
  diagnosis: Condition | null;
  /** "libatkan peran saya": the member commits their role card(s). */
  commit: boolean;
  /** Room clock ms of the latest change; the earliest vote breaks ties. */
  at: number;
}

export type LockCause = "captain" | "all-sent" | "timeout" | "host";

export interface Team {
  index: number;
  /** Player ids in the order they joined the team. */
  members: string[];
  captain: string | null;
  /** This round's votes by player id; secret to the team and the host until the reveal. */
  votes: Record<string, Vote>;
  /** The captain's one short sentence for this round (≤ 140 characters). */
  reason: string;
  locked: boolean;
  lockedBy: LockCause | null;
  /** Milliseconds of deciding time used when the team locked (pauses excluded). */
  lockMs: number | null;
  score: number;
  /** Sum of lockMs over scored rounds: breaks score ties (lower is better). */
  totalLockMs: number;
}

export interface TeamResult {
  team: number;
  choice: Prime | null;
  /** Votes per Prime, revealed to all at the reveal. */
  tally: Record<Prime, number>;
  /** The team's diagnosis: its members' plurality, ties as for the choice. */
  diagnosis: Condition | null;
  diagnosisTally: Record<Condition, number>;
  /** Points for the diagnosis (0 when the condition was shown); included in `points`. */
  diagnosisPoints: number;
  rolesCommitted: Role[];
  reason: string;
  responsePoints: number;
  collabPoints: number;
  points: number;
  lockedBy: LockCause | null;
  lockMs: number | null;
  /** How many members sent a vote, and how many the team had. */
  sent: number;
  size: number;
}

export interface RoundRecord {
  /** Index into pack.events. */
  round: number;
  eventId: string;
  skipped: boolean;
  results: TeamResult[];
  /** Each player's own submission this round, by player id. */
  submissions: Record<string, Vote & { team: number }>;
}

export interface Timer {
  /** Room-clock ms when deciding ends, while running. */
  deadline: number | null;
  /** Ms left, frozen while paused (or before the deciding phase starts). */
  remainingMs: number;
  paused: boolean;
  /**
   * Deciding time of this round including added time (ms); a team's lockMs is
   * totalMs − time left when it locked. Optional: absent means roundSeconds·1000.
   */
  totalMs?: number | undefined;
}

export interface GameState {
  settings: Settings;
  phase: Phase;
  /** Index into pack.events of the current card; -1 in the lobby. */
  round: number;
  timer: Timer;
  /** Late joiners are refused while the room is locked. */
  roomLocked: boolean;
  players: Record<string, Player>;
  teams: Team[];
  /** Finished rounds, in order (skipped ones too). */
  history: RoundRecord[];
  /** Deterministic state of the seeded random source (dealing, balancing). */
  seed: number;
  /** Each participant's closing reflection (shared/rules/reflection.ts); absent until the first is written. */
  reflection?: ReflectionState | undefined;
}

/** What every rule gets besides the state. */
export interface RuleContext {
  pack: Pack;
  /** Room clock, in ms. */
  now: number;
}

export type Action =
  // players (playerId is the sender's seat, filled in by the room, never by the client)
  | { type: "join"; playerId: string; name: string; team?: number | undefined }
  | { type: "disconnect"; playerId: string }
  | { type: "reconnect"; playerId: string }
  | { type: "chooseTeam"; playerId: string; team: number }
  | { type: "submit"; playerId: string; prime: Prime; diagnosis?: Condition | undefined; commit: boolean }
  | { type: "reason"; playerId: string; text: string }
  | { type: "lock"; playerId: string }
  | { type: "reflect"; playerId: string; patch: ReflectionPatch }
  // the host (trainer)
  | { type: "start" }
  | { type: "next" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "addTime"; seconds: number }
  | { type: "skip" }
  | { type: "reveal" }
  | { type: "end" }
  | { type: "lockRoom"; locked: boolean }
  | { type: "passCaptain"; playerId: string }
  | { type: "movePlayer"; playerId: string; team: number }
  | { type: "removePlayer"; playerId: string }
  | { type: "renamePlayer"; playerId: string; name: string }
  | { type: "openReflection" }
  | { type: "closeReflection" }
  | { type: "hideActivity"; playerId: string; hidden: boolean }
  // the room clock
  | { type: "tick" };

export type ActionType = Action["type"];

export type Result = { ok: true; state: GameState } | { ok: false; reason: Reason };

export interface TeamSummary {
  team: number;
  rank: number;
  score: number;
  totalLockMs: number;
  /** Points per VUCA condition: how well the team read each kind of event. */
  byCondition: Record<"volatility" | "uncertainty" | "complexity" | "ambiguity", { points: number; max: number }>;
  /** Share (0–1) of needed roles committed over the scored rounds. */
  collaborationRate: number;
  /** Rounds whose choice was the best option. */
  bestChoices: number;
  /** Per VUCA condition of the cards: rounds the team named it right, of those played (diagnosis asked). */
  diagnosisByCondition: Record<"volatility" | "uncertainty" | "complexity" | "ambiguity", { right: number; rounds: number }>;
  /** Rounds whose diagnosis was the card's condition, of the rounds where one was asked. */
  diagnosisRight: number;
  diagnosisRounds: number;
}

export interface EventSummary {
  eventId: string;
  round: number;
  /** Average response points over teams divided by the best option's points (0–1). */
  successRate: number;
}

export interface GameSummary {
  ranking: TeamSummary[];
  /** Scored events, hardest first. */
  hardestEvents: EventSummary[];
}
