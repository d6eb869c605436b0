// Packs in the console (client/author.html): browse the packs and their cards,
// check a pack's YAML with the checker's own messages, save it, download it.
//
// - Browsing (titles, narratives) is open: no answers are served there.
// - Checking, saving and downloading hold the answers (points, Primes,
//   conditions) or change what the server plays, so they need authorisation:
//   a request from the server's own machine (loopback, no proxy header), or
//   the ADMIN_PASSWORD in the `x-arena-admin` header. Wrong passwords are
//   counted per address like the monitor's (MONITOR_TRIES_PER_MINUTE).
// - A saved pack is a file in ARENA_SCENARIOS_DIR (default DATA_DIR/scenarios),
//   written atomically (temp file, then rename), taken by the running server at
//   once (a new Pack object replaces the Map entry: a room keeps the object it
//   was created with). A shipped pack is never overwritten: a pack sent with a
//   shipped pack's id is saved as a copy with a new id (and new card ids).
import { randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve, isAbsolute } from "node:path";
import express from "express";
import { LineCounter, parseDocument, isMap, isSeq, stringify, type Node as YamlNode } from "yaml";
import type { Pack } from "../shared/scenario.js";
import type { Reason } from "../shared/reasons.js";
import { PACK_BODY_LIMIT_BYTES, type Config } from "./config.js";
import { balanceWarnings, checkPackBytes, listPackFiles, loadPackFile, packRuleErrors, sourceWarnings } from "./packs.js";
import { fromThisMachine } from "./sheet.js";
import { countRefusal, log } from "./log.js";
import { PerAddress } from "./throttle.js";
import type { CheckAnswer, CheckMessage } from "../shared/protocol/authoring.js";
export type { CheckAnswer, CheckMessage };


const ID_MAX = 48;

function fail(res: express.Response, status: number, reason: Reason, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ reason, ...extra });
  countRefusal(reason);
}

/** "events[3].options[1].text" → ["events", 3, "options", 1, "text"]. */
export function pathKeys(path: string): (string | number)[] {
  if (path === "(top)" || path === "") return [];
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The 1-based line the path points at in `source` (the nearest existing node up the path), or 0. */
export function lineOfPath(source: string, path: string): number {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  let keys = pathKeys(path);
  for (;;) {
    const node = (keys.length === 0 ? doc.contents : doc.getIn(keys, true)) as YamlNode | null | undefined;
    if (node && node.range) {
      // a key whose value is a nested map or list: point at its key's line
      const parent = keys.length > 0 ? (keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true)) : null;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === keys[keys.length - 1]);
        const k = pair?.key as YamlNode | undefined;
        if (k?.range) return counter.linePos(k.range[0]).line;
      }
      return counter.linePos(node.range[0]).line;
    }
    if (keys.length === 0) return 0;
    keys = keys.slice(0, -1);
  }
}

// The checker's English messages, in Indonesian for the trainer (patterns; anything else keeps the checker's words).
const PESAN: [RegExp, (...m: string[]) => string][] = [
  [/^required field is missing$/, () => "kolom wajib belum diisi"],
  [/^must not be empty$/, () => "tidak boleh kosong"],
  [/^expected a text: a string or \{ id: \.\.\., en: \.\.\. \}$/, () => "harus berupa teks: satu kalimat, atau { id: ..., en: ... }"],
  [/^unknown fields? (.+)$/, (f) => `kolom tidak dikenal ${f} (periksa ejaan dan indentasi)`],
  [/^expected 4 options, got (\d+)$/, (n) => `harus ada 4 pilihan, tertulis ${n}`],
  [/^expected one option per Prime, missing (.+)$/, (p) => `setiap Prime harus punya satu pilihan; belum ada: ${p}`],
  [/^expected 5 to 12 event cards, got (\d+)$/, (n) => `paket harus berisi 5 sampai 12 kartu, tertulis ${n}`],
  [/^must name at least one role$/, () => "sebutkan minimal satu peran"],
  [/^must not repeat a role$/, () => "peran tidak boleh diulang"],
  [/^a role cannot be both needed and harmful: (.+)$/, (r) => `peran tidak boleh sekaligus dibutuhkan dan merugikan: ${r}`],
  [/^must differ from condition$/, () => "harus berbeda dari kondisi utama"],
  [/^must be 2–48 lowercase letters, digits or '-'$/, () => "harus 2–48 huruf kecil, angka, atau '-'"],
  [/^must be 1–32 lowercase letters, digits or '-'$/, () => "harus 1–32 huruf kecil, angka, atau '-'"],
  [/^duplicate event id '(.+)' \(also events\[(\d+)\]\)$/, (id, i) => `id kartu '${id}' sudah dipakai (juga di events[${i}])`],
  [/^no event with id '(.+)'$/, (id) => `tidak ada kartu dengan id '${id}'`],
  [/^'(.+)' is already in the route$/, (id) => `'${id}' sudah ada di rute ini`],
  [/^too long: (\d+) characters, at most (\d+)$/, (n, max) => `terlalu panjang: ${n} karakter, paling banyak ${max}`],
  [/^card id '(.+)' is already used in pack '(.+)' \((.+)\)$/, (id, p, f) => `id kartu '${id}' sudah dipakai di paket '${p}' (${f}); ganti id-nya`],
  [/^duplicate pack id '(.+)' \(also in (.+)\)$/, (id, f) => `id paket '${id}' sudah dipakai (juga di ${f})`],
  [/^the file is not valid UTF-8 text; save it as UTF-8$/, () => "berkas bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8"],
  [/^the file is too large \((\d+) KB, at most (\d+) KB\)$/, (n, max) => `berkas terlalu besar (${n} KB, paling banyak ${max} KB)`],
  [/^the file is empty$/, () => "berkas kosong"],
  [/^too many YAML aliases .*$/, () => "terlalu banyak alias YAML (*alias); tulis teksnya secara lengkap"],
  [/^YAML syntax error: (.+)$/, (m) => `kesalahan penulisan YAML: ${m}`],
  [/^cannot read the pack: (.+)$/, (m) => `paket tidak dapat dibaca: ${m}`],
];

