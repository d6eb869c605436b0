// The report of a session, as the server builds it (shared/rules/report.ts)
// and the console and report pages show and export it: types only, plus the
// names of its views. Every row holds the numbers exactly as the CSV/XLSX
// views show them, so an export reads back the same numbers as the JSON.
// Rounds and teams are numbered from 1 here (as on screen), not 0 as in GameState.
import type { LockCause, Phase } from "../rules/types.js";
import type { Condition, CoreValue, Prime, Role, Text } from "../scenario.js";

export interface ReportSession {
  code: string;
  packId: string;
  packTitle: Text;
  phase: Phase;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
  teamCount: number;
  playerCount: number;
  /** Cards in the pack. */
  roundCount: number;
  /** Finished rounds, skipped ones included. */
  roundsPlayed: number;
  /** Rounds that were scored (not skipped). */
  roundsScored: number;
  roundSeconds: number;
}

/** One team in one round (a skipped round has one row with teamNo null). */
export interface RoundReportRow {
  roundNo: number;
  eventId: string;
  eventTitle: Text;
  condition: Condition | null;
  skipped: boolean;
  teamNo: number | null;
  /** The team's reading of the condition (null: none named, or the condition was shown). */
  diagnosis: Condition | null;
  diagnosisRight: boolean;
  diagnosisPoints: number;
  choice: Prime | null;
  /** The choice was the card's best option. */
  bestChoice: boolean;
  rolesCommitted: Role[];
  reason: string;
  responsePoints: number;
  collabPoints: number;
  points: number;
  lockedBy: LockCause | null;
  /** Deciding time used when the team locked, in seconds (null: never locked). */
  lockSeconds: number | null;
  /** Members who sent a vote, and the team's size that round. */
  sent: number;
  size: number;
}

export interface ConditionScore {
  points: number;
  max: number;
}

export interface TeamReportRow {
  teamNo: number;
  rank: number;
  score: number;
  diagnosisPoints: number;
  responsePoints: number;
  collabPoints: number;
  /** Scored rounds whose diagnosis was the card's condition, of those where one was asked. */
  diagnosisRight: number;
  diagnosisRounds: number;
  /** diagnosisRight / diagnosisRounds (0–1). */
  diagnosisRate: number;
  /** Per condition of the cards: rounds read right, of those played, and the share (null: none played). */
  diagnosisByCondition: Record<Condition, { right: number; rounds: number; rate: number | null }>;
  /** Sum of lock times over scored rounds, in seconds (breaks ties: lower is better). */
  totalLockSeconds: number;
  byCondition: Record<Condition, ConditionScore>;
  /** Share (0–1) of the needed roles committed over the scored rounds. */
  collaborationRate: number;
  /** Scored rounds whose choice was the best option. */
  bestChoices: number;
  members: number;
  captain: string | null;
}

export interface PlayerReportRow {
  playerId: string;
  name: string;
  teamNo: number;
  roles: Role[];
  /** Scored rounds in which the player sent a vote. */
  roundsSent: number;
  /** Scored rounds of the session. */
  roundsScored: number;
  /** roundsSent / roundsScored (0 when nothing was scored). */
  participationRate: number;
  /** Scored rounds in which the player committed their role(s). */
  rolesCommitted: number;
  /** Scored rounds in which the player's own reading was the card's condition, of those where they sent one. */
  diagnosisRight: number;
  diagnosisRounds: number;
  diagnosisRate: number;
  /** false: removed by the trainer (kept for the record). */
  present: boolean;
}

export interface EventReportRow {
  /** 1 = the hardest event of the session. */
  difficultyRank: number;
  roundNo: number;
  eventId: string;
  eventTitle: Text;
  condition: Condition | null;
  bestPrime: Prime | null;
  bestPoints: number;
  /** Mean response points over the teams. */
  averagePoints: number;
  /** averagePoints / bestPoints (0–1). */
  successRate: number;
  teamsBest: number;
  teams: number;
}

/** One VUCA condition over the class: what it is most often misread as. */
export interface DiagnosisReportRow {
  condition: Condition;
  /** Team-rounds on cards of this condition, and those whose diagnosis was right. */
  teamRounds: number;
  teamsRight: number;
  teamRate: number;
  /** Members' own readings on those cards, and the right ones. */
  playerVotes: number;
  playersRight: number;
  playerRate: number;
  /** The wrong reading given most often (teams and members together), or null. */
  mostReadAs: Condition | null;
}

/** One member's submission in one scored round. */
export interface VoteReportRow {
  roundNo: number;
  eventId: string;
  eventTitle: Text;
  condition: Condition | null;
  teamNo: number;
  playerId: string;
  name: string;
  diagnosis: Condition | null;
  diagnosisRight: boolean;
  choice: Prime | null;
  bestChoice: boolean;
  committed: boolean;
  /** The roles the member committed that round (their role cards when committed, else none). */
  rolesCommitted: Role[];
}

/**
 * One participant's closing reflection chain (the aktualisasi design matrix).
 * Evidence for the coach and mentor, not a score: game points are not a grade.
 */
export interface ReflectionReportRow {
  teamNo: number;
  playerId: string;
  name: string;
  issue: string;
  condition: Condition | null;
  prime: Prime | null;
  partners: Role[];
  /** The behaviour's id (shared/behaviours.ts), its value and its wording. */
  behaviourId: string | null;
  value: CoreValue | null;
  behaviour: Text | null;
  activity: string;
  /** Every step answered. */
  complete: boolean;
  /** Sent to the class wall. */
  onWall: boolean;
}

export interface SessionReport {
  version: 1;
  session: ReportSession;
  rounds: RoundReportRow[];
  /** Final ranking order. */
  teams: TeamReportRow[];
  /** By team, then name. */
  players: PlayerReportRow[];
  /** Scored events, hardest first. */
  events: EventReportRow[];
  /** Per condition, the most misread first (empty when the condition was shown). */
  diagnoses: DiagnosisReportRow[];
  /** Every member's own submission per scored round. */
  votes: VoteReportRow[];
  /** Every participant's closing reflection, by team then name (one row each, empty fields when not written). */
  reflections: ReflectionReportRow[];
}

export type ReportView = "rounds" | "teams" | "players" | "events" | "diagnoses" | "votes" | "reflections";
export const REPORT_VIEWS: readonly ReportView[] = ["rounds", "teams", "players", "events", "diagnoses", "votes", "reflections"];
