// One message from one client, to what it asks of the rules. Boundary checks
// run in one fixed order — size → shape → rate → who — and the rules check
// phase and permission; every refusal is answered with a named reason and the
// client stays connected. A typed table: each message type names its schema
// and a handler that gets the payload as that schema's own type, so nothing
// is cast after the check. A client string never picks a route by plain
// object lookup ("__proto__" or "constructor" would find Object.prototype's
// members): the table is read through a Map.
import { z } from "zod";
import type { Client } from "@colyseus/core";
import { MAX_PAYLOAD_BYTES, SERVER_MESSAGES } from "../../shared/constants.js";
import { MessageSchemas as M, type MessagePayload, type MessageType } from "../../shared/protocol/messages.js";
import type { Reason } from "../../shared/reasons.js";
import type { Pack } from "../../shared/scenario.js";
import { orderFor, primeAtDisplay } from "../../shared/rules/order.js";
import { reflectionOpen } from "../../shared/rules/reflection.js";
import type { Action, GameState } from "../../shared/rules/types.js";
import type { GameRoomState } from "../state.js";
import { countRefusal } from "../log.js";
import type { GameClient, Seat } from "./seats.js";

/** What the table reads and asks of the room. */
export interface Switchboard {
  readonly game: GameState;
  readonly pack: Pack;
  readonly state: GameRoomState;
  apply(action: Action): { ok: true } | { ok: false; reason: Reason };
  /** The trainer removes (and with `ban` bans) a player; a reason when the rules refuse. */
  removePlayer(playerId: string, ban: boolean): Reason | null;
  schedulePatch(): void;
  sendTexts(client: GameClient): void;
}

/** What a message comes to: an action for the rules, a refusal, or nothing more (handled). */
type Outcome = Action | Reason | null;
type PlayerSeat = Extract<Seat, { kind: "player" }>;
type Run = (room: Switchboard, client: GameClient, seat: Seat) => Outcome;
/** One message type: checks the payload's shape; when it holds, what to run once the rate and the seat are checked. */
interface Route {
  check(payload: unknown): Run | null;
}

function route<S extends z.ZodType>(schema: S, handler: (room: Switchboard, client: GameClient, seat: Seat, data: z.output<S>) => Outcome): Route {
  return {
    check(payload) {
      const parsed = z.safeParse(schema, payload);
      return parsed.success ? (room, client, seat) => handler(room, client, seat, parsed.data) : null;
    },
  };
}
const host = <S extends z.ZodType>(schema: S, handler: (room: Switchboard, data: z.output<S>) => Outcome) =>
  route(schema, (room, _client, seat, data) => (seat.kind === "host" ? handler(room, data) : "NOT_HOST"));
/** A player's message: `seat` (never the payload) names whose. */
const player = <S extends z.ZodType>(schema: S, handler: (seat: PlayerSeat, data: z.output<S>, room: Switchboard, client: GameClient) => Outcome) =>
  route(schema, (room, client, seat, data) => (seat.kind === "player" ? handler(seat, data, room, client) : "NOT_PLAYER"));

/** The board's views as synced (state.boardView): 0 results, 1 responses (and, at the final, the wall), 2 the wall. */
const BOARD_VIEWS = ["results", "responses", "wall"] as const;

function board(room: Switchboard, data: MessagePayload<"board">): Outcome {
  // the wall only while a reflection is open or at the final (where the console still asks for it as "responses")
  if (data.view === "wall" && !reflectionOpen(room.game) && room.game.phase !== "final") return "WRONG_PHASE";
  if (data.view !== undefined) room.state.boardView = BOARD_VIEWS.indexOf(data.view);
  if (data.volume !== undefined) room.state.volume = data.volume;
  if (data.motion !== undefined) room.state.boardMotion = data.motion;
  room.schedulePatch();
  return null;
}

function hostAction(room: Switchboard, data: MessagePayload<"host">): Outcome {
  switch (data.action) {
    case "banPlayer":
    case "removePlayer":
      return room.removePlayer(data.playerId, data.action === "banPlayer");
    case "addTime":
      return { type: "addTime", seconds: data.seconds };
    case "lockRoom":
      return { type: "lockRoom", locked: data.locked };
    case "passCaptain":
      return { type: "passCaptain", playerId: data.playerId };
    case "movePlayer":
      return { type: "movePlayer", playerId: data.playerId, team: data.team };
    case "renamePlayer":
      return { type: "renamePlayer", playerId: data.playerId, name: data.name };
    case "hideActivity":
      return { type: "hideActivity", playerId: data.playerId, hidden: data.hidden };
    default:
      return { type: data.action };
  }
}

