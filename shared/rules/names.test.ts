import { describe, expect, it } from "vitest";
import { freeName, looksLikeAny, nameSkeleton, normaliseName, suggestedName } from "./names.js";
import { Game } from "./testkit.js";

describe("names", () => {
  it("takes out invisible and direction-changing characters", () => {
    expect(normaliseName("Bu\u200Ddi")).toBe("Budi");
    expect(normaliseName("\u202Eidub")).toBe("idub");
    expect(normaliseName("Bu\u00ADdi\uFE0F")).toBe("Budi");
    expect(normaliseName("\u2066Budi\u2069 \u200FS")).toBe("Budi S");
    expect(normaliseName("Ｂｕｄｉ\u3000Ｓ")).toBe("Budi S");
  });

  it("refuses a name with no letter or digit left", () => {
    for (const blank of ["\u200B", "\u3164", "\u115F\u1160", "\uFFA0", "\u2800", "\u00AD\u200D", "\u{E0041}\u034F", "\u180E", "\u200B \u3164", "—"]) {
      expect(normaliseName(blank), JSON.stringify(blank)).toBeNull();
    }
  });

  it("counts the limit in visible characters", () => {
    expect(normaliseName("a".repeat(24) + "\u200B".repeat(10))).toBe("a".repeat(24));
    expect(normaliseName("a".repeat(25))).toBeNull();
  });

  it("gives look-alikes one skeleton", () => {
    const budi = nameSkeleton("Budi");
    for (const alike of ["BUDI", "budi", "Bu\u200Ddi", "\u0412udi", "Ｂｕｄｉ", "Вудi".replace("у", "u").replace("д", "d"), "Bud\u0456", "BUD\u0399"]) {
      expect(nameSkeleton(alike), alike).toBe(budi);
    }
    expect(nameSkeleton("\u0397\u0391\u039D")).toBe(nameSkeleton("Han")); // Greek capitals
    expect(nameSkeleton("\u043E\u0441\u0430")).toBe(nameSkeleton("oca")); // Cyrillic lowercase
    expect(nameSkeleton("Ilham")).toBe(nameSkeleton("llham"));
    expect(nameSkeleton("Siti")).not.toBe(nameSkeleton("Sita"));
    expect(nameSkeleton("Arni")).not.toBe(nameSkeleton("Ami"));
    expect(looksLikeAny("\u0412udi", ["Siti", "Budi"])).toBe(true);
    expect(looksLikeAny("Bagus", ["Siti", "Budi"])).toBe(false);
  });

  it("maps the Cyrillic and Greek look-alikes of Latin letters (Unicode TR39)", () => {
    const pairs: [string, string][] = [
      ["аеорсухѕіјԁԛԝһӏ", "aeopcyxsijdqwhl"],
      ["АВЕКМНОРСТХЅІЈҮԚԜ", "ABEKMHOPCTXSIJYQW"],
      ["ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"],
      ["οανιρυγ", "oavipuy"],
    ];
    for (const [foreign, latin] of pairs) {
      [...foreign].forEach((ch, i) => expect(nameSkeleton(ch), `${ch} U+${ch.codePointAt(0)!.toString(16)}`).toBe(nameSkeleton(latin[i]!)));
    }
  });

  it("suggests a free name by skeleton", () => {
    expect(freeName("Вudi", ["Budi", "BUDI 2"])).toBe("Вudi 3");
    expect(freeName("\u200B", ["Budi"])).toBeUndefined();
  });
});

describe("the free name suggested to a newcomer", () => {
  it("is the first free number after the name, against the names seated in the game", () => {
    const g = new Game();
    g.do({ type: "join", playerId: "a", name: "Budi" }, { type: "join", playerId: "b", name: "Budi 2" });
    expect(suggestedName(g.state, "budi")).toBe("budi 3");
    expect(suggestedName(g.state, "Siti")).toBe("Siti 2");
  });
});
