// Words every page uses, in Bahasa Indonesia (default) and English. The
// words table in DESIGN.md is the source: keep them the same everywhere.
import type { Condition, CoreValue, Prime, Role } from "../vuca.js";
import type { Reason } from "../reasons.js";
import type { Phase } from "../rules/types.js";

export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];

interface Common {
  appName: string;
  primes: Record<Prime, string>;
  conditions: Record<Condition, string>;
  /** The glossary: one plain line per condition, the cue a member reads on the diagnosis buttons. */
  conditionCues: Record<Condition, string>;
  roles: Record<Role, string>;
  /** What the role card brings to the table (shown on the phone). */
  roleBrings: Record<Role, string>;
  values: Record<CoreValue, string>;
  phases: Record<Phase, string>;
  /** A sentence for every refusal the server can send. */
  reasons: Record<Reason, string>;
  team: (n: number) => string;
  captain: string;
  player: string;
  observer: string;
  facilitator: string;
  board: string;
  roomCode: string;
  language: string;
  switchLanguage: string;
  connecting: string;
  reconnecting: string;
  connectionLost: string;
  seconds: (n: number) => string;
  points: (n: number) => string;
  sentOf: (sent: number, size: number) => string;
  locked: string;
  paused: string;
  /** A saved session that is not running yet: phones, observers and the board wait calmly. */
  waitingTitle: string;
  /** The trainer closed the session and deleted its data. */
  closedTitle: string;
  closedText: string;
}