function submit(seat: PlayerSeat, data: MessagePayload<"submit">, room: Switchboard): Outcome {
  // The phone names the option by its place on screen (A–D); the round's order gives its Prime.
  const { game, pack } = room;
  const card = pack.events[game.round];
  const prime = card && game.phase === "deciding" ? primeAtDisplay(card, orderFor(game.settings, game.round, card.options.length), data.option) : null;
  if (!prime) return game.phase === "deciding" ? "BAD_MESSAGE" : "WRONG_PHASE";
  return { type: "submit", playerId: seat.playerId, prime, diagnosis: data.diagnosis, commit: data.commit };
}

const ROUTES = {
  submit: player(M.submit, submit),
  reason: player(M.reason, (seat, data) => ({ type: "reason", playerId: seat.playerId, text: data.text })),
  lock: player(M.lock, (seat) => ({ type: "lock", playerId: seat.playerId })),
  // the sender's own chain only: the seat, never the payload, names whose
  reflect: player(M.reflect, (seat, data) => ({ type: "reflect", playerId: seat.playerId, patch: data })),
  team: player(M.team, (seat, data) => ({ type: "chooseTeam", playerId: seat.playerId, team: data.team })),
  // not a game action: the texts again, in the phone's language
  lang: player(M.lang, (seat, data, room, client) => {
    if (seat.lang !== data.lang) {
      seat.lang = data.lang;
      room.sendTexts(client);
    }
    return null;
  }),
  board: host(M.board, board),
  host: host(M.host, hostAction),
} satisfies Record<MessageType, Route>;
const ROUTE_OF = new Map<string, Route>(Object.entries(ROUTES));

export function refuse(client: Client, reason: Reason, type?: string, suggestion?: string): void {
  countRefusal(reason);
  client.send(SERVER_MESSAGES.refused, { reason, ...(type ? { type } : {}), ...(suggestion ? { suggestion } : {}) });
}

/** A token bucket per client: over budget, messages are refused (not dropped). */
export class RateLimit {
  private buckets = new WeakMap<Client, { tokens: number; at: number }>();
  constructor(private readonly perSecond: () => number) {}

  take(client: Client): boolean {
    const rate = this.perSecond();
    const now = Date.now();
    const bucket = this.buckets.get(client) ?? { tokens: rate * 2, at: now };
    bucket.tokens = Math.min(rate * 2, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** One message through the checks to the rules; a refusal goes back to the sender with its reason. */
export function dispatch(room: Switchboard, rate: RateLimit, client: GameClient, type: string, payload: unknown): void {
  let size = 0;
  try {
    size = payload === undefined ? 0 : JSON.stringify(payload)?.length ?? 0;
  } catch {
    return refuse(client, "BAD_MESSAGE", type.slice(0, 32));
  }
  if (size > MAX_PAYLOAD_BYTES) return refuse(client, "TOO_LARGE", type.slice(0, 32));
  const run = ROUTE_OF.get(type)?.check(payload ?? {});
  if (run === undefined) return refuse(client, "BAD_MESSAGE", type.slice(0, 32));
  if (run === null) return refuse(client, "BAD_MESSAGE", type);
  if (!rate.take(client)) return refuse(client, "RATE_LIMITED", type);
  const seat = client.userData;
  if (!seat) return refuse(client, "NOT_PLAYER", type);
  const outcome = run(room, client, seat);
  if (outcome === null) return;
  if (typeof outcome === "string") return refuse(client, outcome, type);
  const result = room.apply(outcome);
  if (!result.ok) refuse(client, result.reason, type);
}

/** One message, whatever it holds: an error thrown while it is handled is reported (`crashed`) and answered with a reason, and every room goes on. */
export function handle(room: Switchboard, rate: RateLimit, client: GameClient, type: string, payload: unknown, crashed: (fields: Record<string, string>) => void): void {
  try {
    dispatch(room, rate, client, type, payload);
  } catch (error) {
    crashed({ type: type.slice(0, 32), error: String((error as Error)?.message ?? error).slice(0, 200) });
    try {
      refuse(client, "SERVER_ERROR");
    } catch {
      // the client is gone: nothing to answer
    }
  }
}
