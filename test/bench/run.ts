// `npm run bench`: the game room against a bare Colyseus room, same bots,
// same load, same run. Starts a fresh server per measurement, runs the bots in
// a separate process, and prints a table and a JSON file (bench-results/).
//   npm run bench                          # 2,000 and 5,000 players and the 300-player plenary
//   npm run bench -- --case 2000           # one case
//   npm run bench -- --rooms 10 --players 40 --rounds 2
//   npm run bench -- --repeat 3            # each measurement three times; the table shows the medians
//   npm run bench -- --case 5000 --profile # and V8 CPU profiles of server and bots (see profile-summary.ts)
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { freePort } from "../helpers/game-server.js";
import { SERVER_NODE_OPTIONS } from "../../server/node-options.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");

interface Case {
  name: string;
  rooms: number;
  players: number;
  teams: number;
  rounds: number;
}
const CASES: Case[] = [
  { name: "2000", rooms: 50, players: 40, teams: 8, rounds: 5 },
  { name: "5000", rooms: 125, players: 40, teams: 8, rounds: 5 },
  { name: "plenary", rooms: 1, players: 300, teams: 10, rounds: 5 },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function procStat(pid: number): { cpuSec: number; rssKb: number; hwmKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime (fields 14, 15)
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSec: ticks / 100, rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") };
}

async function measure(kind: "game" | "bare", c: Case) {
  const port = await freePort();
  const server = spawn(TSX, ["test/bench/server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      RATE_PER_SECOND: "50",
      NODE_ENV: "production",
      // the bots create every room from one address, more than a trainer's limits
      CREATE_PER_MINUTE: "100000",
      MAX_ROOMS: "100000",
      // the node options `npm start` gives the server (server/boot.mjs), and with
      // --profile a V8 CPU profile of the server per measurement (open it in Chrome DevTools)
      NODE_OPTIONS: [
        `${process.env.NODE_OPTIONS ?? ""} ${SERVER_NODE_OPTIONS}`.trim(),
        ...(PROFILE ? [`--cpu-prof --cpu-prof-dir=${resolve(ROOT, "bench-results/profiles", `${kind}-${c.name}`)}`] : []),
      ].join(" "),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // tsx runs the code in a child node process: the server reports its own pid
  const pid = await new Promise<number>((ok, fail) => {
    server.on("message", (m: { ready?: boolean; pid?: number }) => {
      if (m?.ready && m.pid) ok(m.pid);
    });
    server.once("exit", (code) => fail(new Error(`bench server exited ${code}`)));
  });
  await new Promise((r) => setTimeout(r, 500));
  const before = procStat(pid);
  const url = `http://127.0.0.1:${port}`;
  const bots = spawn(TSX, ["test/bench/bots.ts", JSON.stringify({ url, kind, ...c, serverPid: pid })], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      // Thousands of SDK clients in one process: a young generation large enough for a burst's
      // decoded patches keeps the bots' garbage collector from dominating the figures (both rooms alike).
      NODE_OPTIONS: [
        "--max-semi-space-size=64",
        ...(PROFILE ? [`--cpu-prof --cpu-prof-dir=${resolve(ROOT, "bench-results/profiles", `${kind}-${c.name}-bots`)}`] : []),
      ].join(" "),
    },
  });
  let out = "";
  bots.stdout!.on("data", (d) => (out += String(d)));
  let peakRss = before.rssKb;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, procStat(pid).rssKb);
    } catch {
      // process gone
    }
  }, 200);
  await new Promise((r) => bots.once("exit", r));
  clearInterval(sampler);
  const after = procStat(pid);
  if (PROFILE) {
    // a clean exit writes the profile
    const exited = new Promise((r) => server.once("exit", r));
    process.kill(pid, "SIGINT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
  server.kill("SIGKILL");
  const line = out.trim().split("\n").pop() ?? "{}";
  const raw = JSON.parse(line) as {
    joinMs: number[];
    submitMs: number[][];
    revealMs: number[][];
    lost: number;
    burstCpu: { serverMs: number; serverMainMs: number; botsMs: number; submissions: number };
    windows: [number, number][];
    wallMs: number;
    cpuMs: number;
  };
  // the bursts' time windows beside the profiles: test/bench/profile-summary.ts reads them
  if (PROFILE) {
    const dir = resolve(ROOT, "bench-results/profiles", `${kind}-${c.name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, "bursts.json"), JSON.stringify(raw.windows));
  }
  const players = c.rooms * c.players;
  // round 0 warms the JIT up; the figures are the measured rounds'
  const [warmSubmit = [], ...submitRounds] = raw.submitMs;
  const [warmReveal = [], ...revealRounds] = raw.revealMs;
  const submitMs = submitRounds.flat();
  const revealMs = revealRounds.flat();
  return {
    kind,
    players,
    joinP50: pct(raw.joinMs, 50),
    joinP99: pct(raw.joinMs, 99),
    submitP50: pct(submitMs, 50),
    submitP99: pct(submitMs, 99),
    submitMax: Math.max(...submitMs),
    revealP50: pct(revealMs, 50),
    revealP99: pct(revealMs, 99),
    warmupSubmitP99: pct(warmSubmit, 99),
    warmupRevealP99: pct(warmReveal, 99),
    roundsSubmitP99: submitRounds.map((xs) => pct(xs, 99)),
    lost: raw.lost,
    submissions: submitMs.length,
    serverUsPerSubmit: (raw.burstCpu.serverMs / raw.burstCpu.submissions) * 1000,
    serverMainUsPerSubmit: (raw.burstCpu.serverMainMs / raw.burstCpu.submissions) * 1000,
    botsUsPerSubmit: (raw.burstCpu.botsMs / raw.burstCpu.submissions) * 1000,
    serverCpuPct: ((after.cpuSec - before.cpuSec) / (raw.wallMs / 1000)) * 100,
    botsCpuPct: (raw.cpuMs / raw.wallMs) * 100,
    peakRssMb: peakRss / 1024,
    kbPerPlayer: (peakRss - before.rssKb) / players,
  };
}

const only = arg("case");
const PROFILE = process.argv.includes("--profile");
const custom = arg("rooms")
  ? [{ name: "custom", rooms: Number(arg("rooms")), players: Number(arg("players") ?? 40), teams: Number(arg("teams") ?? 8), rounds: Number(arg("rounds") ?? 3) }]
  : null;
const cases = custom ?? CASES.filter((c) => !only || c.name === only);
const results: Record<string, unknown>[] = [];
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n >= 100 ? 0 : 1) : "–");

type Figures = Awaited<ReturnType<typeof measure>>;
/** Figure by figure, the median of the repeats (lost submissions: the most of any repeat). */
function medianOf(runs: Figures[]): Figures {
  const out = { ...runs[0]! } as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    const values = runs.map((r) => (r as Record<string, unknown>)[key]).filter((v): v is number => typeof v === "number");
    if (values.length !== runs.length) continue;
    out[key] = key === "lost" ? Math.max(...values) : values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  }
  return out as Figures;
}

const repeat = Math.max(1, Number(arg("repeat") ?? 1) || 1);
for (const c of cases) {
  console.log(`\n== ${c.name}: ${c.rooms} rooms × ${c.players} players (${c.teams} teams), a warm-up round and ${c.rounds} measured rounds${repeat > 1 ? `, median of ${repeat} runs` : ""}`);
  const bareRuns: Figures[] = [];
  const gameRuns: Figures[] = [];
  for (let r = 0; r < repeat; r++) {
    bareRuns.push(await measure("bare", c));
    gameRuns.push(await measure("game", c));
    if (repeat > 1) console.log(`  run ${r + 1}: submit→tally p99 ${fmt(gameRuns[r]!.submitP99)} / ${fmt(bareRuns[r]!.submitP99)} ms`);
  }
  const bare = medianOf(bareRuns);
  const gameResult = medianOf(gameRuns);
  const rows: [string, keyof typeof bare][] = [
    ["join p50 (ms)", "joinP50"],
    ["join p99 (ms)", "joinP99"],
    ["submit→tally p50 (ms)", "submitP50"],
    ["submit→tally p99 (ms)", "submitP99"],
    ["submit→tally max (ms)", "submitMax"],
    ["reveal p50 (ms)", "revealP50"],
    ["reveal p99 (ms)", "revealP99"],
    ["warm-up round: submit p99", "warmupSubmitP99"],
    ["warm-up round: reveal p99", "warmupRevealP99"],
    ["lost submissions", "lost"],
    ["server CPU/submit (µs)", "serverUsPerSubmit"],
    ["  of it main thread (µs)", "serverMainUsPerSubmit"],
    ["bots CPU/submit (µs)", "botsUsPerSubmit"],
    ["server CPU (%)", "serverCpuPct"],
    ["bots CPU (%)", "botsCpuPct"],
    ["peak RSS (MB)", "peakRssMb"],
    ["memory per player (KB)", "kbPerPlayer"],
  ];
  console.log(`${"figure".padEnd(26)}${"game".padStart(10)}${"bare".padStart(10)}${"ratio".padStart(8)}`);
  for (const [label, key] of rows) {
    const g = gameResult[key] as number;
    const b = bare[key] as number;
    const ratio = b > 0 && Number.isFinite(g) ? (g / b).toFixed(2) : "–";
    console.log(`${label.padEnd(26)}${fmt(g).padStart(10)}${fmt(b).padStart(10)}${ratio.padStart(8)}`);
  }
  console.log(`submit→tally p99 round by round (after the warm-up): game ${gameResult.roundsSubmitP99.map(fmt).join(", ")} · bare ${bare.roundsSubmitP99.map(fmt).join(", ")} ms`);
  results.push({ case: c, game: gameResult, bare, ratioSubmitP99: gameResult.submitP99 / bare.submitP99, runs: { game: gameRuns, bare: bareRuns } });
}

mkdirSync(resolve(ROOT, "bench-results"), { recursive: true });
const file = resolve(ROOT, "bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
console.log(`\nwritten: ${file}`);
