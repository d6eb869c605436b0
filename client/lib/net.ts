// Talking to the game server from a page: the SDK client, the device secret,
// join errors mapped to a Reason, and a connection that keeps itself alive.
//
//   createClient()             → @colyseus/sdk Client on this page's origin
//   (re-exported from ./storage.ts, which has no SDK: deviceSecret, storedName,
//    rememberName, savedToken, saveToken, forgetToken, localGet, localSet)
//   joinFailure(err)           → { reason: Reason | "NETWORK", suggestion? } for any join/reconnect error
//   keepConnected(options)     → joins (or resumes with the stored token) and keeps the seat:
//       - the SDK retries by itself after a drop ("reconnecting");
//       - when the SDK gives up, or after a reload, it reconnects with the stored token,
//         and if the token is refused it joins again with `options.join()` (same device
//         secret, same code, same name → the same seat) and the build's PROTOCOL_VERSION
//         (a page from another build is refused with PROTOCOL_MISMATCH: reload);
//       - it retries at once when the page becomes visible or the network returns;
//       - close code 4100 (CLOSE_REMOVED) ends it: "removed" / "banned" / "replaced".
//     `onRoom(room)` runs for every new Room object (after a join or a fresh reconnect):
//     attach onStateChange / onMessage there. `onStatus` reports every change.
import { Client, type Room } from "@colyseus/sdk";
import { CLOSE_REMOVED, PROTOCOL_VERSION, SERVER_MESSAGES } from "../../shared/constants.js";
import { forgetToken, savedToken, saveToken } from "./storage.js";
import { isReason, type Reason } from "../../shared/reasons.js";
import type { JoinOptions, RemovedMessage } from "../../shared/protocol/messages.js";

export function createClient(): Client {
  return new Client(location.origin);
}

export { deviceSecret, storedName, rememberName, savedToken, saveToken, forgetToken, localGet, localSet } from "./storage.js";

export interface JoinFailure {
  /** A Reason from the server, or NETWORK when it could not be reached. */
  reason: Reason | "NETWORK";
  /** For NAME_TAKEN: a free name to offer as a one-tap fill. */
  suggestion?: string | undefined;
}

/** Maps an SDK join/reconnect error (CONTRACT: message "REASON" or "REASON|suggestion"). */
export function joinFailure(err: unknown): JoinFailure {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : "";
  const bar = message.indexOf("|");
  const head = bar >= 0 ? message.slice(0, bar) : message;
  if (isReason(head)) return { reason: head, suggestion: bar >= 0 ? message.slice(bar + 1) || undefined : undefined };
  const code = typeof e.code === "number" ? e.code : NaN;
  if (code === 522 || code === 404) return { reason: "ROOM_NOT_FOUND" };
  if (code === 429) return { reason: "TOO_MANY_ATTEMPTS" };
  if (code >= 400 && code < 600 && code !== 524 && code !== 503 && code !== 502) return { reason: "SERVER_ERROR" };
  return { reason: "NETWORK" };
}

export type ConnStatus =
  | "connecting"
  | "ok"
  | "reconnecting"
  /** Not connected; retrying on a timer, on `online` and when the page is shown. */
  | "lost"
  /** The join was refused (see the failure); nothing more happens until start() again. */
  | "failed"
  | "removed"
  | "banned"
  /** The same seat was opened on another tab or device. */
  | "replaced"
  /** The trainer closed the session and deleted its data. */
  | "closed";

export interface KeepOptions {
  code: string;
  /** localStorage key of the reconnection token (players: STORAGE.token(code)). */
  tokenKey: string;
  /** Options of a fresh join; called again for every re-join. */
  join: () => JoinOptions;
  onRoom: (room: Room) => void;
  onStatus: (status: ConnStatus, failure?: JoinFailure) => void;
  /** Try the stored token before joining (default true). */
  resume?: boolean;
}

export interface Connection {
  room(): Room | null;
  status(): ConnStatus;
  /** (Re)start: after a refused join, or to retry at once. */
  start(): void;
  /** Leave for good (consented), forgetting the token. */
  leave(): Promise<void>;
}

