// Two real server processes share rooms through Colyseus' Redis presence and
// driver: a room created through one is joined by players through the other,
// a full round is played, and codes never collide across 200 creations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, newDevice, testClient, texts, until, type GameClientRoom, submitPrime } from "../helpers/game-server.js";
import { isCode } from "../../shared/constants.js";
import { pgQuery, pgUrlWithSchema, requireRedis } from "../helpers/services.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";

const REDIS_URL = "redis://127.0.0.1:6379/7";
// a schema of its own: the database's default schema may hold another branch's migrations
const PG_SCHEMA = `arena_redis_test_${process.pid}`;
const DATABASE_URL = pgUrlWithSchema(PG_SCHEMA);

const redisUp = await requireRedis(REDIS_URL);

/** One of the two processes: Redis for presence and rooms, PostgreSQL for the store. */
function startProcess(port: number): Promise<ServerProcess> {
  return startServerProcess(port, {
    REDIS_URL,
    DATABASE_URL,
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    // 200 sessions from one address in a few seconds: over a trainer's limits on purpose
    CREATE_PER_MINUTE: "1000",
    MAX_ROOMS: "1000",
  });
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
  let a: ServerProcess;
  let b: ServerProcess;
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
