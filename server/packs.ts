// Loads the scenario packs (scenarios/*.yaml, plus ARENA_SCENARIOS_DIR) and
// checks them. All or nothing: one broken file, one pack id used twice or one
// card id used in two packs, and the caller gets errors and no packs, so the server refuses to start.
// Every error reads `scenarios/banjir.yaml: events[3].options: expected 4 options, got 3`.
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseDocument } from "yaml";

import { readConfig } from "./config.js";
import { BEHAVIOURS } from "../shared/behaviours.js";
import { CONDITIONS, PRIME_FOR, PRIMES, ROLES, validatePack, type Condition, type EventCard, type Pack, type Prime, type Role } from "../shared/scenario.js";

export type LoadResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? resolve(file) : rel;
}

/** The largest pack file read (bytes): a full 12-card pack in two languages is well under 100 KB. */
export const MAX_PACK_BYTES = 256 * 1024;
/** Alias expansions allowed in one file (YAML's "billion laughs" stops here). */
export const MAX_YAML_ALIASES = 100;

/** The 1-based line of the first byte that is not UTF-8, or null when the bytes are valid UTF-8. */
export function firstBadUtf8Line(bytes: Uint8Array): number | null {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    // length of the sequence, and the range its second byte must fall in (no overlongs, surrogates, > U+10FFFF)
    let n = 1;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) n = 1;
    else if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) [n, lo, hi] = [3, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [n, lo, hi] = [4, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return line;
    for (let k = 1; k < n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return line;
    }
    i += n;
  }
  return null;
}

/** Read, parse and check one pack file. Never throws: whatever is wrong comes back as an error naming the file. */
export function loadPackFile(path: string): LoadResult {
  const name = displayPath(path);
  try {
    return readPackFile(path, name);
  } catch (err) {
    // A stack overflow on absurd nesting, or anything else the parser throws: one line, no stack.
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return { ok: false, errors: [`${name}: cannot read the pack: ${message}`] };
  }
}