const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * The wait before retry number `attempt` (0-based): the step of RETRY_MS,
 * between half of it and all of it at random ("equal jitter"). Forty phones
 * that lost the Wi-Fi together, or were all told TOO_MANY_ATTEMPTS, come back
 * spread over the interval instead of all at once again.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const step = RETRY_MS[Math.min(Math.max(0, attempt), RETRY_MS.length - 1)] ?? 15000;
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Refusals a later try can overcome: the network, the server's own trouble,
 * throttles (RATE_LIMITED, TOO_MANY_ATTEMPTS) and a saved session waiting for
 * the trainer to resume it. Every other reason needs the person to act.
 */
export const RETRIABLE: ReadonlySet<Reason | "NETWORK"> = new Set<Reason | "NETWORK">(["NETWORK", "SERVER_ERROR", "RATE_LIMITED", "TOO_MANY_ATTEMPTS", "SESSION_WAITING"]);

export function keepConnected(options: KeepOptions): Connection {
  const client = createClient();
  let current: Room | null = null;
  let status: ConnStatus = "connecting";
  let busy = false;
  let ended = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let everJoined = false;

  const report = (next: ConnStatus, failure?: JoinFailure) => {
    status = next;
    options.onStatus(next, failure);
  };

  const schedule = () => {
    clearTimeout(timer);
    const delay = retryDelay(attempt);
    attempt++;
    timer = setTimeout(() => void connect(), delay);
  };

  const wire = (room: Room) => {
    current = room;
    everJoined = true;
    attempt = 0;
    saveToken(options.tokenKey, room.reconnectionToken);
    let removed: RemovedMessage | null = null;
    let closed = false;
    room.onMessage(SERVER_MESSAGES.removed, (m: RemovedMessage) => {
      removed = m;
    });
    room.onMessage(SERVER_MESSAGES.closed, () => {
      closed = true;
    });
    room.onDrop(() => {
      if (room === current) report("reconnecting");
    });
    room.onReconnect(() => {
      if (room !== current) return;
      saveToken(options.tokenKey, room.reconnectionToken);
      report("ok");
    });
    room.onLeave((code: number) => {
      if (room !== current) return;
      current = null;
      if (ended) return;
      if (code === CLOSE_REMOVED) {
        ended = true;
        forgetToken(options.tokenKey);
        report(closed ? "closed" : removed ? (removed.banned ? "banned" : "removed") : "replaced");
        return;
      }
      report("lost");
      schedule();
    });
    options.onRoom(room);
    report("ok");
  };

  async function connect(): Promise<void> {
    if (busy || ended || current) return;
    busy = true;
    clearTimeout(timer);
    report(everJoined ? "reconnecting" : "connecting");
    try {
      const token = options.resume === false && !everJoined ? null : savedToken(options.tokenKey);
      let room: Room | null = null;
      if (token) room = await client.reconnect(token).catch(() => null);
      if (!room) {
        forgetToken(options.tokenKey);
        // the build's protocol version: a page older (or newer) than the server is told to reload
        room = await client.joinById(options.code, { ...options.join(), protocol: PROTOCOL_VERSION });
      }
      if (ended) {
        void room.leave(true);
        return;
      }
      wire(room);
    } catch (err) {
      const failure = joinFailure(err);
      if (failure.reason === "BANNED") {
        ended = true;
        report("banned", failure);
      } else if (RETRIABLE.has(failure.reason)) {
        // (SESSION_WAITING: saved but not running — back in as soon as the trainer resumes it)
        report("lost", failure);
        schedule();
      } else {
        report("failed", failure);
      }
    } finally {
      busy = false;
    }
  }

  const wake = () => {
    if (ended || current || busy || status === "failed") return;
    attempt = 0;
    void connect();
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") wake();
  });
  addEventListener("online", wake);
  addEventListener("pageshow", (e) => {
    if ((e as PageTransitionEvent).persisted) wake();
  });

  void connect();

  return {
    room: () => current,
    status: () => status,
    start() {
      ended = false;
      attempt = 0;
      void connect();
    },
    async leave() {
      ended = true;
      clearTimeout(timer);
      forgetToken(options.tokenKey);
      const room = current;
      current = null;
      if (room) await room.leave(true).catch(() => 0);
    },
  };
}