export function inIndonesian(message: string): string {
  for (const [re, say] of PESAN) {
    const m = re.exec(message);
    if (m) return say(...m.slice(1));
  }
  if (/^Invalid option: expected one of/.test(message)) return `nilai tidak dikenal; pilih salah satu dari: ${message.replace(/^Invalid option: expected one of /, "")}`;
  if (/^Invalid input: expected number/.test(message)) return "harus berupa angka";
  if (/^Invalid input: expected array/.test(message)) return "harus berupa daftar, misalnya [government, media]";
  if (/^Invalid input: expected string/.test(message)) return "harus berupa teks";
  let m = /^Too big: expected (number|array|string) to (?:be|have) <=?(\d+)/.exec(message);
  if (m) return m[1] === "number" ? `terlalu besar: paling banyak ${m[2]}` : `terlalu banyak: paling banyak ${m[2]}`;
  m = /^Too small: expected (number|array|string) to (?:be|have) >=?(\d+)/.exec(message);
  if (m) return m[1] === "number" ? `terlalu kecil: paling sedikit ${m[2]}` : `terlalu sedikit: paling sedikit ${m[2]}`;
  if (/^Invalid input: expected int/.test(message)) return "harus berupa bilangan bulat";
  return message;
}

/** Splits `name: where: message` lines and places each on its line of `source`. */
export function splitMessages(lines: string[], name: string, source: string): CheckMessage[] {
  return lines.map((text) => {
    const rest = text.startsWith(`${name}: `) ? text.slice(name.length + 2) : text;
    // "line 3, column 5: ..." / "line 3: ..." / "(top): ..." / "events[2].title: ..."
    const m = /^(line (\d+)(?:, column \d+)?|\(top\)|[A-Za-z0-9_.[\]-]+): (.*)$/s.exec(rest);
    const path = m ? m[1]! : "(top)";
    const message = m ? m[3]! : rest;
    let line = 0;
    if (m?.[2]) line = Number(m[2]);
    else {
      try {
        line = lineOfPath(source, path);
      } catch {
        line = 0;
      }
    }
    return { file: name, path: m?.[2] ? "(top)" : path, line, message, pesan: inIndonesian(message), text };
  });
}

/** scenarios:check's rule lines (`events[2] (card-id).reflection: Indonesian / English`), split and placed. */
export function ruleMessages(lines: string[], name: string, source: string): CheckMessage[] {
  return lines.map((line) => {
    const m = /^(.*?): (.*)$/s.exec(line);
    const where = m ? m[1]! : "(top)";
    const said = m ? m[2]! : line;
    const path = where.replace(/ \([^)]*\)/, "");
    const [pesan, message] = said.includes(" / ") ? [said.slice(0, said.indexOf(" / ")), said.slice(said.indexOf(" / ") + 3)] : [said, said];
    let at = 0;
    try {
      at = lineOfPath(source, path);
    } catch {
      at = 0;
    }
    return { file: name, path, line: at, message: message!, pesan: pesan!, text: `${name}: ${line}` };
  });
}

/** A file name for messages: `paket.yaml`, or the name the browser gave (its last part, letters and digits only). */
function uploadName(req: express.Request): string {
  const raw = String(req.query.name ?? "");
  const base = raw.split(/[\\/]/).pop() ?? "";
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.ya?ml$/.test(base) ? base : "paket.yaml";
}

