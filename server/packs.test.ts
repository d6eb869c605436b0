// The pack loader and the check command: a broken pack is refused with the
// file, the path inside it and what is wrong, and never half-loaded.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { balanceWarnings, behaviourCoverageErrors, formulaWarnings, isTwist, lengthGiveaways, loadPackFile, loadPacks, packRuleErrors, sourceWarnings } from "./packs.js";
import { validatePack, type Pack } from "../shared/scenario.js";
import { cardDoc, packDoc, type Doc, refusalsOf, writePackFile } from "../test/helpers/pack-doc.js";

const ROOT = resolve(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
let dir: string;

const card = (n: number, condition = "volatility"): Doc => cardDoc(`uji-${n}`, n, { condition, conditionReason: "Petunjuk di kisah." });

function pack(id = "uji-paket"): Doc {
  return { ...packDoc(id, 0), events: [1, 2, 3, 4, 5].map((n) => card(n)) };
}

/** pack(), made to keep the counted rules of issue #17 (twists, five values, notes, a short route). */
function rulePack(id = "uji-aturan"): Doc {
  const p = pack(id);
  const conditions = ["volatility", "uncertainty", "complexity", "ambiguity", "volatility"];
  const values = ["adaptif", "akuntabel", "kompeten", "harmonis", "loyal"];
  const behaviours = [
    "Bertindak proaktif",
    "Tidak menyalahgunakan kewenangan jabatan",
    "Membantu orang lain belajar",
    "Suka menolong orang lain",
    "Menjaga rahasia jabatan dan negara",
  ];
  p.events.forEach((e: Doc, i: number) => {
    e.condition = conditions[i];
    e.value = values[i];
    e.behaviour = behaviours[i];
    e.conditionReason = "Petunjuknya di narasi.";
    e.facilitator = "Petunjuk, salah baca, dua pertanyaan.";
    if (i === 4) e.rolesNeeded = ["community"];
    if (i === 2) e.options[1].points = 2;
  });
  p.routes = { pendek: ["uji-1", "uji-2", "uji-3", "uji-4"] };
  return p;
}

/** Write a pack into the temp folder (inside the repo, so paths print relative). */
const write = (name: string, content: Doc | string | Buffer, sub = ""): string => writePackFile(join(dir, sub), name, content);

const rel = (file: string) => relative(process.cwd(), file);

const errorsOf = refusalsOf;

beforeAll(() => {
  mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
  dir = mkdtempSync(join(ROOT, "test-artifacts", "packs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadPackFile", () => {
  it("accepts a good pack", () => {
    const r = loadPackFile(write("good.yaml", pack()));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.events).toHaveLength(5);
  });

  it("refuses a card with 3 options", () => {
    const doc = pack();
    doc.events[3].options.pop();
    const file = write("three.yaml", doc);
    expect(errorsOf(file)).toEqual([`${rel(file)}: events[3].options: expected 4 options, got 3`]);
  });

  it("refuses a card missing a Prime", () => {
    const doc = pack();
    doc.events[0].options[2].prime = "vision";
    const file = write("prime.yaml", doc);
    expect(errorsOf(file)).toEqual([`${rel(file)}: events[0].options: expected one option per Prime, missing clarity`]);
  });

  it("refuses an unknown VUCA condition", () => {
    const doc = pack();
    doc.events[1].condition = "chaos";
    const file = write("condition.yaml", doc);
    expect(errorsOf(file)).toEqual([
      `${rel(file)}: events[1].condition: Invalid option: expected one of "volatility"|"uncertainty"|"complexity"|"ambiguity"`,
    ]);
  });

  it("refuses a duplicate event id", () => {
    const doc = pack();
    doc.events[2].id = "uji-1";
    const file = write("dup.yaml", doc);
    expect(errorsOf(file)).toEqual([`${rel(file)}: events[2].id: duplicate event id 'uji-1' (also events[0])`]);
  });

  it("reports a YAML syntax error with file and line", () => {
    const file = write("syntax.yaml", "id: uji\ntitle: Satu\ntitle: Dua\n");
    expect(errorsOf(file)).toEqual([`${rel(file)}: line 3, column 1: YAML syntax error: Map keys must be unique`]);
    const file2 = write("syntax2.yaml", "id: uji\ntitle: tumpang tindih: dua desa\n");
    const [err] = errorsOf(file2);
    expect(err).toMatch(new RegExp(`^${rel(file2)}: line 2, column \\d+: YAML syntax error: `));
  });

  it("refuses a pack with 4 events", () => {
    const doc = pack();
    doc.events.pop();
    const file = write("four.yaml", doc);
    expect(errorsOf(file)).toEqual([`${rel(file)}: events: expected 5 to 12 event cards, got 4`]);
  });

  it("refuses an unknown field", () => {
    const doc = pack();
    doc.events[0].colour = "red";
    const file = write("unknown.yaml", doc);
    expect(errorsOf(file)).toEqual([`${rel(file)}: events[0]: unknown field 'colour'`]);
  });

  it("refuses a role both needed and harmful", () => {
    const doc = pack();
    doc.events[4].rolesNeeded = ["government", "media"];
    doc.events[4].rolesHarmful = ["media"];
    const file = write("both.yaml", doc);
    expect(errorsOf(file)).toEqual([`${rel(file)}: events[4].rolesHarmful: a role cannot be both needed and harmful: media`]);
  });

  it("names a missing field and an empty or malformed text", () => {
    const doc = pack();
    delete doc.events[0].reflection;
    doc.events[1].title = "  ";
    doc.events[2].narrative = { id: "Ada.", fr: "Il y a." };
    const file = write("fields.yaml", doc);
    expect(errorsOf(file)).toEqual([
      `${rel(file)}: events[0].reflection: required field is missing`,
      `${rel(file)}: events[1].title: must not be empty`,
      `${rel(file)}: events[2].narrative: unknown field 'fr'`,
    ]);
  });

  it("refuses an empty file", () => {
    const file = write("empty.yaml", "# nothing yet\n");
    expect(errorsOf(file)).toEqual([`${rel(file)}: (top): the file is empty`]);
  });
});

describe("loadPacks", () => {
  it("loads every top-level pack of a folder, not sub-folders", () => {
    write("a.yaml", pack("paket-a"), "ok");
    const b = pack("paket-b");
    b.events.forEach((e: Doc, i: number) => (e.id = `paket-b-${i}`));
    write("b.yml", b, "ok");
    write("not-a-pack.txt", "hello", "ok");
    write("c.yaml", "id: [broken", "ok/templates");
    const { packs, errors } = loadPacks([join(dir, "ok")]);
    expect(errors).toEqual([]);
    expect([...packs.keys()].sort()).toEqual(["paket-a", "paket-b"]);
  });

  it("refuses every pack when one file is broken", () => {
    write("a.yaml", pack("paket-a"), "broken");
    const bad = pack("paket-b");
    bad.events[0].options.pop();
    const file = write("b.yaml", bad, "broken");
    const { packs, errors } = loadPacks([join(dir, "broken")]);
    expect(packs.size).toBe(0);
    expect(errors).toEqual([`${rel(file)}: events[0].options: expected 4 options, got 3`]);
  });

  it("refuses a pack id used by two files, across folders", () => {
    const first = write("a.yaml", pack("sama"), "dup1");
    const second = write("z.yaml", pack("sama"), "dup2");
    const { packs, errors } = loadPacks([join(dir, "dup1"), join(dir, "dup2")]);
    expect(packs.size).toBe(0);
    expect(errors).toEqual([`${rel(second)}: id: duplicate pack id 'sama' (also in ${rel(first)})`]);
  });

  it("refuses a missing folder", () => {
    const { packs, errors } = loadPacks([join(dir, "nowhere")]);
    expect(packs.size).toBe(0);
    expect(errors).toEqual([`${rel(join(dir, "nowhere"))}: scenario folder not found`]);
  });

  it("loads the shipped packs by default", () => {
    const { packs, errors } = loadPacks();
    expect(errors).toEqual([]);
    expect(packs.has("banjir-bandang")).toBe(true);
    expect(packs.has("harga-pangan-ramadan")).toBe(true);
  });
});

describe("balanceWarnings", () => {
  it("warns about a lopsided pack, in Indonesian then English", () => {
    const r = validatePack(pack());
    expect(r.ok).toBe(true);
    const warnings = balanceWarnings((r as { pack: Pack }).pack);
    // every card: volatility, best = vision at index 0, only government needed
    expect(warnings.some((w) => w.startsWith("kondisi Ketidakpastian (uncertainty) hanya muncul 0 kali"))).toBe(true);
    expect(warnings.some((w) => w.startsWith("respons terbaik selalu Visi"))).toBe(true);
    expect(warnings.some((w) => w.startsWith("respons terbaik selalu berada di urutan ke-1"))).toBe(true);
    expect(warnings.some((w) => w.startsWith("peran Media (media) tidak pernah dibutuhkan"))).toBe(true);
    expect(warnings.filter((w) => w.includes("events["))).toEqual([]);
    for (const w of warnings) expect(w).toContain(" / ");
  });

  it("no longer warns when a card's best response is not the Prime for its condition, or two tie for top", () => {
    const doc = pack();
    doc.events[2].condition = "ambiguity";
    doc.events[3].options[1].points = 3; // a tie for top
    const warnings = balanceWarnings((validatePack(doc) as { pack: Pack }).pack);
    expect(warnings.filter((w) => w.includes("events[2]") || w.includes("events[3]"))).toEqual([]);
  });

  it("[FW1] warns when fewer than two cards break the formula 'answer the paired Prime'", () => {
    // a formula pack: every card volatility, Vision best (3), every other Prime 1
    const formula = (validatePack(pack()) as { pack: Pack }).pack;
    expect(formulaWarnings(formula)).toContain(
      "hanya 0 kartu yang respons terbaiknya bukan Prime pasangan kondisinya (atau dua respons sama-sama terbaik); paket terbaca sebagai rumus — tulis minimal 2 kartu seperti itu / " +
        "only 0 cards whose best response is not the condition's paired Prime (or two responses share the top); the pack reads as a formula — write at least 2 such cards",
    );
    // two twists (one card whose best is Clarity, one tie): that warning goes
    const doc = pack();
    doc.events[1].options[0].points = 1;
    doc.events[1].options[2].points = 3;
    doc.events[4].options[3].points = 3;
    const mixed = formulaWarnings((validatePack(doc) as { pack: Pack }).pack);
    expect(mixed.filter((w) => w.startsWith("hanya"))).toEqual([]);
  });

  it("[FW2] warns when, for one condition, a non-paired Prime scores the same on every card", () => {
    const formula = (validatePack(pack()) as { pack: Pack }).pack;
    const warnings = formulaWarnings(formula);
    for (const p of ["Pemahaman", "Kejelasan", "Ketangkasan"]) {
      expect(warnings.some((w) => w.startsWith(`pada setiap kartu Volatilitas, ${p} selalu bernilai 1;`))).toBe(true);
    }
    expect(warnings.some((w) => w.includes(", Visi selalu"))).toBe(false); // the paired Prime may be steady
    // vary Kejelasan on one card: its warning goes, the others stay
    const doc = pack();
    doc.events[2].options[2].points = 2;
    const varied = formulaWarnings((validatePack(doc) as { pack: Pack }).pack);
    expect(varied.some((w) => w.includes("Kejelasan selalu"))).toBe(false);
    expect(varied.some((w) => w.includes("Pemahaman selalu"))).toBe(true);
    // and it is part of the balance warnings the check command prints
    expect(balanceWarnings(formula).some((w) => w.startsWith("pada setiap kartu Volatilitas"))).toBe(true);
  });

  it("[FW3] finds no shipped pack that reads as a formula (the points vary beyond the condition's paired Prime)", () => {
    const { packs } = loadPacks();
    const flagged = [...packs.values()].flatMap((p) => formulaWarnings(p).map((w) => `${p.id}: ${w}`));
    expect(flagged).toEqual([]);
  });
});

describe("lengthGiveaways", () => {
  it("names the cards whose best response is the longest text by far, and a pack where it is the longest too often", () => {
    const doc = pack();
    doc.events[1].options[0].text = { id: "Pilihan 0 dengan penjelasan yang jauh lebih panjang", en: "Option 0" };
    const one = lengthGiveaways((validatePack(doc) as { pack: Pack }).pack);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatch(/^events\[1\] \(uji-2\): teks respons terbaik \(id\) 51 karakter, pilihan lain paling panjang 9;/);
    expect(one[0]).toContain(" / events[1] (uji-2): the best response's text (id) has 51 characters");

    // a little longer on every card: no card alone gives it away, but "pick the longest" wins every time
    for (const e of doc.events) {
      e.options.forEach((o: Doc, j: number) => (o.text = j === 0 ? { id: "Pilihan nomor satu", en: "Option number one!" } : { id: "Pilihan nomor dua", en: "Option number two" }));
    }
    const often = lengthGiveaways((validatePack(doc) as { pack: Pack }).pack);
    expect(often).toEqual([
      "respons terbaik adalah pilihan terpanjang (id) di 5 dari 5 kartu; samakan panjang pilihan / the best response is the longest option (id) on 5 of 5 cards; even out the options' lengths",
      "respons terbaik adalah pilihan terpanjang (en) di 5 dari 5 kartu; samakan panjang pilihan / the best response is the longest option (en) on 5 of 5 cards; even out the options' lengths",
    ]);
    expect(balanceWarnings((validatePack(doc) as { pack: Pack }).pack)).toEqual(expect.arrayContaining(often));
    expect(lengthGiveaways((validatePack(pack()) as { pack: Pack }).pack)).toEqual([]);
  });
});

describe("npm run scenarios:check", () => {
  const run = (args: string[]) => {
    const env = { ...process.env };
    delete env.ARENA_SCENARIOS_DIR;
    return spawnSync(TSX, ["scripts/check-scenarios.ts", ...args], { cwd: ROOT, env, encoding: "utf8" });
  };

  it("exits 1 on a broken file and prints the error", () => {
    const bad = pack();
    bad.events[3].options.pop();
    const file = write("cli-broken.yaml", bad);
    const r = run([file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${relative(ROOT, file)}: events[3].options: expected 4 options, got 3`);
  });

  it("exits 1 on a pack that breaks a counted rule, and says which", () => {
    const long = rulePack("uji-panjang");
    long.events[0].narrative = { id: "x".repeat(301) };
    delete long.events[1].facilitator;
    const file = write("cli-rules.yaml", long);
    const r = run([file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${relative(ROOT, file)}: events[0] (uji-1).narrative: 301 karakter, paling banyak 300`);
    expect(r.stderr).toContain(`${relative(ROOT, file)}: events[1] (uji-2).facilitator: wajib`);
  });

  it("exits 0 on a good file with warnings, prefixed PERINGATAN", () => {
    const file = write("cli-good.yaml", rulePack());
    const r = run([file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`OK ${relative(ROOT, file)} (5 kartu)`);
    expect(r.stdout).toMatch(/^PERINGATAN: .*cli-good\.yaml: /m);
  });

  it("exits 0 on the shipped packs and on the template", () => {
    const r = run([]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("OK scenarios/banjir-bandang.yaml (8 kartu)");
    expect(r.stdout).toContain("OK scenarios/harga-pangan-ramadan.yaml (8 kartu)");
    const t = run(["scenarios/templates/contoh-paket.yaml"]);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain("OK scenarios/templates/contoh-paket.yaml");
  });
});

describe("the counted rules (packRuleErrors)", () => {
  const rules = (doc: Doc) => packRuleErrors((validatePack(doc) as { pack: Pack }).pack);

  it("accepts a pack that keeps them", () => {
    expect(rules(rulePack())).toEqual([]);
  });

  it("counts twist cards: the top option is not the paired Prime, or two options tie", () => {
    const p = (validatePack(rulePack()) as { pack: Pack }).pack;
    expect(p.events.map(isTwist)).toEqual([false, true, true, true, false]);
    const flat = rulePack();
    flat.events.forEach((e: Doc) => (e.condition = "volatility"));
    flat.routes = undefined;
    expect(rules(flat)).toEqual(expect.arrayContaining([expect.stringContaining("hanya 0 kartu kejutan")]));
    const tie = rulePack();
    tie.events[0].options[1].points = 3;
    expect(isTwist((validatePack(tie) as { pack: Pack }).pack.events[0]!)).toBe(true);
  });

  it("refuses long texts, two questions, a definition opening, a paraphrased behaviour, Government everywhere, a missing route", () => {
    const p = rulePack();
    p.events[0].options[2].text = { id: "y".repeat(151) };
    p.events[0].options[2].reason = { id: "z".repeat(221) };
    p.events[1].reflection = { id: "Apa yang terjadi? Mengapa?" };
    p.events[4].reflection = { id: "Data apa yang Anda pegang, dan bagaimana Anda menjaganya?" };
    p.events[2].reflection = { id: "Kompeten berarti 'membantu orang lain belajar'. Siapa yang Anda bantu?" };
    p.events[3].behaviour = "suka membantu orang lain";
    p.events[4].rolesNeeded = ["government"];
    p.events[4].value = "adaptif";
    delete p.routes;
    const errors = rules(p).join("\n");
    expect(errors).toContain("options[2].text: 151 karakter, paling banyak 150");
    expect(errors).toContain("options[2].reason: 221 karakter, paling banyak 220");
    expect(errors).toContain("events[1] (uji-2).reflection: tulis satu pertanyaan saja");
    expect(errors).toContain("events[4] (uji-5).reflection: tulis satu pertanyaan saja, diakhiri tanda tanya (ada 1, dan dua pertanyaan digabung dengan 'dan')");
    expect(errors).toContain("events[2] (uji-3).reflection: buka dari situasi");
    expect(errors).toContain("events[3] (uji-4).behaviour: 'suka membantu orang lain' bukan perilaku Harmonis");
    expect(errors).toContain("Pemerintah dibutuhkan di setiap kartu");
    expect(errors).toContain("hanya 4 dari 7 nilai");
    expect(errors).toContain("routes.pendek: wajib");
  });

  it("asks for all 21 behaviours across the packs", () => {
    const missing = behaviourCoverageErrors([(validatePack(rulePack()) as { pack: Pack }).pack]);
    expect(missing).toHaveLength(16);
    expect(missing[0]).toContain("Memahami dan memenuhi kebutuhan masyarakat");
  });

  it("refuses a short route that does not cover the four conditions", () => {
    const p = rulePack();
    p.routes = { pendek: ["uji-1", "uji-2", "uji-3", "uji-5"] };
    expect(rules(p).join("\n")).toContain("routes.pendek: harus empat kartu");
    p.routes = { pendek: ["uji-1", "tidak-ada"] };
    expect(validatePack(p).ok).toBe(false);
  });
});

describe("source warnings", () => {
  it("warns when ' #' would cut a plain text short, not when it is quoted or a comment line", () => {
    const src = [
      "# komentar biasa",
      "title: Harga naik #2 minggu berturut-turut",
      'narrative: "Tagar #LambaiBocor naik"',
      "id: contoh-paket   # huruf kecil",
      "text: Tulis 3 x 24 jam",
    ].join("\n");
    const w = sourceWarnings(src);
    expect(w.filter((x) => x.includes("komentar YAML"))).toEqual([expect.stringMatching(/^baris 2: /)]);
    expect(w).toEqual(expect.arrayContaining([expect.stringMatching(/^baris 5: tulis '3 × 24 jam'/)]));
  });
});
