// Two real server processes share rooms through Colyseus' Redis presence and
// driver: a room created through one is joined by players through the other,
// a full round is played, and codes never collide across 200 creations.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import pg from "pg";
import { freePort, newDevice, testClient, texts, until, type GameClientRoom, submitPrime } from "../helpers/game-server.js";
import { isCode } from "../../shared/constants.js";
import { requireService } from "../helpers/services.js";

const ROOT = resolve(import.meta.dirname, "../..");
const REDIS_URL = "redis://127.0.0.1:6379/7";
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
// a schema of its own: the database's default schema may hold another branch's migrations
const PG_SCHEMA = `arena_redis_test_${process.pid}`;
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

interface Proc {
  child: ChildProcess;
  url: string;
  output: string[];
}

async function startProcess(port: number): Promise<Proc> {
  const output: string[] = [];
  const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      REDIS_URL,
      DATABASE_URL,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // 200 sessions from one address in a few seconds: over a trainer's limits on purpose
      CREATE_PER_MINUTE: "1000",
      MAX_ROOMS: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited:\n${output.join("")}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { child, url, output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server on ${port} did not start:\n${output.join("")}`);
}

async function create(url: string, teamCount = 2) {
  const res = await fetch(`${url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ packId: "banjir-bandang", teamCount, roundSeconds: 300 }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; hostKey: string };
}

describe.runIf(redisUp)("two processes on Redis", () => {
  let a: Proc;
  let b: Proc;
  beforeAll(async () => {
    await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade; create schema "${PG_SCHEMA}"`);
    // one after the other: both would run the migrations at once
    a = await startProcess(await freePort());
    b = await startProcess(await freePort());
  }, 90_000);
  afterAll(async () => {
    const exits = [a, b].filter(Boolean).map((p) => new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once("exit", r))));
    for (const p of [a, b]) p?.child.kill("SIGTERM");
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 15_000))]);
    await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade`).catch(() => {});
  });

  it("a room created through one process is played through the other", async () => {
    const { code, hostKey } = await create(a.url);
    const host: GameClientRoom = await testClient(a.url).joinById(code, { kind: "host", hostKey });
    const board: GameClientRoom = await testClient(b.url).joinById(code, { kind: "board" });
    const phones: GameClientRoom[] = [];
    for (let i = 0; i < 4; i++) {
      phones.push(await testClient(b.url).joinById(code.toLowerCase(), { kind: "player", name: `Jauh ${i}`, team: i % 2, device: newDevice() }));
    }
    await until(board, (s) => [...s.teams].every((t) => t.members.length === 2), "seated via B");
    host.send("host", { action: "start" });
    host.send("host", { action: "next" });
    await until(board, (s) => s.phase === "deciding", "deciding");
    phones.forEach((p, i) => submitPrime(p, i % 2 ? "clarity" : "vision", true));
    await until(board, (s) => s.phase === "reveal", "reveal");
    const reveal = texts(board).reveal(board.state)!;
    expect(reveal.results.map((r) => r.choice)).toEqual(["vision", "clarity"]);
    for (const r of [host, board, ...phones]) await r.leave();
  });

  it("never hands out the same code twice across 200 creations on both processes", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 100; i++) {
      const [x, y] = await Promise.all([create(a.url), create(b.url)]);
      codes.push(x.code, y.code);
    }
    expect(codes.every(isCode)).toBe(true);
    expect(new Set(codes).size).toBe(200);
  }, 120_000);
});
