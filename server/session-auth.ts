// The one check in front of every session route (lookup, resume, report,
// delete, exports): the session's host key. An unknown code and a wrong key
// are answered alike (404 SESSION_NOT_FOUND) and both count as a miss for the
// client's address, with the wrong codes typed on phones; over the limit the
// address' answers are paced and misses answered 429 TOO_MANY_ATTEMPTS, while
// a correct code and key still get through.
import type express from "express";
import { isCode, normaliseCode } from "../shared/constants.js";
import type { Reason } from "../shared/reasons.js";
import { addressOf, frontOf } from "./app.js";
import { countRefusal, log } from "./log.js";
import { sha256 } from "./room/joining.js";
import type { Store, StoredSession } from "./store/index.js";
import type { Misses } from "./throttle.js";

function fail(res: express.Response, status: number, reason: Reason): void {
  res.status(status).json({ reason });
  countRefusal(reason);
}

export function keyMatches(session: StoredSession, key: unknown): boolean {
  return typeof key === "string" && key !== "" && sha256(key) === session.hostKeyHash;
}

/** Waits for this address' turn when it has missed too often; answers 429 and returns false when it must not go on. */
export async function paced(req: express.Request, res: express.Response): Promise<boolean> {
  const misses = frontOf(req.app)?.misses;
  if (!misses || (await misses.pace(addressOf(req)))) return true;
  fail(res, 429, "TOO_MANY_ATTEMPTS");
  return false;
}

/** Counts a miss (unknown code or wrong key) for this request's address; true when it was already over the limit. */
export function miss(req: express.Request): boolean {
  const misses: Misses | undefined = frontOf(req.app)?.misses;
  if (!misses) return false;
  const address = addressOf(req);
  const over = misses.over(address);
  if (misses.add(address) === misses.max) log("throttled", { address, what: "session-key" }, "warn");
  return over;
}

/** Loads the session when `key` is its host key; answers the request (404 alike for code and key) and returns null otherwise. */
export async function authorised(
  store: Store,
  rawCode: unknown,
  key: unknown,
  req: express.Request,
  res: express.Response,
): Promise<StoredSession | null> {
  if (!(await paced(req, res))) return null;
  const code = normaliseCode(String(rawCode ?? ""));
  const session = isCode(code) ? await store.loadSession(code) : null;
  if (session && keyMatches(session, key)) return session;
  const over = miss(req);
  fail(res, over ? 429 : 404, over ? "TOO_MANY_ATTEMPTS" : "SESSION_NOT_FOUND");
  return null;
}
