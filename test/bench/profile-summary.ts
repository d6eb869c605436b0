// Where the time went during the measured bursts: self time by function from
// the V8 CPU profiles that `npm run bench -- --profile` writes, counting only
// the samples inside the bursts (bursts.json, written beside the profiles).
//   npx tsx test/bench/profile-summary.ts bench-results/profiles/game-5000      # the server
//   npx tsx test/bench/profile-summary.ts bench-results/profiles/game-5000-bots # the bots
//   … [--top 40] [--bursts bench-results/profiles/game-5000/bursts.json]
// A process writes one profile per thread: each is summarised on its own.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error("usage: profile-summary.ts <profile directory> [--top N] [--bursts file]");
  process.exit(2);
}
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const top = Number(option("top") ?? 30);
// the bots' profiles sit in "<case>-bots", the bursts in "<case>"
const burstsFile = option("bursts") ?? [join(dir, "bursts.json"), join(dirname(dir), basename(dir).replace(/-bots$/, ""), "bursts.json")].find(existsSync);
const bursts: [number, number][] | null = burstsFile ? JSON.parse(readFileSync(burstsFile, "utf8")) : null;
if (!bursts) console.log("(no bursts.json: the whole run is counted)");

const short = (url: string) => url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(server|shared|test|client)\//, "$1/").replace(/\?.*$/, "");

for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).sort()) {
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (bursts && !bursts.some(([a, b]) => t >= a && t <= b)) return;
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || "(anonymous)"} ${short(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  // (tsx's launcher process: nothing but idle)
  if (total === 0 || (self.get("(idle) ") ?? 0) > 0.99 * total) continue;
  console.log(`\n${file}: ${(total / 1000).toFixed(0)} ms sampled${bursts ? " in the bursts" : ""}`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}
