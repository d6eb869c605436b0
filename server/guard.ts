// Stands in front of everything the HTTP server answers, Colyseus' matchmaker
// included (whose body Colyseus reads before Express sees it):
// - a body limit on every route: 413 TOO_LARGE at once from Content-Length,
//   and when a body streams past the limit without one;
// - of the matchmaker routes only join-by-code and reconnect are open: rooms
//   are created by the server's own routes with options built on the server;
// - join by code: codes are case-insensitive (normalised before Colyseus sees
//   them), an unknown code is answered ROOM_NOT_FOUND and counted against the
//   client's address; over the limit the address' answers are paced (one a
//   second), so guessing is hopeless while a correct code still joins.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { matchMaker } from "@colyseus/core";
import { isCode, normaliseCode } from "../shared/constants.js";
import type { Reason } from "../shared/reasons.js";
import { BODY_LIMIT_BYTES, PACK_BODY_LIMIT_BYTES, PACK_UPLOAD_PATH } from "./config.js";
import { countRefusal, log } from "./log.js";
import { clientAddress, Misses, type TrustFn } from "./throttle.js";

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
  /** The misses counter shared with the session routes (made here when absent). */
  misses?: Misses | undefined;
  /** Which proxies' X-Forwarded-For to believe (Express' "trust proxy"); none when absent. */
  trust?: TrustFn | undefined;
  /** Bytes a request body may have. */
  bodyLimit?: number | undefined;
}

const MATCHMAKE = /^\/matchmake\/([^/?#]*)/;
const JOIN_BY_ID = /^\/matchmake\/joinById\/([^/?#]+)/;
/** The matchmaker methods the pages use; join, joinOrCreate and create are refused. */
export const OPEN_MATCHMAKER_METHODS = ["joinById", "reconnect"];

/**
 * A JSON refusal: `reason` for our pages, `code`/`error` for the Colyseus SDK
 * (it reads those). CORS headers only for an origin in CORS_ORIGINS (see app.ts).
 */
export function answer(req: IncomingMessage, res: ServerResponse, status: number, reason: Reason, close = false): void {
  const body = JSON.stringify({ reason, code: status, error: reason });
  res.writeHead(status, {
    ...matchMaker.controller.getCorsHeaders(new Headers(req.headers as Record<string, string>)),
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...(close ? { connection: "close" } : {}),
  });
  res.end(body);
  countRefusal(reason);
}

export const GUARD_DEFAULTS: GuardOptions = { maxMisses: 10, windowMs: 60_000 };

/** Refuses a body over the limit: at once by its Content-Length, or as soon as it streams past it. */
function limitBody(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    answer(req, res, 413, "TOO_LARGE", true);
    // the rest is never read: the socket closes once the answer is out
    res.on("finish", () => req.socket.destroy());
    return false;
  }
  if (declared === undefined && (req.headers["transfer-encoding"] ?? "") !== "") {
    // No length announced: count the bytes as the parser hands them over, without reading them ourselves.
    let seen = 0;
    const push = req.push.bind(req);
    req.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk !== null && chunk !== undefined) {
        seen += (chunk as Buffer).length;
        if (seen > limit) {
          if (!res.headersSent) {
            answer(req, res, 413, "TOO_LARGE", true);
            res.on("finish", () => req.socket.destroy());
          } else req.socket.destroy();
          req.push = () => false;
          return false;
        }
      }
      return push(chunk, encoding);
    };
  }
  return true;
}

export function guardJoins(http: HttpServer, options: GuardOptions = GUARD_DEFAULTS): Misses {
  const misses = options.misses ?? new Misses(options.maxMisses, options.windowMs);
  const trust: TrustFn = options.trust ?? (() => false);
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const listeners = http.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners("request");
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    for (const l of listeners) l.call(http, req, res);
  };

  http.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // a pack's YAML (the console's upload and save) may be larger than a message; still refused over its own limit
    const own = req.method === "POST" && PACK_UPLOAD_PATH.test(req.url ?? "") ? Math.max(limit, PACK_BODY_LIMIT_BYTES) : limit;
    if (!limitBody(req, res, own)) return;
    const url = req.url ?? "";
    const mm = MATCHMAKE.exec(url);
    if (!mm) return pass(req, res);
    if (req.method === "OPTIONS") return pass(req, res);
    if (!OPEN_MATCHMAKER_METHODS.includes(mm[1]!) || req.method !== "POST") return answer(req, res, 404, "NOT_FOUND");
    const match = JOIN_BY_ID.exec(url);
    if (!match) return pass(req, res);
    const ip = clientAddress(req, trust);
    let raw = match[1]!;
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // keep it as it came
    }
    // Game codes are case-insensitive; any other room id (e.g. the benchmark's bare room) is passed as it is.
    const normal = normaliseCode(raw);
    const code = isCode(normal) ? normal : raw;
    void (async () => {
      if (!(await misses.pace(ip))) return answer(req, res, 429, "TOO_MANY_ATTEMPTS");
      const rooms = await matchMaker.query({ roomId: code });
      if (rooms.length === 0 && options.waiting && isCode(code) && (await options.waiting(code).catch(() => false))) {
        return answer(req, res, 404, "SESSION_WAITING");
      }
      if (rooms.length === 0) {
        const over = misses.over(ip);
        if (misses.add(ip) === misses.max) log("throttled", { address: ip, what: "code" }, "warn");
        return answer(req, res, over ? 429 : 404, over ? "TOO_MANY_ATTEMPTS" : "ROOM_NOT_FOUND");
      }
      req.url = `/matchmake/joinById/${code}${url.slice(match[0].length)}`;
      pass(req, res);
    })().catch(() => {
      if (!res.headersSent) answer(req, res, 500, "SERVER_ERROR");
    });
  });
  return misses;
}
