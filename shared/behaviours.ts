// The 21 behaviours of the BerAKHLAK core values (SE MenPANRB No. 20 Tahun 2021,
// "panduan perilaku"): seven values, three behaviours each, in the official
// Indonesian wording with an English rendering beside it.
import type { CoreValue, Text } from "./vuca.js";

export interface Behaviour {
  /** Stable id: the value's id and the behaviour's number, e.g. "akuntabel-2". */
  id: string;
  value: CoreValue;
  text: Text;
}

const B = (value: CoreValue, n: number, id: string, en: string): Behaviour => ({ id: `${value}-${n}`, value, text: { id, en } });

export const BEHAVIOURS: readonly Behaviour[] = [
  B("berorientasi-pelayanan", 1, "Memahami dan memenuhi kebutuhan masyarakat", "Understand and meet the needs of the public"),
  B("berorientasi-pelayanan", 2, "Ramah, cekatan, solutif, dan dapat diandalkan", "Be friendly, quick, solution-minded and dependable"),
  B("berorientasi-pelayanan", 3, "Melakukan perbaikan tiada henti", "Keep improving, without end"),
  B("akuntabel", 1, "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi", "Carry out duties honestly, responsibly, carefully, with discipline and high integrity"),
  B("akuntabel", 2, "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien", "Use state wealth and property responsibly, effectively and efficiently"),
  B("akuntabel", 3, "Tidak menyalahgunakan kewenangan jabatan", "Do not abuse the authority of office"),
  B("kompeten", 1, "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah", "Grow one's competence to meet ever-changing challenges"),
  B("kompeten", 2, "Membantu orang lain belajar", "Help others learn"),
  B("kompeten", 3, "Melaksanakan tugas dengan kualitas terbaik", "Carry out duties with the best quality"),
  B("harmonis", 1, "Menghargai setiap orang apapun latar belakangnya", "Respect everyone, whatever their background"),
  B("harmonis", 2, "Suka menolong orang lain", "Be glad to help others"),
  B("harmonis", 3, "Membangun lingkungan kerja yang kondusif", "Build a conducive working environment"),
  B("loyal", 1, "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah", "Hold firmly to Pancasila and the 1945 Constitution, and be faithful to the Unitary State of the Republic of Indonesia and its lawful government"),
  B("loyal", 2, "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara", "Guard the good name of fellow civil servants, leaders, the agency and the state"),
  B("loyal", 3, "Menjaga rahasia jabatan dan negara", "Keep the secrets of office and of the state"),
  B("adaptif", 1, "Cepat menyesuaikan diri menghadapi perubahan", "Adjust quickly to change"),
  B("adaptif", 2, "Terus berinovasi dan mengembangkan kreativitas", "Keep innovating and developing creativity"),
  B("adaptif", 3, "Bertindak proaktif", "Act proactively"),
  B("kolaboratif", 1, "Memberi kesempatan kepada berbagai pihak untuk berkontribusi", "Give every party the chance to contribute"),
  B("kolaboratif", 2, "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah", "Be open in working together to create added value"),
  B("kolaboratif", 3, "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama", "Mobilise the use of many resources for a common goal"),
];

export const BEHAVIOUR_IDS = BEHAVIOURS.map((b) => b.id) as readonly string[];

const BY_ID = new Map(BEHAVIOURS.map((b) => [b.id, b]));

/** The behaviour with this id (a Map lookup: an id may come from the network). */
export function behaviourOf(id: string): Behaviour | undefined {
  return BY_ID.get(id);
}
