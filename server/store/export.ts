// Exports of a session report: CSV that opens right in Excel set to
// Indonesian (UTF-8 with BOM, ";" between fields, CRLF, decimal comma,
// dd/mm/yyyy HH:MM dates), XLSX (one sheet per view) and JSON. CSV and XLSX
// are built from the same column list, so both read back the numbers of the
// JSON report.
import ExcelJS from "exceljs";
import type { LockCause } from "../../shared/rules/types.js";
import { say, type Condition, type CoreValue, type Prime, type Role, type Text } from "../../shared/scenario.js";
import type { ReportView, SessionReport } from "./types.js";
import { REPORT_VIEWS } from "./types.js";

export type Lang = "id" | "en";

export interface ExportOptions {
  /** IANA time zone for dates (default: the server's own, e.g. Asia/Jakarta on a trainer's laptop). */
  timeZone?: string | undefined;
}

type Kind = "text" | "int" | "decimal" | "rate" | "date" | "bool";
/** A cell before formatting: dates are epoch ms in a { ms } box. */
export type Cell = string | number | boolean | null | { ms: number };

type Labels = Record<Lang, string>;

const PRIME_LABEL: Record<Prime, Labels> = {
  vision: { id: "Visi", en: "Vision" },
  understanding: { id: "Pemahaman", en: "Understanding" },
  clarity: { id: "Kejelasan", en: "Clarity" },
  agility: { id: "Ketangkasan", en: "Agility" },
};
const CONDITION_LABEL: Record<Condition, Labels> = {
  volatility: { id: "Volatilitas", en: "Volatility" },
  uncertainty: { id: "Ketidakpastian", en: "Uncertainty" },
  complexity: { id: "Kompleksitas", en: "Complexity" },
  ambiguity: { id: "Ambiguitas", en: "Ambiguity" },
};
const ROLE_LABEL: Record<Role, Labels> = {
  government: { id: "Pemerintah", en: "Government" },
  academia: { id: "Akademisi", en: "Academia" },
  business: { id: "Dunia Usaha", en: "Business" },
  community: { id: "Komunitas", en: "Community" },
  media: { id: "Media", en: "Media" },
};
const LOCK_LABEL: Record<LockCause, Labels> = {
  captain: { id: "kapten", en: "captain" },
  "all-sent": { id: "semua mengirim", en: "all sent" },
  timeout: { id: "waktu habis", en: "time out" },
  host: { id: "fasilitator", en: "facilitator" },
};
const YES: Labels = { id: "ya", en: "yes" };
const NO: Labels = { id: "tidak", en: "no" };

export const SHEET_NAME: Record<ReportView, Labels> = {
  rounds: { id: "Ronde", en: "Rounds" },
  teams: { id: "Kelompok", en: "Teams" },
  players: { id: "Peserta", en: "Participants" },
  events: { id: "Kejadian tersulit", en: "Hardest events" },
  diagnoses: { id: "Ketepatan diagnosis", en: "Diagnosis accuracy" },
  votes: { id: "Pilihan peserta", en: "Participants' votes" },
  reflections: { id: "Refleksi peserta", en: "Participants' reflections" },
};

export interface Column {
  /** Path of the value in the report row (e.g. "byCondition.volatility.points"); "" for session columns. */
  field: string;
  header: Labels;
  kind: Kind;
  value: (row: never, report: SessionReport, lang: Lang) => Cell;
}

const col = <R>(field: string, header: Labels, kind: Kind, value: (row: R, report: SessionReport, lang: Lang) => Cell): Column => ({
  field,
  header,
  kind,
  value: value as Column["value"],
});
const text = (t: Text, lang: Lang) => say(t, lang);
const prime = (p: Prime | null, lang: Lang) => (p ? PRIME_LABEL[p][lang] : "");
const condition = (c: Condition | null, lang: Lang) => (c ? CONDITION_LABEL[c][lang] : "");
const roles = (rs: readonly Role[], lang: Lang) => rs.map((r) => ROLE_LABEL[r][lang]).join(", ");

