// A small hand-built game for the store suites: two teams, four players, two
// scored rounds and a skipped one, with the numbers worked out by hand.
import { createHash } from "node:crypto";
import type { GameState, Player, RoundRecord, Settings, Team, TeamResult } from "../../shared/rules/types.js";
import type { Pack, Prime } from "../../shared/scenario.js";
import type { SessionMeta } from "../../server/store/types.js";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const option = (prime: Prime, points: number) => ({ prime, text: { id: `Respons ${prime}` }, points, reason: { id: `Alasan ${prime}` } });

export const PACK: Pack = {
  id: "uji-toko",
  title: { id: "Uji penyimpanan", en: "Storage test" },
  description: { id: "Paket kecil untuk uji" },
  language: "id",
  events: [
    {
      id: "banjir",
      title: { id: "Banjir; jalan putus", en: "Flood; road cut" },
      narrative: { id: "Air naik." },
      condition: "volatility",
      conditionReason: { id: "Air naik cepat." },
      options: [option("vision", 3), option("understanding", 1), option("clarity", 2), option("agility", 0)],
      rolesNeeded: ["government", "community"],
      rolesHarmful: ["media"],
      reflection: { id: "Apa?" },
      value: "adaptif",
    },
    {
      id: "data-ganda",
      title: { id: "Data bansos ganda", en: "Duplicate aid data" },
      narrative: { id: "Data tidak cocok." },
      condition: "complexity",
      conditionReason: { id: "Banyak data dari banyak pihak." },
      options: [option("clarity", 3), option("vision", 1), option("understanding", 2), option("agility", 0)],
      rolesNeeded: ["academia"],
      rolesHarmful: [],
      reflection: { id: "Mengapa?" },
      value: "kolaboratif",
    },
    {
      id: "hoaks",
      title: { id: "Hoaks" },
      narrative: { id: "Kabar simpang siur." },
      condition: "ambiguity",
      conditionReason: { id: "Kabar simpang siur." },
      options: [option("agility", 3), option("vision", 1), option("understanding", 2), option("clarity", 0)],
      rolesNeeded: ["media"],
      rolesHarmful: [],
      reflection: { id: "Bagaimana?" },
      value: "adaptif",
    },
  ],
};

export const SETTINGS: Settings = {
  packId: PACK.id,
  teamCount: 2,
  roundSeconds: 60,
  maxTeamSize: 12,
  scoring: { neededRole: 1, harmfulRole: 1, allNeededBonus: 2, diagnosis: 2, alsoDiagnosis: 1 },
};

/** The device secrets the phones keep; the store must only ever see their hashes. */
export const DEVICE_SECRETS: Record<string, string> = {
  p1: "SECRET-DEVICE-ani-0123456789abcdef",
  p2: "SECRET-DEVICE-budi-0123456789abcdef",
  p3: "SECRET-DEVICE-citra-0123456789abcdef",
  p4: "SECRET-DEVICE-dewi-0123456789abcdef",
};
export const HOST_KEY = "SECRET-HOST-KEY-0123456789abcdefghij";

const player = (id: string, name: string, team: number, roles: Player["roles"], joinedAt: number): Player => ({
  id,
  name,
  team,
  roles,
  connected: true,
  joinedAt,
});

export const PLAYERS: Record<string, Player> = {
  p1: player("p1", "Ani", 0, ["government", "academia", "business"], 1000),
  p2: player("p2", "Budi", 0, ["community", "media"], 1500),
  p3: player("p3", "Citra", 1, ["government", "academia"], 2000),
  p4: player("p4", "=Dewi", 1, ["business", "community", "media"], 2500),
};

const tally = (t: Partial<Record<Prime, number>>): Record<Prime, number> => ({ vision: 0, understanding: 0, clarity: 0, agility: 0, ...t });
type ResultInput = Omit<TeamResult, "points" | "diagnosis" | "diagnosisTally" | "diagnosisPoints"> & Partial<Pick<TeamResult, "diagnosis" | "diagnosisTally" | "diagnosisPoints">>;
const noDiagnosis = { volatility: 0, uncertainty: 0, complexity: 0, ambiguity: 0 };
const result = (r: ResultInput): TeamResult => {
  const full = { diagnosis: null, diagnosisTally: noDiagnosis, diagnosisPoints: 0, ...r };
  return { ...full, points: full.responsePoints + full.collabPoints + full.diagnosisPoints };
};

