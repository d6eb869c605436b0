// The scenario pack schema: what a trainer writes in scenarios/*.yaml.
// Parsed with zod so that the server, the check command and the tests all
// refuse a broken pack with the same message.
import { z } from "zod";

import { PRIMES, CONDITIONS, ROLES, VALUES, type Text } from "./vuca.js";
export * from "./vuca.js";

const nonEmpty = z.string().trim().min(1, "must not be empty");
/** `title: Banjir` or `title: { id: Banjir, en: Flood }`. */
export const TextSchema = z.union([
  nonEmpty.transform((id): Text => ({ id })),
  z.strictObject({ id: nonEmpty, en: nonEmpty.optional() }),
]);

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, "must be 2–48 lowercase letters, digits or '-'");

const uniqueList = <T extends string>(item: z.ZodType<T>) =>
  z.array(item).refine((xs) => new Set(xs).size === xs.length, "must not repeat a role");

export const OptionSchema = z.strictObject({
  prime: z.enum(PRIMES),
  text: TextSchema,
  points: z.number().int().min(0).max(5),
  reason: TextSchema,
});
export type Option = z.output<typeof OptionSchema>;

export const EventCardSchema = z
  .strictObject({
    id: slug,
    title: TextSchema,
    narrative: TextSchema,
    condition: z.enum(CONDITIONS),
    /** An optional emoji or short icon name shown with the card. */
    icon: z.string().max(16).optional(),
    options: z.array(OptionSchema).superRefine((opts, ctx) => {
      if (opts.length !== 4) {
        ctx.addIssue({ code: "custom", message: `expected 4 options, got ${opts.length}` });
        return;
      }
      const seen = new Set(opts.map((o) => o.prime));
      const missing = PRIMES.filter((p) => !seen.has(p));
      if (missing.length > 0) {
        ctx.addIssue({ code: "custom", message: `expected one option per Prime, missing ${missing.join(", ")}` });
      }
    }),
    rolesNeeded: uniqueList(z.enum(ROLES)).refine((xs) => xs.length > 0, "must name at least one role"),
    rolesHarmful: uniqueList(z.enum(ROLES)).default([]),
    reflection: TextSchema,
    value: z.enum(VALUES),
    /** The behaviour of the value the reflection question names, e.g. "cepat menyesuaikan diri". */
    behaviour: TextSchema.optional(),
    /** The cues in the narrative that show the condition (shown at the reveal). The pack check requires it. */
    conditionReason: TextSchema.optional(),
    /** A second defensible reading of the situation. */
    alsoCondition: z.enum(CONDITIONS).optional(),
    /** Notes for the trainer: the cues, the common misreading, two probing questions. */
    facilitator: TextSchema.optional(),
  })
  .superRefine((card, ctx) => {
    const both = card.rolesHarmful.filter((r) => card.rolesNeeded.includes(r));
    if (both.length > 0) {
      ctx.addIssue({ code: "custom", path: ["rolesHarmful"], message: `a role cannot be both needed and harmful: ${both.join(", ")}` });
    }
  });
export type EventCard = z.output<typeof EventCardSchema>;

export const ScoringSchema = z.strictObject({
  /** Points for each committed role that the event needs. */
  neededRole: z.number().int().min(0).max(10).default(1),
  /** Points taken for each committed role that the event lists as harmful. */
  harmfulRole: z.number().int().min(0).max(10).default(1),
  /** Bonus when every needed role is committed. */
  allNeededBonus: z.number().int().min(0).max(10).default(2),
  /** Points for naming the condition (default 2). */
  diagnosis: z.number().int().min(0).max(10).optional(),
});
export type Scoring = z.output<typeof ScoringSchema>;
export const DEFAULT_SCORING: Scoring = { neededRole: 1, harmfulRole: 1, allNeededBonus: 2 };

export const PackSchema = z
  .strictObject({
    id: slug,
    title: TextSchema,
    description: TextSchema,
    language: z.enum(["id"]).default("id"),
    scoring: ScoringSchema.optional(),
    /** Shorter plays of the pack: route name → card ids, e.g. `pendek: [a, b, c, d]`. */
    routes: z.record(slug, z.array(slug).min(1)).optional(),
    events: z.array(EventCardSchema).superRefine((evs, ctx) => {
      if (evs.length < 5 || evs.length > 12) {
        ctx.addIssue({ code: "custom", message: `expected 5 to 12 event cards, got ${evs.length}` });
      }
    }),
  })
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>();
    pack.events.forEach((ev, i) => {
      const first = seen.get(ev.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: ["events", i, "id"], message: `duplicate event id '${ev.id}' (also events[${first}])` });
      } else seen.set(ev.id, i);
    });
    for (const [name, ids] of Object.entries(pack.routes ?? {})) {
      ids.forEach((id, i) => {
        if (!seen.has(id)) ctx.addIssue({ code: "custom", path: ["routes", name, i], message: `no card with id '${id}' in this pack` });
      });
    }
  });
export type Pack = z.output<typeof PackSchema> & { scoring?: Scoring | undefined };

/** Where a pack is refused: `events[3].options`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(top)";
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** Validate an already-parsed YAML document. Errors read `events[3].options: expected 4 options, got 3`. */
export function validatePack(doc: unknown): PackResult {
  const parsed = PackSchema.safeParse(doc, { reportInput: true });
  if (parsed.success) return { ok: true, pack: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${messageOf(issue)}`),
  };
}

/** Zod's words where they would puzzle a trainer ("Invalid input"), its own message otherwise. */
function messageOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if ((issue.code === "invalid_union" || issue.code === "invalid_type") && input === undefined) {
    return "required field is missing";
  }
  if (issue.code === "invalid_union" && typeof input === "string") return "must not be empty";
  if (issue.code === "invalid_union") return "expected a text: a string or { id: ..., en: ... }";
  if (issue.code === "unrecognized_keys") {
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  }
  return issue.message;
}

export function scoringOf(pack: Pick<Pack, "scoring">): Scoring {
  return { ...DEFAULT_SCORING, ...(pack.scoring ?? {}) };
}
