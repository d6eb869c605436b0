// Several processes on Redis: a process that dies (kill -9, a crash, a
// machine gone) must not keep its rooms "live". Each process keeps a heartbeat
// key in the presence with a short expiry, refreshed every few seconds; a room
// whose process has no heartbeat is taken for dead: Colyseus' own health check
// confirms it and removes the process's room listings, and the trainer can
// resume the session (same code) on any living process, phones rejoining by
// their device secret. A room's code key expires with it too (see codes.ts).
import { matchMaker, type Presence } from "@colyseus/core";
import { ROOM_NAME } from "../shared/protocol/messages.js";

/** A heartbeat lives this long without a refresh (seconds)… */
export const HEARTBEAT_TTL_S = 8;
/** …and is refreshed this often. */
export const HEARTBEAT_EVERY_MS = 2500;
/** How often a process looks for rooms whose process stopped beating. */
export const SWEEP_EVERY_MS = 3000;

const aliveKey = (processId: string) => `arena-vuca:alive:${processId}`;

/** Whether the process that runs a room is alive (this process always is). */
export async function processAlive(processId: string | undefined): Promise<boolean> {
  if (!processId || processId === matchMaker.processId) return true;
  return (await matchMaker.presence.exists(aliveKey(processId))) === true;
}

/**
 * A process without a heartbeat: Colyseus' health check asks it (2 s); when
 * it does not answer, its room listings are dropped, so its codes can be
 * resumed elsewhere. Resolves true when it answered after all (a missed
 * heartbeat, e.g. Redis slow for a moment: its rooms stay).
 */
export async function takeOver(processId: string): Promise<boolean> {
  return (await matchMaker.healthCheckProcessId(processId)) === true;
}

/**
 * The rooms with this id on a living process. A listing left by a dead process
 * is cleaned up first (so a resume that follows cannot race the clean-up).
 */
export async function liveRoomsWithId(roomId: string): Promise<unknown[]> {
  const rooms = await matchMaker.query({ roomId });
  const out: unknown[] = [];
  for (const room of rooms) {
    if ((await processAlive(room.processId)) || (await takeOver(room.processId))) out.push(room);
  }
  return out;
}

/** Starts this process's heartbeat and the sweep for dead processes; returns a stop. */
export function startLiveness(presence: Presence = matchMaker.presence, log: (line: string) => void = () => {}): () => Promise<void> {
  const me = matchMaker.processId;
  const beat = () => Promise.resolve(presence.setex(aliveKey(me), "1", HEARTBEAT_TTL_S)).catch(() => {});
  void beat();
  const beating = setInterval(beat, HEARTBEAT_EVERY_MS);
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const rooms = await matchMaker.query({ name: ROOM_NAME });
      const others = new Set<string>();
      for (const room of rooms) if (room.processId && room.processId !== me) others.add(room.processId);
      for (const processId of others) {
        if (await processAlive(processId)) continue;
        if (!(await takeOver(processId))) log(`process ${processId} stopped: its rooms can be resumed on this one`);
      }
    } catch {
      // the presence is unreachable: try again next time
    } finally {
      sweeping = false;
    }
  };
  const sweeper = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  beating.unref();
  sweeper.unref();
  return async () => {
    clearInterval(beating);
    clearInterval(sweeper);
    await Promise.resolve(presence.del(aliveKey(me))).catch(() => {});
  };
}
