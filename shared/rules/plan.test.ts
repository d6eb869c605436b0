import { describe, expect, it } from "vitest";
import { plannedMinutes } from "./plan.js";

describe("[PL] planned length", () => {
  it("is cards × (briefing 2 + timer + reveal 2 + discussion 3) minutes", () => {
    expect(plannedMinutes(8, 120)).toBe(8 * 9);
    expect(plannedMinutes(4, 90)).toBe(34);
    expect(plannedMinutes(0, 120)).toBe(0);
  });
});