function readPackFile(path: string, name: string): LoadResult {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_PACK_BYTES) return { ok: false, errors: [tooLarge(name, size)] };
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, errors: [`${name}: cannot read the file${code ? ` (${code})` : ""}`] };
  }
  if (bytes.length > MAX_PACK_BYTES) return { ok: false, errors: [tooLarge(name, bytes.length)] };
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const line = firstBadUtf8Line(bytes) ?? 1;
    return { ok: false, errors: [`${name}: line ${line}: the file is not valid UTF-8 text; save it as UTF-8`] };
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}` : "(top)";
        const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        return `${name}: ${where}: YAML syntax error: ${message}`;
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      return {
        ok: false,
        errors: [`${name}: (top): too many YAML aliases (more than ${MAX_YAML_ALIASES} expansions of *alias); write the text out instead`],
      };
    }
    throw err;
  }
  if (data === null || data === undefined) return { ok: false, errors: [`${name}: (top): the file is empty`] };
  const result = validatePack(data);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e) => `${name}: ${e}`) };
}

function tooLarge(name: string, bytes: number): string {
  return `${name}: (top): the file is too large (${Math.ceil(bytes / 1024)} KB, at most ${MAX_PACK_BYTES / 1024} KB)`;
}

/** The folders the server reads: the repo's scenarios/ and, when set, ARENA_SCENARIOS_DIR. */
export function defaultScenarioDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return readConfig(env).scenarioDirs;
}

/** The top-level *.yaml / *.yml files of each folder (sub-folders such as templates/ are not read). */
export function listPackFiles(dirs: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      errors.push(`${displayPath(dir)}: scenario folder not found`);
      continue;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push(`${displayPath(dir)}: cannot read the scenario folder${code ? ` (${code})` : ""}`);
      continue;
    }
    const names = entries
      .filter((d) => (d.isFile() || d.isSymbolicLink()) && /\.ya?ml$/i.test(d.name) && !d.name.startsWith("."))
      .map((d) => d.name)
      .sort();
    for (const n of names) files.push(join(dir, n));
  }
  return { files, errors };
}

export interface FileReport {
  file: string;
  pack?: Pack;
  errors: string[];
}

/** Check a list of files and the rules across them (a pack id used twice, a card id used in two packs). */
export function checkPackFiles(files: string[]): { reports: FileReport[]; packs: Map<string, Pack>; errors: string[] } {
  const reports: FileReport[] = [];
  const packs = new Map<string, Pack>();
  const from = new Map<string, string>();
  const cardOwner = new Map<string, { pack: string; file: string }>();
  for (const file of files) {
    const result = loadPackFile(file);
    if (!result.ok) {
      reports.push({ file, errors: result.errors });
      continue;
    }
    const other = from.get(result.pack.id);
    if (other !== undefined) {
      reports.push({
        file,
        errors: [`${displayPath(file)}: id: duplicate pack id '${result.pack.id}' (also in ${displayPath(other)})`],
      });
      continue;
    }
    // Card ids are unique across packs (results and exports name cards by id): a reused one refuses the later file.
    const reused = result.pack.events.flatMap((ev, i) => {
      const owner = cardOwner.get(ev.id);
      return owner ? [`${displayPath(file)}: events[${i}].id: card id '${ev.id}' is already used in pack '${owner.pack}' (${displayPath(owner.file)})`] : [];
    });
    if (reused.length > 0) {
      reports.push({ file, errors: reused });
      continue;
    }
    for (const ev of result.pack.events) cardOwner.set(ev.id, { pack: result.pack.id, file });
    from.set(result.pack.id, file);
    packs.set(result.pack.id, result.pack);
    reports.push({ file, pack: result.pack, errors: [] });
  }
  return { reports, packs, errors: reports.flatMap((r) => r.errors) };
}

/**
 * Load every pack of the given folders. Never half-loads: when there is any
 * error, `packs` is empty and the caller must refuse to start.
 */
export function loadPacks(dirs: string[] = defaultScenarioDirs()): { packs: Map<string, Pack>; errors: string[] } {
  const listed = listPackFiles(dirs);
  const checked = checkPackFiles(listed.files);
  const errors = [...listed.errors, ...checked.errors];
  return { packs: errors.length > 0 ? new Map() : checked.packs, errors };
}

// ---------------------------------------------------------------------------
// Balance: advice to the author, never a reason to refuse a pack.

const PRIME_ID: Record<Prime, string> = {
  vision: "Visi",
  understanding: "Pemahaman",
  clarity: "Kejelasan",
  agility: "Ketangkasan",
};
const PRIME_EN: Record<Prime, string> = {
  vision: "Vision",
  understanding: "Understanding",
  clarity: "Clarity",
  agility: "Agility",
};
const CONDITION_ID: Record<Condition, string> = {
  volatility: "Volatilitas",
  uncertainty: "Ketidakpastian",
  complexity: "Kompleksitas",
  ambiguity: "Ambiguitas",
};
const CONDITION_EN: Record<Condition, string> = {
  volatility: "Volatility",
  uncertainty: "Uncertainty",
  complexity: "Complexity",
  ambiguity: "Ambiguity",
};
const ROLE_ID: Record<Role, string> = {
  government: "Pemerintah",
  academia: "Akademisi",
  business: "Dunia Usaha",
  community: "Komunitas",
  media: "Media",
};

/** The index of the option with the most points (the first, on a tie). */
export function bestOptionIndex(card: Pick<EventCard, "options">): number {
  let best = 0;
  card.options.forEach((o, i) => {
    if (o.points > card.options[best]!.points) best = i;
  });
  return best;
}

/**
 * Where the length of the options gives the best one away, each "Indonesian /
 * English": a best option more than 10 % longer than every other option of
 * its card, or (over a pack) the best option the longest in more than 3 cards
 * of 8. Players soon learn to pick the longest answer.
 */
export function lengthGiveaways(pack: Pack): string[] {
  const out: string[] = [];
  for (const lang of ["id", "en"] as const) {
    let longest = 0;
    let cards = 0;
    pack.events.forEach((e, i) => {
      const lengths = e.options.map((o) => (lang === "id" ? o.text.id : o.text.en)?.length);
      if (lengths.some((n) => n === undefined)) return;
      cards++;
      const best = bestOptionIndex(e);
      const other = Math.max(...lengths.filter((_n, j) => j !== best).map(Number));
      const mine = lengths[best]!;
      if (mine > other) longest++;
      if (mine > 1.1 * other) {
        out.push(
          `events[${i}] (${e.id}): teks respons terbaik (${lang}) ${mine} karakter, pilihan lain paling panjang ${other}; peserta bisa menebak dari panjangnya / ` +
            `events[${i}] (${e.id}): the best response's text (${lang}) has ${mine} characters, the longest other ${other}; players can guess it by its length`,
        );
      }
    });
    if (cards > 0 && longest > Math.ceil((3 / 8) * cards)) {
      out.push(
        `respons terbaik adalah pilihan terpanjang (${lang}) di ${longest} dari ${cards} kartu; samakan panjang pilihan / ` +
          `the best response is the longest option (${lang}) on ${longest} of ${cards} cards; even out the options' lengths`,
      );
    }
  }
  return out;
}

