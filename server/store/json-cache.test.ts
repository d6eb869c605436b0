import { describe, expect, it } from "vitest";
import { Game, PACK } from "../../shared/rules/testkit.js";
import { JsonCache } from "./json-cache.js";

describe("JsonCache", () => {
  it("gives what JSON.stringify gives, for plain data of every kind", () => {
    const cache = new JsonCache();
    const values: unknown[] = [
      null,
      0,
      -1.5,
      NaN,
      Infinity,
      true,
      "tanda \"kutip\" dan \\ garis\n baru, emoji 🌊, \u2028",
      [],
      {},
      [1, undefined, () => 1, "x", null],
      { a: 1, b: undefined, c: () => 1, d: [{ e: "f" }], "kunci aneh\"": 2 },
      undefined,
    ];
    for (const value of values) expect(cache.stringify(value)).toBe(JSON.stringify(value) ?? "null");
  });

  it("stays right across a whole game of immutable states, reusing what did not change", () => {
    const cache = new JsonCache();
    const game = new Game({ teamCount: 2 });
    const snapshots: unknown[] = [];
    for (const id of ["a", "b", "c", "d"]) snapshots.push(game.join(id));
    snapshots.push(game.do({ type: "start" }), game.do({ type: "next" }));
    for (const [id, prime] of [["a", "vision"], ["b", "agility"], ["c", "clarity"], ["d", "vision"]] as const) {
      game.now += 500;
      snapshots.push(game.do({ type: "submit", playerId: id, prime, commit: id === "a" }));
    }
    snapshots.push(game.do({ type: "next" }), game.do({ type: "next" }));
    for (const snapshot of snapshots) {
      expect(cache.stringify(snapshot)).toBe(JSON.stringify(snapshot));
      expect(JSON.parse(cache.stringify(snapshot))).toEqual(snapshot);
    }
    expect(PACK.events.length).toBeGreaterThan(1);
  });

  it("reuses the JSON of a part met again (it trusts the data not to change)", () => {
    const cache = new JsonCache();
    const part = { x: 1 };
    expect(cache.stringify({ part })).toBe('{"part":{"x":1}}');
    part.x = 2; // the rules never do this; the cache would not see it
    expect(cache.stringify({ part })).toBe('{"part":{"x":1}}');
    expect(cache.stringify({ part: { ...part } })).toBe('{"part":{"x":2}}');
  });
});
