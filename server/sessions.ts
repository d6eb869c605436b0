// A trainer's saved sessions, by host key: what the console lists (live,
// waiting to be resumed after a restart, finished), resuming one with its own
// code, its report, and deleting its data. Every route needs the session's
// host key; a wrong key is answered exactly like a wrong code (404
// SESSION_NOT_FOUND), and both are counted like wrong codes typed on phones.
import express from "express";
import { z } from "zod";
import { matchMaker } from "@colyseus/core";
import { ROOM_NAME } from "../shared/protocol/messages.js";
import { isCode, normaliseCode } from "../shared/constants.js";
import type { Reason } from "../shared/reasons.js";
import type { Pack, Text } from "../shared/scenario.js";
import { packForRoute } from "../shared/scenario.js";
import type { Phase } from "../shared/rules/types.js";
import type { GameRoomOptions } from "./room/options.js";
import { createPersister, loadForResume, type Persister, type Store, type StoredSession } from "./store/index.js";
import { resultRoutes } from "./results.js";
import { addressOf, type AppOptions } from "./app.js";
import { authorised, keyMatches, miss, paced } from "./session-auth.js";
import { countRefusal, log, logError } from "./log.js";
import { liveRoomsWithId } from "./liveness.js";
import type { SessionStatus } from "../shared/protocol/sessions.js";


export interface SessionDeps {
  store: Store;
  packs: Map<string, Pack>;
  /** Waits until every queued save of the session has been written, then forgets it (before a delete). */
  settle?: (code: string) => Promise<void>;
  /** Live rooms this process may hold (a resume is refused with SERVER_FULL above it). */
  maxRooms?: number | undefined;
}

const LookupSchema = z.object({
  sessions: z
    .array(z.object({ code: z.string().max(16), key: z.string().min(1).max(128) }))
    .max(100),
});
const KeySchema = z.object({ key: z.string().min(1).max(128) });

/** A room for the code runs on a living process (a dead process's listing is cleaned up on the way: see liveness.ts). */
export async function isLive(code: string): Promise<boolean> {
  return (await liveRoomsWithId(code)).length > 0;
}

/** A stored session that is not running and not finished: phones wait for the trainer to resume it. */
export async function isWaiting(store: Store, code: string): Promise<boolean> {
  const session = await store.loadSession(code);
  return !!session && session.phase !== "final" && !(await isLive(code));
}

function statusOf(session: StoredSession, pack: Pack | undefined, live: boolean): SessionStatus {
  return {
    code: session.code,
    found: true,
    live,
    resumable: !live && session.phase !== "final" && !!pack,
    phase: session.phase,
    round: session.round,
    roundCount: pack ? packForRoute(pack, session.settings?.route).events.length : 0,
    packId: session.packId,
    packTitle: pack?.title ?? null,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    endedAt: session.endedAt,
    teamCount: session.teamCount,
    playerCount: session.playerCount,
    roundsPlayed: session.roundsPlayed,
  };
}

export type ResumeResult = { ok: true; code: string; resumed: boolean } | { ok: false; status: number; reason: Reason };

/**
 * Brings a saved session back as a room with its own code: every team, seat,
 * role, vote, lock and score as last saved. Harmless when it is already running.
 */
export async function resumeSession(deps: SessionDeps, code: string): Promise<ResumeResult> {
  if (await isLive(code)) return { ok: true, code, resumed: false };
  const saved = await loadForResume(deps.store, code);
  if (!saved) return { ok: false, status: 404, reason: "SESSION_NOT_FOUND" };
  if (saved.session.phase === "final") return { ok: false, status: 409, reason: "GAME_OVER" };
  const pack = deps.packs.get(saved.session.packId);
  if (!pack) return { ok: false, status: 409, reason: "PACK_NOT_FOUND" };
  if (deps.maxRooms !== undefined && matchMaker.stats.local.roomCount >= deps.maxRooms) return { ok: false, status: 503, reason: "SERVER_FULL" };
  const options: GameRoomOptions = {
    pack,
    settings: saved.restore.game.settings,
    hostKeyHash: saved.session.hostKeyHash,
    seed: 0,
    restore: { ...saved.restore, savedAt: saved.session.updatedAt },
  };
  try {
    await matchMaker.createRoom(ROOM_NAME, options);
    return { ok: true, code, resumed: true };
  } catch (error) {
    // two clicks at once: the other one won, the room is there
    if (await isLive(code)) return { ok: true, code, resumed: false };
    logError("resume-failed", error, { code });
    return { ok: false, status: 500, reason: "SERVER_ERROR" };
  }
}

