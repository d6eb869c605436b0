// [DX] The diagnosis: each member names the VUCA condition they read as
// dominant; the team's diagnosis is its plurality (captain, then earliest
// vote, breaks a tie, as for the response), scored when the condition is
// hidden and never when the trainer shows it. [OR] The options' display order.
import { describe, expect, it } from "vitest";
import { Game, PACK, card } from "./testkit.js";
import { diagnosisPoints, tallyDiagnosis } from "./scoring.js";
import { displayIndexOf, optionOrder, primeAtDisplay } from "./order.js";
import { DEFAULT_SCORING, type Condition, type Pack } from "../scenario.js";
import type { Vote } from "./types.js";

const team = (votes: Record<string, [Condition | null, number]>, captain = "a") => ({
  members: Object.keys(votes),
  captain,
  votes: Object.fromEntries(
    Object.entries(votes).map(([id, [diagnosis, at]]): [string, Vote] => [id, { prime: "vision", diagnosis, commit: false, at }]),
  ),
});

describe("[DX1] the team's diagnosis", () => {
  it("is the plurality of its members' readings, with the tally", () => {
    const t = tallyDiagnosis(team({ a: ["volatility", 1], b: ["ambiguity", 2], c: ["ambiguity", 3] }));
    expect(t.diagnosis).toBe("ambiguity");
    expect(t.tally).toEqual({ volatility: 1, uncertainty: 0, complexity: 0, ambiguity: 2 });
  });
  it("lets the captain break a tie", () => {
    expect(tallyDiagnosis(team({ a: ["complexity", 9], b: ["uncertainty", 1], c: ["uncertainty", 2], d: ["complexity", 8] })).diagnosis).toBe("complexity");
  });
  it("else takes the earliest reading among the tied", () => {
    expect(tallyDiagnosis(team({ a: ["volatility", 1], b: ["ambiguity", 9], c: ["uncertainty", 3], d: ["uncertainty", 4], e: ["ambiguity", 2] })).diagnosis).toBe("ambiguity");
  });
  it("is none when nobody named a condition", () => {
    expect(tallyDiagnosis(team({ a: [null, 1], b: [null, 2] })).diagnosis).toBeNull();
    expect(tallyDiagnosis(team({})).diagnosis).toBeNull();
  });
});

describe("[DX2] diagnosis points", () => {
  const c = { ...card("x", "vision", "volatility"), alsoCondition: "uncertainty" as const };
  it("gives the pack's points for the condition, the smaller for the second reading, none otherwise", () => {
    expect(diagnosisPoints("volatility", c, DEFAULT_SCORING, false)).toBe(2);
    expect(diagnosisPoints("uncertainty", c, DEFAULT_SCORING, false)).toBe(1);
    expect(diagnosisPoints("ambiguity", c, DEFAULT_SCORING, false)).toBe(0);
    expect(diagnosisPoints(null, c, DEFAULT_SCORING, false)).toBe(0);
    expect(diagnosisPoints("volatility", c, { ...DEFAULT_SCORING, diagnosis: 4, alsoDiagnosis: 3 }, false)).toBe(4);
  });
  it("gives nothing when the condition was shown", () => {
    expect(diagnosisPoints("volatility", c, DEFAULT_SCORING, true)).toBe(0);
  });
});