/** Cards whose top points go to an option other than the paired Prime, or to two options at once. */
export function twistCards(pack: Pack): string[] {
  return pack.events
    .filter((e) => {
      const top = Math.max(...e.options.map((o) => o.points));
      const best = e.options.filter((o) => o.points === top);
      return best.length > 1 || best[0]!.prime !== PRIME_FOR[e.condition];
    })
    .map((e) => e.id);
}

/**
 * Where a pack reads as a formula — "condition X, answer its Prime" — so that
 * a team can score without reading the situation: fewer than two "twist"
 * cards (the top option is not the paired Prime, or two options share the top
 * points); or, for one condition, a Prime other than the paired one scoring
 * the same on every card of that condition. A best option that is not the
 * paired Prime, or a tie for top, is no longer a warning: it is what a pack
 * needs.
 */
export function formulaWarnings(pack: Pack): string[] {
  const out: string[] = [];
  const twists = twistCards(pack);
  if (pack.events.length > 1 && twists.length < 2) {
    out.push(
      `hanya ${twists.length} kartu yang respons terbaiknya bukan Prime pasangan kondisinya (atau dua respons sama-sama terbaik); paket terbaca sebagai rumus — tulis minimal 2 kartu seperti itu / ` +
        `only ${twists.length} card${twists.length === 1 ? "" : "s"} whose best response is not the condition's paired Prime (or two responses share the top); the pack reads as a formula — write at least 2 such cards`,
    );
  }
  for (const c of CONDITIONS) {
    const cards = pack.events.filter((e) => e.condition === c);
    if (cards.length < 2) continue;
    for (const p of PRIMES) {
      if (p === PRIME_FOR[c]) continue;
      const points = new Set(cards.map((e) => e.options.find((o) => o.prime === p)?.points));
      if (points.size !== 1) continue;
      const n = [...points][0];
      out.push(
        `pada setiap kartu ${CONDITION_ID[c]}, ${PRIME_ID[p]} selalu bernilai ${n}; peserta bisa menghafal nilainya — variasikan / ` +
          `on every ${CONDITION_EN[c]} card ${PRIME_EN[p]} scores ${n}; players can learn the points by heart — vary them`,
      );
    }
  }
  return out;
}

/** Warnings (not errors) about a pack's balance, each "Indonesian / English". */
export function balanceWarnings(pack: Pack): string[] {
  const warnings: string[] = [];
  const cards = pack.events;

  // Twice each in a full pack; once is enough in a short pack of fewer than 8 cards.
  const enough = cards.length >= 8 ? 2 : 1;
  for (const c of CONDITIONS) {
    const n = cards.filter((e) => e.condition === c).length;
    if (n < enough) {
      warnings.push(
        `kondisi ${CONDITION_ID[c]} (${c}) hanya muncul ${n} kali; usahakan minimal 2 kali / ` +
          `the condition ${CONDITION_EN[c]} appears ${n} time${n === 1 ? "" : "s"}; aim for at least 2`,
      );
    }
  }

  if (cards.length > 1) {
    const primes = new Set(cards.map((e) => e.options[bestOptionIndex(e)]!.prime));
    if (primes.size === 1) {
      const p = [...primes][0]!;
      warnings.push(
        `respons terbaik selalu ${PRIME_ID[p]} di setiap kartu; peserta bisa menebak tanpa membaca situasi / ` +
          `the best response is ${PRIME_EN[p]} on every card; players can guess without reading the situation`,
      );
    }
    const positions = new Set(cards.map((e) => bestOptionIndex(e)));
    if (positions.size === 1) {
      const pos = [...positions][0]! + 1;
      warnings.push(
        `respons terbaik selalu berada di urutan ke-${pos} di setiap kartu; acak urutan pilihannya / ` +
          `the best response is option ${pos} on every card; shuffle the order of the options`,
      );
    }
  }

  const needed = new Set(cards.flatMap((e) => e.rolesNeeded));
  for (const r of ROLES) {
    if (!needed.has(r)) {
      warnings.push(
        `peran ${ROLE_ID[r]} (${r}) tidak pernah dibutuhkan di paket ini / the role ${r} is never needed in this pack`,
      );
    }
  }

  warnings.push(...lengthGiveaways(pack));

  warnings.push(...formulaWarnings(pack));

  return warnings;
}