type RoundRow = SessionReport["rounds"][number];
type TeamRow = SessionReport["teams"][number];
type PlayerRow = SessionReport["players"][number];
type EventRow = SessionReport["events"][number];
type DiagnosisRow = SessionReport["diagnoses"][number];
type VoteRow = SessionReport["votes"][number];
type ReflectionRow = SessionReport["reflections"][number];
const VALUE_LABEL: Record<CoreValue, Labels> = {
  "berorientasi-pelayanan": { id: "Berorientasi Pelayanan", en: "Service-oriented" },
  akuntabel: { id: "Akuntabel", en: "Accountable" },
  kompeten: { id: "Kompeten", en: "Competent" },
  harmonis: { id: "Harmonis", en: "Harmonious" },
  loyal: { id: "Loyal", en: "Loyal" },
  adaptif: { id: "Adaptif", en: "Adaptive" },
  kolaboratif: { id: "Kolaboratif", en: "Collaborative" },
};

const sessionColumns: Column[] = [
  col<unknown>("", { id: "Kode ruang", en: "Room code" }, "text", (_r, rep) => rep.session.code),
  col<unknown>("", { id: "Tanggal", en: "Date" }, "date", (_r, rep) => ({ ms: rep.session.createdAt })),
];

const CONDITION_KEYS: Condition[] = ["volatility", "uncertainty", "complexity", "ambiguity"];

