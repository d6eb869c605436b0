// When a room's patches go out. Colyseus patches on an interval; this room
// patches when something changed (schedulePatch), at most once per gap that
// grows with the phones the process carries, and a phase change goes out at
// once with its texts in the same write (see texts.ts and inOneWrite).
import type { Client } from "@colyseus/core";

/**
 * The least time between two patches of a room, given the phones the whole
 * process carries. Every patch writes one frame to each of the room's clients;
 * past about a thousand phones those writes alone outlast 50 ms (Colyseus'
 * default interval), the server falls behind, and during a burst of votes each
 * phone gets more, smaller patches, later. So the spacing grows with the load:
 * 50 ms up to 1,000 phones, then 1 ms per 20 phones, at most 150 ms. A change
 * after a quiet spell goes out at once (see Patcher.schedule), and a phase
 * change (the reveal) never waits (see GameRoom.updateTexts).
 */
export function patchIntervalFor(phones: number): number {
  return Math.round(Math.min(150, Math.max(50, phones / 20)));
}

/** The room's own patch interval: a safety net (and the clock's heartbeat); changes are patched by Patcher.schedule. */
export const PATCH_HEARTBEAT_MS = 100;

/**
 * While deciding, the seconds left are patched every this many seconds (and
 * whenever the timer jumps), not every second: each page counts down by itself
 * between patches (client/lib/countdown.ts). A patch a second to every phone
 * was, at a few thousand phones, as many frames as all their votes.
 */
export const TIME_SYNC_SECONDS = 5;

export class Patcher {
  private lastPatchAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The least spacing between two patches (see patchIntervalFor; the room updates it as the load changes). */
  gap = patchIntervalFor(0);

  /** `patch`: the room's broadcastPatch; `hasClients`: whether anyone is there to get it. */
  constructor(
    private readonly patch: () => void,
    private readonly hasClients: () => boolean,
  ) {}

  /** A patch went out (the room's broadcastPatch, from anywhere). */
  sent(): void {
    this.lastPatchAt = performance.now();
    this.stop();
  }

  /**
   * The state changed: patch at the end of this turn of the event loop if the
   * last patch is at least `gap` old, else as soon as it is. A vote after a
   * quiet spell reaches the phones at once; a burst of votes goes out at most
   * once per gap.
   */
  schedule(): void {
    if (this.timer) return; // one is coming anyway
    const wait = Math.max(0, this.lastPatchAt + this.gap - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.hasClients()) this.patch();
    }, wait);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Runs `write` with every client's socket corked: what it sends each client leaves in one write per socket. */
export function inOneWrite(clients: Iterable<Client>, write: () => void): void {
  const sockets: { uncork(): void }[] = [];
  for (const client of clients) {
    // the ws transport's socket; other transports simply write as they do
    const socket = (client as unknown as { ref?: { _socket?: { cork?: () => void; uncork(): void } } }).ref?._socket;
    if (typeof socket?.cork !== "function") continue;
    socket.cork();
    sockets.push(socket);
  }
  try {
    write();
  } finally {
    for (const socket of sockets) socket.uncork();
  }
}

/**
 * The deciding seconds left as synced (state.timeLeft): exact for a page that
 * arrives (refresh), else every TIME_SYNC_SECONDS while the timer runs (tick).
 */
export class TimeSync {
  constructor(
    private readonly state: { timeLeft: number },
    private readonly schedule: () => void,
  ) {}

  /** The exact seconds left, for a page that arrives between two of the timer's patches. */
  refresh(left: number): void {
    if (this.state.timeLeft === left) return;
    this.state.timeLeft = left;
    this.schedule();
  }

  /** Every few seconds while deciding, not every second: the pages count down by themselves (client/lib/countdown.ts). */
  tick(deciding: boolean, left: number): void {
    if (deciding && this.state.timeLeft !== left && left % TIME_SYNC_SECONDS === 0) this.refresh(left);
  }
}

/** When an empty room closes: after `unjoinedMinutes` when nobody ever joined, else `idleMinutes` after the last one left. */
export class IdleClock {
  private emptySince: number | null = null;
  /** Nobody has joined yet: the room closes after unjoinedMinutes instead of idleMinutes. */
  private unjoined = true;

  joined(): void {
    this.emptySince = null;
    this.unjoined = false;
  }

  empty(now: number): void {
    this.emptySince = now;
  }

  /** True once, when the room has been empty too long. */
  expired(now: number, limits: { idleMinutes: number; unjoinedMinutes: number }): boolean {
    const minutes = this.unjoined ? limits.unjoinedMinutes : limits.idleMinutes;
    if (this.emptySince === null || now - this.emptySince <= minutes * 60_000) return false;
    this.emptySince = null;
    return true;
  }
}
