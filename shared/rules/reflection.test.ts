// [RF] The closing reflection: open at the final, one chain per participant,
// limits in the rules, edits after the trainer closes it refused with a reason
// and nothing changed; the wall is anonymous.
import { describe, expect, it } from "vitest";
import { Game } from "./testkit.js";
import { entryOf, wallOf, REFLECTION_TEXT_MAX } from "./reflection.js";
import { BEHAVIOUR_LIST } from "../behaviours.js";

function finalGame(): Game {
  const g = new Game();
  g.join("a", 0);
  g.join("b", 1);
  g.do({ type: "start" }, { type: "end" });
  return g;
}

const full = { issue: "Antrean layanan KTP panjang", condition: "complexity", prime: "understanding", partners: ["community", "government"], behaviour: "berorientasi-pelayanan-1", activity: "Membuat jadwal layanan jemput bola" } as const;

describe("[RF1] the 21 behaviours", () => {
  it("are seven values times three, each with Indonesian and English, ids unique", () => {
    expect(BEHAVIOUR_LIST).toHaveLength(21);
    expect(new Set(BEHAVIOUR_LIST.map((b) => b.id)).size).toBe(21);
    expect(new Set(BEHAVIOUR_LIST.map((b) => b.value)).size).toBe(7);
    for (const b of BEHAVIOUR_LIST) expect(b.text.id && b.text.en).toBeTruthy();
  });
});

describe("[RF2] who may write, and when", () => {
  it("is refused before the final (WRONG_PHASE), nothing changed", () => {
    const g = new Game();
    g.join("a", 0);
    g.refused({ type: "reflect", playerId: "a", patch: { issue: "x" } }, "WRONG_PHASE");
    g.do({ type: "start" });
    g.refused({ type: "reflect", playerId: "a", patch: { issue: "x" } }, "WRONG_PHASE");
  });
  it("keeps each participant's own chain, field by field as typed", () => {
    const g = finalGame();
    g.do({ type: "reflect", playerId: "a", patch: { issue: "Antrean" } });
    g.do({ type: "reflect", playerId: "a", patch: { condition: "complexity", partners: ["media", "community"] } });
    g.do({ type: "reflect", playerId: "b", patch: { issue: "Arsip" } });
    const a = entryOf(g.state, "a");
    expect(a.issue).toBe("Antrean");
    expect(a.condition).toBe("complexity");
    expect(a.partners).toEqual(["community", "media"]);
    expect(entryOf(g.state, "b").issue).toBe("Arsip");
    expect(entryOf(g.state, "b").condition).toBeNull();
  });
  it("refuses someone not in the game, and an id from Object.prototype", () => {
    const g = finalGame();
    g.refused({ type: "reflect", playerId: "zz", patch: { issue: "x" } }, "UNKNOWN_PLAYER");
    g.refused({ type: "reflect", playerId: "constructor", patch: { issue: "x" } }, "UNKNOWN_PLAYER");
  });
});

describe("[RF3] limits", () => {
  it("accepts 280 characters and refuses 281 (TEXT_TOO_LONG), nothing changed", () => {
    const g = finalGame();
    g.do({ type: "reflect", playerId: "a", patch: { activity: "é".repeat(REFLECTION_TEXT_MAX) } });
    g.refused({ type: "reflect", playerId: "a", patch: { activity: "x".repeat(REFLECTION_TEXT_MAX + 1) } }, "TEXT_TOO_LONG");
    g.refused({ type: "reflect", playerId: "a", patch: { issue: "x".repeat(REFLECTION_TEXT_MAX + 1) } }, "TEXT_TOO_LONG");
    expect([...entryOf(g.state, "a").activity]).toHaveLength(REFLECTION_TEXT_MAX);
  });
  it("refuses an unknown behaviour, role, or a repeated partner", () => {
    const g = finalGame();
    g.refused({ type: "reflect", playerId: "a", patch: { behaviour: "toString" } }, "BAD_MESSAGE");
    g.refused({ type: "reflect", playerId: "a", patch: { partners: ["media", "media"] } }, "BAD_MESSAGE");
    g.refused({ type: "reflect", playerId: "a", patch: { partners: ["press" as never] } }, "BAD_MESSAGE");
  });
  it("sends to the wall only a complete chain (REFLECTION_INCOMPLETE)", () => {
    const g = finalGame();
    g.do({ type: "reflect", playerId: "a", patch: { issue: "x" } });
    g.refused({ type: "reflect", playerId: "a", patch: { done: true } }, "REFLECTION_INCOMPLETE");
    g.do({ type: "reflect", playerId: "a", patch: { ...full, partners: [...full.partners], done: true } });
    expect(entryOf(g.state, "a").done).toBe(true);
  });
});

describe("[RF4] closing", () => {
  it("refuses every edit after the trainer closes it (REFLECTION_CLOSED), nothing changed", () => {
    const g = finalGame();
    g.do({ type: "reflect", playerId: "a", patch: { issue: "Antrean" } });
    g.do({ type: "closeReflection" });
    g.refused({ type: "reflect", playerId: "a", patch: { issue: "Lain" } }, "REFLECTION_CLOSED");
    g.refused({ type: "reflect", playerId: "b", patch: { condition: "volatility" } }, "REFLECTION_CLOSED");
    expect(entryOf(g.state, "a").issue).toBe("Antrean");
  });
  it("is only for the final", () => {
    const g = new Game();
    g.join("a", 0);
    g.refused({ type: "closeReflection" }, "WRONG_PHASE");
  });
});

describe("[RF5] the wall", () => {
  it("counts conditions and behaviours as they arrive and shows sent activities without names; the trainer can hide one", () => {
    const g = finalGame();
    g.do({ type: "reflect", playerId: "a", patch: { ...full, partners: [...full.partners], done: true } });
    g.do({ type: "reflect", playerId: "b", patch: { condition: "complexity", behaviour: "kolaboratif-2", activity: "Rapat lintas bidang" } });
    const w = wallOf(g.state);
    expect(w.conditions.complexity).toBe(2);
    expect(w.behaviours).toEqual({ "berorientasi-pelayanan-1": 1, "kolaboratif-2": 1 });
    expect(w.activities).toEqual([full.activity]);
    expect(w.filled).toBe(1);
    expect(w.total).toBe(2);
    expect(JSON.stringify(w)).not.toMatch(/Name a|Name b|"a"|"b"/);
    g.do({ type: "hideActivity", playerId: "a", hidden: true });
    expect(wallOf(g.state).activities).toEqual([]);
    g.do({ type: "hideActivity", playerId: "a", hidden: false });
    expect(wallOf(g.state).activities).toEqual([full.activity]);
  });
});