export const COLUMNS: Record<ReportView, Column[]> = {
  rounds: [
    ...sessionColumns,
    col<RoundRow>("roundNo", { id: "Ronde", en: "Round" }, "int", (r) => r.roundNo),
    col<RoundRow>("eventTitle", { id: "Kartu kejadian", en: "Event card" }, "text", (r, _rep, lang) => text(r.eventTitle, lang)),
    col<RoundRow>("eventId", { id: "ID kartu", en: "Card id" }, "text", (r) => r.eventId),
    col<RoundRow>("condition", { id: "Kondisi VUCA", en: "VUCA condition" }, "text", (r, _rep, lang) => condition(r.condition, lang)),
    col<RoundRow>("skipped", { id: "Dilewati", en: "Skipped" }, "bool", (r) => r.skipped),
    col<RoundRow>("teamNo", { id: "Kelompok", en: "Team" }, "int", (r) => r.teamNo),
    col<RoundRow>("diagnosis", { id: "Diagnosis kelompok", en: "Team's diagnosis" }, "text", (r, _rep, lang) => condition(r.diagnosis, lang)),
    col<RoundRow>("diagnosisRight", { id: "Diagnosis tepat", en: "Diagnosis right" }, "bool", (r) => r.diagnosisRight),
    col<RoundRow>("diagnosisPoints", { id: "Poin diagnosis", en: "Diagnosis points" }, "int", (r) => r.diagnosisPoints),
    col<RoundRow>("choice", { id: "Respons dipilih", en: "Response chosen" }, "text", (r, _rep, lang) => prime(r.choice, lang)),
    col<RoundRow>("bestChoice", { id: "Respons terbaik", en: "Best response" }, "bool", (r) => r.bestChoice),
    col<RoundRow>("rolesCommitted", { id: "Peran dilibatkan", en: "Roles committed" }, "text", (r, _rep, lang) => roles(r.rolesCommitted, lang)),
    col<RoundRow>("reason", { id: "Alasan kelompok", en: "Team's reason" }, "text", (r) => r.reason),
    col<RoundRow>("responsePoints", { id: "Poin respons", en: "Response points" }, "int", (r) => r.responsePoints),
    col<RoundRow>("collabPoints", { id: "Poin kolaborasi", en: "Collaboration points" }, "int", (r) => r.collabPoints),
    col<RoundRow>("points", { id: "Poin", en: "Points" }, "int", (r) => r.points),
    col<RoundRow>("lockedBy", { id: "Dikunci oleh", en: "Locked by" }, "text", (r, _rep, lang) => (r.lockedBy ? LOCK_LABEL[r.lockedBy][lang] : "")),
    col<RoundRow>("lockSeconds", { id: "Waktu kunci (detik)", en: "Lock time (s)" }, "decimal", (r) => r.lockSeconds),
    col<RoundRow>("sent", { id: "Peserta mengirim", en: "Members sent" }, "int", (r) => r.sent),
    col<RoundRow>("size", { id: "Anggota", en: "Members" }, "int", (r) => r.size),
  ],
  teams: [
    ...sessionColumns,
    col<TeamRow>("rank", { id: "Peringkat", en: "Rank" }, "int", (r) => r.rank),
    col<TeamRow>("teamNo", { id: "Kelompok", en: "Team" }, "int", (r) => r.teamNo),
    col<TeamRow>("score", { id: "Skor", en: "Score" }, "int", (r) => r.score),
    col<TeamRow>("diagnosisPoints", { id: "Poin diagnosis", en: "Diagnosis points" }, "int", (r) => r.diagnosisPoints),
    col<TeamRow>("diagnosisRate", { id: "Ketepatan diagnosis", en: "Diagnosis accuracy" }, "rate", (r) => r.diagnosisRate),
    col<TeamRow>("diagnosisRight", { id: "Diagnosis tepat", en: "Diagnoses right" }, "int", (r) => r.diagnosisRight),
    col<TeamRow>("diagnosisRounds", { id: "Ronde diagnosis", en: "Diagnosis rounds" }, "int", (r) => r.diagnosisRounds),
    ...CONDITION_KEYS.map((c) =>
      col<TeamRow>(
        `diagnosisByCondition.${c}.rate`,
        { id: `${CONDITION_LABEL[c].id}: ketepatan diagnosis`, en: `${CONDITION_LABEL[c].en}: diagnosis accuracy` },
        "rate",
        (r) => r.diagnosisByCondition[c].rate,
      ),
    ),
    col<TeamRow>("responsePoints", { id: "Poin respons", en: "Response points" }, "int", (r) => r.responsePoints),
    col<TeamRow>("collabPoints", { id: "Poin kolaborasi", en: "Collaboration points" }, "int", (r) => r.collabPoints),
    col<TeamRow>("totalLockSeconds", { id: "Total waktu kunci (detik)", en: "Total lock time (s)" }, "decimal", (r) => r.totalLockSeconds),
    ...CONDITION_KEYS.flatMap((c) => [
      col<TeamRow>(
        `byCondition.${c}.points`,
        { id: `${CONDITION_LABEL[c].id}: poin`, en: `${CONDITION_LABEL[c].en}: points` },
        "int",
        (r) => r.byCondition[c].points,
      ),
      col<TeamRow>(
        `byCondition.${c}.max`,
        { id: `${CONDITION_LABEL[c].id}: maksimum`, en: `${CONDITION_LABEL[c].en}: maximum` },
        "int",
        (r) => r.byCondition[c].max,
      ),
    ]),
    col<TeamRow>("collaborationRate", { id: "Tingkat kolaborasi", en: "Collaboration rate" }, "rate", (r) => r.collaborationRate),
    col<TeamRow>("bestChoices", { id: "Pilihan terbaik", en: "Best choices" }, "int", (r) => r.bestChoices),
    col<TeamRow>("members", { id: "Anggota", en: "Members" }, "int", (r) => r.members),
    col<TeamRow>("captain", { id: "Kapten", en: "Captain" }, "text", (r) => r.captain ?? ""),
  ],
  players: [
    ...sessionColumns,
    col<PlayerRow>("name", { id: "Peserta", en: "Participant" }, "text", (r) => r.name),
    col<PlayerRow>("teamNo", { id: "Kelompok", en: "Team" }, "int", (r) => r.teamNo),
    col<PlayerRow>("roles", { id: "Kartu peran", en: "Role cards" }, "text", (r, _rep, lang) => roles(r.roles, lang)),
    col<PlayerRow>("roundsSent", { id: "Ronde dikirim", en: "Rounds sent" }, "int", (r) => r.roundsSent),
    col<PlayerRow>("roundsScored", { id: "Ronde dinilai", en: "Rounds scored" }, "int", (r) => r.roundsScored),
    col<PlayerRow>("participationRate", { id: "Tingkat partisipasi", en: "Participation rate" }, "rate", (r) => r.participationRate),
    col<PlayerRow>("rolesCommitted", { id: "Ronde peran dilibatkan", en: "Rounds role committed" }, "int", (r) => r.rolesCommitted),
    col<PlayerRow>("diagnosisRight", { id: "Diagnosis tepat", en: "Diagnoses right" }, "int", (r) => r.diagnosisRight),
    col<PlayerRow>("diagnosisRounds", { id: "Ronde diagnosis", en: "Diagnosis rounds" }, "int", (r) => r.diagnosisRounds),
    col<PlayerRow>("diagnosisRate", { id: "Ketepatan diagnosis", en: "Diagnosis accuracy" }, "rate", (r) => r.diagnosisRate),
    col<PlayerRow>("present", { id: "Masih di sesi", en: "Still in session" }, "bool", (r) => r.present),
    col<PlayerRow>("playerId", { id: "ID peserta", en: "Participant id" }, "text", (r) => r.playerId),
  ],
  events: [
    ...sessionColumns,
    col<EventRow>("difficultyRank", { id: "Peringkat kesulitan", en: "Difficulty rank" }, "int", (r) => r.difficultyRank),
    col<EventRow>("roundNo", { id: "Ronde", en: "Round" }, "int", (r) => r.roundNo),
    col<EventRow>("eventTitle", { id: "Kartu kejadian", en: "Event card" }, "text", (r, _rep, lang) => text(r.eventTitle, lang)),
    col<EventRow>("eventId", { id: "ID kartu", en: "Card id" }, "text", (r) => r.eventId),
    col<EventRow>("condition", { id: "Kondisi VUCA", en: "VUCA condition" }, "text", (r, _rep, lang) => condition(r.condition, lang)),
    col<EventRow>("bestPrime", { id: "Respons terbaik", en: "Best response" }, "text", (r, _rep, lang) => prime(r.bestPrime, lang)),
    col<EventRow>("bestPoints", { id: "Poin terbaik", en: "Best points" }, "int", (r) => r.bestPoints),
    col<EventRow>("averagePoints", { id: "Rata-rata poin respons", en: "Average response points" }, "decimal", (r) => r.averagePoints),
    col<EventRow>("successRate", { id: "Tingkat keberhasilan", en: "Success rate" }, "rate", (r) => r.successRate),
    col<EventRow>("teamsBest", { id: "Kelompok memilih terbaik", en: "Teams choosing best" }, "int", (r) => r.teamsBest),
    col<EventRow>("teams", { id: "Jumlah kelompok", en: "Teams" }, "int", (r) => r.teams),
  ],
  diagnoses: [
    ...sessionColumns,
    col<DiagnosisRow>("condition", { id: "Kondisi VUCA kartu", en: "Card's VUCA condition" }, "text", (r, _rep, lang) => condition(r.condition, lang)),
    col<DiagnosisRow>("teamRate", { id: "Ketepatan kelompok", en: "Team accuracy" }, "rate", (r) => r.teamRate),
    col<DiagnosisRow>("teamsRight", { id: "Kelompok tepat", en: "Teams right" }, "int", (r) => r.teamsRight),
    col<DiagnosisRow>("teamRounds", { id: "Ronde kelompok", en: "Team rounds" }, "int", (r) => r.teamRounds),
    col<DiagnosisRow>("playerRate", { id: "Ketepatan peserta", en: "Participant accuracy" }, "rate", (r) => r.playerRate),
    col<DiagnosisRow>("playersRight", { id: "Pilihan peserta tepat", en: "Participant readings right" }, "int", (r) => r.playersRight),
    col<DiagnosisRow>("playerVotes", { id: "Pilihan peserta", en: "Participant readings" }, "int", (r) => r.playerVotes),
    col<DiagnosisRow>("mostReadAs", { id: "Paling sering dibaca sebagai", en: "Most often read as" }, "text", (r, _rep, lang) => condition(r.mostReadAs, lang)),
  ],
  votes: [
    ...sessionColumns,
    col<VoteRow>("roundNo", { id: "Ronde", en: "Round" }, "int", (r) => r.roundNo),
    col<VoteRow>("eventTitle", { id: "Kartu kejadian", en: "Event card" }, "text", (r, _rep, lang) => text(r.eventTitle, lang)),
    col<VoteRow>("condition", { id: "Kondisi VUCA kartu", en: "Card's VUCA condition" }, "text", (r, _rep, lang) => condition(r.condition, lang)),
    col<VoteRow>("teamNo", { id: "Kelompok", en: "Team" }, "int", (r) => r.teamNo),
    col<VoteRow>("name", { id: "Peserta", en: "Participant" }, "text", (r) => r.name),
    col<VoteRow>("diagnosis", { id: "Diagnosis peserta", en: "Participant's diagnosis" }, "text", (r, _rep, lang) => condition(r.diagnosis, lang)),
    col<VoteRow>("diagnosisRight", { id: "Diagnosis tepat", en: "Diagnosis right" }, "bool", (r) => r.diagnosisRight),
    col<VoteRow>("choice", { id: "Respons dipilih", en: "Response chosen" }, "text", (r, _rep, lang) => prime(r.choice, lang)),
    col<VoteRow>("bestChoice", { id: "Respons terbaik", en: "Best response" }, "bool", (r) => r.bestChoice),
    col<VoteRow>("committed", { id: "Peran dilibatkan", en: "Role committed" }, "bool", (r) => r.committed),
    col<VoteRow>("rolesCommitted", { id: "Kartu peran dilibatkan", en: "Role cards committed" }, "text", (r, _rep, lang) => roles(r.rolesCommitted ?? [], lang)),
    col<VoteRow>("playerId", { id: "ID peserta", en: "Participant id" }, "text", (r) => r.playerId),
  ],
  reflections: [
    ...sessionColumns,
    col<ReflectionRow>("teamNo", { id: "Kelompok", en: "Team" }, "int", (r) => r.teamNo),
    col<ReflectionRow>("name", { id: "Peserta", en: "Participant" }, "text", (r) => r.name),
    col<ReflectionRow>("issue", { id: "Isu di unit kerja", en: "Issue in own unit" }, "text", (r) => r.issue),
    col<ReflectionRow>("condition", { id: "Kondisi VUCA dominan", en: "Dominant VUCA condition" }, "text", (r, _rep, lang) => condition(r.condition, lang)),
    col<ReflectionRow>("prime", { id: "Respons (VUCA Prime)", en: "Response (VUCA Prime)" }, "text", (r, _rep, lang) => prime(r.prime, lang)),
    col<ReflectionRow>("partners", { id: "Mitra pentahelix", en: "Pentahelix partners" }, "text", (r, _rep, lang) => roles(r.partners, lang)),
    col<ReflectionRow>("value", { id: "Nilai BerAKHLAK", en: "BerAKHLAK value" }, "text", (r, _rep, lang) => (r.value ? VALUE_LABEL[r.value][lang] : "")),
    col<ReflectionRow>("behaviour", { id: "Perilaku BerAKHLAK", en: "BerAKHLAK behaviour" }, "text", (r, _rep, lang) => (r.behaviour ? text(r.behaviour, lang) : "")),
    col<ReflectionRow>("activity", { id: "Kegiatan nyata", en: "Concrete activity" }, "text", (r) => r.activity),
    col<ReflectionRow>("complete", { id: "Lengkap", en: "Complete" }, "bool", (r) => r.complete),
    col<ReflectionRow>("onWall", { id: "Di dinding kelas", en: "On the class wall" }, "bool", (r) => r.onWall),
    col<ReflectionRow>("playerId", { id: "ID peserta", en: "Participant id" }, "text", (r) => r.playerId),
  ],
};

