// Per-address counters for the HTTP side: wrong codes and keys (shared by the
// join guard and the session routes), sessions created, monitor logins.
import type { IncomingMessage } from "node:http";

/** A fixed-window count per address. */
export class PerAddress {
  private entries = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly max: number,
    readonly windowMs = 60_000,
  ) {
    setInterval(() => {
      const now = Date.now();
      for (const [k, e] of this.entries) if (e.resetAt <= now) this.entries.delete(k);
    }, windowMs).unref();
  }
  count(addr: string): number {
    const e = this.entries.get(addr);
    return e && e.resetAt > Date.now() ? e.count : 0;
  }
  over(addr: string): boolean {
    return this.count(addr) >= this.max;
  }
  add(addr: string): number {
    const now = Date.now();
    const e = this.entries.get(addr);
    const entry = e && e.resetAt > now ? e : { count: 0, resetAt: now + this.windowMs };
    entry.count += 1;
    this.entries.set(addr, entry);
    return entry.count;
  }
}

/**
 * Wrong codes and wrong keys per address. Over the limit the address is not
 * shut out — a correct code still joins, a trainer's correct key still works —
 * but its answers are paced, one a second, and a queue longer than
 * `maxQueueMs` is refused at once: guessing becomes hopeless, the class goes on.
 */
export class Misses extends PerAddress {
  private slots = new Map<string, number>();
  constructor(
    max: number,
    windowMs = 60_000,
    readonly spacingMs = 1_000,
    readonly maxQueueMs = 20_000,
  ) {
    super(max, windowMs);
  }
  /**
   * Waits for this address' turn when it is over the limit. Resolves true when
   * the request may go on, false when it must be refused (too many waiting).
   */
  async pace(addr: string): Promise<boolean> {
    if (!this.over(addr)) return true;
    const now = Date.now();
    const slot = Math.max(now, this.slots.get(addr) ?? 0);
    if (slot - now > this.maxQueueMs) return false;
    this.slots.set(addr, slot + this.spacingMs);
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
    if (this.slots.get(addr)! <= Date.now()) this.slots.delete(addr);
    return true;
  }
}

/** Express' "trust proxy" function: does the address at this hop (0 = the socket) belong to a trusted proxy? */
export type TrustFn = (addr: string, hop: number) => boolean;

/**
 * The client's address as Express' req.ip computes it: the socket's address,
 * then X-Forwarded-For from right to left while each hop is a trusted proxy.
 */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  const socket = req.socket.remoteAddress ?? "?";
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  const chain = [socket, ...forwarded];
  for (let i = 0; i < chain.length - 1; i++) {
    if (!trust(chain[i]!, i)) return chain[i]!;
  }
  return chain[chain.length - 1]!;
}
