// The participant handout's words (Indonesian and English). The conditions'
// cues, what each Prime does, what each pentahelix role brings and when it
// hurts. Deliberately no "condition → best response" table: the game trains
// reading the situation, and the textbook pairing is a default, not the answer.
import type { Condition, Prime, Role } from "../../shared/vuca.js";
import type { Lang } from "../../shared/i18n/common.js";

export interface HandoutTexts {
  /** The link on the home page. */
  link: string;
  title: string;
  intro: string;
  print: string;
  conditionsTitle: string;
  conditionsLead: string;
  conditions: Record<Condition, { what: string; cues: string }>;
  primesTitle: string;
  primesLead: string;
  primes: Record<Prime, string>;
  primesNote: string;
  rolesTitle: string;
  rolesLead: string;
  roles: Record<Role, { brings: string; hurts: string }>;
  hurtsLabel: string;
  valuesTitle: string;
  valuesLead: string;
  steps: string[];
  stepsTitle: string;
}

export const HANDOUT: Record<Lang, HandoutTexts> = {
  id: {
    link: "Lembar peserta (cetak A4)",
    title: "Arena VUCA — Lembar Peserta",
    intro:
      "Setiap kartu menceritakan satu kejadian. Kelompok Anda membaca situasinya, memilih satu respons, dan menentukan pihak mana yang perlu dilibatkan. Saat pembahasan, kelompok menjelaskan alasannya.",
    print: "Cetak",
    stepsTitle: "Langkah setiap kartu",
    steps: [
      "Baca narasinya dan cari petunjuknya: apa yang cepat berubah, apa yang belum diketahui, apa yang saling terkait, apa yang maknanya kabur.",
      "Sebutkan kondisinya, lalu pilih respons yang paling menolong dalam situasi itu, bukan yang paling sering diajarkan.",
      "Libatkan peran yang dibutuhkan, dan hindari peran yang merugikan dalam kasus ini.",
      "Tulis alasan kelompok dalam satu atau dua kalimat.",
    ],
    conditionsTitle: "Empat kondisi VUCA dan petunjuknya",
    conditionsLead: "Satu situasi bisa memuat lebih dari satu kondisi; cari yang paling menentukan.",
    conditions: {
      volatility: {
        what: "Keadaan berubah cepat, besar, dan berulang. Jenis masalahnya biasanya dikenal; lajunya yang menekan.",
        cues: "angka yang naik dalam hitungan jam, prakiraan yang terus diperbarui, tenggat yang dekat, usulan yang berganti-ganti",
      },
      uncertainty: {
        what: "Fakta kunci belum diketahui. Yang kurang adalah informasi yang bisa dipercaya.",
        cues: "kabar berantai, dua angka yang bertentangan, \"belum ada yang memeriksa\", dugaan yang saling bersaing",
      },
      complexity: {
        what: "Banyak bagian dan pihak saling terkait. Informasinya ada, tetapi kusut dan tidak tersusun.",
        cues: "banyak instansi dengan kewenangan berbeda, banyak saluran, data ganda, semua menunjuk pihak lain",
      },
      ambiguity: {
        what: "Maknanya kabur. Aturan tidak menjawab, belum ada preseden, dan setiap pihak menafsirkan berbeda.",
        cues: "\"aturan tidak menyebut\", kategori yang tidak cocok, instruksi tanpa petunjuk, dua tafsir yang sama-sama berdasar",
      },
    },
    primesTitle: "Empat respons (VUCA Prime)",
    primesLead: "Bob Johansen menawarkan empat kemampuan untuk menghadapi dunia VUCA:",
    primes: {
      clarity:
        "Menyusun dan menyederhanakan: memetakan siapa mengerjakan apa, menyatukan alur dan data, menetapkan aturan main yang terang.",
      agility:
        "Bergerak cepat dan berkomunikasi lintas organisasi: mencoba dalam skala kecil, memberi tahu semua pihak yang berwenang sejak awal, lalu memperbaiki.",
      understanding:
        "Mencari fakta dari beragam sumber sebelum menyimpulkan: mendengar, memeriksa di lapangan, dan jujur tentang apa yang belum diketahui.",
      vision: "Menetapkan arah atau sasaran yang tetap, sehingga setiap pihak bisa menyesuaikan langkahnya tanpa menunggu rapat.",
    },
    primesNote:
      "Buku teks memasangkan setiap kondisi dengan satu respons. Di lapangan, situasi yang sama bisa menuntut respons lain: arah mungkin sudah disepakati, atau aturan yang ada sudah cukup menjawab. Bacalah situasinya.",
    rolesTitle: "Lima peran pentahelix",
    rolesLead: "Kolaborasi yang baik melibatkan pihak yang tepat, bukan semua pihak.",
    hurtsLabel: "Bisa merugikan bila",
    roles: {
      government: {
        brings: "Kewenangan, regulasi, anggaran, dan koordinasi antarinstansi (whole of government).",
        hurts: "memakai kewenangan di luar batasnya, atau mengambil alih inisiatif warga yang sudah berjalan.",
      },
      academia: {
        brings: "Data, pemeriksaan, dan kajian yang dapat dipertanggungjawabkan.",
        hurts: "kajian panjang menunda keputusan yang harus diambil sekarang.",
      },
      business: {
        brings: "Logistik, barang, dana, teknologi, dan jaringan distribusi.",
        hurts: "keuntungan pihaknya ikut menentukan keputusan publik, misalnya hak tunggal atau penunjukan langsung.",
      },
      community: {
        brings: "Pengetahuan lokal, relawan, dan kepercayaan warga.",
        hurts: "segelintir pengurus menguasai bantuan atau proses untuk kelompoknya sendiri (elite capture).",
      },
      media: {
        brings: "Kabar yang cepat dan akurat, dan penangkal hoaks.",
        hurts: "menyiarkan dugaan sebelum diperiksa, atau mempermalukan orang sebelum ada fakta.",
      },
    },
    valuesTitle: "Nilai dasar ASN BerAKHLAK dan panduan perilakunya",
    valuesLead: "Sesuai Surat Edaran Menteri PANRB Nomor 20 Tahun 2021. Setiap kartu ditutup dengan satu pertanyaan refleksi tentang salah satu perilaku ini.",
  },
  en: {
    link: "Participant handout (print on A4)",
    title: "Arena VUCA — Participant Handout",
    intro:
      "Each card tells of one event. Your team reads the situation, chooses one response and decides which parties to involve. In the discussion, the team explains its reasons.",
    print: "Print",
    stepsTitle: "The steps of each card",
    steps: [
      "Read the narrative and look for the cues: what changes fast, what is unknown, what is tangled, what has an unclear meaning.",
      "Name the condition, then choose the response that helps most in that situation, not the one most often taught.",
      "Involve the roles that are needed, and avoid the roles that would do harm in this case.",
      "Write your team's reason in one or two sentences.",
    ],
    conditionsTitle: "The four VUCA conditions and their cues",
    conditionsLead: "One situation may hold more than one condition; look for the one that matters most.",
    conditions: {
      volatility: {
        what: "Things change fast, widely and repeatedly. The kind of problem is usually known; its pace is what presses.",
        cues: "figures rising within hours, forecasts updated again and again, a close deadline, proposals that keep changing",
      },
      uncertainty: {
        what: "Key facts are unknown. What is missing is information that can be trusted.",
        cues: "chain messages, two conflicting figures, \"nobody has checked\", competing guesses",
      },
      complexity: {
        what: "Many parts and parties are linked. The information exists, but it is tangled and unordered.",
        cues: "many agencies with different powers, many channels, duplicate data, everyone pointing at someone else",
      },
      ambiguity: {
        what: "The meaning is unclear. Rules do not answer, there is no precedent, and each party reads it differently.",
        cues: "\"the rule does not mention\", categories that do not fit, instructions without guidance, two well-founded readings",
      },
    },
    primesTitle: "Four responses (the VUCA Prime)",
    primesLead: "Bob Johansen proposes four capacities for meeting a VUCA world:",
    primes: {
      clarity: "Ordering and simplifying: mapping who does what, merging channels and data, setting clear rules of the game.",
      agility:
        "Moving fast and communicating across the organisation: trying on a small scale, telling everyone in authority from the start, then improving.",
      understanding: "Seeking facts from varied sources before concluding: listening, checking on the ground, being honest about what is not yet known.",
      vision: "Setting a fixed direction or aim, so that every party can adjust its moves without waiting for a meeting.",
    },
    primesNote:
      "The textbook pairs each condition with one response. In the field, the same situation may call for another: the aim may already be agreed, or an existing rule may already answer. Read the situation.",
    rolesTitle: "The five pentahelix roles",
    rolesLead: "Good collaboration involves the right parties, not every party.",
    hurtsLabel: "May do harm when",
    roles: {
      government: {
        brings: "Authority, regulation, budget and coordination between agencies (whole of government).",
        hurts: "it uses authority beyond its limits, or takes over a residents' initiative that already works.",
      },
      academia: { brings: "Data, checking and studies that can be accounted for.", hurts: "a long study delays a decision that must be taken now." },
      business: {
        brings: "Logistics, goods, funds, technology and distribution networks.",
        hurts: "its own profit shapes a public decision, such as exclusive supply or a direct award.",
      },
      community: {
        brings: "Local knowledge, volunteers and residents' trust.",
        hurts: "a few office-holders capture the aid or the process for their own group (elite capture).",
      },
      media: {
        brings: "Fast and accurate news, and an antidote to hoaxes.",
        hurts: "it broadcasts guesses before they are checked, or shames people before the facts are in.",
      },
    },
    valuesTitle: "The BerAKHLAK core values and their behaviours",
    valuesLead: "As set out in Circular Letter No. 20 of 2021 of the Minister for Administrative and Bureaucratic Reform. Each card closes with one reflection question about one of these behaviours.",
  },
};
