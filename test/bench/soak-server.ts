// The soak's server: the benchmark's server (the game as `npm start` runs it,
// SQLite in its thread) plus what the soak reads from it over IPC: memory
// (split by kind, see soak-memory.ts), the event loop's stalls (a 20 ms timer
// that fired more than 100 ms late) and the rooms it holds.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { countWorkers, memorySample } from "./soak-memory.js";

// count the store's Worker: swap the builtin's class before the server loads
countWorkers();
const { matchMaker } = await import("@colyseus/core");
await import("./server.js");

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let stalls = 0;
let worstMs = 0;
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = now - last - 20;
  if (late > 100) stalls++;
  worstMs = Math.max(worstMs, late);
  last = now;
}, 20).unref();

process.on("message", async (m: { stats?: boolean }) => {
  if (!m?.stats) return;
  // `npm run soak -- --gc`: a full collection before each sample (node --expose-gc), so that
  // the heap figure is what is alive, not what garbage happens to be waiting
  process.send?.({
    stats: true,
    ...(await memorySample()),
    loopP99Ms: delay.percentile(99) / 1e6,
    loopMaxMs: delay.max / 1e6,
    stalls,
    worstMs,
    rooms: matchMaker.stats.local.roomCount,
  });
  delay.reset();
  worstMs = 0;
});
