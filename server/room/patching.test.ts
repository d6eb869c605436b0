// The least time between two patches of a room grows with the phones one process carries (server/room/patching.ts).
import { describe, expect, it } from "vitest";
import { patchIntervalFor } from "./patching.js";

describe("patch spacing", () => {
  it("is Colyseus' 50 ms for a class or a centre, and grows past a thousand phones up to 150 ms", () => {
    expect(patchIntervalFor(0)).toBe(50);
    expect(patchIntervalFor(300)).toBe(50);
    expect(patchIntervalFor(1000)).toBe(50);
    expect(patchIntervalFor(2000)).toBe(100);
    expect(patchIntervalFor(3000)).toBe(150);
    expect(patchIntervalFor(100_000)).toBe(150);
    let last = 0;
    for (let n = 0; n <= 6000; n += 37) {
      const ms = patchIntervalFor(n);
      expect(ms).toBeGreaterThanOrEqual(last);
      last = ms;
    }
  });
});
