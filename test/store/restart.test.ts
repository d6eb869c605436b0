// A real restart: the server process is killed with SIGKILL mid-round and
// started again on the same data folder. The trainer finds the session in the
// console's lookup, resumes it with the same code, and the room comes back in
// the phase it was in with every team, seat, role, vote, lock and score;
// phones re-entering the code with their device are back in their own seats.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PG_URL, pgQuery, pgUrlWithSchema, requirePostgres } from "../helpers/services.js";
import { killHard, startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { freePort, newDevice, testClient, texts, until, type GameClientRoom, submitPrime, primeOf } from "../helpers/game-server.js";
import { voteOf, votesOf } from "../../shared/protocol/state-view.js";
import { openStore, type Store } from "../../server/store/index.js";
import type { GameState } from "../../shared/rules/types.js";

const PACK = "banjir-bandang";

const PG_SCHEMA = `arena_restart_test_${process.pid}`;
/** The server's DATABASE_URL for the PostgreSQL run: its own schema through the connection's search_path. */
const PG_SERVER_URL = pgUrlWithSchema(PG_SCHEMA);

const pgUp = await requirePostgres();

interface Backend {
  name: "sqlite" | "postgres";
  /** Environment of the server process. */
  env: Record<string, string>;
  /** A second connection to the same store, to see what was saved. */
  reader(): Promise<Store>;
}

async function waitFor<T>(label: string, fn: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "arena-restart-"));
let server: ServerProcess | null = null;
let reader: Store | null = null;
afterAll(async () => {
  if (server) await killHard(server);
  await reader?.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (pgUp) await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade`);
});

const backends: Backend[] = [
  { name: "sqlite", env: { DATA_DIR: dataDir }, reader: () => openStore({ databaseUrl: "", dataDir, migrate: false }) },
];
if (pgUp) {
  await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade; create schema "${PG_SCHEMA}"`);
  backends.push({ name: "postgres", env: { DATABASE_URL: PG_SERVER_URL }, reader: () => openStore({ databaseUrl: PG_URL, pgSchema: PG_SCHEMA, migrate: false }) });
}

