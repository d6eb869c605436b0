// The board's preview: ?demo=lobby|briefing|deciding|reveal|scoreboard|final
// feeds a made-up room so a trainer (or a screenshot) can see every screen
// without a server. Options: &teams=2..10, &paused=1, &lang=en.
import { encodeCard, encodeReveal, publicOnly, type CardView, type TextsMessage } from "../../shared/protocol/wire.js";
import { type RoomStateView, type TeamView } from "../../shared/protocol/state-view.js";
import type { EventCard } from "../../shared/scenario.js";
import type { GameSummary, Phase, TeamResult } from "../../shared/rules/types.js";
import { CONDITIONS, PRIMES, type Condition, type Prime, type Role } from "../../shared/vuca.js";
import { optionOrder } from "../../shared/rules/order.js";
import { store } from "./store.js";
import { STORAGE } from "../../shared/constants.js";

const NAMES = ["Ani", "Budi Santoso", "Citra", "Dewi Lestari", "Eko", "Fajar", "Gita", "Hendra Wijaya", "Indah", "Joko", "Kartika", "Lukman", "Maya", "Nur Aisyah", "Oki", "Putri", "Rizki Ramadhan", "Sari", "Teguh", "Umi", "Vina", "Wahyu", "Yusuf", "Zahra", "Agus Salim", "Bayu", "Cahya", "Dimas", "Erna", "Farhan", "Galih", "Hana", "Irfan", "Juwita", "Kevin", "Laras", "Made", "Nanda", "Oktavia", "Pandu"];

const DEMO_CARD: EventCard = {
  id: "banjir-bandang",
  title: { id: "Banjir bandang melanda tiga kecamatan dalam semalam", en: "A flash flood hits three districts overnight" },
  narrative: {
    id: "Hujan deras selama dua hari membuat sungai meluap. Ribuan warga mengungsi, jalan provinsi terputus, dan di media sosial beredar kabar bahwa bendungan di hulu akan jebol. Kepala dinas meminta usulan langkah pertama dalam satu jam.",
    en: "Two days of heavy rain made the river overflow. Thousands have fled, the provincial road is cut, and social media says the dam upstream is about to break. The head of the agency wants a first step within the hour.",
  },
  condition: "volatility",
  conditionReason: {
    id: "Sungai meluap dalam dua hari, ribuan mengungsi, dan langkah pertama diminta dalam satu jam: keadaan berubah cepat dan besar.",
    en: "The river overflowed within two days, thousands have fled, and a first step is wanted within the hour: things change fast and by a lot.",
  },
  icon: "🌊",
  options: [
    { prime: "vision", points: 3, text: { id: "Tetapkan tujuan bersama: keselamatan warga dulu, lalu susun rencana tanggap darurat 72 jam dengan semua pihak.", en: "Set one shared goal: people's safety first, then a 72-hour emergency plan with every party." }, reason: { id: "Di tengah perubahan cepat, visi yang jelas menyatukan arah semua pihak.", en: "Amid fast change, a clear vision aligns everyone." } },
    { prime: "understanding", points: 2, text: { id: "Kumpulkan data debit sungai dan kondisi bendungan dari akademisi sebelum mengambil keputusan.", en: "Gather river-flow and dam data from academics before deciding." } , reason: { id: "Data penting, tetapi menunggu terlalu lama berisiko di saat genting.", en: "Data matters, but waiting too long is risky in a crisis." } },
    { prime: "clarity", points: 1, text: { id: "Petakan semua instansi yang terlibat dan bagi tugas secara rinci di atas kertas.", en: "Map every agency involved and divide the work in detail on paper." }, reason: { id: "Berguna nanti; sekarang warga butuh tindakan yang terarah.", en: "Useful later; right now people need directed action." } },
    { prime: "agility", points: 2, text: { id: "Kerahkan relawan komunitas dan media lokal untuk evakuasi serta meluruskan hoaks bendungan jebol.", en: "Deploy community volunteers and local media to evacuate and counter the dam hoax." }, reason: { id: "Cepat dan kolaboratif, tetapi tanpa arah bersama bisa tumpang tindih.", en: "Fast and collaborative, but without a shared direction it may overlap." } },
  ],
  rolesNeeded: ["government", "community", "media"],
  rolesHarmful: ["business"],
  reflection: {
    id: "Kapan terakhir kali Anda harus bertindak cepat tanpa informasi lengkap? Bagaimana Anda menjaga arah tim tetap jelas?",
    en: "When did you last have to act fast without full information? How did you keep your team's direction clear?",
  },
  value: "adaptif",
  behaviour: { id: "Cepat menyesuaikan diri menghadapi perubahan", en: "Adapts quickly to change" },
};

// &preview=1: the pack editor's card (client/author/screens/preview.ts), handed over in this tab's sessionStorage
const CARD: EventCard = (location.search.includes("preview=1") && (JSON.parse(sessionStorage.getItem(STORAGE.previewCard) || "0") as EventCard)) || DEMO_CARD;

const REASONS = ["Keselamatan warga adalah prioritas utama.", "Kami butuh data dulu agar tidak salah langkah.", "", "Hoaks harus segera diluruskan sebelum warga panik dan jalur evakuasi menjadi kacau.", "Semua pihak harus tahu tugasnya."];

function teams(n: number, phase: Phase): TeamView[] {
  return Array.from({ length: n }, (_, i) => {
    const size = 3 + ((i * 2) % 5);
    const members = Array.from({ length: size }, (_, k) => ({
      id: `p${i}-${k}`, name: NAMES[(i * 7 + k) % NAMES.length]!, roles: "", connected: k !== 2, sent: k < i % size,
    }));
    const sent = phase === "deciding" ? Math.min(size, (i * 3) % (size + 1)) : 0;
    return { index: i, members, captain: members[0]!.id, sent, locked: phase === "deciding" && sent > 0 && (i % 3 === 0 || sent === size), lockedBy: 0, score: [14, 9, 17, 6, 11, 12, 4, 15, 8, 10][i] ?? 5, totalLockMs: 60_000 + i * 7_000 };
  });
}

