// Every pack shipped in scenarios/ (whoever wrote it) must be playable and
// balanced: each VUCA condition twice, the best answer not guessable by its
// Prime, its position or the length of its text (a pack that reads as a
// formula — the paired Prime always best — is a warning of the check command,
// see server/packs.ts formulaWarnings), every pentahelix role
// needed, card ids unique across all packs; and the rules of issue #17 that a
// program can count (packRuleErrors): projector lengths, one reflection
// question, twist cards, five values, behaviours quoted exactly and all 21
// used, Government not on every card, conditionReason/facilitator, a short route.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

import {
  behaviourCoverageErrors,
  bestOptionIndex,
  checkPackFiles,
  isTwist,
  lengthGiveaways,
  listPackFiles,
  packRuleErrors,
  sourceWarnings,
} from "../server/packs.js";
import { BEHAVIOURS } from "../shared/behaviours.js";
import { CONDITIONS, ROLES, type Pack, type Text } from "../shared/scenario.js";

const DIR = resolve(import.meta.dirname);
const listed = listPackFiles([DIR]);
const checked = checkPackFiles(listed.files);
const packs: [string, Pack][] = checked.reports.filter((r) => r.pack).map((r) => [r.file.slice(DIR.length + 1), r.pack!]);

/** Every Text in a pack, with where it is. */
function texts(pack: Pack): [string, Text][] {
  const out: [string, Text][] = [
    ["title", pack.title],
    ["description", pack.description],
  ];
  pack.events.forEach((e, i) => {
    const at = `events[${i}]`;
    out.push([`${at}.title`, e.title], [`${at}.narrative`, e.narrative], [`${at}.reflection`, e.reflection], [`${at}.conditionReason`, e.conditionReason]);
    if (e.behaviour) out.push([`${at}.behaviour`, e.behaviour]);
    e.options.forEach((o, j) => out.push([`${at}.options[${j}].text`, o.text], [`${at}.options[${j}].reason`, o.reason]));
  });
  return out;
}

describe("shipped scenario packs", () => {
  it("all load without errors", () => {
    expect([...listed.errors, ...checked.errors]).toEqual([]);
  });

  it("use every one of the 21 behaviours of SE MenPANRB 20/2021 at least once", () => {
    expect(behaviourCoverageErrors(packs.map(([, p]) => p))).toEqual([]);
  });

  it("there are at least 2, each with 6 to 12 cards", () => {
    expect(packs.length).toBeGreaterThanOrEqual(2);
    for (const [file, p] of packs) {
      expect(p.events.length, file).toBeGreaterThanOrEqual(6);
      expect(p.events.length, file).toBeLessThanOrEqual(12);
    }
  });

  it("card ids are unique across all packs", () => {
    const owner = new Map<string, string>();
    const dups: string[] = [];
    for (const [file, p] of packs) {
      for (const e of p.events) {
        const other = owner.get(e.id);
        if (other) dups.push(`${e.id} in ${file} and ${other}`);
        else owner.set(e.id, file);
      }
    }
    expect(dups).toEqual([]);
  });

  describe.each(packs.map(([file, p]) => ({ file, p })))("$file", ({ p }) => {
    it("has each VUCA condition at least twice (once in a pack of fewer than 8 cards)", () => {
      const min = p.events.length >= 8 ? 2 : 1;
      for (const c of CONDITIONS) {
        expect(p.events.filter((e) => e.condition === c).length, c).toBeGreaterThanOrEqual(min);
      }
    });

    it("gives every card a best option worth points, and a reason for the condition", () => {
      // two options may share the top points (a card where two responses are defensible)
      for (const e of p.events) {
        expect(Math.max(...e.options.map((o) => o.points)), e.id).toBeGreaterThan(0);
        expect(e.conditionReason.id.trim().length, e.id).toBeGreaterThan(10);
      }
    });

    it("names a short route of four cards covering the four conditions", () => {
      const ids = p.routes?.pendek ?? [];
      expect(ids).toHaveLength(4);
      const byId = new Map(p.events.map((e) => [e.id, e]));
      expect(new Set(ids.map((id) => byId.get(id)?.condition))).toEqual(new Set(CONDITIONS));
    });

    it("has one best option per card, or two that tie (a twist)", () => {
      for (const e of p.events) {
        const max = Math.max(...e.options.map((o) => o.points));
        expect(e.options.filter((o) => o.points === max).length, e.id).toBeLessThanOrEqual(2);
      }
    });

    it("keeps every rule a widyaiswara can count (lengths, twists, values, roles, notes, route)", () => {
      expect(packRuleErrors(p)).toEqual([]);
    });

    it("has at least two twist cards", () => {
      expect(p.events.filter(isTwist).length).toBeGreaterThanOrEqual(2);
    });

    it("varies the best option's Prime across the pack", () => {
      const primes = new Set(p.events.map((e) => e.options[bestOptionIndex(e)]!.prime));
      expect(primes.size).toBeGreaterThan(1);
    });

    it("varies the best option's position across the pack", () => {
      const positions = new Set(p.events.map((e) => bestOptionIndex(e)));
      expect(positions.size).toBeGreaterThan(1);
    });

    it("never gives the best option away by the length of its text", () => {
      expect(lengthGiveaways(p)).toEqual([]);
    });

    it("needs every one of the five roles somewhere", () => {
      const needed = new Set(p.events.flatMap((e) => e.rolesNeeded));
      expect(ROLES.filter((r) => !needed.has(r))).toEqual([]);
    });

    it("has no empty English text (English is optional, but never blank)", () => {
      const blank = texts(p)
        .filter(([, t]) => t.en !== undefined && t.en.trim() === "")
        .map(([where]) => where);
      expect(blank).toEqual([]);
    });
  });

  it.each(packs.map(([file]) => file))("%s carries no ' #' comment trap, tab or template phrase", (file) => {
    expect(sourceWarnings(readFileSync(join(DIR, file), "utf8"))).toEqual([]);
  });
});

// The authoring guide lists the 21 behaviours a widyaiswara chooses from, word for word.
describe("the authoring guide", () => {
  it("quotes every behaviour of SE MenPANRB 20/2021 exactly as shared/behaviours.ts holds it", () => {
    const guide = readFileSync(join(DIR, "README.md"), "utf8");
    const missing = Object.values(BEHAVIOURS)
      .flatMap((v) => v.behaviours.map((b) => b.id))
      .filter((b) => !guide.includes(`  - ${b}\n`));
    expect(missing).toEqual([]);
  });
});

// The template in scenarios/templates/ is not loaded by the server but must pass the check.
describe("the template pack", () => {
  it("is valid", () => {
    const r = checkPackFiles([join(DIR, "templates", "contoh-paket.yaml")]);
    expect(r.errors).toEqual([]);
  });
});
