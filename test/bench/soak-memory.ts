// The soak's memory split, read inside the process it measures (the soak's
// server, or the store-churn bench): the main thread's JS heap and its
// external/ArrayBuffer bytes, the store thread's JS heap, the SQLite files
// (database and WAL), and, from /proc/self/smaps (Linux), the resident bytes
// of the main malloc arena ([heap]), of the other threads' malloc arenas
// (64 MB reservations) and of the rest of the anonymous memory (V8's heaps
// and other mmaps). Import it before the store is loaded and call
// countWorkers() first: the store's Worker is private to it.
import { getHeapSpaceStatistics } from "node:v8";
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import type { Worker as WorkerType } from "node:worker_threads";

const MB = 1048576;
const workers = new Set<WorkerType>();

/** Counts every Worker made in this process from now on (by swapping the builtin's class). */
export function countWorkers(): void {
  const require = createRequire(import.meta.url);
  const threads = require("node:worker_threads") as typeof import("node:worker_threads");
  const BaseWorker = threads.Worker;
  class CountedWorker extends BaseWorker {
    constructor(...args: ConstructorParameters<typeof BaseWorker>) {
      super(...args);
      workers.add(this);
      this.once("exit", () => workers.delete(this));
    }
  }
  (threads as { Worker: typeof BaseWorker }).Worker = CountedWorker;
  syncBuiltinESMExports();
}

/** Resident MB by kind, from /proc/self/smaps; zeros where there is none (not Linux). */
export function smaps(): { brkMb: number; arenasMb: number; arenaCount: number; anonOtherMb: number; fileMb: number } {
  const out = { brkMb: 0, arenasMb: 0, arenaCount: 0, anonOtherMb: 0, fileMb: 0 };
  let text: string;
  try {
    text = readFileSync("/proc/self/smaps", "utf8");
  } catch {
    return out;
  }
  type Map = { start: number; end: number; perms: string; path: string; rssKb: number };
  const maps: Map[] = [];
  for (const line of text.split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      maps.push({ start: parseInt(head[1]!, 16), end: parseInt(head[2]!, 16), perms: head[3]!, path: head[4]!, rssKb: 0 });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && maps.length) maps.at(-1)!.rssKb = Number(rss[1]);
  }
  // glibc's thread arenas: a 64 MB-aligned reservation, its used part rw-p and the rest ---p
  const ARENA = 64 * MB;
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i]!;
    if (m.path === "[heap]") out.brkMb += m.rssKb / 1024;
    else if (m.path && !m.path.startsWith("[")) out.fileMb += m.rssKb / 1024;
    else if (m.path === "") {
      const next = maps[i + 1];
      const arena = m.perms.startsWith("rw") && m.start % ARENA === 0 && (m.end - m.start === ARENA || (next && next.path === "" && next.perms === "---p" && next.start === m.end && next.end - m.start === ARENA));
      if (arena) {
        out.arenasMb += m.rssKb / 1024;
        out.arenaCount++;
      } else out.anonOtherMb += m.rssKb / 1024;
    }
  }
  return out;
}

/** The SQLite files this process holds open (the store's database and its WAL), in MB. */
export function sqliteFiles(): { dbMb: number; walMb: number } {
  const out = { dbMb: 0, walMb: 0 };
  try {
    for (const fd of readdirSync("/proc/self/fd")) {
      let path: string;
      try {
        path = readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        continue;
      }
      if (!path.includes("arena-vuca-bench-")) continue;
      if (path.endsWith("-wal")) out.walMb = statSync(path).size / MB;
      else if (path.endsWith(".db") || path.endsWith(".sqlite")) out.dbMb = statSync(path).size / MB;
    }
  } catch {
    // not Linux
  }
  return out;
}

/** The memory figures of this process; `--expose-gc` makes them what is alive (a full collection first). */
export async function memorySample() {
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  const space = (name: string) => (getHeapSpaceStatistics().find((s) => s.space_name === name)?.space_size ?? 0) / MB;
  let workerHeapMb = 0;
  let workerHeapTotalMb = 0;
  for (const w of workers) {
    const h = await (w as WorkerType & { getHeapStatistics?: () => Promise<{ used_heap_size: number; total_physical_size: number }> }).getHeapStatistics?.().catch(() => null);
    if (!h) continue;
    workerHeapMb += h.used_heap_size / MB;
    workerHeapTotalMb += h.total_physical_size / MB;
  }
  return {
    rssMb: mem.rss / MB,
    heapMb: mem.heapUsed / MB,
    heapTotalMb: mem.heapTotal / MB,
    oldSpaceMb: space("old_space"),
    largeObjectSpaceMb: space("large_object_space"),
    codeSpaceMb: space("code_space"),
    externalMb: mem.external / MB,
    arrayBuffersMb: mem.arrayBuffers / MB,
    workers: workers.size,
    workerHeapMb,
    workerHeapTotalMb,
    ...smaps(),
    ...sqliteFiles(),
  };
}
