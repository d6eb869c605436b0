// The one closed set of reasons for refusing something. The rules, the room
// and the HTTP routes answer with one of these; every client shows the
// sentence for it from shared/i18n (Indonesian first).
export const REASONS = [
  // boundary: shape, size, rate
  "BAD_MESSAGE",
  "TOO_LARGE",
  "RATE_LIMITED",
  // who
  "NOT_HOST",
  "NOT_PLAYER",
  "NOT_CAPTAIN",
  "UNKNOWN_PLAYER",
  "UNKNOWN_TEAM",
  "INVALID_HOST_KEY",
  // phase
  "WRONG_PHASE",
  "PAUSED",
  "NOT_PAUSED",
  "GAME_OVER",
  // allowed
  "TEAM_LOCKED",
  "NOT_SENT",
  /** A submission without the member's reading of the VUCA condition. */
  "NO_DIAGNOSIS",
  "SAME_TEAM",
  "NAME_INVALID",
  "NAME_TAKEN",
  "REASON_TOO_LONG",
  /** The trainer closed the reflection: it can no longer be changed. */
  "REFLECTION_CLOSED",
  /** A reflection text over its limit (280 characters). */
  "TEXT_TOO_LONG",
  /** Sent to the wall before every step of the chain is answered. */
  "REFLECTION_INCOMPLETE",
  "ROOM_LOCKED",
  "ROOM_FULL",
  "ROOM_NOT_FOUND",
  "BANNED",
  "TOO_MANY_ATTEMPTS",
  "PACK_NOT_FOUND",
  "INVALID_SETTINGS",
  "SESSION_NOT_FOUND",
  /** The session was saved but is not running (after a restart): the trainer resumes it. */
  "SESSION_WAITING",
  /** A game in progress cannot be deleted; end it first. */
  "SESSION_LIVE",
  /** This address created too many sessions in the last minute. */
  "TOO_MANY_SESSIONS",
  /** This server already runs as many rooms as it may (MAX_ROOMS). */
  "SERVER_FULL",
  /** No such route (HTTP). */
  "NOT_FOUND",
  /** A pack the console sent fails the checker (the answer lists the checker's messages). */
  "PACK_INVALID",
  /** Adding or changing packs: only from the server's own machine or with ADMIN_PASSWORD. */
  "ADMIN_REQUIRED",
  /** The page was built for another version of the protocol (PROTOCOL_VERSION): reloading it fetches the current one. */
  "PROTOCOL_MISMATCH",
  "SERVER_ERROR",
] as const;

export type Reason = (typeof REASONS)[number];

export function isReason(x: unknown): x is Reason {
  return typeof x === "string" && (REASONS as readonly string[]).includes(x);
}
