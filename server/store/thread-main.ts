// The worker side of thread.ts: opens the store and answers calls one message at a time.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "./index.js";
import type { GameState } from "../../shared/rules/types.js";
import type { SessionMeta, Store } from "./types.js";
import type { Answer, Call, Hello, ThreadStoreOptions, WireError } from "./thread.js";

function wire(error: unknown): WireError {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; retryable?: unknown; code?: unknown };
  const out: WireError = { name: typeof e.name === "string" ? e.name : "Error", message: typeof e.message === "string" ? e.message : String(error) };
  if (typeof e.retryable === "boolean") out.retryable = e.retryable;
  if (typeof e.code === "string") out.code = e.code;
  return out;
}

/**
 * The store's thread runs at the process's own priority. It used to yield
 * (nice 10) so that, in a burst, phones' updates went first and saves a
 * moment later; now what the phones are shown waits for its save (see
 * server/room/saving.ts), so a starved store thread would hold every screen —
 * on a machine busy with anything else, a nice-10 thread got so little CPU
 * that a vote's "Terkirim" took 150 ms instead of 40. Kept as a constant (0)
 * for whoever wants to experiment.
 */
export const STORE_THREAD_NICE = 0;
if (STORE_THREAD_NICE !== 0) {
  try {
    setPriority(STORE_THREAD_NICE);
  } catch {
    // not permitted or not supported here: the thread runs at the process's priority
  }
}

const port = parentPort!;
let store: Store;
try {
  store = await openStore({ ...(workerData as ThreadStoreOptions), log: (message, error) => console.error(message, error instanceof Error ? error.message : (error ?? "")) });
  port.postMessage({ ready: true, dialect: store.dialect } satisfies Hello);
} catch (error) {
  port.postMessage({ ready: false, error: wire(error) } satisfies Hello);
  process.exit(1);
}

port.on("message", async ({ id, method, args }: Call) => {
  try {
    let value: unknown;
    if (method === "saveSessionParts") {
      const [meta, rest, rounds] = args as [SessionMeta, Omit<GameState, "history">, string[]];
      value = await store.saveSession(meta, { ...rest, history: rounds.map((json) => JSON.parse(json) as GameState["history"][number]) });
    } else {
      const fn = store[method] as unknown as (...a: unknown[]) => Promise<unknown>;
      if (typeof fn !== "function") throw new Error(`no store method ${String(method)}`);
      value = await fn.apply(store, args);
    }
    port.postMessage({ id, ok: true, value } satisfies Answer);
  } catch (error) {
    port.postMessage({ id, ok: false, error: wire(error) } satisfies Answer);
  }
});
