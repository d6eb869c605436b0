// [RF-E] Evidence: the report and its exports (CSV, XLSX read back by
// exceljs, JSON) carry every participant's reflection chain and their own
// roles per round; the chain is deleted with the session (RETENTION_DAYS).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type SessionReport, type Store } from "../../server/store/index.js";
import { COLUMNS, SHEET_NAME, parseCsv, toCsv, toJson, toXlsx } from "../../server/store/export.js";
import { PACK, gameAt, metaFor, T0 } from "./fixture.js";

const TZ = { timeZone: "Asia/Jakarta" };
let dir = "";
let store: Store;
let report: SessionReport;

const ANI = {
  issue: "Antrean layanan; data \"ganda\" di kelurahan",
  condition: "complexity",
  prime: "understanding",
  partners: ["community", "government"],
  behaviour: "kolaboratif-2",
  activity: "=Rapat lintas bidang setiap Senin",
  done: true,
  at: 1,
} as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "arena-reflection-"));
  store = await openStore({ databaseUrl: "", dataDir: dir });
  const game = gameAt("final");
  game.reflection = {
    closed: true,
    hidden: [],
    entries: {
      p1: { ...ANI, partners: [...ANI.partners] },
      p2: { issue: "Arsip menumpuk", condition: null, prime: null, partners: [], behaviour: null, activity: "", done: false, at: 2 },
    },
  };
  await store.saveSession(metaFor("REFLX", game, T0 + 3_600_000), game);
  const built = await store.report("REFLX", PACK);
  if (!built) throw new Error("no report");
  report = built;
});
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("[RF-E] reflections in the report and the exports", () => {
  it("has one row per participant, the chain in full for who wrote it, empty for who did not", () => {
    expect(report.reflections.map((r) => r.playerId).sort()).toEqual(["p1", "p2", "p3", "p4"]);
    expect(report.reflections.map((r) => r.teamNo)).toEqual([1, 1, 2, 2]);
    const ani = report.reflections.find((r) => r.playerId === "p1")!;
    expect(ani).toMatchObject({ issue: ANI.issue, condition: "complexity", prime: "understanding", partners: ["government", "community"], behaviourId: "kolaboratif-2", value: "kolaboratif", activity: ANI.activity, complete: true, onWall: true });
    expect(ani.behaviour?.id).toBe("Terbuka dalam bekerja sama untuk menghasilkan nilai tambah");
    const budi = report.reflections.find((r) => r.playerId === "p2")!;
    expect(budi).toMatchObject({ issue: "Arsip menumpuk", complete: false, onWall: false, behaviour: null });
    expect(JSON.parse(toJson(report)).reflections).toEqual(report.reflections);
  });

  it("carries each member's own roles committed per round", () => {
    const v = report.votes.find((x) => x.playerId === "p1" && x.committed)!;
    expect(v.rolesCommitted).toEqual(["government", "academia", "business"]);
    expect(report.votes.filter((x) => !x.committed).every((x) => x.rolesCommitted.length === 0)).toBe(true);
  });

  it("writes the chain to the CSV, quoted and safe from formulas", () => {
    const rows = parseCsv(toCsv(report, "reflections", "id", TZ));
    const head = rows[0]!;
    expect(head).toEqual(COLUMNS.reflections.map((c) => c.header.id));
    const ani = rows.find((r) => r.includes("Ani"))!;
    const at = (field: string) => ani[COLUMNS.reflections.findIndex((c) => c.field === field)];
    expect(at("issue")).toBe(ANI.issue);
    expect(at("condition")).toBe("Kompleksitas");
    expect(at("prime")).toBe("Pemahaman");
    expect(at("partners")).toBe("Pemerintah, Komunitas");
    expect(at("value")).toBe("Kolaboratif");
    expect(at("activity")).toBe(`'${ANI.activity}`);
  });

  it("writes a reflections sheet to the XLSX that exceljs reads back, in English too", async () => {
    for (const lang of ["id", "en"] as const) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await toXlsx(report, lang, TZ)) as never);
      const sheet = book.getWorksheet(SHEET_NAME.reflections[lang])!;
      expect(sheet).toBeDefined();
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(COLUMNS.reflections.map((c) => c.header[lang]));
      const col = (field: string) => COLUMNS.reflections.findIndex((c) => c.field === field) + 1;
      let found = false;
      sheet.eachRow((row, n) => {
        if (n === 1 || row.getCell(col("name")).value !== "Ani") return;
        found = true;
        expect(row.getCell(col("issue")).value).toBe(ANI.issue);
        expect(row.getCell(col("activity")).value).toBe(ANI.activity);
        expect(row.getCell(col("teamNo")).value).toBe(1);
        expect(row.getCell(col("behaviour")).value).toBe(lang === "id" ? "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah" : "Is open to working together to add value");
        expect(row.getCell(col("complete")).value).toBe(lang === "id" ? "ya" : "yes");
      });
      expect(found).toBe(true);
      const votes = book.getWorksheet(SHEET_NAME.votes[lang])!;
      const rolesCol = COLUMNS.votes.findIndex((c) => c.field === "rolesCommitted") + 1;
      expect((votes.getRow(1).values as unknown[])[rolesCol]).toBe(lang === "id" ? "Kartu peran dilibatkan" : "Role cards committed");
    }
  });

  it("is deleted with the session (the retention purge)", async () => {
    expect(await store.purgeOlderThan(1, T0 + 3_600_000 + 2 * 86_400_000)).toContain("REFLX");
    expect(await store.report("REFLX", PACK)).toBeNull();
    expect(await store.latestSnapshot("REFLX")).toBeNull();
  });
});
