// npm run scenarios:check [files…]
// Checks scenario packs the way the server does at start. With no files it
// checks every pack the server would load (scenarios/ + ARENA_SCENARIOS_DIR).
// Prints `OK scenarios/x.yaml (8 kartu)` per good file, every error, and
// every balance warning prefixed `PERINGATAN:`. Exits 1 on any error.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import {
  balanceWarnings,
  behaviourCoverageErrors,
  checkPackFiles,
  defaultScenarioDirs,
  displayPath,
  listPackFiles,
  packRuleErrors,
  sourceWarnings,
} from "../server/packs.js";

// Whatever goes wrong is one line naming the problem, never a stack.
process.on("uncaughtException", (err) => {
  console.error(`scenarios:check: ${String(err instanceof Error ? err.message : err).split("\n")[0]}`);
  process.exit(1);
});

const args = process.argv.slice(2).filter((a) => a !== "--");
const errors: string[] = [];
let files: string[];
if (args.length > 0) {
  files = args.map((a) => resolve(a));
} else {
  const listed = listPackFiles(defaultScenarioDirs());
  errors.push(...listed.errors);
  files = listed.files;
}

for (const e of errors) console.error(e);
if (files.length === 0 && errors.length === 0) {
  const msg = "tidak ada berkas paket skenario (*.yaml) / no scenario pack files (*.yaml) found";
  console.error(msg);
  errors.push(msg);
}

const checked = checkPackFiles(files);
let warningCount = 0;
for (const report of checked.reports) {
  const name = displayPath(report.file);
  if (!report.pack) {
    for (const e of report.errors) console.error(e);
    errors.push(...report.errors);
    continue;
  }
  const rules = packRuleErrors(report.pack).map((e) => `${name}: ${e}`);
  for (const e of rules) console.error(e);
  errors.push(...rules);
  if (rules.length === 0) console.log(`OK ${name} (${report.pack.events.length} kartu)`);
  const warnings = [...balanceWarnings(report.pack), ...sourceWarnings(readFileSync(report.file, "utf8"))];
  for (const w of warnings) console.log(`PERINGATAN: ${name}: ${w}`);
  warningCount += warnings.length;
}

// Across the whole set the server loads: every behaviour of SE MenPANRB 20/2021 at least once.
if (args.length === 0) {
  const coverage = behaviourCoverageErrors(checked.packs.values());
  for (const e of coverage) console.error(e);
  errors.push(...coverage);
}

const good = checked.reports.filter((r) => r.pack).length;
const summary =
  `${good} paket baik, ${errors.length} galat, ${warningCount} peringatan / ` +
  `${good} good pack${good === 1 ? "" : "s"}, ${errors.length} error${errors.length === 1 ? "" : "s"}, ${warningCount} warning${warningCount === 1 ? "" : "s"}`;
if (errors.length > 0) {
  console.error(summary);
  process.exit(1);
}
console.log(summary);
