// The card sheet: a whole pack — every card's condition, Primes, points,
// reasons and facilitator notes — for the trainer to print and prepare with.
// It holds every answer, so it is not public: it is served only to a browser
// on the server's own machine (a loopback address, not through a proxy), or
// to a console that shows the host key of a session running on this process
// with that pack.
import type express from "express";
import { matchMaker } from "@colyseus/core";
import type { Pack } from "../shared/scenario.js";
import type { GameRoom } from "./room/GameRoom.js";
import { isCode, normaliseCode } from "../shared/constants.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** A request straight from this machine: a loopback peer and no proxy header saying it came from elsewhere. */
export function fromThisMachine(req: express.Request): boolean {
  const peer = req.socket.remoteAddress ?? "";
  return LOOPBACK.has(peer) && req.headers["x-forwarded-for"] === undefined && req.headers.forwarded === undefined;
}

function hostOfLiveRoom(req: express.Request, packId: string): boolean {
  const code = normaliseCode(String(req.headers["x-arena-code"] ?? ""));
  const key = req.headers["x-arena-key"];
  if (!isCode(code) || typeof key !== "string" || key.length < 16 || key.length > 128) return false;
  const room = matchMaker.getLocalRoomById(code) as GameRoom | undefined;
  return typeof room?.isHostOfPack === "function" && room.isHostOfPack(key, packId);
}

export function sheetRoute(app: express.Application, packs: Map<string, Pack>): void {
  app.get("/api/packs/:id/sheet", (req, res) => {
    res.set("cache-control", "no-store");
    const id = String(req.params.id ?? "");
    const pack = packs.has(id) ? packs.get(id) : undefined;
    if (!pack) return void res.status(404).json({ reason: "PACK_NOT_FOUND" });
    if (!fromThisMachine(req) && !hostOfLiveRoom(req, pack.id)) return void res.status(403).json({ reason: "NOT_HOST" });
    res.json(pack);
  });
}