/** A view as headers and raw cells (shared by CSV and XLSX). */
export function viewTable(report: SessionReport, view: ReportView, lang: Lang = "id"): { columns: Column[]; headers: string[]; rows: Cell[][] } {
  const columns = COLUMNS[view];
  const source = report[view] as never[];
  return {
    columns,
    headers: columns.map((c) => c.header[lang]),
    rows: source.map((row) => columns.map((c) => c.value(row, report, lang))),
  };
}

// ---- dates -------------------------------------------------------------------

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(ms: number, timeZone: string | undefined): WallClock {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** dd/mm/yyyy HH:MM in the given time zone (what Excel set to Indonesian reads as a date). */
export function formatDate(ms: number, timeZone?: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.day)}/${pad(w.month)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

// ---- CSV ---------------------------------------------------------------------

const BOM = "\uFEFF";
const SEP = ";";
const EOL = "\r\n";

/** Decimal comma, no thousands separator, never exponent notation for report values. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  return String(n).replace(".", ",");
}

function csvField(cell: Cell, kind: Kind, lang: Lang, timeZone: string | undefined): string {
  if (cell === null || cell === undefined) return "";
  let out: string;
  if (typeof cell === "object") out = formatDate(cell.ms, timeZone);
  else if (typeof cell === "boolean") out = (cell ? YES : NO)[lang];
  else if (typeof cell === "number") out = formatNumber(cell);
  else {
    out = cell;
    // A name or reason typed by a participant must never run as a formula in Excel.
    if (kind === "text" && /^[=+\-@\t\r]/.test(out)) out = `'${out}`;
  }
  return /[";\r\n]|^\s|\s$/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

/** One view as CSV: UTF-8 with BOM, ";" separator, CRLF, dd/mm/yyyy HH:MM, decimal comma. */
export function toCsv(report: SessionReport, view: ReportView, lang: Lang = "id", options: ExportOptions = {}): string {
  const { columns, headers, rows } = viewTable(report, view, lang);
  const lines = [headers.map((h) => csvField(h, "text", lang, options.timeZone)).join(SEP)];
  for (const row of rows) lines.push(row.map((cell, i) => csvField(cell, columns[i]!.kind, lang, options.timeZone)).join(SEP));
  return BOM + lines.join(EOL) + EOL;
}

/** Parses CSV written by toCsv (or any ";"-separated CSV): rows of raw strings, BOM dropped. */
export function parseCsv(csv: string): string[][] {
  const input = csv.startsWith(BOM) ? csv.slice(1) : csv;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === SEP) {
      row.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---- XLSX --------------------------------------------------------------------

const NUM_FMT: Partial<Record<Kind, string>> = {
  int: "0",
  decimal: "0.0##",
  rate: "0.0%",
  date: "dd/mm/yyyy hh:mm",
};

/** Every view as its own sheet; header row bold and frozen; numbers stay numbers. */
export async function toXlsx(report: SessionReport, lang: Lang = "id", options: ExportOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Arena VUCA";
  workbook.created = new Date(report.session.createdAt);
  for (const view of REPORT_VIEWS) {
    const { columns, headers, rows } = viewTable(report, view, lang);
    const sheet = workbook.addWorksheet(SHEET_NAME[view][lang], { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({
      header: headers[i],
      key: `c${i}`,
      width: Math.min(48, Math.max(10, headers[i]!.length + 2, c.kind === "date" ? 17 : 0, c.field === "reason" || c.field === "issue" || c.field === "activity" || c.field === "behaviour" ? 40 : 0)),
      ...(NUM_FMT[c.kind] ? { style: { numFmt: NUM_FMT[c.kind] } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(
        row.map((cell) => {
          if (cell === null) return null;
          if (typeof cell === "object") {
            // Excel dates carry no zone: write the wall-clock time of the chosen zone.
            const w = wallClock(cell.ms, options.timeZone);
            return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
          }
          if (typeof cell === "boolean") return (cell ? YES : NO)[lang];
          return cell;
        }),
      );
    }
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

// ---- JSON --------------------------------------------------------------------

export function toJson(report: SessionReport): string {
  return JSON.stringify(report, null, 2);
}

// ---- for the HTTP routes -----------------------------------------------------

export const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

/** arena-vuca-ABCDE-2026-11-28-ronde.csv */
export function exportFileName(report: SessionReport, ext: "csv" | "xlsx" | "json", view?: ReportView, lang: Lang = "id", options: ExportOptions = {}): string {
  const w = wallClock(report.session.createdAt, options.timeZone);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  const suffix = view ? `-${SHEET_NAME[view][lang].toLowerCase().replace(/\s+/g, "-")}` : "";
  return `arena-vuca-${report.session.code}-${date}${suffix}.${ext}`;
}
