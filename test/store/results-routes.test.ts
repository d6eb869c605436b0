// Results over HTTP: a played round is saved through the real SQLite store at
// the phase change, and only the host key's holder can export it; the CSV and
// the XLSX read back the same numbers as the JSON.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame, submitPrime } from "../helpers/game-server.js";
import { createPersister, openStore, type Store } from "../../server/store/index.js";
import { parseCsv } from "../../server/store/export.js";
import { resultRoutes } from "../../server/results.js";

let game: TestGame;
let store: Store;
let persister: ReturnType<typeof createPersister>;
const dir = mkdtempSync(join(tmpdir(), "arena-results-"));

beforeAll(async () => {
  store = await openStore({ databaseUrl: "", dataDir: dir });
  persister = createPersister(store);
  game = await startTestGame({}, { persist: (s) => persister.persist(s), routes: (app, packs) => resultRoutes(app, store, packs) });
});
afterAll(async () => {
  await game?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("results routes", () => {
  it("saves a played round and exports it to the host only", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const a: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Ani", team: 0, device: newDevice() });
    const b: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Budi", team: 1, device: newDevice() });
    host.send("host", { action: "start" });
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding", "deciding");
    submitPrime(a, "vision", true);
    submitPrime(b, "agility", false);
    await until(host, (s) => s.phase === "reveal", "reveal");
    await persister.flush();

    const base = `${game.url}/api/sessions/${code}`;
    expect((await fetch(`${base}/export.json`)).status).toBe(404);
    expect((await fetch(`${base}/export.json?key=${"x".repeat(32)}`)).status).toBe(404);
    const json = await (await fetch(`${base}/export.json?key=${hostKey}`)).json();
    expect(json.rounds.length).toBeGreaterThan(0);
    const teams = json.teams as { teamNo: number; score: number }[];
    const scores = Object.fromEntries(teams.map((t) => [t.teamNo, t.score]));
    expect(scores).toEqual({ 1: host.state.teams[0]!.score, 2: host.state.teams[1]!.score });

    const csvRes = await fetch(`${base}/export.csv?view=teams&key=${hostKey}`);
    const bytes = Buffer.from(await csvRes.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const csv = bytes.toString("utf8");
    expect(csv).toContain(";");
    const rows = parseCsv(csv);
    expect(rows.length).toBe(3); // header + 2 teams

    const xlsx = Buffer.from(await (await fetch(`${base}/export.xlsx?key=${hostKey}`)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    // rounds, teams, players, hardest events, diagnosis accuracy, participants' votes
    expect(book.worksheets.length).toBe(7);
  });
});
