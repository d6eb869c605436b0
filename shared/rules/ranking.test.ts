import { describe, expect, it } from "vitest";
import { placesOf, rankTeams } from "./ranking.js";

describe("ranking", () => {
  it("orders by score, then by less deciding time used, then by team number", () => {
    const teams = [
      { index: 0, score: 5, totalLockMs: 90_000 },
      { index: 1, score: 7, totalLockMs: 120_000 },
      { index: 2, score: 5, totalLockMs: 60_000 },
      { index: 3, score: 5, totalLockMs: 60_000 },
    ];
    expect(rankTeams(teams).map((t) => t.index)).toEqual([1, 2, 3, 0]);
    expect(placesOf(teams).map((p) => [p.team.index, p.rank])).toEqual([[1, 1], [2, 2], [3, 3], [0, 4]]);
  });
});
