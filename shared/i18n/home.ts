// Strings only the home page (client/home) shows. Apart from phone.ts, which
// every phone loads within its bundle budget (test/browser/budget.test.ts);
// the join form's words are there, shared with the phone. Bahasa Indonesia
// first; `en` must have exactly the same keys (the type enforces it).
import type { Lang } from "./common.js";

const id = {
  tagline: "Permainan kelompok tentang Adaptif dan Kolaboratif dalam dunia VUCA.",
  trainerTitle: "Untuk fasilitator",
  trainerText: "Buat sesi baru, tampilkan layar utama, lalu peserta masuk dengan kode permainan.",
  createSession: "Buat sesi",
};

export type HomeStrings = typeof id;

const en: HomeStrings = {
  tagline: "A team game about being Adaptive and Collaborative in a VUCA world.",
  trainerTitle: "For facilitators",
  trainerText: "Create a new session, show the main screen, and participants join with the room code.",
  createSession: "Create a session",
};

export const home: Record<Lang, HomeStrings> = { id, en };
