// Benchmark bots, in their own process: R rooms × P players built on
// @colyseus/sdk. Prints one JSON line with the raw measurements.
//   kind=game: players join by code, every player submits at once; measures
//              join time, submit → own-team-tally latency, reveal latency.
//   kind=bare: the same bots on the bare room (one counter per player).
import { readFileSync } from "node:fs";
import { Client, type Room } from "@colyseus/sdk";
import { RoomTexts } from "../../client/lib/room-texts.js";
import { voteOf } from "../../shared/protocol/state-view.js";
import { type TextsMessage } from "../../shared/protocol/wire.js";

interface Args {
  url: string;
  kind: "game" | "bare";
  rooms: number;
  players: number;
  teams: number;
  rounds: number;
  /** The server's process id: its CPU time during the bursts is read from /proc. */
  serverPid?: number;
}
const args = JSON.parse(process.argv[2] ?? "{}") as Args;
const CONDITIONS = ["volatility", "uncertainty", "complexity", "ambiguity"] as const;
const TIMEOUT_MS = 20_000;

const joinMs: number[] = [];
// round by round: round 0 is the warm-up (a fresh server's code is not yet
// optimised by the JIT); the table's figures are from the rounds after it
const submitMs: number[][] = [];
const revealMs: number[][] = [];
let lost = 0;
/** CPU time of the server (all threads, and its main thread alone) and of the bots during the measured bursts (from the sends to the last tally or reveal). */
const burstCpu = { serverMs: 0, serverMainMs: 0, botsMs: 0, submissions: 0 };
/** The measured bursts, [start, end] in µs of the monotonic clock (the clock of V8's CPU profiles: see profile-summary.ts). */
const windows: [number, number][] = [];
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * The server's CPU time so far in ms (utime + stime, 10 ms ticks), NaN when
 * unknown: all its threads, or with `main` its main thread only (the game's
 * thread, without the store's thread, the garbage collector's helpers and libuv's pool).
 */
function serverCpuMs(main = false): number {
  if (!args.serverPid) return NaN;
  try {
    const file = main ? `/proc/${args.serverPid}/task/${args.serverPid}/stat` : `/proc/${args.serverPid}/stat`;
    const stat = readFileSync(file, "utf8").split(") ")[1]!.split(" ");
    return (Number(stat[11]) + Number(stat[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Runs one burst; after the warm-up round, adds its CPU time (server and bots) to burstCpu. */
async function burst(round: number, submissions: number, run: () => Promise<unknown>): Promise<void> {
  const server0 = serverCpuMs();
  const main0 = serverCpuMs(true);
  const bots0 = process.cpuUsage();
  const start = monotonicUs();
  await run();
  if (round === 0) return;
  windows.push([start, monotonicUs()]);
  const bots = process.cpuUsage(bots0);
  burstCpu.serverMs += serverCpuMs() - server0;
  burstCpu.serverMainMs += serverCpuMs(true) - main0;
  burstCpu.botsMs += (bots.user + bots.system) / 1000;
  burstCpu.submissions += submissions;
}

async function inBatches<T>(items: T[], size: number, fn: (item: T, i: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((it, j) => fn(it, i + j)));
}

function waitFor(room: Room, predicate: () => boolean, ms = TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    if (predicate()) return resolve(true);
    let done = false;
    const check = () => {
      if (!done && predicate()) {
        done = true;
        clearTimeout(timer);
        // The SDK's signal removes by swapping in the last handler: removing
        // during its dispatch would skip the next listener (e.g. a bot's reveal
        // wait when its vote and the reveal come in the same patch).
        queueMicrotask(() => room.onStateChange.remove(check));
        resolve(true);
      }
    };
    const timer = setTimeout(() => {
      room.onStateChange.remove(check);
      resolve(false);
    }, ms);
    room.onStateChange(check);
  });
}

/** Keeps the room's texts (card, reveal, summary) as a page does. */
function keepTexts(room: Room): RoomTexts {
  const texts = new RoomTexts();
  room.onMessage("texts", (m: TextsMessage) => texts.take(m));
  return texts;
}

/** The same quiet moment before every burst, in both rooms: what came before is delivered and settled. */
const settle = () => new Promise((r) => setTimeout(r, 300));

interface Bot {
  room: Room<any, any>;
  texts: RoomTexts;
  id: string;
  team: number;
}

async function gameRoom(index: number) {
  const res = await fetch(`${args.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ packId: "banjir-bandang", teamCount: args.teams, roundSeconds: 900 }),
  });
  const { code, hostKey } = (await res.json()) as { code: string; hostKey: string };
  const host = await new Client(args.url).joinById(code, { kind: "host", hostKey });
  keepTexts(host);
  const bots: Bot[] = [];
  await inBatches([...Array(args.players).keys()], 20, async (i) => {
    const t0 = performance.now();
    const room = await new Client(args.url).joinById(code, {
      kind: "player",
      name: `Bot ${index}-${i}`,
      team: i % args.teams,
      device: `bench-device-${index}-${i}-${"x".repeat(8)}`,
    });
    const texts = keepTexts(room);
    const welcome = await new Promise<{ playerId: string }>((resolve) => room.onMessage("welcome", resolve));
    joinMs.push(performance.now() - t0);
    bots.push({ room, texts, id: welcome.playerId, team: i % args.teams });
  });
  return { host, bots };
}

async function runGame() {
  const rooms: { host: Room<any, any>; bots: Bot[] }[] = [];
  await inBatches([...Array(args.rooms).keys()], 5, async (i) => void rooms.push(await gameRoom(i)));
  for (const r of rooms) r.host.send("host", { action: "start" });
  for (let round = 0; round <= args.rounds; round++) {
    const submitted = (submitMs[round] = [] as number[]);
    const revealed = (revealMs[round] = [] as number[]);
    await Promise.all(
      rooms.map(async (r) => {
        await waitFor(r.host, () => r.host.state?.phase === "briefing");
        r.host.send("host", { action: "next" });
        await Promise.all(r.bots.map((b) => waitFor(b.room, () => b.room.state?.phase === "deciding")));
      }),
    );
    await settle();
    // every player of every room submits at once; the hosts move on only when
    // every room has its reveal, so no room's next phase mixes into the burst
    await burst(round, rooms.length * args.players, () => Promise.all(
      rooms.map(async (r) => {
        let lastSend = 0;
        const submits = r.bots.map((b, i) => {
          // the option's place on the phone (A–D) and the member's reading of the condition
          const option = (i + round) % 4;
          const diagnosis = CONDITIONS[(i + 2 * round) % 4]!;
          const t0 = performance.now();
          b.room.send("submit", { option, diagnosis, commit: i % 2 === 0 });
          lastSend = t0;
          return waitFor(b.room, () => {
            const team = b.room.state?.teams?.[b.team];
            const vote = team ? voteOf(team, b.id) : undefined;
            return !!vote && vote.option === option && vote.diagnosis === diagnosis;
          }).then((ok) => {
            if (ok) submitted.push(performance.now() - t0);
            else lost++;
          });
        });
        const reveals = r.bots.map((b) =>
          // shown when the phase and its texts are both there, as on a phone
          waitFor(b.room, () => b.room.state?.phase === "reveal" && b.texts.reveal(b.room.state) !== null).then((ok) => {
            if (ok) revealed.push(performance.now() - lastSend);
          }),
        );
        await Promise.all([...submits, ...reveals]);
      }),
    ));
    await Promise.all(
      rooms.map(async (r) => {
        r.host.send("host", { action: "next" }); // scoreboard
        await waitFor(r.host, () => r.host.state?.phase === "scoreboard");
        r.host.send("host", { action: "next" }); // next card
      }),
    );
  }
  await Promise.all(rooms.flatMap((r) => [r.host.leave(), ...r.bots.map((b) => b.room.leave())]));
}

async function runBare() {
  const rooms: { bots: Room<any, any>[] }[] = [];
  await inBatches([...Array(args.rooms).keys()], 5, async () => {
    const { roomId } = (await (await fetch(`${args.url}/bench/bare`, { method: "POST" })).json()) as { roomId: string };
    const first = await new Client(args.url).joinById(roomId, {});
    const bots: Room<any, any>[] = [first];
    await inBatches([...Array(args.players - 1).keys()], 20, async () => {
      const t0 = performance.now();
      bots.push(await new Client(args.url).joinById(first.roomId, {}));
      joinMs.push(performance.now() - t0);
    });
    rooms.push({ bots });
  });
  for (let round = 0; round <= args.rounds; round++) {
    const submitted = (submitMs[round] = [] as number[]);
    await settle();
    await burst(round, rooms.length * args.players, () => Promise.all(
      rooms.flatMap((r) =>
        r.bots.map((b) => {
          const target = round + 1;
          const t0 = performance.now();
          b.send("inc");
          return waitFor(b, () => (b.state?.counters?.get(b.sessionId) ?? 0) >= target).then((ok) => {
            if (ok) submitted.push(performance.now() - t0);
            else lost++;
          });
        }),
      ),
    ));
  }
  await Promise.all(rooms.flatMap((r) => r.bots.map((b) => b.leave())));
}

const started = performance.now();
const cpu0 = process.cpuUsage();
if (args.kind === "game") await runGame();
else await runBare();
const cpu = process.cpuUsage(cpu0);
// exit once the line is flushed: a pipe write is asynchronous, and exiting at once cuts a long line short
process.stdout.write(JSON.stringify({ windows, joinMs, submitMs, revealMs, lost, burstCpu, wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 }) + "\n", () => process.exit(0));
