// Phones retry with backoff and jitter on every refusal a later try can
// overcome (client/lib/net.ts): the waits grow, stay within their step, and
// forty phones refused together come back spread out, not at once.
import { describe, expect, it } from "vitest";
import { RETRIABLE, retryDelay } from "../../client/lib/net.js";

describe("phone retries", () => {
  it("back off step by step, each wait between half its step and all of it", () => {
    const steps = [1000, 2000, 4000, 8000, 15000, 15000];
    steps.forEach((step, attempt) => {
      expect(retryDelay(attempt, () => 0)).toBe(step / 2);
      expect(retryDelay(attempt, () => 0.999999)).toBe(step);
    });
  });

  it("spread forty phones refused at the same moment over the interval", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const waits = Array.from({ length: 40 }, () => retryDelay(1, random));
    expect(new Set(waits).size).toBeGreaterThan(30);
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(500);
  });

  it("retry a throttle, a waiting session and the network, not a refusal the person must act on", () => {
    for (const reason of ["TOO_MANY_ATTEMPTS", "RATE_LIMITED", "SESSION_WAITING", "NETWORK", "SERVER_ERROR"] as const) expect(RETRIABLE.has(reason)).toBe(true);
    for (const reason of ["NAME_TAKEN", "BANNED", "ROOM_NOT_FOUND", "INVALID_HOST_KEY"] as const) expect(RETRIABLE.has(reason)).toBe(false);
  });
});
