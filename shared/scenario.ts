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
    /** The cues in the narrative that show the condition: shown at the reveal, never before. */
    conditionReason: TextSchema,
    /** A second defensible reading: a team that names it earns the smaller diagnosis points. */
    alsoCondition: z.enum(CONDITIONS).optional(),
    /** Notes for the trainer only (cues, the common misreading, probing questions): the console, never the board. */
    facilitator: TextSchema.optional(),
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
  })
  .superRefine((card, ctx) => {
    const both = card.rolesHarmful.filter((r) => card.rolesNeeded.includes(r));
    if (both.length > 0) {
      ctx.addIssue({ code: "custom", path: ["rolesHarmful"], message: `a role cannot be both needed and harmful: ${both.join(", ")}` });
    }
    if (card.alsoCondition !== undefined && card.alsoCondition === card.condition) {
      ctx.addIssue({ code: "custom", path: ["alsoCondition"], message: "must differ from condition" });
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
  /** Points when the team's diagnosis is the card's condition. */
  diagnosis: z.number().int().min(0).max(10).default(2),
  /** Points when the team's diagnosis is the card's alsoCondition. */
  alsoDiagnosis: z.number().int().min(0).max(10).default(1),
});
export type Scoring = z.output<typeof ScoringSchema>;
export const DEFAULT_SCORING: Scoring = { neededRole: 1, harmfulRole: 1, allNeededBonus: 2, diagnosis: 2, alsoDiagnosis: 1 };

/** A route's name: `pendek`, `sesi-1`. */
const routeName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "must be 1–32 lowercase letters, digits or '-'");

export const PackSchema = z
  .strictObject({
    id: slug,
    title: TextSchema,
    description: TextSchema,
    language: z.enum(["id"]).default("id"),
    scoring: ScoringSchema.optional(),
    events: z.array(EventCardSchema).superRefine((evs, ctx) => {
      if (evs.length < 5 || evs.length > 12) {
        ctx.addIssue({ code: "custom", message: `expected 5 to 12 event cards, got ${evs.length}` });
      }
    }),
    /** Named shorter runs through the pack: `pendek: [id, id, id, id]`, played in that order. */
    routes: z.record(routeName, z.array(slug).min(1).max(12)).optional(),
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
        if (!seen.has(id)) ctx.addIssue({ code: "custom", path: ["routes", name, i], message: `no event with id '${id}'` });
        else if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["routes", name, i], message: `'${id}' is already in the route` });
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
  const tooLong = textCapErrors(doc);
  if (parsed.success && tooLong.length === 0) return { ok: true, pack: parsed.data };
  return {
    ok: false,
    errors: [...(parsed.success ? [] : parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${messageOf(issue)}`)), ...tooLong],
  };
}

/**
 * The most characters each text field may hold, in each language (`title.id`,
 * `title.en`): every text goes to every phone and onto the projector. A field
 * added to a pack, card or option gets its cap here. (`icon` is capped in its schema.)
 */
export const TEXT_CAPS: { pack: Record<string, number>; card: Record<string, number>; option: Record<string, number> } = {
  pack: { title: 80, description: 600 },
  card: { title: 80, narrative: 1200, reflection: 600, behaviour: 200 },
  option: { text: 400, reason: 1200 },
};

/** `events[3].narrative.en: too long: 5000 characters, at most 1200`, for every text over its cap. */
export function textCapErrors(doc: unknown): string[] {
  const out: string[] = [];
  const own = (obj: unknown, key: string): unknown =>
    obj !== null && typeof obj === "object" && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
  const check = (where: string, caps: Record<string, number>, obj: unknown) => {
    for (const [field, max] of Object.entries(caps)) {
      const value = own(obj, field);
      const texts: [string, unknown][] = typeof value === "string" ? [[field, value]] : [[`${field}.id`, own(value, "id")], [`${field}.en`, own(value, "en")]];
      for (const [path, text] of texts) {
        if (typeof text !== "string") continue;
        let n = 0;
        for (const _ of text.trim()) n++;
        if (n > max) out.push(`${where}${path}: too long: ${n} characters, at most ${max}`);
      }
    }
  };
  check("", TEXT_CAPS.pack, doc);
  const events = own(doc, "events");
  if (Array.isArray(events)) {
    events.forEach((card: unknown, i) => {
      check(`events[${i}].`, TEXT_CAPS.card, card);
      const options = own(card, "options");
      if (Array.isArray(options)) options.forEach((o: unknown, j) => check(`events[${i}].options[${j}].`, TEXT_CAPS.option, o));
    });
  }
  return out;
}

/** Zod's words where they would puzzle a trainer ("Invalid input"), its own message otherwise. */
function messageOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if ((issue.code === "invalid_union" || issue.code === "invalid_type" || issue.code === "invalid_value") && input === undefined) {
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

/**
 * The pack a room plays for a route: the route's cards in its order (the whole
 * pack when `route` is absent or unknown). Pure, so the room, a resumed room
 * and the report derive the same cards from the saved settings.
 */
export function packForRoute(pack: Pack, route: string | undefined): Pack {
  if (!route || !pack.routes || !Object.hasOwn(pack.routes, route)) return pack;
  const byId = new Map(pack.events.map((e) => [e.id, e]));
  const events = (pack.routes[route] ?? []).flatMap((id) => byId.get(id) ?? []);
  return events.length > 0 ? { ...pack, events } : pack;
}