const id: Common = {
  appName: "Arena VUCA",
  primes: { vision: "Visi", understanding: "Pemahaman", clarity: "Kejelasan", agility: "Ketangkasan" },
  conditions: {
    volatility: "Volatilitas",
    uncertainty: "Ketidakpastian",
    complexity: "Kompleksitas",
    ambiguity: "Ambiguitas",
  },
  conditionCues: {
    volatility: "Keadaan berubah cepat dan besar.",
    uncertainty: "Informasi kurang, sulit memperkirakan yang akan terjadi.",
    complexity: "Banyak pihak dan faktor yang saling terkait.",
    ambiguity: "Tidak jelas apa arti kejadiannya dan aturan mana yang berlaku.",
  },
  roles: {
    government: "Pemerintah",
    academia: "Akademisi",
    business: "Dunia Usaha",
    community: "Komunitas",
    media: "Media",
  },
  roleBrings: {
    government: "Regulasi, koordinasi lintas instansi, dan anggaran.",
    academia: "Data, riset, dan kajian yang dapat dipertanggungjawabkan.",
    business: "Logistik, dana, dan teknologi.",
    community: "Pengetahuan lokal, relawan, dan kepercayaan warga.",
    media: "Informasi yang cepat dan akurat, serta penangkal hoaks.",
  },
  values: {
    "berorientasi-pelayanan": "Berorientasi Pelayanan",
    akuntabel: "Akuntabel",
    kompeten: "Kompeten",
    harmonis: "Harmonis",
    loyal: "Loyal",
    adaptif: "Adaptif",
    kolaboratif: "Kolaboratif",
  },
  phases: {
    lobby: "Menunggu peserta",
    briefing: "Kartu kejadian",
    deciding: "Waktu memutuskan",
    reveal: "Pembahasan",
    scoreboard: "Papan skor",
    final: "Peringkat akhir",
  },
  reasons: {
    BAD_MESSAGE: "Pesan tidak dapat dipahami oleh server. Coba lagi.",
    TOO_LARGE: "Pesan terlalu panjang.",
    RATE_LIMITED: "Terlalu cepat. Tunggu sebentar, lalu coba lagi.",
    NOT_HOST: "Hanya fasilitator yang dapat melakukan ini.",
    NOT_PLAYER: "Hanya peserta yang dapat melakukan ini.",
    NOT_CAPTAIN: "Hanya ketua kelompok yang dapat melakukan ini.",
    UNKNOWN_PLAYER: "Peserta itu tidak ada di ruang ini.",
    UNKNOWN_TEAM: "Kelompok itu tidak ada.",
    INVALID_HOST_KEY: "Kunci fasilitator tidak cocok untuk ruang ini.",
    WRONG_PHASE: "Belum waktunya untuk itu.",
    PAUSED: "Permainan sedang dijeda oleh fasilitator.",
    NOT_PAUSED: "Permainan tidak sedang dijeda.",
    GAME_OVER: "Permainan sudah selesai.",
    TEAM_LOCKED: "Pilihan kelompok sudah dikunci.",
    NOT_SENT: "Belum ada anggota kelompok yang mengirim pilihan.",
    NO_DIAGNOSIS: "Pilih dulu kondisi VUCA yang menurut Anda paling menonjol, lalu kirim.",
    SAME_TEAM: "Anda sudah berada di kelompok itu.",
    NAME_INVALID: "Nama harus 1–24 karakter dan memuat setidaknya satu huruf atau angka.",
    NAME_TAKEN: "Nama itu sudah dipakai di ruang ini.",
    REASON_TOO_LONG: "Alasan terlalu panjang (paling banyak 140 karakter).",
    REFLECTION_CLOSED: "Refleksi sudah ditutup oleh fasilitator, jadi tidak dapat diubah lagi. Terima kasih atas tulisan Anda.",
    TEXT_TOO_LONG: "Tulisan terlalu panjang (paling banyak 280 karakter). Mohon diringkas; tulisan Anda tidak hilang.",
    REFLECTION_INCOMPLETE: "Mohon lengkapi dulu setiap langkah refleksi, lalu kirim ke dinding.",
    ROOM_LOCKED: "Ruang sedang dikunci oleh fasilitator.",
    ROOM_FULL: "Ruang atau kelompok itu sudah penuh.",
    ROOM_NOT_FOUND: "Kode permainan tidak ditemukan. Periksa kembali kodenya.",
    BANNED: "Perangkat ini tidak diizinkan masuk ke ruang ini.",
    TOO_MANY_ATTEMPTS: "Terlalu banyak kode yang salah. Tunggu satu menit, lalu coba lagi.",
    PACK_NOT_FOUND: "Paket skenario itu tidak ditemukan.",
    INVALID_SETTINGS: "Pengaturan sesi tidak valid.",
    SESSION_NOT_FOUND: "Sesi itu tidak ditemukan.",
    SESSION_WAITING: "Sesi ini terhenti sebentar dan menunggu fasilitator melanjutkannya. Ponsel Anda akan masuk kembali secara otomatis.",
    SESSION_LIVE: "Permainan ini masih berlangsung. Akhiri permainan dulu, lalu hapus datanya.",
    TOO_MANY_SESSIONS: "Terlalu banyak sesi dibuat dari perangkat ini dalam satu menit. Tunggu sebentar, lalu coba lagi.",
    SERVER_FULL: "Server ini sudah menjalankan sesi sebanyak yang diizinkan. Akhiri sesi yang tidak dipakai, atau hubungi pengelola server.",
    NOT_FOUND: "Alamat itu tidak ada di server ini.",
    PACK_INVALID: "Paket belum dapat disimpan: periksa pesan pemeriksa di samping baris yang ditunjuk.",
    ADMIN_REQUIRED: "Menambah atau mengubah paket hanya dari komputer server ini, atau dengan kata sandi admin (ADMIN_PASSWORD).",
    PROTOCOL_MISMATCH: "Halaman ini sudah usang karena server telah diperbarui. Silakan muat ulang halaman ini untuk melanjutkan.",
    SERVER_ERROR: "Terjadi gangguan di server. Coba lagi.",
  },
  team: (n) => `Kelompok ${n}`,
  captain: "Ketua kelompok",
  player: "Peserta",
  observer: "Pengamat",
  facilitator: "Fasilitator",
  board: "Layar utama",
  roomCode: "Kode permainan",
  language: "Bahasa",
  switchLanguage: "English",
  connecting: "Menghubungkan…",
  reconnecting: "Koneksi terputus. Menyambung kembali…",
  connectionLost: "Koneksi terputus.",
  seconds: (n) => `${n} detik`,
  points: (n) => `${n} poin`,
  sentOf: (sent, size) => `Terkirim ${sent}/${size}`,
  locked: "Terkunci",
  paused: "Dijeda",
  waitingTitle: "Menunggu fasilitator",
  closedTitle: "Sesi ditutup",
  closedText: "Sesi ini sudah ditutup oleh fasilitator. Terima kasih!",
};

