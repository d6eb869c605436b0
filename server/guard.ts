// Guards the matchmaker's join-by-code route in front of Colyseus: codes are
// case-insensitive (normalised before Colyseus sees them), an unknown code is
// answered with ROOM_NOT_FOUND, and an address that misses too often is
// throttled with TOO_MANY_ATTEMPTS — so codes cannot be guessed by brute force.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { matchMaker } from "@colyseus/core";
import { isCode, normaliseCode } from "../shared/constants.js";
import type { Reason } from "../shared/reasons.js";

export interface GuardOptions {
  /** Wrong codes allowed per address per window. */
  maxMisses: number;
  windowMs: number;
  /**
   * A saved session that is not running (after a restart): phones that ask for
   * it hear SESSION_WAITING (and keep trying) instead of ROOM_NOT_FOUND, and
   * it does not count as a miss.
   */
  waiting?: ((code: string) => Promise<boolean>) | undefined;
}

const JOIN_BY_ID = /^\/matchmake\/joinById\/([^/?#]+)/;

function answer(res: ServerResponse, status: number, reason: Reason): void {
  const body = JSON.stringify({ code: status, error: reason });
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "access-control-allow-origin": "*",
  });
  res.end(body);
}

export const GUARD_DEFAULTS: GuardOptions = { maxMisses: 10, windowMs: 60_000 };

export function guardJoins(http: HttpServer, options: GuardOptions = GUARD_DEFAULTS) {
  const misses = new Map<string, { count: number; resetAt: number }>();
  const listeners = http.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners("request");
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    for (const l of listeners) l.call(http, req, res);
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [ip, m] of misses) if (m.resetAt <= now) misses.delete(ip);
  }, options.windowMs);
  sweep.unref();

  http.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const match = req.method === "POST" ? JOIN_BY_ID.exec(req.url ?? "") : null;
    if (!match) return pass(req, res);
    const ip = req.socket.remoteAddress ?? "?";
    const now = Date.now();
    const entry = misses.get(ip);
    if (entry && entry.resetAt > now && entry.count >= options.maxMisses) return answer(res, 429, "TOO_MANY_ATTEMPTS");
    let raw = match[1]!;
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // keep it as it came
    }
    // Game codes are case-insensitive; any other room id (e.g. the benchmark's bare room) is passed as it is.
    const normal = normaliseCode(raw);
    const code = isCode(normal) ? normal : raw;
    void matchMaker
      .query({ roomId: code })
      .then(async (rooms) => {
        if (rooms.length === 0 && options.waiting && isCode(code) && (await options.waiting(code).catch(() => false))) {
          return answer(res, 404, "SESSION_WAITING");
        }
        if (rooms.length === 0) {
          const m = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + options.windowMs };
          m.count += 1;
          misses.set(ip, m);
          return answer(res, 404, "ROOM_NOT_FOUND");
        }
        req.url = `/matchmake/joinById/${code}${(req.url ?? "").slice(match[0].length)}`;
        pass(req, res);
      })
      .catch(() => answer(res, 500, "SERVER_ERROR"));
  });
}
