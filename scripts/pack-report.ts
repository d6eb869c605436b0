// npx tsx scripts/pack-report.ts [files…]
// A reviewer's summary of each pack: twist cards, values used, the longest
// texts (Indonesian characters) and how often each role is needed or harmful.
// With no files it reads every pack in scenarios/.
import { resolve } from "node:path";

import { checkPackFiles, displayPath, isTwist, listPackFiles } from "../server/packs.js";
import { ROLES, VALUES } from "../shared/scenario.js";

const args = process.argv.slice(2).filter((a) => a !== "--");
const files = args.length > 0 ? args.map((a) => resolve(a)) : listPackFiles([resolve(import.meta.dirname, "../scenarios")]).files;
const { reports } = checkPackFiles(files);

for (const r of reports) {
  if (!r.pack) {
    console.log(`${displayPath(r.file)}: ${r.errors.join("; ")}`);
    continue;
  }
  const p = r.pack;
  const cards = p.events;
  const longest = (texts: [string, string][]) => {
    const [where, text] = texts.reduce((a, b) => (b[1].length > a[1].length ? b : a));
    return `${text.length} (${where})`;
  };
  const values = VALUES.filter((v) => cards.some((e) => e.value === v));
  console.log(`\n${p.id} — ${cards.length} kartu`);
  console.log(`  kartu kejutan (twist): ${cards.filter(isTwist).map((e) => e.id).join(", ")}`);
  console.log(`  nilai (${values.length}/7): ${values.join(", ")}`);
  console.log(`  terpanjang: narasi ${longest(cards.map((e) => [e.id, e.narrative.id]))}, pilihan ${longest(cards.flatMap((e) => e.options.map((o): [string, string] => [e.id, o.text.id])))}, alasan ${longest(cards.flatMap((e) => e.options.map((o): [string, string] => [e.id, o.reason.id])))}, refleksi ${longest(cards.map((e) => [e.id, e.reflection.id]))}`);
  console.log(`  dibutuhkan: ${ROLES.map((role) => `${role} ${cards.filter((e) => e.rolesNeeded.includes(role)).length}`).join(", ")}`);
  console.log(`  merugikan:  ${ROLES.map((role) => `${role} ${cards.filter((e) => e.rolesHarmful.includes(role)).length}`).join(", ")}`);
  console.log(`  tanpa Pemerintah: ${cards.filter((e) => !e.rolesNeeded.includes("government")).map((e) => e.id).join(", ") || "-"}`);
  console.log(`  koordinasi antarinstansi: ${cards.filter((e) => /koordinasi antarinstansi/i.test(e.facilitator?.id ?? "")).map((e) => e.id).join(", ") || "-"}`);
  console.log(`  rute pendek: ${(p.routes?.["pendek"] ?? []).join(", ")}`);
}
