// Player names: the name as shown (cleaned), when two names are "the same"
// (a confusable skeleton, after Unicode TR39), and the free name suggested to
// a newcomer whose name is taken. Pure: runs on the server (the join rules,
// the room's dry run); the phone does not import it, so the look-alike table
// stays out of the phone bundle. NAME_MAX lives in shared/constants.ts (the
// phone's input limit).
import { remove as latinLookalikes } from "confusables";
import { NAME_MAX } from "../constants.js";
import type { GameState } from "./types.js";

export { NAME_MAX };

/**
 * Characters taken out of a name: they show nothing, or change how the rest is
 * shown. Format characters (Cf: zero-width space/joiners, soft hyphen, bidi
 * marks, embeddings, overrides and isolates, word joiner, BOM, tag characters),
 * every Default_Ignorable code point (variation selectors, combining grapheme
 * joiner, Hangul fillers U+115F/U+1160/U+3164/U+FFA0, Khmer U+17B4/U+17B5,
 * Mongolian U+180B–U+180F), lone surrogates (Cs), private-use (Co) and
 * unassigned (Cn) code points, and the blank braille pattern U+2800.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** What is left of a name once its invisible characters are taken out, and the spacing tidied. */
function clean(raw: string): string {
  // NFKC, not NFC: compatibility forms (fullwidth Ｂｕｄｉ, ℬ, ﬁ, circled and
  // math letters, the many widths of space) show as the plain letters they
  // stand for, so the name keeps the plain letters: it reads the same on the
  // board, and the 24-character limit counts what people see. A name loses
  // nothing it needs (only styling). Invisibles go before (so the marks
  // around them compose) and after (NFKC turns U+FFA0 into U+1160).
  return raw.replace(INVISIBLE, "").normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
}

/** A player's name as shown, or null when it is not acceptable. */
export function normaliseName(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  // Checked before anything is removed, so a tab or newline inside a name is refused, not hidden.
  if (/\p{Cc}/u.test(raw.trim())) return null;
  const name = clean(raw);
  // Something a person can read: at least one letter or digit.
  if (!/[\p{L}\p{N}]/u.test(name)) return null;
  if ([...name].length > NAME_MAX) return null;
  return name;
}

/**
 * The skeleton two names are compared by: names with the same skeleton look
 * alike on the board (`Budi`, `BUDI`, Cyrillic `Вudi`, fullwidth `Ｂｕｄｉ`,
 * `Budi` with a zero-width joiner). Look-alikes are mapped to Latin by the
 * `confusables` table (Cyrillic, Greek, Armenian, Cherokee, math and
 * enclosed letters…; it also drops accents, so `José` meets `Jose`), on the
 * name as written (an uppercase Greek Eta looks like H, a lowercase one like
 * n) and once more after case folding. Then the letters that one font or
 * another draws alike once case is ignored meet: i/l/1/| (TR39 maps I and 1
 * to l) and 0/o. Deliberately not TR39's "rn" → "m": it would set Arni
 * against Ami, two common names.
 */
export function nameSkeleton(name: string): string {
  const known = skeletons.get(name);
  if (known !== undefined) return known;
  const once = latinLookalikes(clean(name)).toLowerCase();
  const skeleton = latinLookalikes(once)
    .toLowerCase()
    .replace(/[l1|]/g, "i")
    .replace(/0/g, "o");
  // Every join compares with every seated name: remember the last few thousand.
  if (skeletons.size >= 4096) skeletons.clear();
  skeletons.set(name, skeleton);
  return skeleton;
}
const skeletons = new Map<string, string>();

/** Whether `name` looks like one of `names` (by skeleton). */
export function looksLikeAny(name: string, names: Iterable<string>): boolean {
  const key = nameSkeleton(name);
  for (const other of names) if (nameSkeleton(other) === key) return true;
  return false;
}

/**
 * A free name near `name` for a newcomer whose name is taken: `Budi 2`,
 * `Budi 3`… (by skeleton, so the suggestion is free too), or undefined.
 */
export function freeName(name: string, taken: Iterable<string>): string | undefined {
  const base = normaliseName(name);
  if (base === null) return undefined;
  const keys = new Set([...taken].map(nameSkeleton));
  const head = [...base].slice(0, NAME_MAX - 3).join("").trimEnd();
  for (let i = 2; i < 100; i++) {
    const candidate = `${head} ${i}`;
    if (!keys.has(nameSkeleton(candidate))) return candidate;
  }
  return undefined;
}

/** The free name to suggest to a newcomer whose `name` is taken in `game` (see freeName). */
export function suggestedName(game: GameState, name: string): string | undefined {
  return freeName(name, Object.values(game.players).map((p) => p.name));
}
