import { describe, it, expect } from "vitest";
import { dealRoles, rolesBalanced } from "./roles.js";
import type { Role } from "../scenario.js";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe("dealRoles", () => {
  for (let n = 1; n <= 9; n++) {
    it(`deals a fresh team of ${n}`, () => {
      const deal = dealRoles(ids(n), () => [], 5);
      expect(rolesBalanced(ids(n).map((id) => deal.roles[id]!))).toBe(true);
    });
  }

  it("repeats for the same seed and differs across seeds", () => {
    expect(dealRoles(ids(3), () => [], 11)).toEqual(dealRoles(ids(3), () => [], 11));
    const seen = new Set<string>();
    for (let s = 0; s < 20; s++) seen.add(JSON.stringify(dealRoles(ids(2), () => [], s).roles));
    expect(seen.size).toBeGreaterThan(1);
  });

  it("grows and shrinks one member at a time keeping the invariant", () => {
    let held: Record<string, Role[]> = {};
    let seed = 3;
    const members: string[] = [];
    for (let n = 1; n <= 9; n++) {
      members.push(`p${n}`);
      const d = dealRoles(members, (id) => held[id] ?? [], seed);
      held = d.roles;
      seed = d.seed;
      expect(rolesBalanced(members.map((id) => held[id]!))).toBe(true);
    }
    while (members.length > 1) {
      members.splice(members.length > 3 ? 2 : 0, 1);
      const d = dealRoles(members, (id) => held[id] ?? [], seed);
      held = d.roles;
      seed = d.seed;
      expect(rolesBalanced(members.map((id) => held[id]!))).toBe(true);
    }
  });

  it("rolesBalanced spots a missing role", () => {
    expect(rolesBalanced([["government"], ["academia"]])).toBe(false);
  });
});
