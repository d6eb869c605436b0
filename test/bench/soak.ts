// `npm run soak`: a long run of many rooms with phones dropping and coming
// back, as a day of training goes. 10 rooms × 30 phones (3 teams) play round
// after round; every few seconds some phones drop (an unconsented leave, as a
// Wi-Fi drop looks to the server) and come back after 1–6 s by their token or,
// that failing, by code and device. Every 30 s it prints the server's memory
// (RSS) and event-loop delay; at the end the RSS curve, the stalls (a 20 ms
// timer more than 100 ms late) and the lost votes (a vote a phone saw taken
// that the console did not show when its team locked), then a summary table
// (Markdown, for the README) with the machine's load average beside it: the
// machine may be shared, and its load moves the stalls more than the server does.
//   npm run soak                               # 30 minutes
//   npm run soak -- --minutes 2 --rooms 4 --phones 20
//   npm run soak -- --minutes 8 --gc          # a full GC before each sample: live heap only
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { cpus, loadavg } from "node:os";
import { Client, type Room } from "@colyseus/sdk";
import { voteOf, type RoomStateView } from "../../shared/protocol/state-view.js";
import { freePort } from "../helpers/game-server.js";
import { SERVER_NODE_OPTIONS } from "../../server/node-options.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg("minutes", 30);
/** --gc: the server collects its garbage fully before each sample (see soak-server.ts). */
const GC = process.argv.includes("--gc");
const ROOMS = arg("rooms", 10);
const PHONES = arg("phones", 30);
const TEAMS = 3;
const PRIMES = ["vision", "understanding", "clarity", "agility"] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The promise's value, or null after `ms` (a socket that never answers must not stall the soak). */
const within = <T>(ms: number, promise: Promise<T>): Promise<T | null> =>
  Promise.race([promise.catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), ms))]);

