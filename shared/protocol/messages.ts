// The wire protocol between the pages and the room: message names, payload
// schemas, join options (with the protocol version, checked at join) and what
// the server sends back. The pages take only types from here (`import type`:
// zod stays out of their bundles); the constants they need are in
// shared/constants.ts, re-exported here.
import { z } from "zod";
import { CONDITIONS } from "../scenario.js";
import { PRIMES, ROLES, type CoreValue, type Text } from "../vuca.js";
import type { ReflectionEntry, Wall } from "../rules/reflection.js";
import type { BehaviourItem } from "../behaviours.js";
import type { Reason } from "../reasons.js";

export * from "../constants.js";
export type { Reason };

// ---- join options -------------------------------------------------------

/**
 * The PROTOCOL_VERSION the page was built with: a page from an older (or
 * newer) build is refused with PROTOCOL_MISMATCH, whose sentence asks to
 * reload the page. Absent: not checked (scripts, tests).
 */
const protocol = z.number().int().min(0).max(1_000_000).optional();

export const PlayerJoinSchema = z.strictObject({
  kind: z.literal("player"),
  protocol,
  name: z.string().max(200),
  /** Team index chosen on the phone; absent means "balance me". */
  team: z.number().int().min(0).max(9).optional(),
  /** A random secret the phone keeps (localStorage); identifies the device, not the name. */
  device: z.string().min(16).max(64),
  lang: z.enum(["id", "en"]).optional(),
});
export const HostJoinSchema = z.strictObject({ kind: z.literal("host"), protocol, hostKey: z.string().min(16).max(128) });
export const BoardJoinSchema = z.strictObject({ kind: z.literal("board"), protocol });
export const ObserverJoinSchema = z.strictObject({ kind: z.literal("observer"), protocol });
export const JoinOptionsSchema = z.discriminatedUnion("kind", [
  PlayerJoinSchema,
  HostJoinSchema,
  BoardJoinSchema,
  ObserverJoinSchema,
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;
export type PlayerJoin = z.infer<typeof PlayerJoinSchema>;
export type ClientKind = JoinOptions["kind"];

// ---- create (HTTP POST /api/sessions) ------------------------------------

export const CreateSessionSchema = z.strictObject({
  packId: z.string().min(1).max(64),
  teamCount: z.number().int().min(2).max(10),
  roundSeconds: z.number().int().min(30).max(900),
  lang: z.enum(["id", "en"]).optional(),
  /** Show the VUCA condition and the Primes while teams decide (the easier game; diagnosis not scored). */
  showCondition: z.boolean().optional(),
  /** A route the pack names (`pendek`); absent: the whole pack. */
  route: z.string().min(1).max(32).optional(),
});
export type CreateSession = z.infer<typeof CreateSessionSchema>;
export interface CreatedSession {
  code: string;
  hostKey: string;
}

// ---- client → room messages ---------------------------------------------

/** A seat id as the room makes them (`p` + 10 nanoid characters): nothing else can name a player. */
const PlayerIdSchema = z.string().regex(/^p[A-Za-z0-9_-]{10}$/);

export const MessageSchemas = {
  /**
   * A member's response — the option's place on the phone this round (0 = A),
   * never its Prime — their reading of the VUCA condition (required unless the
   * trainer shows the condition) and whether they commit their role card(s).
   */
  submit: z.strictObject({ option: z.number().int().min(0).max(3), diagnosis: z.enum(CONDITIONS).optional(), commit: z.boolean() }),
  /** The captain's reason for the team's choice. */
  reason: z.strictObject({ text: z.string().max(1000) }),
  /** The captain locks the team's choice. */
  lock: z.strictObject({}),
  /**
   * The participant's closing reflection, saved as typed: the fields that
   * changed (texts checked against their limit by the rules, with a reason).
   */
  reflect: z.strictObject({
    issue: z.string().max(1000).optional(),
    condition: z.enum(CONDITIONS).nullable().optional(),
    prime: z.enum(PRIMES).nullable().optional(),
    partners: z.array(z.enum(ROLES)).max(5).optional(),
    behaviour: z.string().max(64).nullable().optional(),
    activity: z.string().max(1000).optional(),
    done: z.boolean().optional(),
  }),
  /** Choose or change team (lobby). */
  team: z.strictObject({ team: z.number().int().min(0).max(9) }),
  /** The phone's language changed: its texts come again in that language. */
  lang: z.strictObject({ lang: z.enum(["id", "en"]) }),
  /**
   * The trainer drives the board from the console: the view ("wall" while a
   * reflection is open or at the final), the sound level and whether it moves
   * (presentation, not a game rule).
   */
  board: z.strictObject({
    view: z.enum(["results", "responses", "wall"]).optional(),
    volume: z.number().int().min(0).max(10).optional(),
    motion: z.boolean().optional(),
  }),
  /** Every trainer action. */
  host: z.discriminatedUnion("action", [
    z.strictObject({ action: z.literal("start") }),
    z.strictObject({ action: z.literal("next") }),
    z.strictObject({ action: z.literal("pause") }),
    z.strictObject({ action: z.literal("resume") }),
    z.strictObject({ action: z.literal("addTime"), seconds: z.number().int().min(5).max(600) }),
    z.strictObject({ action: z.literal("skip") }),
    z.strictObject({ action: z.literal("reveal") }),
    z.strictObject({ action: z.literal("end") }),
    z.strictObject({ action: z.literal("lockRoom"), locked: z.boolean() }),
    z.strictObject({ action: z.literal("passCaptain"), playerId: PlayerIdSchema }),
    z.strictObject({ action: z.literal("movePlayer"), playerId: PlayerIdSchema, team: z.number().int().min(0).max(9) }),
    z.strictObject({ action: z.literal("removePlayer"), playerId: PlayerIdSchema }),
    z.strictObject({ action: z.literal("renamePlayer"), playerId: PlayerIdSchema, name: z.string().max(200) }),
    z.strictObject({ action: z.literal("banPlayer"), playerId: PlayerIdSchema }),
    z.strictObject({ action: z.literal("openReflection") }),
    z.strictObject({ action: z.literal("closeReflection") }),
    z.strictObject({ action: z.literal("hideActivity"), playerId: PlayerIdSchema, hidden: z.boolean() }),
  ]),
} as const;
export type MessageType = keyof typeof MessageSchemas;
export type MessagePayload<K extends MessageType> = z.infer<(typeof MessageSchemas)[K]>;
/** One message as the room receives it once checked: its type and its payload, bound together. */
export type Message = { [K in MessageType]: { type: K; data: MessagePayload<K> } }[MessageType];
export type HostAction = MessagePayload<"host">;

// ---- room → client messages ----------------------------------------------

/** Sent to one client when something it sent (or its join) is refused. */
export interface RefusalMessage {
  reason: Reason;
  /** The message type that was refused, when there was one. */
  type?: string;
  /** Extra detail, e.g. a suggested free name for NAME_TAKEN. */
  suggestion?: string;
}

/** Sent to a player right after join/rejoin. */
export interface WelcomeMessage {
  playerId: string;
  rejoined: boolean;
}

/**
 * Sent to one player only: their own reflection chain as the server keeps it,
 * whether the phone may write now (`open`: at the final until closed, or
 * mid-game while the trainer has it open) and whether the trainer closed the final one.
 */
export interface ReflectionMessage {
  entry: ReflectionEntry;
  open: boolean;
  closed: boolean;
  /** The 21 BerAKHLAK behaviours to pick from (shared/behaviours.ts BEHAVIOUR_LIST): the phone's bundle does not carry them. */
  behaviours?: readonly BehaviourItem[];
}

/**
 * The class's wall (anonymous counts and activity cards; `open`: the phones
 * may write now), at the final and mid-game while the trainer has the
 * reflection open. The console's copy adds each card's seat id, so the
 * trainer can hide one; the board's never has one.
 */
export interface WallMessage extends Wall {
  cards?: { playerId: string; text: string; hidden: boolean }[];
  /** The wording of each behaviour counted (the board does not carry the list of 21). */
  labels?: Record<string, { value: CoreValue; text: Text }>;
}

/** What kind of trouble the results store has (server/store/index.ts storeTroubleOf). */
export type SaveTroubleKind = "disk-full" | "permission" | "unreachable" | "tables-missing" | "io" | "other";
export interface SaveTrouble {
  kind: SaveTroubleKind;
  /** The database's own words, for the trainer's technician. */
  detail: string;
}

/** To the trainer's console only: the results are not being saved (the game goes on), or they are again. */
export type SaveTroubleMessage = ({ failing: true } & SaveTrouble) | { failing: false };

/** Sent to a player who was removed or banned by the trainer, just before the room closes the socket. */
export interface RemovedMessage {
  banned: boolean;
}

