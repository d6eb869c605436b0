// The game's vocabulary as plain constants, with no library behind them, so
// that the phone page can import them without pulling in the schema library.
export const PRIMES = ["vision", "understanding", "clarity", "agility"] as const;
export type Prime = (typeof PRIMES)[number];

export const CONDITIONS = ["volatility", "uncertainty", "complexity", "ambiguity"] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Each VUCA condition has its counter, the "VUCA Prime". */
export const PRIME_FOR: Record<Condition, Prime> = {
  volatility: "vision",
  uncertainty: "understanding",
  complexity: "clarity",
  ambiguity: "agility",
};

/** The pentahelix role cards, in the order they are shown. */
export const ROLES = ["government", "academia", "business", "community", "media"] as const;
export type Role = (typeof ROLES)[number];

/** The seven BerAKHLAK core values. */
export const VALUES = [
  "berorientasi-pelayanan",
  "akuntabel",
  "kompeten",
  "harmonis",
  "loyal",
  "adaptif",
  "kolaboratif",
] as const;
export type CoreValue = (typeof VALUES)[number];

/** A string in Bahasa Indonesia with an optional English text beside it. */
export interface Text {
  id: string;
  en?: string | undefined;
}

/** The text in the chosen language, falling back to Indonesian. */
export function say(text: Text | undefined, lang: "id" | "en"): string {
  if (!text) return "";
  return lang === "en" && text.en ? text.en : text.id;
}