function fail(res: express.Response, status: number, reason: Reason): void {
  res.status(status).json({ reason });
  countRefusal(reason);
}

export function sessionRoutes(app: express.Application, deps: SessionDeps): void {
  const guard =
    (fn: (req: express.Request, res: express.Response) => Promise<void>): express.RequestHandler =>
    (req, res) => {
      fn(req, res).catch((error) => {
        logError("session-route-failed", error, { method: req.method });
        if (!res.headersSent) fail(res, 500, "SERVER_ERROR");
      });
    };

  // The console's list: the sessions whose host keys this browser holds.
  app.post(
    "/api/sessions/lookup",
    guard(async (req, res) => {
      const parsed = LookupSchema.safeParse(req.body);
      if (!parsed.success) return fail(res, 400, "BAD_MESSAGE");
      if (!(await paced(req, res))) return;
      const out: SessionStatus[] = [];
      for (const { code: raw, key } of parsed.data.sessions) {
        const code = normaliseCode(raw);
        const session = isCode(code) ? await deps.store.loadSession(code) : null;
        if (!session || !keyMatches(session, key)) {
          miss(req);
          out.push({ code, found: false });
          continue;
        }
        out.push(statusOf(session, deps.packs.get(session.packId), await isLive(code)));
      }
      res.json({ sessions: out });
    }),
  );

  app.post(
    "/api/sessions/:code/resume",
    guard(async (req, res) => {
      const body = KeySchema.safeParse(req.body);
      const session = await authorised(deps.store, req.params.code, body.success ? body.data.key : "", req, res);
      if (!session) return;
      const result = await resumeSession(deps, session.code);
      if (!result.ok) return fail(res, result.status, result.reason);
      if (result.resumed) log("session-resumed", { code: result.code, address: addressOf(req) });
      res.json({ code: result.code, resumed: result.resumed });
    }),
  );

  app.get(
    "/api/sessions/:code/report",
    guard(async (req, res) => {
      const session = await authorised(deps.store, req.params.code, req.query.key, req, res);
      if (!session) return;
      const pack = deps.packs.get(session.packId);
      const report = pack ? await deps.store.report(session.code, pack) : null;
      if (!report) return fail(res, 404, "SESSION_NOT_FOUND");
      res.set("cache-control", "no-store").json(report);
    }),
  );

  app.delete(
    "/api/sessions/:code",
    guard(async (req, res) => {
      const body = KeySchema.safeParse(req.body);
      const key = body.success ? body.data.key : req.query.key;
      const session = await authorised(deps.store, req.params.code, key, req, res);
      if (!session) return;
      const code = session.code;
      if (await isLive(code)) {
        // A game in progress is ended first: deleting must not pull the floor from under forty phones.
        const phase = (await matchMaker.remoteRoomCall(code, "currentPhase").catch(() => null)) as Phase | null;
        if (phase && phase !== "final" && phase !== "lobby") return fail(res, 409, "SESSION_LIVE");
        await matchMaker.remoteRoomCall(code, "closeForDeletion").catch(() => {});
        for (let i = 0; i < 50 && (await isLive(code)); i++) await new Promise((r) => setTimeout(r, 100));
      }
      await deps.settle?.(code);
      const deleted = await deps.store.deleteSession(code);
      log("session-deleted", { code, deleted, address: addressOf(req) });
      res.json({ code, deleted });
    }),
  );
}

/**
 * Wires a store into the game server's options, as `npm start` does: every
 * room saves through a persister, the results and session routes are mounted,
 * new rooms skip the codes of saved sessions, and the join guard tells phones
 * of a saved-but-stopped session to wait. Returns the persister and the
 * guard's `waiting` check (for listenGame).
 */
export function attachStore(
  options: Pick<AppOptions, "persist" | "release" | "routes" | "codeStored">,
  store: Store,
  packs: Map<string, Pack>,
  log?: (message: string, error?: unknown) => void,
): { persister: Persister; waiting: (code: string) => Promise<boolean> } {
  const persister = createPersister(store, log ? { log } : {});
  const previous = options.routes;
  options.persist = (snapshot, trouble) => persister.persist(snapshot, trouble);
  options.release = (code) => persister.release(code);
  options.routes = (app, services) => {
    previous?.(app, services);
    resultRoutes(app, store, packs);
    sessionRoutes(app, {
      store,
      packs,
      maxRooms: services.config.maxRooms,
      settle: async (code) => {
        await persister.flush();
        persister.forget(code);
      },
    });
  };
  options.codeStored = async (code) => (await store.loadSession(code)) !== null;
  return { persister, waiting: (code) => isWaiting(store, code) };
}