type GRoom = Room<any, RoomStateView>;
interface Phone {
  device: string;
  name: string;
  team: number;
  id: string;
  room: GRoom | null;
  /** The vote this phone saw taken this round. */
  acked: { round: number; option: number } | null;
}

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["test/bench/soak-server.ts"], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), RATE_PER_SECOND: "50", IDLE_MINUTES: "1", NODE_ENV: "production", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${SERVER_NODE_OPTIONS}${GC ? " --expose-gc" : ""}`.trim() },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
await new Promise<void>((ok, fail) => {
  server.on("message", (m: { ready?: boolean }) => m?.ready && ok());
  server.once("exit", (code) => fail(new Error(`soak server exited ${code}`)));
});
/** One sample from the soak's server (see soak-server.ts for what each figure counts). */
interface Stats {
  rssMb: number;
  heapMb: number;
  heapTotalMb: number;
  oldSpaceMb: number;
  largeObjectSpaceMb: number;
  codeSpaceMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  workers: number;
  workerHeapMb: number;
  workerHeapTotalMb: number;
  brkMb: number;
  arenasMb: number;
  arenaCount: number;
  anonOtherMb: number;
  fileMb: number;
  dbMb: number;
  walMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  stalls: number;
  worstMs: number;
  rooms: number;
}
const stats = () =>
  new Promise<Stats>((ok) => {
    const on = (m: { stats?: boolean }) => {
      if (!m?.stats) return;
      server.off("message", on);
      ok(m as never);
    };
    server.on("message", on);
    server.send({ stats: true });
  });

let votesAcked = 0;
let votesLost = 0;
let drops = 0;
let rejoinFailures = 0;
let rounds = 0;
/** Sessions that could not be played (created, joined): a healthy soak has none. */
let sessionErrors = 0;
let running = true;
const deadline = Date.now() + MINUTES * 60_000;

function watchPhone(phone: Phone, room: GRoom): void {
  phone.room = room;
  room.onMessage("*", () => {}); // texts and the rest: read by the pages, not here
}

async function dropAndBack(phone: Phone, code: string): Promise<void> {
  const room = phone.room;
  if (!room) return;
  drops++;
  phone.room = null;
  const token = room.reconnectionToken;
  await within(3000, room.leave(false));
  await sleep(1000 + Math.random() * 5000);
  const client = new Client(url);
  let back: GRoom | null = await within(10_000, client.reconnect(token) as Promise<GRoom>);
  if (!back) back = await within(10_000, client.joinById(code, { kind: "player", name: phone.name, device: phone.device }) as Promise<GRoom>);
  if (!back) {
    rejoinFailures++;
    return;
  }
  watchPhone(phone, back);
}

async function playRoom(index: number): Promise<void> {
  const created = await fetch(`${url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ packId: "banjir-bandang", teamCount: TEAMS, roundSeconds: 60 }),
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status} ${await created.text()}`);
  const { code, hostKey } = (await created.json()) as { code: string; hostKey: string };
  const host: GRoom = await new Client(url).joinById(code, { kind: "host", hostKey });
  host.onMessage("*", () => {});
  const phones: Phone[] = [];
  for (let i = 0; i < PHONES; i++) {
    const phone: Phone = { device: `soak-${index}-${i}-${Math.random()}`, name: `Soak ${i + 1}`, team: i % TEAMS, id: "", room: null, acked: null };
    const room: GRoom = await new Client(url).joinById(code, { kind: "player", name: phone.name, team: phone.team, device: phone.device });
    phone.id = (await new Promise<{ playerId: string }>((r) => room.onMessage("welcome", r))).playerId;
    watchPhone(phone, room);
    phones.push(phone);
  }
  const until = async (test: (s: RoomStateView) => boolean, ms = 30_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      try {
        if (test(host.state)) return true;
      } catch {
        // decoding
      }
      await sleep(20);
    }
    return false;
  };
  while (running) {
    if (host.state.phase === "final") {
      // a new game in the same room: end of the pack
      break;
    }
    const phase = host.state.phase;
    if (phase !== "deciding") {
      host.send("host", { action: phase === "lobby" ? "start" : "next" });
      await until((s) => s.phase !== phase, 10_000);
      await sleep(500);
      continue;
    }
    const round = host.state.round;
    // phones vote over 5 s; some drop meanwhile
    await Promise.all(
      phones.map(async (phone) => {
        await sleep(Math.random() * 5000);
        if (Math.random() < 0.05) await dropAndBack(phone, code);
        const room = phone.room;
        if (!room) return;
        const option = Math.floor(Math.random() * PRIMES.length);
        room.send("submit", { option, diagnosis: "volatility", commit: true });
        const end = Date.now() + 10_000;
        while (Date.now() < end && phone.room === room) {
          try {
            if (voteOf(room.state.teams[phone.team]!, phone.id)?.option === option) {
              phone.acked = { round, option };
              votesAcked++;
              return;
            }
          } catch {
            // decoding
          }
          await sleep(20);
        }
      }),
    );
    // every acknowledged vote is on the console before the reveal
    await until((s) => s.phase !== "deciding" || [...s.teams].every((t) => t.locked), 10_000);
    const s = host.state;
    if (s.phase === "deciding" && s.round === round) {
      for (const phone of phones) {
        if (phone.acked?.round !== round) continue;
        if (voteOf(s.teams[phone.team]!, phone.id)?.option !== phone.acked.option) votesLost++;
      }
    }
    if (host.state.phase === "deciding") host.send("host", { action: "reveal" });
    await until((s) => s.phase !== "deciding", 10_000);
    rounds++;
  }
  for (const p of phones) if (p.room) await within(3000, p.room.leave());
  await within(3000, host.leave());
}

const started = Date.now();
const rss: number[] = [];
const samples: { minute: number; s: Stats }[] = [];
const loads: number[] = [];
let worstP99 = 0;
let worstStall = 0;
const sampler = setInterval(async () => {
  const s = await stats();
  rss.push(s.rssMb);
  samples.push({ minute: (Date.now() - started) / 60_000, s });
  loads.push(loadavg()[0]!);
  worstP99 = Math.max(worstP99, s.loopP99Ms);
  worstStall = Math.max(worstStall, s.worstMs);
  const minute = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`${minute} min: RSS ${s.rssMb.toFixed(0)} MB (malloc: main ${s.brkMb.toFixed(0)}, ${s.arenaCount} thread arenas ${s.arenasMb.toFixed(0)}; other anon ${s.anonOtherMb.toFixed(0)}; files ${s.fileMb.toFixed(0)}), heap ${s.heapMb.toFixed(0)}/${s.heapTotalMb.toFixed(0)} MB (old space ${s.oldSpaceMb.toFixed(0)}, large objects ${s.largeObjectSpaceMb.toFixed(0)}, code ${s.codeSpaceMb.toFixed(0)}), external ${s.externalMb.toFixed(1)} (array buffers ${s.arrayBuffersMb.toFixed(1)}), store thread heap ${s.workerHeapMb.toFixed(1)}/${s.workerHeapTotalMb.toFixed(1)} MB (${s.workers} threads), SQLite ${s.dbMb.toFixed(1)} MB + WAL ${s.walMb.toFixed(1)} MB, rooms ${s.rooms}, event loop p99 ${s.loopP99Ms.toFixed(1)} ms (max ${s.loopMaxMs.toFixed(0)}), stalls ${s.stalls}, rounds ${rounds}, votes ${votesAcked} (lost ${votesLost}), drops ${drops} (not back ${rejoinFailures}), session errors ${sessionErrors}, load ${loadavg()[0]!.toFixed(1)}`);
}, 30_000);

const workers = Array.from({ length: ROOMS }, async (_, i) => {
  while (Date.now() < deadline) {
    await playRoom(i).catch(async (e) => {
      sessionErrors++;
      console.error(`room ${i}:`, (e as Error).message);
      await sleep(2000); // a refused session is not retried in a tight loop
    });
  }
});
setTimeout(() => (running = false), Math.max(0, deadline - Date.now())).unref();
await within(Math.max(0, deadline - Date.now()) + 60_000, Promise.all(workers));
clearInterval(sampler);
const end = await stats();
console.log(`\nsoak: ${MINUTES} min, ${ROOMS} rooms × ${PHONES} phones: ${rounds} rounds, ${votesAcked} votes taken, ${votesLost} lost, ${drops} drops (${rejoinFailures} not back), ${sessionErrors} sessions that failed, ${end.stalls} event-loop stalls > 100 ms (worst ${end.worstMs.toFixed(0)} ms in the last interval)`);
console.log(`RSS every 30 s (MB): ${rss.map((r) => r.toFixed(0)).join(" ")}`);
// After warm-up: the samples past the first fifth of the run (at least the first one left out).
const warm = rss.slice(Math.max(1, Math.floor(rss.length / 5)));
// The slope after warm-up of each figure (least squares, MB a minute): which part grows with RSS.
const warmSamples = samples.slice(Math.max(1, Math.floor(samples.length / 5)));
const slope = (pick: (s: Stats) => number) => {
  const n = warmSamples.length;
  if (n < 2) return NaN;
  const mx = warmSamples.reduce((a, x) => a + x.minute, 0) / n;
  const my = warmSamples.reduce((a, x) => a + pick(x.s), 0) / n;
  const sxy = warmSamples.reduce((a, x) => a + (x.minute - mx) * (pick(x.s) - my), 0);
  const sxx = warmSamples.reduce((a, x) => a + (x.minute - mx) ** 2, 0);
  return sxy / sxx;
};
const figures: [string, (s: Stats) => number][] = [
  ["RSS", (s) => s.rssMb],
  ["main malloc arena", (s) => s.brkMb],
  ["thread malloc arenas", (s) => s.arenasMb],
  ["other anonymous (V8 heaps, mmaps)", (s) => s.anonOtherMb],
  ["file-backed", (s) => s.fileMb],
  ["main JS heap used", (s) => s.heapMb],
  ["main JS heap total", (s) => s.heapTotalMb],
  ["old space", (s) => s.oldSpaceMb],
  ["large object space", (s) => s.largeObjectSpaceMb],
  ["code space", (s) => s.codeSpaceMb],
  ["external", (s) => s.externalMb],
  ["store thread JS heap used", (s) => s.workerHeapMb],
  ["store thread JS heap resident", (s) => s.workerHeapTotalMb],
  ["SQLite WAL file", (s) => s.walMb],
  ["rooms", (s) => s.rooms],
];
console.log(`Slope after warm-up (${warmSamples.length} samples from ${warmSamples[0]?.minute.toFixed(1) ?? "–"} min), MB/min: ${figures.map(([name, pick]) => `${name} ${slope(pick).toFixed(2)}`).join(", ")}`);
const mb = (x: number | undefined) => (x === undefined ? "–" : x.toFixed(0));
const range = (xs: number[]) => (xs.length ? `${mb(Math.min(...xs))}–${mb(Math.max(...xs))}` : "–");
console.log(`
| minutes | rooms × phones | rounds | votes taken | lost | drops (not back) | stalls > 100 ms | worst late timer | event loop p99 (worst 30 s) | RSS after warm-up: first → last (range) | load average (1 min) |
|---|---|---|---|---|---|---|---|---|---|---|
| ${MINUTES} | ${ROOMS} × ${PHONES} | ${rounds} | ${votesAcked} | ${votesLost} | ${drops} (${rejoinFailures}) | ${end.stalls} | ${Math.max(worstStall, end.worstMs).toFixed(0)} ms | ${worstP99.toFixed(1)} ms | ${mb(warm[0])} → ${mb(warm.at(-1))} MB (${range(warm)}) | ${loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : "–"} (${cpus().length} cores) |`);
server.kill("SIGTERM");
process.exit(votesLost > 0 || sessionErrors > 0 ? 1 : 0);