// ---------------------------------------------------------------------------
// Pack rules: what a widyaiswara must be able to defend in front of a class
// (issue #17). Errors for `npm run scenarios:check` and the balance test of
// the shipped packs; the server still loads a pack that breaks them.

/** Projector limits, in characters of the Indonesian text. */
export const LIMITS = { narrative: 300, option: 150, reason: 220, reflection: 200 } as const;

/** A twist card: its top option is not the condition's paired Prime, or two options tie for top. */
export function isTwist(card: Pick<EventCard, "options" | "condition">): boolean {
  const max = Math.max(...card.options.map((o) => o.points));
  const top = card.options.filter((o) => o.points === max);
  return top.length > 1 || top[0]!.prime !== PRIME_FOR[card.condition];
}

const VALUE_NAMES = Object.values(BEHAVIOURS).map((v) => v.name.toLowerCase());

/** Errors against the pack rules, each "Indonesian / English", with where. */
export function packRuleErrors(pack: Pack): string[] {
  const out: string[] = [];
  const err = (where: string, id: string, en: string) => out.push(`${where}: ${id} / ${en}`);
  const cards = pack.events;

  cards.forEach((e, i) => {
    const at = `events[${i}] (${e.id})`;
    const long = (what: string, text: string, max: number) => {
      if (text.length > max) {
        err(`${at}.${what}`, `${text.length} karakter, paling banyak ${max} agar terbaca di layar`, `${text.length} characters, at most ${max} to fit the projector`);
      }
    };
    long("narrative", e.narrative.id, LIMITS.narrative);
    e.options.forEach((o, j) => {
      long(`options[${j}].text`, o.text.id, LIMITS.option);
      long(`options[${j}].reason`, o.reason.id, LIMITS.reason);
    });
    const q = e.reflection.id.trim();
    long("reflection", q, LIMITS.reflection);
    const marks = (q.match(/\?/g) ?? []).length;
    // "Apa …, dan bagaimana …?" is two questions behind one question mark.
    const paired = /,\s+(dan|lalu|serta)\s+(apa|apakah|bagaimana|siapa|mengapa|kapan|di mana|langkah)\b/i.test(q);
    if (marks !== 1 || !q.endsWith("?") || paired) {
      err(`${at}.reflection`, `tulis satu pertanyaan saja, diakhiri tanda tanya (ada ${marks}${paired ? ", dan dua pertanyaan digabung dengan 'dan'" : ""})`, `write one question only, ending with a question mark (found ${marks}${paired ? ", and two questions joined by 'and'" : ""})`);
    }
    const first = q.toLowerCase();
    if (VALUE_NAMES.some((v) => first.startsWith(`${v} berarti`)) || /^\S+ berarti ['"‘“]/i.test(q)) {
      err(`${at}.reflection`, "buka dari situasi, bukan dari definisi nilai ('X berarti …')", "open from the situation, not from a definition ('X means …')");
    }
    if (!e.conditionReason) err(`${at}.conditionReason`, "wajib: petunjuk di narasi yang menunjukkan kondisinya", "required: the cues in the narrative that show the condition");
    if (!e.facilitator) err(`${at}.facilitator`, "wajib: petunjuk, salah baca yang sering terjadi, dua pertanyaan pendalaman", "required: the cues, the common misreading, two probing questions");
    if (e.behaviour) {
      const allowed = BEHAVIOURS[e.value].behaviours.map((b) => b.id);
      if (!allowed.includes(e.behaviour.id)) {
        err(`${at}.behaviour`, `'${e.behaviour.id}' bukan perilaku ${BEHAVIOURS[e.value].name} menurut SE MenPANRB 20/2021; pilih salah satu: ${allowed.join(" | ")}`, `not a behaviour of ${BEHAVIOURS[e.value].en} as SE MenPANRB 20/2021 words it`);
      }
    } else {
      err(`${at}.behaviour`, "wajib: satu perilaku dari SE MenPANRB 20/2021, dikutip persis", "required: one behaviour of SE MenPANRB 20/2021, quoted exactly");
    }
  });

  const twists = cards.filter(isTwist).length;
  if (twists < 2) {
    err("events", `hanya ${twists} kartu kejutan; perlu minimal 2 (respons terbaik bukan Prime pasangan kondisinya, atau dua respons sama-sama terbaik)`, `only ${twists} twist cards; at least 2 needed (top option not the paired Prime, or two options tie for top)`);
  }
  const values = new Set(cards.map((e) => e.value));
  if (values.size < 5) {
    err("events", `hanya ${values.size} dari 7 nilai BerAKHLAK dipakai; perlu minimal 5`, `only ${values.size} of the 7 values used; at least 5 needed`);
  }
  if (cards.every((e) => e.rolesNeeded.includes("government"))) {
    err("events", "Pemerintah dibutuhkan di setiap kartu; buat minimal satu kartu yang digerakkan pihak lain", "Government is needed on every card; let at least one card be carried by the others");
  }
  const patterns = new Set(cards.map((e) => e.options.map((o) => o.points).sort().join(",")));
  if (patterns.size < 2) {
    err("events", "sebaran poin sama di setiap kartu; variasikan", "every card has the same spread of points; vary it");
  }
  const short = pack.routes?.["pendek"];
  if (!short) {
    err("routes.pendek", "wajib: rute pendek empat kartu yang mencakup keempat kondisi", "required: a short route of four cards covering the four conditions");
  } else {
    const byId = new Map(cards.map((e) => [e.id, e]));
    const conds = new Set(short.map((id) => byId.get(id)?.condition));
    if (short.length !== 4 || CONDITIONS.some((c) => !conds.has(c))) {
      err("routes.pendek", "harus empat kartu, satu untuk setiap kondisi VUCA", "must be four cards, one for each VUCA condition");
    }
  }
  return out;
}

/** Errors across all shipped packs: every one of the 21 behaviours used at least once. */
export function behaviourCoverageErrors(packs: Iterable<Pack>): string[] {
  const used = new Set<string>();
  for (const p of packs) for (const e of p.events) if (e.behaviour) used.add(e.behaviour.id);
  const missing = Object.values(BEHAVIOURS).flatMap((v) => v.behaviours.map((b) => b.id)).filter((b) => !used.has(b));
  return missing.map((b) => `perilaku '${b}' tidak dipakai di paket mana pun / behaviour not used in any pack`);
}

/** Template phrases and words the house style replaces (warnings). */
const STYLE: [RegExp, string][] = [
  [/dijawab dengan/i, "'dijawab dengan' terdengar seperti templat"],
  [/\blincah|kelincahan/i, "pakai 'Ketangkasan' untuk Agility"],
  [/\b3 x 24\b/i, "tulis '3 × 24 jam'"],
  [/\bvendor\b/i, "tulis 'penyedia'"],
];

/**
 * Warnings from the source text of a pack: a ` #` inside a plain text starts
 * a YAML comment and silently drops the rest of the line; template phrases.
 */
export function sourceWarnings(source: string): string[] {
  const out: string[] = [];
  source.split("\n").forEach((line, i) => {
    const body = line.trimStart();
    if (body.startsWith("#")) return;
    const value = body.replace(/^-\s+/, "").replace(/^[A-Za-z]+:\s*/, "");
    if (/^["']/.test(value)) return; // quoted: the # is text
    const hash = value.indexOf(" #");
    if (hash >= 0 && /\S \S/.test(value.slice(0, hash)) && /^(id|en|text|reason|narrative|reflection|title|description|conditionReason|facilitator)?$/.test(body.match(/^(?:-\s+)?([A-Za-z]+):/)?.[1] ?? "")) {
      out.push(
        `baris ${i + 1}: ' #' memulai komentar YAML, sisa baris ini hilang; beri tanda kutip pada teksnya / ` +
          `line ${i + 1}: ' #' starts a YAML comment and drops the rest of the line; quote the text`,
      );
    }
    if (line.includes("\t")) out.push(`baris ${i + 1}: ada karakter tab; pakai spasi / line ${i + 1}: contains a tab; use spaces`);
    for (const [re, hint] of STYLE) if (re.test(value)) out.push(`baris ${i + 1}: ${hint} / line ${i + 1}: house style`);
  });
  return out;
}
