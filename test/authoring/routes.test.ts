// Packs in the console (server/authoring.ts): browse, check, save, download,
// and the refusals (5 MB, invalid UTF-8, an alias bomb, duplicate ids, a
// wrong admin password) — with real files in a temp ARENA_SCENARIOS_DIR and
// the real server over HTTP.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";

import { loadPacks } from "../../server/packs.js";
import { startTestGame, type TestGame } from "../helpers/game-server.js";
import { packDoc, type Doc } from "../helpers/pack-doc.js";

let dir: string;
let game: TestGame;

/** A valid pack of `cards` cards. */
const pack = (id: string, cards = 5): Doc => packDoc(id, cards);

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${game.url}${path}`, { method: "POST", headers: { "content-type": "application/yaml", ...headers }, body: typeof body === "string" ? body : new Uint8Array(body) });

const files = () => readdirSync(dir).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "arena-authoring-"));
  game = await startTestGame({ ARENA_SCENARIOS_DIR: dir, ADMIN_PASSWORD: "sandi-admin-uji", TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await game?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("packs in the console", () => {
  it("lists every pack with its cards, without a key and without the answers", async () => {
    const res = await fetch(`${game.url}/api/authoring/packs`, { headers: { "x-forwarded-for": "10.9.0.1" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { canEdit: boolean; packs: { id: string; shipped: boolean; cards: Record<string, unknown>[] }[] };
    expect(body.canEdit).toBe(false);
    const banjir = body.packs.find((p) => p.id === "banjir-bandang")!;
    expect(banjir.shipped).toBe(true);
    expect(banjir.cards.length).toBeGreaterThanOrEqual(5);
    const text = JSON.stringify(body);
    for (const secret of ['"condition"', '"options"', '"points"', '"prime"', '"conditionReason"', '"facilitator"']) expect(text).not.toContain(secret);
  });

  it("checks a pack and places each message on its line, in Indonesian", async () => {
    const doc = pack("uji-cek");
    doc.events[2].options.pop();
    delete doc.events[1].condition;
    const yaml = stringify(doc);
    const res = await post("/api/authoring/check?name=cek.yaml", yaml);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; errors: { file: string; path: string; line: number; pesan: string; text: string }[] };
    expect(body.ok).toBe(false);
    const options = body.errors.find((e) => e.path === "events[2].options")!;
    expect(options.text).toBe("cek.yaml: events[2].options: expected 4 options, got 3");
    expect(options.pesan).toBe("harus ada 4 pilihan, tertulis 3");
    expect(yaml.split("\n")[options.line - 1]).toMatch(/^\s+options:$/);
    const missing = body.errors.find((e) => e.path === "events[1].condition")!;
    expect(missing.pesan).toBe("kolom wajib belum diisi");
    expect(missing.line).toBeGreaterThan(0);
    // nothing is saved by a check
    expect(files()).toEqual([]);
  });

  it("gives scenarios:check's pack rules and source warnings too, each on its line", async () => {
    const doc = pack("uji-aturan");
    doc.events[0].reflection = { id: "Apa pendapat Anda", en: "What do you think" };
    doc.events[1].narrative = { id: "Tagar warga #LambaiBocor naik", en: "x" };
    const yaml = stringify(doc).replace('"Tagar warga #LambaiBocor naik"', "Tagar warga #LambaiBocor naik");
    const body = (await (await post("/api/authoring/check", yaml)).json()) as { ok: boolean; rules: { path: string; line: number; pesan: string; message: string }[]; warnings: string[] };
    expect(body.ok).toBe(true);
    const reflection = body.rules.find((r) => r.path === "events[0].reflection")!;
    expect(reflection.pesan).toContain("tulis satu pertanyaan saja");
    expect(reflection.message).toContain("write one question only");
    expect(yaml.split("\n")[reflection.line - 1]).toMatch(/reflection:/);
    expect(body.rules.map((r) => r.path)).toContain("routes.pendek");
    expect(body.warnings.some((w) => w.includes("' #' memulai komentar YAML"))).toBe(true);
  });

  it("saves a new pack to ARENA_SCENARIOS_DIR, plays it at once, and downloads it as written", async () => {
    const yaml = "# Paket uji — komentar ini tetap ada.\n" + stringify(pack("uji-baru"));
    const res = await post("/api/authoring/packs?name=uji-baru.yaml", yaml);
    expect(res.status).toBe(201);
    expect(files()).toEqual(["uji-baru.yaml"]);
    expect(readFileSync(join(dir, "uji-baru.yaml"), "utf8")).toBe(yaml);
    // the running server has it: a session starts on it
    const list = (await (await fetch(`${game.url}/api/packs`)).json()) as { id: string }[];
    expect(list.map((p) => p.id)).toContain("uji-baru");
    const session = await game.createSession({ packId: "uji-baru", teamCount: 2, roundSeconds: 60 });
    expect(session.code).toMatch(/^[A-Z0-9]+$/);
    // download: the file with its comment
    const down = await fetch(`${game.url}/api/authoring/packs/uji-baru/yaml`);
    expect(down.status).toBe(200);
    expect(down.headers.get("content-disposition")).toContain("uji-baru.yaml");
    expect(await down.text()).toBe(yaml);
    // a restart reads it too
    const again = loadPacks([resolve(import.meta.dirname, "../../scenarios"), dir]);
    expect(again.errors).toEqual([]);
    expect(again.packs.has("uji-baru")).toBe(true);
  });

  it("an edit replaces the pack for new sessions; a running room keeps the pack it started with", async () => {
    const room = await game.createRoom({ packId: "uji-baru", teamCount: 2, roundSeconds: 60 });
    const doc = pack("uji-baru");
    doc.events[0].title = { id: "Judul baru", en: "New title" };
    const res = await post("/api/authoring/packs", stringify(doc));
    expect(res.status).toBe(200);
    expect(game.packs.get("uji-baru")!.events[0]!.title.id).toBe("Judul baru");
    expect(room.room.pack.events[0]!.title.id).toBe("Kartu 1");
    expect(files()).toEqual(["uji-baru.yaml"]);
  });

  it("never overwrites a shipped pack: a copy with a new id and new card ids", async () => {
    const shipped = readFileSync(resolve(import.meta.dirname, "../../scenarios/banjir-bandang.yaml"));
    const res = await post("/api/authoring/packs", shipped);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; copiedFrom: string };
    expect(body).toMatchObject({ id: "banjir-bandang-salinan", copiedFrom: "banjir-bandang" });
    expect(readFileSync(resolve(import.meta.dirname, "../../scenarios/banjir-bandang.yaml")).equals(shipped)).toBe(true);
    const copy = readFileSync(join(dir, "banjir-bandang-salinan.yaml"), "utf8");
    expect(copy).toContain("# Paket skenario: Banjir Bandang"); // comments kept
    const parsed = parse(copy) as Doc;
    const original = game.packs.get("banjir-bandang")!;
    expect(parsed.events.map((e: Doc) => e.id)).not.toContain(original.events[0]!.id);
    // the copy's route names the renamed cards
    expect(game.packs.get("banjir-bandang-salinan")!.routes?.pendek).toEqual(parsed.events.slice(0, 4).map((e: Doc) => e.id));
    expect(game.packs.get("banjir-bandang")).toBe(original);
  });

  it("refuses a 5 MB upload at once with 413, nothing saved", async () => {
    const before = files();
    const res = await post("/api/authoring/packs", Buffer.alloc(5 * 1024 * 1024, 0x61));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ reason: "TOO_LARGE" });
    expect(files()).toEqual(before);
  });

  it("refuses invalid UTF-8, an alias bomb and duplicate ids, each with its reason, nothing saved", async () => {
    const before = files();
    const good = stringify(pack("uji-utf"));
    const bad = Buffer.concat([Buffer.from(good.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(good.slice(40))]);
    const utf = await post("/api/authoring/packs", bad);
    expect(utf.status).toBe(400);
    const u = (await utf.json()) as { reason: string; errors: { pesan: string; line: number }[] };
    expect(u.reason).toBe("PACK_INVALID");
    expect(u.errors[0]!.pesan).toContain("UTF-8");

    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_x, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    const b = await post("/api/authoring/packs", bomb);
    expect(b.status).toBe(400);
    expect(((await b.json()) as { errors: { pesan: string }[] }).errors[0]!.pesan).toContain("alias");

    // a card id used twice in the pack, and a card id of another pack
    const twice = pack("uji-dua");
    twice.events[3].id = twice.events[1].id;
    const d = await post("/api/authoring/packs", stringify(twice));
    expect(d.status).toBe(400);
    expect(((await d.json()) as { errors: { path: string; pesan: string }[] }).errors).toContainEqual(
      expect.objectContaining({ path: "events[3].id", pesan: "id kartu 'uji-dua-2' sudah dipakai (juga di events[1])" }),
    );
    const other = pack("uji-lain");
    other.events[0].id = "uji-baru-1";
    const o = await post("/api/authoring/packs", stringify(other));
    expect(o.status).toBe(400);
    expect(((await o.json()) as { errors: { text: string }[] }).errors[0]!.text).toContain("card id 'uji-baru-1' is already used in pack 'uji-baru'");
    expect(files()).toEqual(before);
    expect(game.packs.has("uji-lain")).toBe(false);
  });

  it("from another device: only with ADMIN_PASSWORD; wrong passwords are throttled", async () => {
    const from = { "x-forwarded-for": "10.9.0.7" };
    const none = await post("/api/authoring/check", stringify(pack("uji-x")), from);
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual({ reason: "ADMIN_REQUIRED" });
    expect((await fetch(`${game.url}/api/authoring/packs/banjir-bandang/yaml`, { headers: from })).status).toBe(403);
    const ok = await post("/api/authoring/check", stringify(pack("uji-x")), { ...from, "x-arena-admin": "sandi-admin-uji" });
    expect(ok.status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await post("/api/authoring/check", "a: 1", { ...from, "x-arena-admin": `salah-${i}` })).status).toBe(403);
    const locked = await post("/api/authoring/check", "a: 1", { ...from, "x-arena-admin": "sandi-admin-uji" });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({ reason: "TOO_MANY_ATTEMPTS" });
    // another web site in the trainer's browser cannot post a pack to localhost
    const plain = await fetch(`${game.url}/api/authoring/packs`, { method: "POST", headers: { "content-type": "text/plain" }, body: stringify(pack("uji-csrf")) });
    expect(plain.status).toBe(403);
    const foreign = await post("/api/authoring/packs", stringify(pack("uji-csrf")), { origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    expect(existsSync(join(dir, "uji-csrf.yaml"))).toBe(false);
    // the other routes keep their 8 KB limit
    const big = await fetch(`${game.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ x: "a".repeat(20_000) }) });
    expect(big.status).toBe(413);
    expect(existsSync(join(dir, "uji-x.yaml"))).toBe(false);
  });
});

