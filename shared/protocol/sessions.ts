// What the console's session list learns of a saved session from
// `POST /api/sessions/lookup` (server/sessions.ts builds it): types only.
import type { Phase } from "../rules/types.js";
import type { Text } from "../scenario.js";

export interface SessionStatus {
  code: string;
  found: boolean;
  /** A room for it is running now (on any process). */
  live?: boolean;
  /** Not running and not finished: the trainer can resume it with the same code. */
  resumable?: boolean;
  phase?: Phase;
  round?: number;
  roundCount?: number;
  packId?: string;
  packTitle?: Text | null;
  createdAt?: number;
  updatedAt?: number;
  endedAt?: number | null;
  teamCount?: number;
  playerCount?: number;
  roundsPlayed?: number;
}
