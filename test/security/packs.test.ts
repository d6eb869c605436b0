// Finding 10 of the security review: a scenario pack is text a trainer (or
// whoever can drop a file in ARENA_SCENARIOS_DIR) writes, and it reaches every
// phone. Invalid UTF-8 silently became U+FFFD, a 5 MB narrative loaded without
// a word, a YAML alias bomb ended the check and the server start with a raw
// ReferenceError stack, a missing `condition` read "Invalid option", and a
// card id reused from another pack was only a warning. Real files in a temp
// folder, the real loader and the real `scenarios:check` command.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";

import { checkPackFiles, loadPacks } from "../../server/packs.js";
import { packDoc, refusalsOf, writePackFile, type Doc } from "../helpers/pack-doc.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
let dir: string;

/** A valid pack of five cards. */
const pack = (id: string): Doc => packDoc(id, 5, { conditionReason: { id: "Keadaan berubah cepat dalam hitungan jam.", en: "Things change within hours." } });

const write = (name: string, content: Doc | string | Buffer, sub = ""): string => writePackFile(join(dir, sub), name, content);

const rel = (file: string) => relative(process.cwd(), file);

const errorsOf = refusalsOf;

/** `scenarios:check` on some files, as a trainer runs it. */
function check(files: string[]) {
  const env = { ...process.env };
  delete env.ARENA_SCENARIOS_DIR;
  return spawnSync(TSX, ["scripts/check-scenarios.ts", ...files], { cwd: ROOT, env, encoding: "utf8" });
}

/** Ten levels of ten aliases each: 10^10 items if expanded. */
function aliasBomb(): string {
  let src = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  let prev = "a";
  for (let i = 0; i < 9; i++) {
    const name = `b${i}`;
    src += `${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]\n`;
    prev = name;
  }
  return src;
}

beforeAll(() => {
  mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
  dir = mkdtempSync(join(ROOT, "test-artifacts", "sec-packs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pack files are refused, named, never half-read", () => {
  it("refuses invalid UTF-8 with the file and the line of the first bad byte", () => {
    const text = stringify(pack("utf-rusak"));
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.includes("Sesuatu terjadi."));
    lines[at] = lines[at]!.replace("Sesuatu", "Sesu\u0000tu");
    const bytes = Buffer.from(lines.join("\n"), "utf8");
    bytes[bytes.indexOf(0)] = 0xff; // a byte UTF-8 never uses
    const file = write("bad-utf8.yaml", bytes);
    expect(errorsOf(file)).toEqual([`${rel(file)}: line ${at + 1}: the file is not valid UTF-8 text; save it as UTF-8`]);

    // a Latin-1 "é" (0xE9 then ASCII) and a cut-off 4-byte sequence at the end
    const latin1 = write("latin1.yaml", Buffer.concat([Buffer.from("id: caf"), Buffer.from([0xe9]), Buffer.from("\ntitle: x\n")]));
    expect(errorsOf(latin1)).toEqual([`${rel(latin1)}: line 1: the file is not valid UTF-8 text; save it as UTF-8`]);
    const cut = write("cut.yaml", Buffer.concat([Buffer.from("id: a\ntitle: b\nx: "), Buffer.from([0xf0, 0x9f, 0x98])]));
    expect(errorsOf(cut)).toEqual([`${rel(cut)}: line 3: the file is not valid UTF-8 text; save it as UTF-8`]);
  });

  it("refuses a text above its cap, naming the field, and a file above the size cap", () => {
    const doc = pack("terlalu-panjang");
    doc.events[2].narrative = { id: "Banjir. ".repeat(200), en: "Flood." };
    doc.events[0].options[1].text = "x".repeat(401);
    doc.title = "j".repeat(81);
    const file = write("long.yaml", doc);
    expect(errorsOf(file)).toEqual([
      `${rel(file)}: title: too long: 81 characters, at most 80`,
      `${rel(file)}: events[0].options[1].text: too long: 401 characters, at most 400`,
      `${rel(file)}: events[2].narrative.id: too long: 1599 characters, at most 1200`,
    ]);

    const huge = pack("sangat-besar");
    huge.events[0].narrative = "Banjir. ".repeat(5 * 1024 * 128); // 5 MB
    const big = write("huge.yaml", huge);
    const [error, ...rest] = errorsOf(big);
    expect(rest).toEqual([]);
    expect(error).toMatch(new RegExp(`^${rel(big)}: \\(top\\): the file is too large \\(5\\d{3} KB, at most 256 KB\\)$`));
  });

  it("refuses a YAML alias bomb with a named error, in the loader, at server start and in scenarios:check", () => {
    const file = write("bomb.yaml", aliasBomb(), "bomb");
    const expected = `${rel(file)}: (top): too many YAML aliases (more than 100 expansions of *alias); write the text out instead`;
    expect(errorsOf(file)).toEqual([expected]);
    const { packs, errors } = loadPacks([join(dir, "bomb")]);
    expect(packs.size).toBe(0);
    expect(errors).toEqual([expected]);
    const r = check([file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${relative(ROOT, file)}: (top): too many YAML aliases`);
    expect(r.stderr).not.toMatch(/ReferenceError|\n\s+at /);
  });

  it("says 'required field is missing' for every missing field", () => {
    const required = ["id", "title", "narrative", "condition", "conditionReason", "options", "rolesNeeded", "reflection", "value"];
    const optionFields = ["prime", "text", "points", "reason"];
    for (const field of required) {
      const doc = pack("kurang-kolom");
      delete doc.events[1][field];
      expect(errorsOf(write(`missing-${field}.yaml`, doc)), field).toContain(
        `${rel(join(dir, `missing-${field}.yaml`))}: events[1].${field}: required field is missing`,
      );
    }
    for (const field of optionFields) {
      const doc = pack("kurang-kolom");
      delete doc.events[0].options[2][field];
      const file = write(`missing-option-${field}.yaml`, doc);
      expect(errorsOf(file), field).toContain(`${rel(file)}: events[0].options[2].${field}: required field is missing`);
    }
    for (const field of ["id", "title", "description", "events"]) {
      const doc = pack("kurang-kolom");
      delete doc[field];
      const file = write(`missing-pack-${field}.yaml`, doc);
      expect(errorsOf(file), field).toContain(`${rel(file)}: ${field}: required field is missing`);
    }
  });

  it("refuses a card id reused across packs, naming both, at server start and in scenarios:check", () => {
    const first = write("a.yaml", pack("paket-satu"), "reuse");
    const doc = pack("paket-dua");
    doc.events[3].id = "paket-satu-2";
    const second = write("b.yaml", doc, "reuse");
    const expected = `${rel(second)}: events[3].id: card id 'paket-satu-2' is already used in pack 'paket-satu' (${rel(first)})`;
    expect(checkPackFiles([first, second]).errors).toEqual([expected]);
    const { packs, errors } = loadPacks([join(dir, "reuse")]);
    expect(packs.size).toBe(0);
    expect(errors).toEqual([expected]);
    const r = check([first, second]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${relative(ROOT, second)}: events[3].id: card id 'paket-satu-2' is already used in pack 'paket-satu'`);
  });

  it("every shipped pack still loads and passes scenarios:check", () => {
    const { packs, errors } = loadPacks([join(ROOT, "scenarios")]);
    expect(errors).toEqual([]);
    expect(packs.size).toBeGreaterThanOrEqual(6);
    const r = check([]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