const en: Common = {
  appName: "Arena VUCA",
  primes: { vision: "Vision", understanding: "Understanding", clarity: "Clarity", agility: "Agility" },
  conditions: {
    volatility: "Volatility",
    uncertainty: "Uncertainty",
    complexity: "Complexity",
    ambiguity: "Ambiguity",
  },
  conditionCues: {
    volatility: "Things change fast and by a lot.",
    uncertainty: "Too little information; hard to foresee what comes next.",
    complexity: "Many parties and factors tangled together.",
    ambiguity: "Unclear what the events mean and which rule applies.",
  },
  roles: {
    government: "Government",
    academia: "Academia",
    business: "Business",
    community: "Community",
    media: "Media",
  },
  roleBrings: {
    government: "Regulation, coordination across agencies, and budget.",
    academia: "Data, research and sound analysis.",
    business: "Logistics, funds and technology.",
    community: "Local knowledge, volunteers and residents' trust.",
    media: "Fast, accurate information, and countering hoaxes.",
  },
  values: {
    "berorientasi-pelayanan": "Service-oriented",
    akuntabel: "Accountable",
    kompeten: "Competent",
    harmonis: "Harmonious",
    loyal: "Loyal",
    adaptif: "Adaptive",
    kolaboratif: "Collaborative",
  },
  phases: {
    lobby: "Waiting for participants",
    briefing: "Event card",
    deciding: "Time to decide",
    reveal: "Reveal",
    scoreboard: "Scoreboard",
    final: "Final ranking",
  },
  reasons: {
    BAD_MESSAGE: "The server could not understand that message. Please try again.",
    TOO_LARGE: "That message is too long.",
    RATE_LIMITED: "Too fast. Wait a moment, then try again.",
    NOT_HOST: "Only the facilitator can do this.",
    NOT_PLAYER: "Only participants can do this.",
    NOT_CAPTAIN: "Only the team captain can do this.",
    UNKNOWN_PLAYER: "That participant is not in this room.",
    UNKNOWN_TEAM: "That team does not exist.",
    INVALID_HOST_KEY: "The facilitator key does not match this room.",
    WRONG_PHASE: "It is not time for that yet.",
    PAUSED: "The facilitator has paused the game.",
    NOT_PAUSED: "The game is not paused.",
    GAME_OVER: "The game is over.",
    TEAM_LOCKED: "Your team's choice is already locked.",
    NOT_SENT: "No team member has sent a choice yet.",
    NO_DIAGNOSIS: "First pick the VUCA condition you think dominates, then send.",
    SAME_TEAM: "You are already in that team.",
    NAME_INVALID: "A name must be 1–24 characters and contain at least one letter or digit.",
    NAME_TAKEN: "That name is already taken in this room.",
    REASON_TOO_LONG: "The reason is too long (140 characters at most).",
    REFLECTION_CLOSED: "The facilitator has closed the reflection, so it can no longer be changed. Thank you for writing.",
    TEXT_TOO_LONG: "The text is too long (280 characters at most). Please shorten it; nothing you wrote is lost.",
    REFLECTION_INCOMPLETE: "Please answer every step of the reflection first, then send it to the wall.",
    ROOM_LOCKED: "The facilitator has locked the room.",
    ROOM_FULL: "That room or team is full.",
    ROOM_NOT_FOUND: "Room code not found. Please check the code.",
    BANNED: "This device may not enter this room.",
    TOO_MANY_ATTEMPTS: "Too many wrong codes. Wait a minute, then try again.",
    PACK_NOT_FOUND: "That scenario pack was not found.",
    INVALID_SETTINGS: "The session settings are not valid.",
    SESSION_NOT_FOUND: "That session was not found.",
    SESSION_WAITING: "This session has stopped for a moment and is waiting for the facilitator to resume it. Your phone will rejoin by itself.",
    SESSION_LIVE: "This game is still running. End the game first, then delete its data.",
    TOO_MANY_SESSIONS: "Too many sessions were created from this device in the last minute. Wait a moment, then try again.",
    SERVER_FULL: "This server is already running as many sessions as it may. End the sessions no one uses, or ask the server's administrator.",
    NOT_FOUND: "That address does not exist on this server.",
    PACK_INVALID: "The pack cannot be saved yet: see the checker's messages beside the lines they point at.",
    ADMIN_REQUIRED: "Packs can be added or changed only from the server's own computer, or with the admin password (ADMIN_PASSWORD).",
    PROTOCOL_MISMATCH: "This page is out of date: the server has been updated. Please reload the page to continue.",
    SERVER_ERROR: "Something went wrong on the server. Please try again.",
  },
  team: (n) => `Team ${n}`,
  captain: "Captain",
  player: "Participant",
  observer: "Observer",
  facilitator: "Facilitator",
  board: "Main screen",
  roomCode: "Room code",
  language: "Language",
  switchLanguage: "Bahasa Indonesia",
  connecting: "Connecting…",
  reconnecting: "Connection lost. Reconnecting…",
  connectionLost: "Connection lost.",
  seconds: (n) => `${n} s`,
  points: (n) => `${n} pts`,
  sentOf: (sent, size) => `Sent ${sent}/${size}`,
  locked: "Locked",
  paused: "Paused",
  waitingTitle: "Waiting for the facilitator",
  closedTitle: "Session closed",
  closedText: "The facilitator has closed this session. Thank you!",
};

export const common: Record<Lang, Common> = { id, en };
export type { Common };
