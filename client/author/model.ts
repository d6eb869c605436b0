// The form editor's model of a pack, and its way to and from YAML.
//
//   fromYaml(text)        → { form, doc }: the fields the form shows, and the
//                           parsed YAML Document (comments, order, styles)
//   toYaml(form, doc?)    → YAML text: the form's values written into the
//                           Document (only what changed is touched, so
//                           comments and block styles survive where the yaml
//                           library allows); a fresh document when none
//   emptyCard(n), emptyPack()
//
// No DOM here: the round trip is tested under Node (test/authoring/round-trip.test.ts).
import { Document, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { PRIMES, type Prime } from "../../shared/vuca.js";

export interface TextF {
  id: string;
  en: string;
}
export interface OptionF {
  prime: string;
  text: TextF;
  points: number;
  reason: TextF;
}
export interface CardF {
  id: string;
  icon: string;
  title: TextF;
  narrative: TextF;
  condition: string;
  conditionReason: TextF;
  /** "" when none. */
  alsoCondition: string;
  facilitator: TextF;
  options: OptionF[];
  rolesNeeded: string[];
  rolesHarmful: string[];
  reflection: TextF;
  value: string;
  behaviour: TextF;
}
export interface PackF {
  id: string;
  title: TextF;
  description: TextF;
  cards: CardF[];
  /** Kept as they are (the form does not edit them): routes, scoring, language. */
  rest: { routes?: unknown; scoring?: unknown; language?: unknown };
}

type Key = string | number;
type Obj = Record<string, unknown>;

const own = (o: unknown, k: string): unknown => (o !== null && typeof o === "object" && Object.hasOwn(o, k) ? (o as Obj)[k] : undefined);
const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

function textOf(v: unknown): TextF {
  if (typeof v === "string") return { id: v, en: "" };
  return { id: str(own(v, "id")), en: str(own(v, "en")) };
}

export function emptyText(): TextF {
  return { id: "", en: "" };
}

export function emptyCard(packId: string, n: number): CardF {
  return {
    id: `${packId || "paket"}-${String(n).padStart(2, "0")}`.slice(0, 48),
    icon: "",
    title: emptyText(),
    narrative: emptyText(),
    condition: "volatility",
    conditionReason: emptyText(),
    alsoCondition: "",
    facilitator: emptyText(),
    options: PRIMES.map((prime) => ({ prime, text: emptyText(), points: 0, reason: emptyText() })),
    rolesNeeded: [],
    rolesHarmful: [],
    reflection: emptyText(),
    value: "adaptif",
    behaviour: emptyText(),
  };
}

export function emptyPack(): PackF {
  return { id: "", title: emptyText(), description: emptyText(), cards: [], rest: {} };
}

function cardOf(c: unknown): CardF {
  const options = own(c, "options");
  return {
    id: str(own(c, "id")),
    icon: str(own(c, "icon")),
    title: textOf(own(c, "title")),
    narrative: textOf(own(c, "narrative")),
    condition: str(own(c, "condition")),
    conditionReason: textOf(own(c, "conditionReason")),
    alsoCondition: str(own(c, "alsoCondition")),
    facilitator: textOf(own(c, "facilitator")),
    options: (Array.isArray(options) ? options : []).map((o: unknown) => ({
      prime: str(own(o, "prime")),
      text: textOf(own(o, "text")),
      points: Number(own(o, "points") ?? 0),
      reason: textOf(own(o, "reason")),
    })),
    rolesNeeded: ((own(c, "rolesNeeded") as unknown[]) ?? []).map(str),
    rolesHarmful: ((own(c, "rolesHarmful") as unknown[]) ?? []).map(str),
    reflection: textOf(own(c, "reflection")),
    value: str(own(c, "value")),
    behaviour: textOf(own(c, "behaviour")),
  };
}

/** The form's model of a plain object (a parsed pack). */
export function formOf(data: unknown): PackF {
  const events = own(data, "events");
  const rest: PackF["rest"] = {};
  for (const k of ["routes", "scoring", "language"] as const) if (own(data, k) !== undefined) rest[k] = own(data, k);
  return {
    id: str(own(data, "id")),
    title: textOf(own(data, "title")),
    description: textOf(own(data, "description")),
    cards: (Array.isArray(events) ? events : []).map(cardOf),
    rest,
  };
}

export function fromYaml(text: string): { form: PackF; doc: Document } {
  const doc = parseDocument(text);
  return { form: formOf(doc.toJS({ maxAliasCount: 100 })), doc };
}

// ---- writing ---------------------------------------------------------------------

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Sets a value only when it differs (the node, its comments and style stay when it does not). */
function put(doc: Document, path: Key[], value: unknown): void {
  const now = doc.getIn(path);
  const plain = isMap(now) || isSeq(now) || isScalar(now) ? (now as { toJSON(): unknown }).toJSON() : now;
  if (same(plain, value)) return;
  doc.setIn(path, typeof value === "object" && value !== null ? doc.createNode(value) : value);
}

function drop(doc: Document, path: Key[]): void {
  if (doc.hasIn(path)) doc.deleteIn(path);
}

function putText(doc: Document, path: Key[], t: TextF, optional = false): void {
  const id = t.id;
  const en = t.en.trim();
  if (optional && id.trim() === "" && en === "") return drop(doc, path);
  const node = doc.getIn(path, true);
  if (isMap(node)) {
    // a { id, en } map stays a map: its keys' comments and styles are kept
    put(doc, [...path, "id"], id);
    if (en === "") drop(doc, [...path, "en"]);
    else put(doc, [...path, "en"], t.en);
    return;
  }
  put(doc, path, en === "" ? id : { id, en: t.en });
}

function putCard(doc: Document, base: Key[], c: CardF): void {
  put(doc, [...base, "id"], c.id);
  if (c.icon.trim() === "") drop(doc, [...base, "icon"]);
  else put(doc, [...base, "icon"], c.icon);
  putText(doc, [...base, "title"], c.title);
  putText(doc, [...base, "narrative"], c.narrative);
  put(doc, [...base, "condition"], c.condition);
  putText(doc, [...base, "conditionReason"], c.conditionReason);
  if (c.alsoCondition === "") drop(doc, [...base, "alsoCondition"]);
  else put(doc, [...base, "alsoCondition"], c.alsoCondition);
  putText(doc, [...base, "facilitator"], c.facilitator, true);
  const opts = doc.getIn([...base, "options"], true);
  if (!isSeq(opts) || opts.items.length !== c.options.length) doc.setIn([...base, "options"], doc.createNode(c.options.map(() => ({}))));
  c.options.forEach((o, j) => {
    const p: Key[] = [...base, "options", j];
    put(doc, [...p, "prime"], o.prime);
    putText(doc, [...p, "text"], o.text);
    put(doc, [...p, "points"], o.points);
    putText(doc, [...p, "reason"], o.reason);
  });
  putList(doc, [...base, "rolesNeeded"], c.rolesNeeded);
  if (c.rolesHarmful.length === 0 && !doc.hasIn([...base, "rolesHarmful"])) {
    // absent stays absent
  } else putList(doc, [...base, "rolesHarmful"], c.rolesHarmful);
  putText(doc, [...base, "reflection"], c.reflection);
  put(doc, [...base, "value"], c.value);
  putText(doc, [...base, "behaviour"], c.behaviour, true);
}

/** A list written in flow style ([a, b]) when new, its own style kept otherwise. */
function putList(doc: Document, path: Key[], xs: string[]): void {
  const node = doc.getIn(path, true);
  const now = isSeq(node) ? node.toJSON() : undefined;
  if (same(now, xs)) return;
  const seq = doc.createNode(xs);
  if (isSeq(seq)) seq.flow = isSeq(node) ? Boolean(node.flow) : true;
  doc.setIn(path, seq);
}

/** The form written as YAML: into `doc` (a copy of it: comments kept) or a fresh document. */
export function toYaml(form: PackF, base?: Document): string {
  const doc = base ? base.clone() : new Document({});
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as typeof doc.contents;
  put(doc, ["id"], form.id);
  putText(doc, ["title"], form.title);
  putText(doc, ["description"], form.description);
  for (const k of ["language", "scoring", "routes"] as const) {
    if (form.rest[k] !== undefined) put(doc, [k], form.rest[k]);
  }
  const events = doc.get("events", true);
  if (!isSeq(events)) doc.set("events", doc.createNode([]));
  const seq = doc.get("events", true);
  if (isSeq(seq)) {
    while (seq.items.length > form.cards.length) seq.items.pop();
    while (seq.items.length < form.cards.length) seq.items.push(doc.createNode({}));
  }
  form.cards.forEach((c, i) => putCard(doc, ["events", i], c));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Characters as the checker counts them (code points of the trimmed text). */
export function chars(s: string): number {
  let n = 0;
  for (const _ of s.trim()) n++;
  return n;
}

/** The projector's lengths (the guide's advice; the checker's hard caps are larger). */
export const PROJECTOR = { narrative: 300, option: 150, reason: 220, reflection: 200 } as const;

export const isPrime = (p: string): p is Prime => (PRIMES as readonly string[]).includes(p);