describe.each(backends)("kill -9 mid-round, start again, resume ($name)", (backend) => {
  it("brings back every team, seat, role, vote, lock and score under the same code", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await startServerProcess(port, backend.env);

    const created = await fetch(`${url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ packId: PACK, teamCount: 3, roundSeconds: 300 }),
    });
    expect(created.status).toBe(201);
    const { code, hostKey } = (await created.json()) as { code: string; hostKey: string };

    let host: GameClientRoom = await testClient(url).joinById(code, { kind: "host", hostKey });
    const players: { name: string; team: number; device: string; id: string; room: GameClientRoom }[] = [];
    for (let i = 0; i < 6; i++) {
      const device = newDevice();
      const name = `Peserta ${i + 1}`;
      const room: GameClientRoom = await testClient(url).joinById(code, { kind: "player", name, team: i % 3, device });
      const welcome = await new Promise<{ playerId: string }>((r) => room.onMessage("welcome", r));
      players.push({ name, team: i % 3, device, id: welcome.playerId, room });
    }
    await until(host, (s) => [...s.teams].every((t) => t.members.length === 2), "two per team");

    // Round 1, played to the reveal: every team sends, scores are given.
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing");
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding");
    const primes = ["vision", "understanding", "clarity"] as const;
    for (const p of players) submitPrime(p.room, primes[p.team]!, true);
    await until(host, (s) => s.phase === "reveal", "reveal of round 1");
    const reveal1 = texts(host).reveal(host.state)!;
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "scoreboard");
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "briefing" && s.round === 1);
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding" && s.round === 1, "deciding of round 2");

    // Round 2, mid-way: team 0 sent and locked (all sent), team 1 has one vote and a reason, team 2 nothing.
    submitPrime(players[0]!.room, "agility", true);
    submitPrime(players[3]!.room, "agility", false);
    submitPrime(players[1]!.room, "clarity", true);
    players[1]!.room.send("reason", { text: "Data harga dulu, baru bertindak." });
    await until(host, (s) => s.teams[0]!.locked && votesOf(s.teams[1]!).length === 1 && (s.teams[1]!.reason?.length ?? 0) > 0, "round 2 mid-way");
    const before = {
      scores: [...host.state.teams].map((t) => t.score),
      members: [...host.state.teams].map((t) => [...t.members].map((m) => ({ id: m.id, name: m.name, roles: m.roles }))),
      captains: [...host.state.teams].map((t) => t.captain),
    };
    expect(before.scores.some((s) => s > 0)).toBe(true);

    // What the console would see is saved (read by a second connection to the same SQLite file).
    await reader?.close();
    reader = await backend.reader();
    await waitFor("the mid-round save", async () => {
      const g = (await reader!.latestSnapshot(code)) as GameState | null;
      return g && g.round === 1 && g.teams[0]!.locked && Object.keys(g.teams[1]!.votes).length === 1 && g.teams[1]!.reason ? g : null;
    });

    // kill -9: no shutdown hook runs.
    await killHard(server);
    server = null;
    for (const p of players) p.room.removeAllListeners();

    server = await startServerProcess(port, backend.env);

    // Before the trainer resumes, a phone re-entering the code is told to wait (not "wrong code").
    const early = await testClient(url)
      .joinById(code, { kind: "player", name: players[0]!.name, device: players[0]!.device })
      .catch((e: Error) => e);
    expect(early).toBeInstanceOf(Error);
    expect((early as Error).message).toMatch(/SESSION_WAITING/);

    // The console finds it, resumable; a wrong key learns nothing.
    const lookup = await fetch(`${url}/api/sessions/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sessions: [{ code, key: hostKey }, { code, key: "not-the-key" }] }),
    });
    const { sessions } = (await lookup.json()) as { sessions: { code: string; found: boolean; resumable?: boolean; live?: boolean; phase?: string; round?: number }[] };
    expect(sessions[0]).toMatchObject({ code, found: true, resumable: true, live: false, phase: "deciding", round: 1 });
    expect(sessions[1]).toEqual({ code, found: false });

    const wrong = await fetch(`${url}/api/sessions/${code}/resume`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: "not-the-key" }),
    });
    expect(wrong.status).toBe(404); // a wrong key is answered like an unknown code
    const resumed = await fetch(`${url}/api/sessions/${code}/resume`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: hostKey }),
    });
    expect(resumed.status, server.output.join("")).toBe(200);
    expect(await resumed.json()).toEqual({ code, resumed: true });

    host = await testClient(url).joinById(code, { kind: "host", hostKey });
    await until(host, (s) => s.phase === "deciding" && s.round === 1 && s.teams.length === 3, "the resumed room");
    // the deciding timer waits for the trainer
    expect(host.state.paused).toBe(true);
    expect([...host.state.teams].map((t) => t.score)).toEqual(before.scores);
    expect([...host.state.teams].map((t) => t.captain)).toEqual(before.captains);
    expect([...host.state.teams].map((t) => [...t.members].map((m) => ({ id: m.id, name: m.name, roles: m.roles })))).toEqual(before.members);
    expect(host.state.teams[0]!.locked).toBe(true);
    expect(host.state.teams[1]!.locked).toBe(false);
    // the vote names its option's place; the console's card (its texts arrive beside the state) gives the Prime
    await until(host, (s) => primeOf(host, voteOf(s.teams[1]!, players[1]!.id)) === "clarity", "Citra's vote, as it was");
    expect(host.state.teams[1]!.reason).toBe("Data harga dulu, baru bertindak.");
    expect(votesOf(host.state.teams[2]!)).toEqual([]);
    // nobody is connected until their phone is back
    expect([...host.state.teams].flatMap((t) => [...t.members]).every((m) => !m.connected)).toBe(true);

    // Phones re-enter the code with their device: their own seats, nobody new.
    const back: GameClientRoom[] = [];
    for (const p of players) {
      const room: GameClientRoom = await testClient(url).joinById(code, { kind: "player", name: p.name, device: p.device });
      const welcome = await new Promise<{ playerId: string; rejoined: boolean }>((r) => room.onMessage("welcome", r));
      expect(welcome).toEqual({ playerId: p.id, rejoined: true });
      back.push(room);
    }
    await until(host, (s) => [...s.teams].flatMap((t) => [...t.members]).every((m) => m.connected), "everyone connected again");
    expect([...host.state.teams].map((t) => t.members.length)).toEqual([2, 2, 2]);
    // a member sees their own team's vote again
    await until(back[1]!, (s) => primeOf(back[1]!, voteOf(s.teams[1]!, players[1]!.id)) === "clarity", "own team's vote on the phone");

    // The trainer resumes the timer and the round finishes; round 1's results are intact.
    host.send("host", { action: "resume" });
    await until(host, (s) => !s.paused);
    submitPrime(back[4]!, "clarity", true);
    submitPrime(back[2]!, "vision", true);
    submitPrime(back[5]!, "vision", true);
    await until(host, (s) => s.phase === "reveal" && s.round === 1, "reveal of round 2");
    const reveal2 = texts(host).reveal(host.state)!;
    expect(reveal2.results[0]!.choice).toBe("agility");
    expect(reveal2.results[1]!.choice).toBe("clarity");
    const report = (await (await fetch(`${url}/api/sessions/${code}/report?key=${encodeURIComponent(hostKey)}`)).json()) as {
      rounds: { roundNo: number; teamNo: number | null; points: number }[];
    };
    for (const r of reveal1.results) {
      expect(report.rounds.find((row) => row.roundNo === 1 && row.teamNo === r.team + 1)?.points).toBe(r.points);
    }
    for (const r of [host, ...back]) await r.leave();
    await killHard(server);
    server = null;
  });
});
