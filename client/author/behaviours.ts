// The behaviours of each BerAKHLAK core value (SE MenPANRB No. 20 Tahun 2021,
// panduan perilaku), for the form's "behaviour" picker. A card may still name
// its own wording: the list is a choice, not a rule of the checker.
import type { CoreValue } from "../../shared/vuca.js";

export const BEHAVIOURS: ReadonlyMap<CoreValue, { id: string; en: string }[]> = new Map<CoreValue, { id: string; en: string }[]>([
  ["berorientasi-pelayanan", [
    { id: "Memahami dan memenuhi kebutuhan masyarakat", en: "Understand and meet the public's needs" },
    { id: "Ramah, cekatan, solutif, dan dapat diandalkan", en: "Friendly, quick, solution-minded and reliable" },
    { id: "Melakukan perbaikan tiada henti", en: "Improve without end" },
  ]],
  ["akuntabel", [
    { id: "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi", en: "Do the work honestly, responsibly, carefully, with discipline and high integrity" },
    { id: "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien", en: "Use the state's assets responsibly, effectively and efficiently" },
    { id: "Tidak menyalahgunakan kewenangan jabatan", en: "Never misuse the authority of office" },
  ]],
  ["kompeten", [
    { id: "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah", en: "Grow one's competence to meet ever-changing challenges" },
    { id: "Membantu orang lain belajar", en: "Help others learn" },
    { id: "Melaksanakan tugas dengan kualitas terbaik", en: "Do the work to the best quality" },
  ]],
  ["harmonis", [
    { id: "Menghargai setiap orang apa pun latar belakangnya", en: "Respect everyone, whatever their background" },
    { id: "Suka menolong orang lain", en: "Be glad to help others" },
    { id: "Membangun lingkungan kerja yang kondusif", en: "Build a conducive workplace" },
  ]],
  ["loyal", [
    { id: "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah", en: "Hold to Pancasila and the 1945 Constitution, loyal to the Republic and its lawful government" },
    { id: "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara", en: "Guard the good name of fellow civil servants, leaders, the agency and the state" },
    { id: "Menjaga rahasia jabatan dan negara", en: "Keep the secrets of office and of the state" },
  ]],
  ["adaptif", [
    { id: "Cepat menyesuaikan diri menghadapi perubahan", en: "Adapt quickly to change" },
    { id: "Terus berinovasi dan mengembangkan kreativitas", en: "Keep innovating and developing creativity" },
    { id: "Bertindak proaktif", en: "Act proactively" },
  ]],
  ["kolaboratif", [
    { id: "Memberi kesempatan kepada berbagai pihak untuk berkontribusi", en: "Give all parties the chance to contribute" },
    { id: "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah", en: "Be open in working together to add value" },
    { id: "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama", en: "Mobilise many resources for a shared goal" },
  ]],
]);