function results(n: number): TeamResult[] {
  const picks: (Prime | null)[] = ["vision", "agility", "vision", "understanding", "clarity", "vision", null, "agility", "understanding", "vision"];
  const roles: Role[][] = [["government", "community", "media"], ["community", "business"], ["government", "academia", "community", "media"], ["academia"], [], ["government", "media"], [], ["media", "community"], ["academia", "government"], ["government", "community", "media", "business"]];
  return Array.from({ length: n }, (_, i) => {
    const choice = picks[i % picks.length] ?? null;
    const responsePoints = CARD.options.find((o) => o.prime === choice)?.points ?? 0;
    const committed = roles[i % roles.length]!;
    const collabPoints = committed.filter((r) => CARD.rolesNeeded.includes(r)).length - committed.filter((r) => CARD.rolesHarmful.includes(r)).length + (CARD.rolesNeeded.every((r) => committed.includes(r)) ? 2 : 0);
    const tally = Object.fromEntries(PRIMES.map((p) => [p, p === choice ? 3 : 0])) as Record<Prime, number>;
    const diagnosis: Condition | null = choice === null ? null : (CONDITIONS[(i * 3) % 4] ?? null);
    const diagnosisTally = Object.fromEntries(CONDITIONS.map((d) => [d, d === diagnosis ? 3 : 0])) as Record<Condition, number>;
    const diagnosisPoints = diagnosis === CARD.condition ? 2 : 0;
    return {
      team: i, choice, tally, diagnosis, diagnosisTally, diagnosisPoints, rolesCommitted: committed, reason: REASONS[i % REASONS.length]!,
      responsePoints, collabPoints, points: responsePoints + collabPoints + diagnosisPoints, lockedBy: "captain", lockMs: 60000, sent: 3, size: 4,
    };
  });
}

function summary(n: number): GameSummary {
  const order = teams(n, "final").sort((a, b) => b.score - a.score);
  return {
    ranking: order.map((t, r) => ({
      team: t.index, rank: r + 1, score: t.score, totalLockMs: 0, bestChoices: 2,
      byCondition: { volatility: { points: 5, max: 6 }, uncertainty: { points: 3, max: 6 }, complexity: { points: (t.index * 2) % 4, max: 3 }, ambiguity: { points: 1, max: 3 } },
      collaborationRate: ((t.index * 17) % 60 + 40) / 100,
      diagnosisByCondition: { volatility: { right: 2, rounds: 2 }, uncertainty: { right: t.index % 2, rounds: 2 }, complexity: { right: 1, rounds: 2 }, ambiguity: { right: 0, rounds: 2 } },
      diagnosisRight: 3 + (t.index % 2),
      diagnosisRounds: 8,
    })),
    hardestEvents: [
      { eventId: "banjir-bandang", round: 0, successRate: 0.31 },
      { eventId: "hoaks-vaksin", round: 3, successRate: 0.42 },
      { eventId: "anggaran-dipotong", round: 5, successRate: 0.58 },
    ],
  };
}

export function fakeState(demo: string, n: number, paused: boolean): { state: RoomStateView; texts: TextsMessage } {
  const phase: Phase = (["lobby", "briefing", "deciding", "reveal", "scoreboard", "final"] as const).find((p) => p === demo) ?? "lobby";
  const lobby = phase === "lobby";
  // as the board receives it: no condition, no Prime, options in a shuffled order
  const order = optionOrder(7, 2);
  const card: CardView = publicOnly({ card: encodeCard(CARD, 2, order, true) }).card!;
  const reveal = encodeReveal(2, CARD, results(n), order);
  const texts: TextsMessage = {};
  if (!lobby && phase !== "final") texts.card = card;
  if (phase === "reveal" || phase === "scoreboard") texts.reveal = reveal;
  if (phase === "final") texts.summary = summary(n);
  const state: RoomStateView = {
    code: "K7QMX", packId: "demo", packTitle: JSON.stringify({ id: "Tanggap Bencana di Kabupaten Sukamaju", en: "Disaster response in Sukamaju Regency" }),
    phase, round: lobby ? -1 : 2, roundCount: 8, roundSeconds: 180, timeLeft: 107, paused, roomLocked: false,
    teams: teams(lobby ? Math.min(n, 10) : n, phase).map((t) => (lobby ? { ...t, score: 0 } : t)),
    observers: 0,
    boardView: 0,
    volume: 6,
  };
  return { state, texts };
}

export function runDemo(demo: string, params: URLSearchParams): void {
  const n = Math.max(2, Math.min(10, Number(params.get("teams") ?? 6) || 6));
  const { state, texts } = fakeState(demo, n, params.get("paused") === "1");
  store.texts.take(texts);
  store.setJoinUrl("http://192.168.1.20:2567");
  store.titles.set(CARD.id, CARD.title);
  store.titles.set("hoaks-vaksin", { id: "Hoaks vaksin menyebar di grup WhatsApp warga", en: "A vaccine hoax spreads in residents' chats" });
  store.titles.set("anggaran-dipotong", { id: "Anggaran program dipotong separuh", en: "The programme budget is cut in half" });
  store.setState(state);
  if (state.phase !== "deciding" || state.paused) return;
  // the preview's countdown runs, so the amber warning can be seen
  setInterval(() => {
    state.timeLeft = state.timeLeft > 0 ? state.timeLeft - 1 : 107;
    store.setState(state);
  }, 1000);
}