describe("[DX3] a round with the condition hidden", () => {
  const play = (showCondition: boolean) => {
    const g = new Game({ showCondition });
    g.join("a", 0);
    g.join("b", 0);
    g.join("c", 0);
    g.join("d", 1);
    g.do({ type: "start" }, { type: "next" });
    return g;
  };

  it("refuses a submission without a diagnosis, and changes nothing", () => {
    const g = play(false);
    g.refused({ type: "submit", playerId: "a", prime: "vision", commit: true }, "NO_DIAGNOSIS");
  });

  it("scores the team's diagnosis with its response and collaboration", () => {
    const g = play(false);
    // card e1 is volatility, best vision (3); team 0 reads it right by 2 to 1
    g.do(
      { type: "submit", playerId: "a", prime: "vision", diagnosis: "volatility", commit: false },
      { type: "submit", playerId: "b", prime: "vision", diagnosis: "uncertainty", commit: false },
      { type: "submit", playerId: "c", prime: "clarity", diagnosis: "volatility", commit: false },
      { type: "submit", playerId: "d", prime: "agility", diagnosis: "ambiguity", commit: false },
    );
    expect(g.state.phase).toBe("reveal");
    const [t0, t1] = g.state.history[0]!.results;
    expect(t0).toMatchObject({ choice: "vision", diagnosis: "volatility", diagnosisPoints: 2, responsePoints: 3, collabPoints: 0, points: 5 });
    expect(t0!.diagnosisTally).toEqual({ volatility: 2, uncertainty: 1, complexity: 0, ambiguity: 0 });
    expect(t1).toMatchObject({ choice: "agility", diagnosis: "ambiguity", diagnosisPoints: 0, points: 0 });
    expect(g.state.teams[0]!.score).toBe(5);
    // each player's own reading is kept for the report
    expect(g.state.history[0]!.submissions["b"]).toMatchObject({ prime: "vision", diagnosis: "uncertainty", team: 0 });
    const summary = g.state.history.length;
    expect(summary).toBe(1);
  });

  it("asks no diagnosis and scores none when the condition is shown", () => {
    const g = play(true);
    g.do(
      { type: "submit", playerId: "a", prime: "vision", diagnosis: "volatility", commit: false },
      { type: "submit", playerId: "b", prime: "vision", commit: false },
      { type: "submit", playerId: "c", prime: "vision", commit: false },
      { type: "submit", playerId: "d", prime: "vision", commit: false },
    );
    const [t0] = g.state.history[0]!.results;
    expect(t0).toMatchObject({ diagnosis: null, diagnosisPoints: 0, responsePoints: 3, points: 3 });
    expect(g.state.history[0]!.submissions["a"]!.diagnosis).toBeNull();
  });
});

describe("[OR] the options' display order", () => {
  it("is a permutation that never follows the written (Prime) order, for many seeds and rounds", () => {
    for (let seed = 0; seed < 200; seed++) {
      for (let round = 0; round < 12; round++) {
        const order = optionOrder(seed * 7919, round);
        expect([...order].sort()).toEqual([0, 1, 2, 3]);
        expect(order).not.toEqual([0, 1, 2, 3]);
      }
    }
  });
  it("is the same for the same seed and round, and varies with either", () => {
    expect(optionOrder(42, 3)).toEqual(optionOrder(42, 3));
    const seen = new Set<string>();
    for (let round = 0; round < 12; round++) seen.add(optionOrder(42, round).join(""));
    for (let seed = 0; seed < 12; seed++) seen.add(optionOrder(seed, 0).join(""));
    expect(seen.size).toBeGreaterThan(6);
  });
  it("puts the paired Prime in every place over a pack's rounds", () => {
    const places = new Set<number>();
    for (let round = 0; round < 24; round++) places.add(displayIndexOf(PACK.events[0]!, optionOrder(99, round), "vision"));
    expect(places).toEqual(new Set([0, 1, 2, 3]));
  });
  it("maps a display position to its Prime and back", () => {
    const c = PACK.events[1]!;
    const order = optionOrder(5, 1);
    for (let i = 0; i < 4; i++) expect(displayIndexOf(c, order, primeAtDisplay(c, order, i)!)).toBe(i);
    expect(primeAtDisplay(c, order, 4)).toBeNull();
  });
});

describe("[RT] a pack's route", () => {
  it("plays the route's cards in its order, the whole pack otherwise", async () => {
    const { packForRoute } = await import("../scenario.js");
    const pack: Pack = { ...PACK, routes: { pendek: ["e3", "e1"] } };
    expect(packForRoute(pack, "pendek").events.map((e) => e.id)).toEqual(["e3", "e1"]);
    expect(packForRoute(pack, undefined).events).toHaveLength(3);
    expect(packForRoute(pack, "constructor").events).toHaveLength(3);
  });
});
