// The form editor loses nothing: every shipped pack, parsed into the form's
// model and written back as YAML, parses to the same content — written into
// its own document (comments kept) and into a fresh one.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { fromYaml, toYaml } from "../../client/author/model.js";
import { validatePack } from "../../shared/scenario.js";

const DIR = resolve(import.meta.dirname, "../../scenarios");
const shipped = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

describe("form model round trip", () => {
  it("finds the shipped packs", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(5);
  });
  for (const file of shipped) {
    it(`${file}: parse → form → YAML → parse is lossless`, () => {
      const text = readFileSync(join(DIR, file), "utf8");
      const { form, doc } = fromYaml(text);
      expect(form.cards.length).toBeGreaterThanOrEqual(5);
      // into its own document: same data, same text (nothing changed, nothing touched)
      const kept = toYaml(form, doc);
      expect(parse(kept)).toEqual(parse(text));
      const comments = text.split("\n").filter((l) => /^\s*#/.test(l));
      for (const c of comments) expect(kept).toContain(c.trim());
      // into a fresh document: the same pack for the checker
      const fresh = toYaml(form);
      const a = validatePack(parse(fresh));
      const b = validatePack(parse(text));
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) expect(a.pack).toEqual(b.pack);
    });
  }

  it("an edit in the form changes that field only, and keeps the comments", () => {
    const text = readFileSync(join(DIR, "banjir-bandang.yaml"), "utf8");
    const { form, doc } = fromYaml(text);
    form.cards[1]!.title.id = "Judul yang diubah";
    form.cards[1]!.options[2]!.points = 4;
    const out = toYaml(form, doc);
    const before = parse(text);
    const after = parse(out);
    expect(after.events[1].title.id).toBe("Judul yang diubah");
    expect(after.events[1].options[2].points).toBe(4);
    after.events[1].title.id = before.events[1].title.id;
    after.events[1].options[2].points = before.events[1].options[2].points;
    expect(after).toEqual(before);
    expect(out).toContain("# Paket skenario: Banjir Bandang");
  });
});
