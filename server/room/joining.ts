// Who may join a room, and a phone's seat: the join's shape, protocol version
// and identity are checked before anyone is seated (a dry run of the rules, so
// a phone hears "name taken" — with a free name — before it sits down); a
// device that was here before gets its seat back.
import { createHash } from "node:crypto";
import { ServerError } from "@colyseus/core";
import { reduce } from "../../shared/rules/index.js";
import { suggestedName } from "../../shared/rules/names.js";
import type { Action, GameState, RuleContext } from "../../shared/rules/types.js";
import { CLOSE_REMOVED } from "../../shared/constants.js";
import { JoinOptionsSchema, PROTOCOL_VERSION, type JoinOptions, type PlayerJoin } from "../../shared/protocol/messages.js";
import type { Reason } from "../../shared/reasons.js";
import type { GameClient, Seats } from "./seats.js";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What a join is checked against. */
export interface JoinCheck {
  game: GameState;
  seats: Seats;
  code: string;
  hostKeyHash: string;
  ctx: RuleContext;
}

/** The join's options once checked; throws a ServerError whose message is the reason (a free name after "|"). */
export function checkJoin(raw: unknown, room: JoinCheck): JoinOptions {
  const parsed = JoinOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new ServerError(400, "BAD_MESSAGE");
  const options = parsed.data;
  if (options.protocol !== undefined && options.protocol !== PROTOCOL_VERSION) throw new ServerError(400, "PROTOCOL_MISMATCH");
  if (options.kind === "host" && sha256(options.hostKey) !== room.hostKeyHash) throw new ServerError(403, "INVALID_HOST_KEY");
  if (options.kind !== "player") return options;
  const deviceHash = sha256(`${room.code}:${options.device}`);
  if (room.seats.banned.has(deviceHash)) throw new ServerError(403, "BANNED");
  if (room.seats.devices.has(deviceHash)) return options;
  const dry = reduce(room.game, { type: "join", playerId: "?", name: options.name, team: options.team }, room.ctx);
  if (dry.ok) return options;
  const suggestion = dry.reason === "NAME_TAKEN" ? suggestedName(room.game, options.name) : undefined;
  throw new ServerError(409, suggestion ? `${dry.reason}|${suggestion}` : dry.reason);
}

/** Seats a phone: back in its seat when its device was here (an older socket of it is closed), else a new player. */
export function seatPlayer(
  client: GameClient,
  auth: PlayerJoin,
  room: Omit<JoinCheck, "hostKeyHash" | "ctx"> & { apply(action: Action): { ok: true } | { ok: false; reason: Reason } },
): { playerId: string; rejoined: boolean } {
  const { seats } = room;
  const deviceHash = sha256(`${room.code}:${auth.device}`);
  let playerId = seats.devices.get(deviceHash);
  const rejoined = !!playerId && !!room.game.players[playerId];
  if (playerId && rejoined) {
    const previous = seats.seated.get(playerId);
    if (previous && previous !== client) previous.leave(CLOSE_REMOVED);
    room.apply({ type: "reconnect", playerId });
  } else {
    playerId = seats.newPlayerId(room.game);
    const result = room.apply({ type: "join", playerId, name: auth.name, team: auth.team });
    if (!result.ok) throw new ServerError(409, result.reason);
    seats.devices.set(deviceHash, playerId);
  }
  client.userData = { kind: "player", playerId, deviceHash, lang: auth.lang ?? "id" };
  seats.seated.set(playerId, client);
  return { playerId, rejoined };
}
