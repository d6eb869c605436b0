// Protocol constants with no library behind them (the phone imports these).
export const PROTOCOL_VERSION = 1;
export const ROOM_NAME = "game";

/** 5 characters, no look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 5;
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/[^0-9A-Z]/g, "");
}
export function isCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

export const NAME_MAX = 24;
export const REASON_MAX = 140;
/** Payloads larger than this (JSON bytes) are refused with TOO_LARGE. */
export const MAX_PAYLOAD_BYTES = 2048;

/** The board's "present" button fades out of the way after the mouse rests this long (client/board/sound.ts). */
export const PRESENT_IDLE_MS = 8000;

export const SERVER_MESSAGES = {
  refused: "refused",
  welcome: "welcome",
  removed: "removed",
  /** The trainer closed the session (its data was deleted); the page stops reconnecting. */
  closed: "closed",
  /** The round's texts: card, reveal, summary (shared/protocol/wire.ts TextsMessage). */
  texts: "texts",
  /** A player's own reflection chain, to that player only (ReflectionMessage). */
  reflection: "reflection",
  /** The class's anonymous wall, to the board and the console (WallMessage). */
  wall: "wall",
  /** To the trainer's console only: saves are failing ({failing: true, cause}) or land again ({failing: false}). */
  saveTrouble: "saveTrouble",
} as const;

/** Close code the room uses when the trainer removes a player. */
export const CLOSE_REMOVED = 4100;

/** localStorage keys used by the pages. */
export const STORAGE = {
  lang: "arena-vuca:lang",
  device: "arena-vuca:device",
  token: (code: string) => `arena-vuca:token:${code}`,
  hostKey: (code: string) => `arena-vuca:host:${code}`,
  name: "arena-vuca:name",
  /** sessionStorage: the pack editor's card handed to the board's preview in the same tab. */
  previewCard: "arena-vuca.preview-card",
} as const;