interface Source {
  file: string;
  shipped: boolean;
}

function inside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/** A slug with a suffix, cut to the id's length. */
function withSuffix(id: string, suffix: string): string {
  return id.slice(0, ID_MAX - suffix.length).replace(/-+$/, "") + suffix;
}

export interface Authoring {
  /** Where each pack came from (id → file). */
  sources: Map<string, Source>;
}

export function authoringRoutes(app: express.Application, packs: Map<string, Pack>, config: Config): Authoring {
  const sources = new Map<string, Source>();
  const dirs = [...new Set([...config.scenarioDirs, config.authoredDir])];
  for (const file of listPackFiles(dirs).files) {
    const r = loadPackFile(file);
    if (r.ok && packs.get(r.pack.id) !== undefined && !sources.has(r.pack.id)) {
      sources.set(r.pack.id, { file, shipped: !inside(config.authoredDir, file) });
    }
  }
  const tries = new PerAddress(config.monitorTriesPerMinute);
  const expected = config.adminPassword ? Buffer.from(config.adminPassword) : null;

  /** May this request add, change or read the answers of packs? Answers for it when not. */
  const authorised = (req: express.Request, res: express.Response): boolean => {
    res.set("cache-control", "no-store");
    if (fromThisMachine(req)) return true;
    const address = req.ip ?? req.socket.remoteAddress ?? "?";
    const given = req.headers["x-arena-admin"];
    if (expected && typeof given === "string" && given !== "") {
      if (tries.over(address)) {
        fail(res, 429, "TOO_MANY_ATTEMPTS");
        return false;
      }
      const g = Buffer.from(given);
      if (g.length === expected.length && timingSafeEqual(g, expected)) return true;
      if (tries.add(address) === tries.max) log("throttled", { address, what: "admin" }, "warn");
    }
    fail(res, 403, "ADMIN_REQUIRED");
    return false;
  };

  /**
   * Another web site open in the trainer's browser could post to
   * http://localhost:PORT (loopback is trusted): a pack is taken only as
   * `application/yaml` (not a type a cross-site form or a plain fetch may send
   * without asking; the server answers no CORS preflight) and never with an
   * Origin other than the server's own.
   */
  const sameSite: express.RequestHandler = (req, res, next) => {
    const type = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const origin = req.headers.origin;
    let foreign = false;
    if (typeof origin === "string" && origin !== "") {
      try {
        foreign = new URL(origin).host !== req.headers.host && !config.corsOrigins.includes(origin);
      } catch {
        foreign = true;
      }
    }
    if (type !== "application/yaml" || foreign) return fail(res, 403, "ADMIN_REQUIRED");
    next();
  };
  const raw = express.raw({ type: () => true, limit: PACK_BODY_LIMIT_BYTES });
  const bodyOf = (req: express.Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

  /** The checker's verdict on bytes, with the other packs' card ids (a card id is unique across packs). */
  const check = (bytes: Buffer, name: string, replacing: string | null): { answer: CheckAnswer; pack?: Pack } => {
    const result = checkPackBytes(bytes, name);
    const source = bytes.toString("utf8");
    if (!result.ok) return { answer: { ok: false, errors: splitMessages(result.errors, name, source), rules: [], warnings: [] } };
    const pack = result.pack;
    const cross: string[] = [];
    pack.events.forEach((ev, i) => {
      for (const other of packs.values()) {
        if (other.id === pack.id || other.id === replacing) continue;
        if (other.events.some((e) => e.id === ev.id)) {
          const from = sources.get(other.id);
          cross.push(`${name}: events[${i}].id: card id '${ev.id}' is already used in pack '${other.id}' (${from ? from.file.split(/[\\/]/).pop() : other.id})`);
          break;
        }
      }
    });
    // as scenarios:check prints them: the rules, then the balance and source warnings
    const rules = ruleMessages(packRuleErrors(pack), name, source);
    const warnings = [...balanceWarnings(pack), ...sourceWarnings(source)];
    if (cross.length > 0) return { answer: { ok: false, errors: splitMessages(cross, name, source), rules, warnings } };
    return { answer: { ok: true, errors: [], rules, warnings, pack: { id: pack.id, events: pack.events.length } }, pack };
  };

  /** A shipped pack's id: the copy's new id and the card ids renamed where another pack uses them. */
  const asCopy = (source: string): string | null => {
    const doc = parseDocument(source);
    const id = String(doc.get("id") ?? "");
    let n = 1;
    let next = withSuffix(id, "-salinan");
    while (packs.has(next)) next = withSuffix(id, `-salinan-${++n}`);
    doc.set("id", next);
    const used = new Set([...packs.values()].flatMap((p) => p.events.map((e) => e.id)));
    const renamed = new Map<string, string>();
    const events = doc.get("events", true);
    if (isSeq(events)) {
      events.items.forEach((_card, i) => {
        const cardId = String(doc.getIn(["events", i, "id"]) ?? "");
        if (!used.has(cardId)) return;
        let k = n;
        let fresh = withSuffix(cardId, `-s${k}`);
        while (used.has(fresh)) fresh = withSuffix(cardId, `-s${++k}`);
        used.add(fresh);
        renamed.set(cardId, fresh);
        doc.setIn(["events", i, "id"], fresh);
      });
    }
    const routes = doc.get("routes", true);
    if (isMap(routes)) {
      for (const pair of routes.items) {
        const list = pair.value;
        if (!isSeq(list)) continue;
        list.items.forEach((item, j) => {
          const v = String((item as { value?: unknown }).value ?? item);
          const fresh = renamed.get(v);
          if (fresh !== undefined) list.set(j, fresh);
        });
      }
    }
    return doc.toString({ lineWidth: 0 });
  };

  // ---- browse: no answers ----------------------------------------------------
  app.get("/api/authoring/packs", (req, res) => {
    res.set("cache-control", "no-store");
    res.json({
      canEdit: fromThisMachine(req),
      adminPassword: expected !== null,
      packs: [...packs.values()].map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description,
        shipped: sources.get(p.id)?.shipped ?? true,
        cards: p.events.map((e) => ({ id: e.id, title: e.title, narrative: e.narrative, icon: e.icon })),
      })),
    });
  });

  // ---- download: the file as written (comments and all) -----------------------
  app.get("/api/authoring/packs/:id/yaml", (req, res) => {
    const id = String(req.params.id ?? "");
    const pack = packs.has(id) ? packs.get(id) : undefined;
    if (!pack) return fail(res, 404, "PACK_NOT_FOUND");
    if (!authorised(req, res)) return;
    const src = sources.get(id);
    let text: string;
    try {
      text = src ? readFileSync(src.file, "utf8") : "";
    } catch {
      text = "";
    }
    // the file changed on disk since (or was never a file): the pack as the server holds it
    if (text === "" || checkPackBytes(Buffer.from(text), "x.yaml").ok !== true) text = stringify(pack, { lineWidth: 0 });
    res.type("application/yaml; charset=utf-8").set("content-disposition", `attachment; filename="${id}.yaml"`).send(text);
  });

  // ---- check: the checker's messages, nothing saved ---------------------------
  app.post("/api/authoring/check", sameSite, raw, (req, res) => {
    if (!authorised(req, res)) return;
    const name = uploadName(req);
    const { answer } = check(bodyOf(req), name, String(req.query.replacing ?? "") || null);
    res.json(answer);
  });

  // ---- save --------------------------------------------------------------------
  app.post("/api/authoring/packs", sameSite, raw, (req, res) => {
    if (!authorised(req, res)) return;
    const name = uploadName(req);
    let bytes = bodyOf(req);
    const first = checkPackBytes(bytes, name);
    let copiedFrom: string | undefined;
    if (first.ok && sources.get(first.pack.id)?.shipped === true) {
      // never over a shipped pack: a copy with a new id (and new card ids)
      const copy = asCopy(bytes.toString("utf8"));
      if (copy === null) return fail(res, 400, "PACK_INVALID");
      copiedFrom = first.pack.id;
      bytes = Buffer.from(copy, "utf8");
    }
    const { answer, pack } = check(bytes, name, first.ok ? first.pack.id : null);
    if (!answer.ok || !pack) return fail(res, 400, "PACK_INVALID", { errors: answer.errors, warnings: answer.warnings });
    const old = sources.get(pack.id);
    const file = old && !old.shipped ? old.file : join(config.authoredDir, `${pack.id}.yaml`);
    const temp = join(config.authoredDir, `.${pack.id}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      mkdirSync(config.authoredDir, { recursive: true });
      writeFileSync(temp, bytes, { flag: "wx" });
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      log("pack-save-failed", { pack: pack.id, code: (error as NodeJS.ErrnoException).code }, "warn");
      return fail(res, 500, "SERVER_ERROR");
    }
    // a new object in the Map: a running room keeps the Pack it was created with
    packs.set(pack.id, pack);
    sources.set(pack.id, { file, shipped: false });
    log("pack-saved", { pack: pack.id, cards: pack.events.length, copiedFrom });
    res.status(old && !old.shipped ? 200 : 201).json({ ...answer, id: pack.id, copiedFrom, file: file.split(/[\\/]/).pop() });
  });

  return { sources };
}
