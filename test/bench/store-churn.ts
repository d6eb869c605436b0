// The store alone under a soak's load, fast: sessions of 30 players played to
// their end through the rules, every change saved through the store's thread
// as the server saves it (one write in flight per room, the newest waiting),
// `--rooms` at once, a new session when one ends. Prints the process's memory
// split (see soak-memory.ts) every `--every` seconds. A 30-minute soak plays
// about 200 sessions; this plays 600 in a few minutes, so a memory creep in
// the store shows fast.
//   npm run soak:store [-- --sessions 600 --rooms 10 --every 10]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Action, GameState } from "../../shared/rules/types.js";
import { countWorkers, memorySample } from "./soak-memory.js";

countWorkers(); // before the store loads: its Worker is private to it
const { createGame, reduce } = await import("../../shared/rules/index.js");
const { DEFAULT_SCORING, PRIMES, CONDITIONS } = await import("../../shared/scenario.js");
const { loadPacks } = await import("../../server/packs.js");
const { createPersister, openThreadStore } = await import("../../server/store/index.js");

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SESSIONS = arg("sessions", 600);
const ROOMS = arg("rooms", 10);
const EVERY = arg("every", 10);
const PLAYERS = 30;

const { packs } = loadPacks(["scenarios"]);
const pack = packs.get("banjir-bandang") ?? [...packs.values()][0]!;
const dir = mkdtempSync(join(tmpdir(), "arena-vuca-bench-churn-"));
const store = await openThreadStore({ databaseUrl: "", dataDir: dir });
const persister = createPersister(store, { log: () => {} });
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const NAMES = ["Sari", "Budi", "Ayu", "Rina", "Dedi", "Wayan", "Made", "Putu", "Joko", "Siti", "Agus", "Dewi", "Eko", "Fitri", "Hendra"];

let n = 0;
let saves = 0;
async function play(): Promise<void> {
  const code = `C${String(n++).padStart(5, "0")}`;
  let game = createGame({ packId: pack.id, teamCount: 5, roundSeconds: 60, maxTeamSize: 12, scoring: DEFAULT_SCORING }, n);
  const devices: Record<string, string> = {};
  let now = Date.now();
  // like a room: every change asks for a save, they group while a write runs; the room waits at phase changes
  let last: Promise<void> = Promise.resolve();
  const save = async (a: Action) => {
    const r = reduce(game, a, { pack, now: (now += 50) });
    if (!r.ok || r.state === game) return;
    game = r.state;
    saves++;
    last = persister.persist({ code, hostKeyHash: sha(code), pack: { id: pack.id }, game: game as GameState, devices: { ...devices }, banned: [] });
    if (a.type === "start" || a.type === "reveal" || a.type === "next" || a.type === "end" || saves % 8 === 0) await last;
  };
  const ids = Array.from({ length: PLAYERS }, (_, i) => `p${i}`);
  for (const [i, id] of ids.entries()) {
    devices[sha(`${code}:${id}`)] = id;
    await save({ type: "join", playerId: id, name: `${NAMES[i % NAMES.length]} ${n}-${i}`, team: i % 5 });
  }
  await save({ type: "start" });
  while (game.phase !== "final") {
    if (game.phase === "deciding") {
      for (const id of ids) {
        const prime = PRIMES[(id.length + n + game.round) % 4]!;
        await save({ type: "submit", playerId: id, prime, diagnosis: CONDITIONS[(n + game.round) % 4], commit: true });
        if (Math.random() < 0.1) await save({ type: "disconnect", playerId: id }), await save({ type: "reconnect", playerId: id });
      }
      for (const id of ids) await save({ type: "reason", playerId: id, text: `Kami memilih karena warga ${id}` });
      for (const id of ids) await save({ type: "lock", playerId: id });
      await save({ type: "reveal" });
    } else await save({ type: "next" });
  }
  await save({ type: "end" });
  await last;
  persister.release(code); // as the room does when it closes
}

const t0 = Date.now();
let done = 0;
const sample = async () => {
  const m = await memorySample();
  console.log(JSON.stringify({ s: Math.round((Date.now() - t0) / 1000), sessions: done, saves, ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v * 10) / 10])) }));
};
const timer = setInterval(() => void sample(), EVERY * 1000);
await Promise.all(Array.from({ length: ROOMS }, async () => {
  while (n < SESSIONS) {
    await play();
    done++;
  }
}));
clearInterval(timer);
await sample();
await store.close();
rmSync(dir, { recursive: true, force: true });
