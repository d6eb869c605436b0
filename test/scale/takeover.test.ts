// A dead process's rooms taken over: two real processes share rooms through
// Redis; the one holding a room is killed with SIGKILL mid-round. Once its
// heartbeat has expired, the living process no longer calls the room live, the
// trainer resumes it there with the same code, and the phones rejoin their own
// seats by device secret with their votes. A room's code key carries an expiry.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import pg from "pg";
import { freePort, newDevice, testClient, until, type GameClientRoom } from "../helpers/game-server.js";
import { requireService } from "../helpers/services.js";
import { voteOf } from "../../shared/protocol/state-view.js";
import { SERVER_NODE_OPTIONS } from "../../server/node-options.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const REDIS_URL = "redis://127.0.0.1:6379/9";
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PG_SCHEMA = `arena_takeover_test_${process.pid}`;
const DATABASE_URL = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${PG_SCHEMA}`)}`;

async function pgQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end().catch(() => {});
  }
}

const redisUp = await requireService("Redis", async () => {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await r.connect();
  await r.flushdb();
  await r.quit();
});
const pgUp = await requireService("PostgreSQL", () => pgQuery("select 1"));

interface Proc {
  child: ChildProcess;
  url: string;
  output: string[];
}

async function startProcess(port: number): Promise<Proc> {
  const output: string[] = [];
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS.split(" "), "--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", REDIS_URL, DATABASE_URL, PUBLIC_ADDRESS: `127.0.0.1:${port}`, PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited:\n${output.join("")}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url, output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server on ${port} did not start:\n${output.join("")}`);
}

const procs: Proc[] = [];
afterAll(async () => {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  if (pgUp) await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade`);
});

describe.runIf(redisUp && pgUp)("a process killed on Redis", () => {
  it("its room is resumed on the living process with every seat and vote, phones back by device", { timeout: 120_000 }, async () => {
    await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade; create schema "${PG_SCHEMA}"`);
    const first = await startProcess(await freePort());
    procs.push(first);
    const second = await startProcess(await freePort());
    procs.push(second);

    const created = await fetch(`${first.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 }),
    });
    const { code, hostKey } = (await created.json()) as { code: string; hostKey: string };
    const redis = new Redis(REDIS_URL);
    try {
      // Colyseus may create the room on either process: `a` is the one that holds it, `b` the other
      const cache = JSON.parse((await redis.hget("roomcaches", code)) ?? "{}") as { publicAddress?: string };
      const [a, b] = cache.publicAddress === first.url.replace("http://", "") ? [first, second] : [second, first];
      expect(cache.publicAddress).toBe(a.url.replace("http://", ""));
      // the code's claim expires unless its room keeps it
      const ttl = await redis.ttl(`arena-vuca:roomcode:${code}`);
      expect(ttl).toBeGreaterThan(0);

      const host: GameClientRoom = await testClient(a.url).joinById(code, { kind: "host", hostKey });
      const phones: { device: string; name: string; id: string; room: GameClientRoom }[] = [];
      for (let i = 0; i < 4; i++) {
        const device = newDevice();
        const name = `Peserta ${i + 1}`;
        const room: GameClientRoom = await testClient(a.url).joinById(code, { kind: "player", name, team: i % 2, device });
        const { playerId } = await new Promise<{ playerId: string }>((r) => room.onMessage("welcome", r));
        phones.push({ device, name, id: playerId, room });
      }
      host.send("host", { action: "start" });
      await until(host, (s) => s.phase === "briefing");
      host.send("host", { action: "next" });
      await until(host, (s) => s.phase === "deciding");
      phones[0]!.room.send("submit", { option: 0, diagnosis: "volatility", commit: true });
      await until(phones[0]!.room, (s) => voteOf(s.teams[0]!, phones[0]!.id)?.option === 0, "vote shown");

      // kill -9 the process that holds the room
      const gone = new Promise((r) => a.child.once("exit", r));
      a.child.kill("SIGKILL");
      await gone;
      const killedAt = Date.now();
      for (const p of phones) p.room.removeAllListeners();
      host.removeAllListeners();

      // the living process stops calling it live once the heartbeat is gone, and resumes it
      const lookup = async () => {
        const res = await fetch(`${b.url}/api/sessions/lookup`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ sessions: [{ code, key: hostKey }] }),
        });
        return ((await res.json()) as { sessions: { live?: boolean; resumable?: boolean }[] }).sessions[0]!;
      };
      const deadline = Date.now() + 30_000;
      let status = await lookup();
      while (!status.resumable && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        status = await lookup();
      }
      expect(status, b.output.join("")).toMatchObject({ live: false, resumable: true });
      console.log(`takeover: resumable on the living process ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`);
      const resumed = await fetch(`${b.url}/api/sessions/${code}/resume`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: hostKey }),
      });
      expect(await resumed.json(), b.output.join("")).toEqual({ code, resumed: true });

      const host2: GameClientRoom = await testClient(b.url).joinById(code, { kind: "host", hostKey });
      await until(host2, (s) => s.phase === "deciding" && s.teams.length === 2, "resumed on B");
      expect(voteOf(host2.state.teams[0]!, phones[0]!.id)?.option).toBe(0);
      for (const p of phones) {
        const room: GameClientRoom = await testClient(b.url).joinById(code, { kind: "player", name: p.name, device: p.device });
        const welcome = await new Promise<{ playerId: string; rejoined: boolean }>((r) => room.onMessage("welcome", r));
        expect(welcome).toEqual({ playerId: p.id, rejoined: true });
        await room.leave();
      }
      expect(await redis.ttl(`arena-vuca:roomcode:${code}`)).toBeGreaterThan(0);
      await host2.leave();
    } finally {
      redis.disconnect();
    }
  });
});
