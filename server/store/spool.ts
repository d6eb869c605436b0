// Saves that could not land before the server stopped (the store was down or
// the disk full) are kept in the data folder as files, one per session, and
// written to the store at the next start — so a session ended during the
// outage is stored as ended, and not listed as resumable, once the store is
// back. Best effort: on a full disk the file may not be writable either (the
// log says so). A kill -9 leaves no such file: what clients were shown was
// already saved (see server/room/saving.ts), unless the store was failing.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Persister, RoomSnapshotLike } from "./index.js";
import type { Log, Store } from "./types.js";

export const SPOOL_FOLDER = "unsaved";

interface Spooled {
  keptAt: number;
  snapshot: RoomSnapshotLike;
}

/** Writes each snapshot to DATA_DIR/unsaved/CODE.json; returns how many were kept. */
export function spoolSnapshots(dataDir: string, snapshots: RoomSnapshotLike[], log: Log): number {
  if (snapshots.length === 0) return 0;
  const dir = join(dataDir, SPOOL_FOLDER);
  let kept = 0;
  for (const snapshot of snapshots) {
    if (!/^[A-Za-z0-9_-]+$/.test(snapshot.code)) continue;
    const file = join(dir, `${snapshot.code}.json`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify({ keptAt: Date.now(), snapshot } satisfies Spooled));
      renameSync(`${file}.tmp`, file);
      kept++;
    } catch (error) {
      log(`session ${snapshot.code} could not be kept for the next start`, error);
    }
  }
  return kept;
}

/**
 * At start: every kept snapshot is handed to the persister (which retries
 * until the store takes it) and its file removed once written — unless the
 * store already holds a newer save of the session. Resolves when all are queued.
 */
export async function replaySpool(dataDir: string, store: Store, persister: Persister, log: Log): Promise<number> {
  const dir = join(dataDir, SPOOL_FOLDER);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch {
    return 0;
  }
  let queued = 0;
  for (const name of names) {
    const file = join(dir, name);
    let spooled: Spooled;
    try {
      spooled = JSON.parse(readFileSync(file, "utf8")) as Spooled;
      if (!spooled?.snapshot?.code || !spooled.snapshot.game) throw new Error("not a kept session");
    } catch (error) {
      log(`${file} is not readable; left as it is`, error);
      continue;
    }
    const stored = await store.loadSession(spooled.snapshot.code).catch(() => null);
    if (stored && stored.updatedAt > spooled.keptAt) {
      rmSync(file, { force: true });
      continue;
    }
    queued++;
    void persister.persist(spooled.snapshot).then(() => {
      rmSync(file, { force: true });
      log(`session ${spooled.snapshot.code}: saved from the last stop`, undefined);
    });
  }
  return queued;
}
