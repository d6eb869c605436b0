// Exports: the CSV opens in Excel set to Indonesian, and the CSV and XLSX
// read back (by parsing / by exceljs) the same numbers as the JSON report.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, REPORT_VIEWS, type SessionReport, type Store } from "../../server/store/index.js";
import { COLUMNS, SHEET_NAME, exportFileName, parseCsv, toCsv, toJson, toXlsx } from "../../server/store/export.js";
import { PACK, gameAt, metaFor, T0 } from "./fixture.js";

const TZ = { timeZone: "Asia/Jakarta" };
let dir = "";
let store: Store;
let report: SessionReport;
let json: SessionReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "arena-export-"));
  store = await openStore({ databaseUrl: "", dataDir: dir });
  const game = gameAt("final");
  await store.saveSession(metaFor("EXPRT", game, T0 + 3_600_000), game);
  const built = await store.report("EXPRT", PACK);
  if (!built) throw new Error("no report");
  report = built;
  json = JSON.parse(toJson(report)) as SessionReport;
});
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const at = (row: unknown, path: string): unknown => path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], row);
const NUMERIC = new Set(["int", "decimal", "rate"]);
/** A CSV number as Excel set to Indonesian reads it: decimal comma. */
const csvNumber = (s: string): number | null => (s === "" ? null : Number(s.replace(",", ".")));

describe("CSV for Excel in Indonesian", () => {
  it("has a BOM, ';' between fields, CRLF line ends and Indonesian headers", () => {
    const csv = toCsv(report, "teams", "id", TZ);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare line ends outside quoted text here
    const header = csv.slice(1, csv.indexOf("\r\n"));
    expect(header).toBe(
      "Kode ruang;Tanggal;Peringkat;Kelompok;Skor;Poin diagnosis;Ketepatan diagnosis;Diagnosis tepat;Ronde diagnosis;" +
        "Volatilitas: ketepatan diagnosis;Ketidakpastian: ketepatan diagnosis;Kompleksitas: ketepatan diagnosis;Ambiguitas: ketepatan diagnosis;" +
        "Poin respons;Poin kolaborasi;Total waktu kunci (detik);" +
        "Volatilitas: poin;Volatilitas: maksimum;Ketidakpastian: poin;Ketidakpastian: maksimum;" +
        "Kompleksitas: poin;Kompleksitas: maksimum;Ambiguitas: poin;Ambiguitas: maksimum;" +
        "Tingkat kolaborasi;Pilihan terbaik;Anggota;Kapten",
    );
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe("EXPRT;28/11/2026 08:30;1;1;16;4;1;2;2;1;;1;;6;6;35,5;8;9;0;0;8;8;0;0;1;2;2;Ani");
    expect(lines[2]).toContain(";0,3333;"); // decimal comma
  });

  it("quotes what needs quoting and keeps typed text from running as a formula", () => {
    const csv = toCsv(report, "rounds", "id", TZ);
    expect(csv).toContain('"Koordinasi; ""cepat""\nlalu data"');
    expect(csv).toContain('"Banjir; jalan putus"');
    const rows = parseCsv(csv);
    expect(rows[0]?.slice(0, 4)).toEqual(["Kode ruang", "Tanggal", "Ronde", "Kartu kejadian"]);
    expect(rows[1]?.[COLUMNS.rounds.findIndex((c) => c.field === "reason")]).toBe('Koordinasi; "cepat"\nlalu data');
    expect(rows[1]?.[COLUMNS.rounds.findIndex((c) => c.field === "choice")]).toBe("Visi");
    expect(rows[1]?.[COLUMNS.rounds.findIndex((c) => c.field === "rolesCommitted")]).toBe("Pemerintah, Akademisi, Dunia Usaha, Komunitas, Media");
    expect(rows[4]?.[COLUMNS.rounds.findIndex((c) => c.field === "reason")]).toBe("'-langsung salurkan");
    const players = parseCsv(toCsv(report, "players", "id", TZ));
    expect(players.flat()).toContain("'=Dewi");
    expect(players.flat()).not.toContain("=Dewi");
  });

  it("speaks English when asked", () => {
    const csv = toCsv(report, "events", "en", TZ);
    expect(parseCsv(csv)[0]?.slice(0, 5)).toEqual(["Room code", "Date", "Difficulty rank", "Round", "Event card"]);
    expect(csv).toContain("Duplicate aid data");
    expect(exportFileName(report, "csv", "events", "id", TZ)).toBe("arena-vuca-EXPRT-2026-11-28-kejadian-tersulit.csv");
  });

  it.each(REPORT_VIEWS)("view %s reads back the JSON's numbers", (view) => {
    const rows = parseCsv(toCsv(report, view, "id", TZ));
    const columns = COLUMNS[view];
    const source = json[view] as unknown[];
    expect(rows.length - 1).toBe(source.length);
    expect(source.length).toBeGreaterThan(0);
    let compared = 0;
    rows.slice(1).forEach((row, r) => {
      expect(row).toHaveLength(columns.length);
      columns.forEach((c, i) => {
        if (!NUMERIC.has(c.kind)) return;
        const expected = at(source[r], c.field);
        const got = csvNumber(row[i]!);
        expect(got).toBe(expected);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(0);
  });
});

describe("XLSX", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const buffer = await toXlsx(report, "id", TZ);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  });

  it("has one sheet per view with a bold Indonesian header", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(REPORT_VIEWS.map((v) => SHEET_NAME[v].id));
    for (const view of REPORT_VIEWS) {
      const sheet = workbook.getWorksheet(SHEET_NAME[view].id)!;
      const header = sheet.getRow(1);
      expect(header.font?.bold ?? header.getCell(1).font?.bold).toBe(true);
      expect(header.getCell(1).value).toBe("Kode ruang");
      expect(COLUMNS[view].map((_c, i) => header.getCell(i + 1).value)).toEqual(COLUMNS[view].map((c) => c.header.id));
    }
  });

  it.each(REPORT_VIEWS)("sheet %s holds numbers as numbers, equal to the JSON and the CSV", (view) => {
    const sheet = workbook.getWorksheet(SHEET_NAME[view].id)!;
    const csvRows = parseCsv(toCsv(report, view, "id", TZ));
    const columns = COLUMNS[view];
    const source = json[view] as unknown[];
    expect(sheet.rowCount - 1).toBe(source.length);
    source.forEach((jsonRow, r) => {
      const row = sheet.getRow(r + 2);
      columns.forEach((c, i) => {
        const value = row.getCell(i + 1).value;
        if (c.kind === "date") {
          expect(value).toEqual(new Date(Date.UTC(2026, 10, 28, 8, 30))); // wall clock in Jakarta
          expect(row.getCell(i + 1).numFmt).toBe("dd/mm/yyyy hh:mm");
          return;
        }
        if (!NUMERIC.has(c.kind)) return;
        const expected = at(jsonRow, c.field);
        if (expected === null) {
          expect(value ?? null).toBeNull();
          return;
        }
        expect(typeof value).toBe("number");
        expect(value).toBe(expected);
        expect(value).toBe(csvNumber(csvRows[r + 1]![i]!));
      });
    });
  });

  it("keeps typed text as text (no formulas)", () => {
    const sheet = workbook.getWorksheet(SHEET_NAME.players.id)!;
    const names = sheet.getColumn(3).values;
    expect(names).toContain("=Dewi");
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe("JSON", () => {
  it("is the report itself", () => {
    expect(json).toEqual(report);
    expect(json.version).toBe(1);
    expect(json.teams[0]?.score).toBe(16);
  });
});
