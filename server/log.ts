// The server's structured log: one JSON line per event on stdout (pino), for
// sessions created, resumed and deleted, throttles, crashes of a handler, and
// one line a minute with the refusals counted per reason. Nothing a client
// sends can make it print a stack trace or fill the disk: repeated errors are
// summarised (a few lines a minute, then a count).
import pino from "pino";

const level = process.env.LOG_LEVEL || (process.env.VITEST ? "silent" : "info");

export const logger = pino({
  level,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

type Listener = (event: string, fields: Record<string, unknown>) => void;
const listeners = new Set<Listener>();

/** Hears every event (tests); returns the function that stops listening. */
export function onLog(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** One structured line: `{"level":"info","time":…,"event":"session-created","code":"ABCDE",…}`. */
export function log(event: string, fields: Record<string, unknown> = {}, severity: "info" | "warn" | "error" = "info"): void {
  logger[severity]({ event, ...fields });
  for (const l of listeners) {
    try {
      l(event, fields);
    } catch {
      // a listener never breaks the log
    }
  }
}

// ---- counts per minute --------------------------------------------------------

const refusals = new Map<string, number>();
const suppressed = new Map<string, number>();
const printed = new Map<string, number>();
/** Error lines of one kind printed per minute before the rest are only counted. */
const ERRORS_PER_MINUTE = 5;

/** Counts one refusal (room or HTTP); the counts are logged once a minute. */
export function countRefusal(reason: string): void {
  refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
}

/** Writes the minute's counts (refusals per reason, errors left unprinted) when there are any. */
export function flushCounts(): void {
  if (refusals.size > 0) log("refusals", { perMinute: Object.fromEntries(refusals) });
  if (suppressed.size > 0) log("errors-suppressed", { perMinute: Object.fromEntries(suppressed) }, "warn");
  refusals.clear();
  suppressed.clear();
  printed.clear();
}
setInterval(flushCounts, 60_000).unref();

/** The first line of an error, shortened: never a stack, never an install path. */
export function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").replace(/\(?(\/|[A-Z]:\\)[^\s)]*\)?/g, "…").slice(0, 200);
}

/** An error line, a few per kind a minute; the rest are counted in the minute's "errors-suppressed". */
export function logError(kind: string, error: unknown, fields: Record<string, unknown> = {}): void {
  const n = (printed.get(kind) ?? 0) + 1;
  printed.set(kind, n);
  if (n > ERRORS_PER_MINUTE) {
    suppressed.set(kind, (suppressed.get(kind) ?? 0) + 1);
    return;
  }
  log(kind, { ...fields, error: shortError(error) }, "error");
}

/** An event a client can cause again and again (a handler crash): a few lines of it a minute, then counted. */
export function logLimited(event: string, fields: Record<string, unknown> = {}): void {
  const n = (printed.get(event) ?? 0) + 1;
  printed.set(event, n);
  if (n > ERRORS_PER_MINUTE) {
    suppressed.set(event, (suppressed.get(event) ?? 0) + 1);
    return;
  }
  log(event, fields, "error");
}

/**
 * Colyseus' own logger: its errors go through logError (first line only,
 * summarised), its "❌ reconnection token invalid or expired. Did you miss
 * .allowReconnection()?" hint becomes a counted refusal, other lines are kept short.
 */
export const colyseusLogger = {
  debug: () => {},
  trace: () => {},
  info: (...args: unknown[]) => colyseusLine("info", args),
  warn: (...args: unknown[]) => colyseusLine("warn", args),
  error: (...args: unknown[]) => colyseusLine("error", args),
};

function colyseusLine(severity: "info" | "warn" | "error", args: unknown[]): void {
  const text = args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
  if (/reconnection token invalid or expired/.test(text)) return countRefusal("RECONNECT_EXPIRED");
  if (/has been disposed\. Did you miss/.test(text)) return countRefusal("RECONNECT_ROOM_GONE");
  if (severity === "error") return logError("colyseus-error", text);
  logError(`colyseus-${severity}`, text);
}
