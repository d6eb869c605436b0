// The seven BerAKHLAK core values and their three behaviours each, worded
// exactly as the Surat Edaran Menteri PANRB Nomor 20 Tahun 2021 (Implementasi
// Core Values dan Employer Branding ASN) words them, with English beside.
// The one place the list lives: the pack checker, the authoring guide and the
// participant handout read it from here. Plain constants, no library, so the
// phone and the handout can import it.
import type { CoreValue } from "./vuca.js";

export interface Behaviour {
  /** Indonesian, exactly as the Surat Edaran words it. */
  id: string;
  en: string;
}

export interface ValueBehaviours {
  /** The value's name as the Surat Edaran writes it. */
  name: string;
  en: string;
  behaviours: readonly [Behaviour, Behaviour, Behaviour];
}

export const BEHAVIOURS: Readonly<Record<CoreValue, ValueBehaviours>> = {
  "berorientasi-pelayanan": {
    name: "Berorientasi Pelayanan",
    en: "Service-oriented",
    behaviours: [
      { id: "Memahami dan memenuhi kebutuhan masyarakat", en: "Understands and meets the public's needs" },
      { id: "Ramah, cekatan, solutif, dan dapat diandalkan", en: "Friendly, deft, solution-minded and reliable" },
      { id: "Melakukan perbaikan tiada henti", en: "Improves without end" },
    ],
  },
  akuntabel: {
    name: "Akuntabel",
    en: "Accountable",
    behaviours: [
      {
        id: "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
        en: "Carries out duties honestly, responsibly, carefully, with discipline and high integrity",
      },
      {
        id: "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        en: "Uses state wealth and property responsibly, effectively and efficiently",
      },
      { id: "Tidak menyalahgunakan kewenangan jabatan", en: "Does not abuse the authority of office" },
    ],
  },
  kompeten: {
    name: "Kompeten",
    en: "Competent",
    behaviours: [
      {
        id: "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        en: "Builds own competence to meet ever-changing challenges",
      },
      { id: "Membantu orang lain belajar", en: "Helps others learn" },
      { id: "Melaksanakan tugas dengan kualitas terbaik", en: "Carries out duties to the best quality" },
    ],
  },
  harmonis: {
    name: "Harmonis",
    en: "Harmonious",
    behaviours: [
      { id: "Menghargai setiap orang apapun latar belakangnya", en: "Respects everyone whatever their background" },
      { id: "Suka menolong orang lain", en: "Is glad to help others" },
      { id: "Membangun lingkungan kerja yang kondusif", en: "Builds a conducive working environment" },
    ],
  },
  loyal: {
    name: "Loyal",
    en: "Loyal",
    behaviours: [
      {
        id: "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
        en: "Holds firmly to Pancasila and the 1945 Constitution, is faithful to the Unitary State of the Republic of Indonesia and to the lawful government",
      },
      {
        id: "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        en: "Guards the good name of fellow civil servants, superiors, the agency and the state",
      },
      { id: "Menjaga rahasia jabatan dan negara", en: "Keeps official and state secrets" },
    ],
  },
  adaptif: {
    name: "Adaptif",
    en: "Adaptive",
    behaviours: [
      { id: "Cepat menyesuaikan diri menghadapi perubahan", en: "Adjusts quickly to change" },
      { id: "Terus berinovasi dan mengembangkan kreativitas", en: "Keeps innovating and developing creativity" },
      { id: "Bertindak proaktif", en: "Acts proactively" },
    ],
  },
  kolaboratif: {
    name: "Kolaboratif",
    en: "Collaborative",
    behaviours: [
      {
        id: "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        en: "Gives various parties the chance to contribute",
      },
      { id: "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah", en: "Is open to working together to add value" },
      {
        id: "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        en: "Mobilises the use of various resources for a shared goal",
      },
    ],
  },
};

/** The value a behaviour (Indonesian, as the Surat Edaran words it) belongs to, if any. */
export function valueOfBehaviour(text: string): CoreValue | undefined {
  for (const [value, v] of Object.entries(BEHAVIOURS) as [CoreValue, ValueBehaviours][]) {
    if (v.behaviours.some((b) => b.id === text)) return value;
  }
  return undefined;
}

// ---- the 21 behaviours as one list, for the closing reflection ----------------

/** One behaviour with a stable id: the value's id and its number, e.g. "akuntabel-2". */
export interface BehaviourItem {
  id: string;
  value: CoreValue;
  /** Indonesian (as the Surat Edaran words it) with English beside. */
  text: { id: string; en: string };
}

/** The 21 behaviours in the Surat Edaran's order: seven values, three each. */
export const BEHAVIOUR_LIST: readonly BehaviourItem[] = (Object.entries(BEHAVIOURS) as [CoreValue, ValueBehaviours][]).flatMap(([value, v]) =>
  v.behaviours.map((b, i) => ({ id: `${value}-${i + 1}`, value, text: { id: b.id, en: b.en } })),
);

const BY_ID = new Map(BEHAVIOUR_LIST.map((b) => [b.id, b]));

/** The behaviour with this id (a Map lookup: an id may come from the network). */
export function behaviourOf(id: string): BehaviourItem | undefined {
  return BY_ID.get(id);
}
