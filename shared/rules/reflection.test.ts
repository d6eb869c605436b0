// [RF] The closing reflection: open at the final, one chain per participant,
// limits in the rules, edits after the trainer closes it refused with a reason
// and nothing changed; the wall is anonymous. Mid-game, the trainer opens it
// at a card's reveal or scoreboard; leaving the card closes it, the entries stay.
import { describe, expect, it } from "vitest";
import { Game } from "./testkit.js";
import { entryOf, reflectionOpen, wallOf, REFLECTION_TEXT_MAX } from "./reflection.js";
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

/** Two players at the reveal of the first card. */
function revealGame(): Game {
  const g = new Game();
  g.join("a", 0);
  g.join("b", 1);
  g.do({ type: "start" }, { type: "next" }, { type: "reveal" });
  return g;
}

describe("[RF6] mid-game reflection (the trainer opens it after a card)", () => {
  it("is refused at a reveal before the trainer opens it, accepted once open", () => {
    const g = revealGame();
    g.refused({ type: "reflect", playerId: "a", patch: { issue: "x" } }, "WRONG_PHASE");
    expect(reflectionOpen(g.state)).toBe(false);
    g.do({ type: "openReflection" });
    expect(reflectionOpen(g.state)).toBe(true);
    expect(wallOf(g.state).open).toBe(true);
    g.do({ type: "reflect", playerId: "a", patch: { issue: "Antrean" } });
    expect(entryOf(g.state, "a").issue).toBe("Antrean");
  });
  it("may be opened only at a reveal or a scoreboard", () => {
    const g = new Game();
    g.join("a", 0);
    g.refused({ type: "openReflection" }, "WRONG_PHASE");
    g.do({ type: "start" });
    g.refused({ type: "openReflection" }, "WRONG_PHASE");
    g.do({ type: "next" });
    g.refused({ type: "openReflection" }, "WRONG_PHASE");
    g.do({ type: "reveal" }, { type: "next" });
    expect(g.state.phase).toBe("scoreboard");
    g.do({ type: "openReflection" });
    expect(reflectionOpen(g.state)).toBe(true);
    g.do({ type: "end" });
    g.refused({ type: "openReflection" }, "GAME_OVER");
  });
  it("stays open from the reveal to the scoreboard, and closes when the class leaves the card (next), keeping the entries", () => {
    const g = revealGame();
    g.do({ type: "openReflection" }, { type: "reflect", playerId: "a", patch: { issue: "Antrean" } }, { type: "next" });
    expect(g.state.phase).toBe("scoreboard");
    g.do({ type: "reflect", playerId: "a", patch: { condition: "complexity" } });
    g.do({ type: "next" });
    expect(g.state.phase).toBe("briefing");
    expect(reflectionOpen(g.state)).toBe(false);
    g.refused({ type: "reflect", playerId: "a", patch: { issue: "later" } }, "WRONG_PHASE");
    // kept to the final, where it opens as always, and refined there
    g.do({ type: "end" });
    expect(reflectionOpen(g.state)).toBe(true);
    expect(entryOf(g.state, "a")).toMatchObject({ issue: "Antrean", condition: "complexity" });
    g.do({ type: "reflect", playerId: "a", patch: { prime: "understanding" } });
    expect(entryOf(g.state, "a")).toMatchObject({ issue: "Antrean", condition: "complexity", prime: "understanding" });
  });
  it("closes on skip and on end too", () => {
    const g = revealGame();
    g.do({ type: "openReflection" }, { type: "skip" });
    expect(g.state.reflection?.openNow).toBe(false);
    g.do({ type: "next" }, { type: "reveal" }, { type: "openReflection" }, { type: "end" });
    expect(g.state.reflection?.openNow).toBe(false);
    expect(g.state.reflection?.closed).toBe(false);
  });
  it("the trainer closes it mid-game without closing the final one; hideActivity works at the card", () => {
    const g = revealGame();
    g.do({ type: "openReflection" }, { type: "reflect", playerId: "a", patch: { ...full, partners: [...full.partners], done: true } });
    g.do({ type: "hideActivity", playerId: "a", hidden: true });
    expect(wallOf(g.state).activities).toEqual([]);
    g.do({ type: "closeReflection" });
    expect(reflectionOpen(g.state)).toBe(false);
    expect(wallOf(g.state).open).toBe(false);
    g.refused({ type: "reflect", playerId: "a", patch: { issue: "x" } }, "WRONG_PHASE");
    g.do({ type: "openReflection" }, { type: "reflect", playerId: "b", patch: { issue: "Arsip" } });
    g.do({ type: "end" });
    expect(g.state.reflection?.closed).toBe(false);
    expect(entryOf(g.state, "b").issue).toBe("Arsip");
  });
  it("hideActivity is refused where there is no reflection to show (deciding)", () => {
    const g = revealGame();
    g.do({ type: "openReflection" }, { type: "reflect", playerId: "a", patch: { issue: "x" } }, { type: "next" }, { type: "next" }, { type: "next" });
    expect(g.state.phase).toBe("deciding");
    g.refused({ type: "hideActivity", playerId: "a", hidden: true }, "WRONG_PHASE");
  });
});
