// A scenario pack as its YAML file holds it (a plain document, before the
// loader checks it), for the tests of the loader, the check command and the
// console's pack routes: five valid cards unless told otherwise; a test
// breaks the copy it was given. Writing one to a file, and what the loader
// says of a file it refuses.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { stringify } from "yaml";
import { loadPackFile } from "../../server/packs.js";
import { PRIMES } from "../../shared/scenario.js";

export type Doc = Record<string, any>;

/** Card `n` of a test pack; `fields` replace the defaults (in their place). */
export function cardDoc(id: string, n: number, fields: Doc = {}): Doc {
  return {
    id,
    title: { id: `Kartu ${n}`, en: `Card ${n}` },
    narrative: { id: "Sesuatu terjadi.", en: "Something happens." },
    condition: "volatility",
    conditionReason: { id: "Karena cepat.", en: "Because fast." },
    options: PRIMES.map((prime, i) => ({
      prime,
      text: { id: `Pilihan ${i}`, en: `Option ${i}` },
      points: i === 0 ? 3 : 1,
      reason: { id: "Karena.", en: "Because." },
    })),
    rolesNeeded: ["government"],
    rolesHarmful: [],
    reflection: { id: "Apa pendapat Anda?", en: "What do you think?" },
    value: "adaptif",
    ...fields,
  };
}

/** A pack of `cards` cards named `${id}-1`, `${id}-2`…, each with `cardFields`. */
export function packDoc(id: string, cards = 5, cardFields: Doc = {}): Doc {
  return {
    id,
    title: { id: "Paket Uji", en: "Test pack" },
    description: "Untuk pengujian.",
    events: Array.from({ length: cards }, (_x, k) => cardDoc(`${id}-${k + 1}`, k + 1, cardFields)),
  };
}

/** Writes a pack file (a document as YAML, or the text or bytes as given) into `folder`, made when missing; its path. */
export function writePackFile(folder: string, name: string, content: Doc | string | Buffer): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  writeFileSync(file, Buffer.isBuffer(content) || typeof content === "string" ? content : stringify(content));
  return file;
}

/** The loader's errors for a file it must refuse. */
export function refusalsOf(file: string): string[] {
  const r = loadPackFile(file);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}