// Diagnosis (+2 when the team names the card's condition):
//  round 1: team 1 volatility (right, +2 → 8), team 2 uncertainty (captain's tie-break, wrong);
//    members: Ani, Budi, Dewi volatility, Citra uncertainty
//  round 2: team 1 complexity (right, +2 → 8), team 2 ambiguity (captain's tie-break, wrong);
//    members: Ani, Dewi complexity, Citra ambiguity
// Round 1 (banjir, volatility; needs government+community, media hurts):
//  team 1: both vision (3), commit → gov, aca, bus, com, media: +2 needed −1 media +2 bonus = 3 → 6
//  team 2: understanding (captain breaks the tie) (1), Citra commits gov, aca: +1 → 2
// Round 2 (data-ganda, complexity; needs academia):
//  team 1: Ani alone, clarity (3), commits gov, aca, bus: +1 +2 bonus = 3 → 6
//  team 2: agility (0), Dewi commits bus, com, media: 0 → 0
// Round 3 (hoaks): skipped.
export const HISTORY: RoundRecord[] = [
  {
    round: 0,
    eventId: "banjir",
    skipped: false,
    results: [
      result({
        team: 0,
        choice: "vision",
        tally: tally({ vision: 2 }),
        rolesCommitted: ["government", "academia", "business", "community", "media"],
        reason: 'Koordinasi; "cepat"\nlalu data',
        diagnosis: "volatility",
        diagnosisTally: { volatility: 2, uncertainty: 0, complexity: 0, ambiguity: 0 },
        diagnosisPoints: 2,
        responsePoints: 3,
        collabPoints: 3,
        lockedBy: "captain",
        lockMs: 20_000,
        sent: 2,
        size: 2,
      }),
      result({
        team: 1,
        choice: "understanding",
        tally: tally({ understanding: 1, clarity: 1 }),
        rolesCommitted: ["government", "academia"],
        reason: "",
        diagnosis: "uncertainty",
        diagnosisTally: { volatility: 1, uncertainty: 1, complexity: 0, ambiguity: 0 },
        responsePoints: 1,
        collabPoints: 1,
        lockedBy: "timeout",
        lockMs: 60_000,
        sent: 2,
        size: 2,
      }),
    ],
    submissions: {
      p1: { prime: "vision", diagnosis: "volatility", commit: true, at: 5_000, team: 0 },
      p2: { prime: "vision", diagnosis: "volatility", commit: true, at: 6_000, team: 0 },
      p3: { prime: "understanding", diagnosis: "uncertainty", commit: true, at: 7_000, team: 1 },
      p4: { prime: "clarity", diagnosis: "volatility", commit: false, at: 8_000, team: 1 },
    },
  },
  {
    round: 1,
    eventId: "data-ganda",
    skipped: false,
    results: [
      result({
        team: 0,
        choice: "clarity",
        tally: tally({ clarity: 1 }),
        rolesCommitted: ["government", "academia", "business"],
        reason: "Validasi data bersama kampus",
        diagnosis: "complexity",
        diagnosisTally: { volatility: 0, uncertainty: 0, complexity: 1, ambiguity: 0 },
        diagnosisPoints: 2,
        responsePoints: 3,
        collabPoints: 3,
        lockedBy: "captain",
        lockMs: 15_500,
        sent: 1,
        size: 2,
      }),
      result({
        team: 1,
        choice: "agility",
        tally: tally({ agility: 2 }),
        rolesCommitted: ["business", "community", "media"],
        reason: "-langsung salurkan",
        diagnosis: "ambiguity",
        diagnosisTally: { volatility: 0, uncertainty: 0, complexity: 1, ambiguity: 1 },
        responsePoints: 0,
        collabPoints: 0,
        lockedBy: "host",
        lockMs: 30_000,
        sent: 2,
        size: 2,
      }),
    ],
    submissions: {
      p1: { prime: "clarity", diagnosis: "complexity", commit: true, at: 90_000, team: 0 },
      p3: { prime: "agility", diagnosis: "ambiguity", commit: false, at: 91_000, team: 1 },
      p4: { prime: "agility", diagnosis: "complexity", commit: true, at: 92_000, team: 1 },
    },
  },
  { round: 2, eventId: "hoaks", skipped: true, results: [], submissions: {} },
];

const team = (index: number, members: string[], score: number, totalLockMs: number): Team => ({
  index,
  members,
  captain: members[0] ?? null,
  votes: {},
  reason: "",
  locked: false,
  lockedBy: null,
  lockMs: null,
  score,
  totalLockMs,
});

/** The game at a few moments of its life. */
export function gameAt(moment: "lobby" | "deciding" | "reveal1" | "final"): GameState {
  const base: GameState = {
    settings: SETTINGS,
    phase: "lobby",
    round: -1,
    timer: { deadline: null, remainingMs: 60_000, paused: false },
    roomLocked: false,
    players: structuredClone(PLAYERS),
    teams: [team(0, ["p1", "p2"], 0, 0), team(1, ["p3", "p4"], 0, 0)],
    history: [],
    seed: 12345,
  };
  switch (moment) {
    case "lobby":
      return base;
    case "deciding": {
      const game: GameState = { ...base, phase: "deciding", round: 0, timer: { deadline: 70_000, remainingMs: 60_000, paused: false, totalMs: 60_000 } };
      game.teams[0]!.votes = { p1: { prime: "vision", diagnosis: null, commit: true, at: 5_000 } };
      game.teams[0]!.reason = "sementara";
      return game;
    }
    case "reveal1": {
      const game: GameState = { ...base, phase: "reveal", round: 0, history: [HISTORY[0]!] };
      game.teams[0]!.score = 8;
      game.teams[0]!.totalLockMs = 20_000;
      game.teams[1]!.score = 2;
      game.teams[1]!.totalLockMs = 60_000;
      return game;
    }
    case "final": {
      const game: GameState = { ...base, phase: "final", round: 2, history: structuredClone(HISTORY), roomLocked: true };
      game.teams[0]!.score = 16;
      game.teams[0]!.totalLockMs = 35_500;
      game.teams[1]!.score = 2;
      game.teams[1]!.totalLockMs = 90_000;
      game.players.p2!.connected = false;
      return game;
    }
  }
}

export const T0 = Date.UTC(2026, 10, 28, 1, 30); // 28/11/2026 08:30 in Jakarta (UTC+7)

export function metaFor(code: string, game: GameState, updatedAt: number, extra: Partial<SessionMeta> = {}): SessionMeta {
  return {
    code,
    packId: PACK.id,
    hostKeyHash: sha256(HOST_KEY),
    settings: game.settings,
    createdAt: T0,
    phase: game.phase,
    updatedAt,
    devices: Object.fromEntries(Object.entries(DEVICE_SECRETS).map(([id, secret]) => [sha256(`${code}:${secret}`), id])),
    banned: [],
    ...extra,
  };
}
