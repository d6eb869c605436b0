// A dead process's rooms taken over: two real processes share rooms through
// Redis; the one holding a room is killed with SIGKILL mid-round. Once its
// heartbeat has expired, the living process no longer calls the room live, the
// trainer resumes it there with the same code, and the phones rejoin their own
// seats by device secret with their votes. A room's code key carries an expiry.
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { freePort, newDevice, testClient, until, type GameClientRoom } from "../helpers/game-server.js";
import { pgQuery, pgUrlWithSchema, requirePostgres, requireRedis } from "../helpers/services.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { voteOf } from "../../shared/protocol/state-view.js";

const REDIS_URL = "redis://127.0.0.1:6379/9";
const PG_SCHEMA = `arena_takeover_test_${process.pid}`;
const DATABASE_URL = pgUrlWithSchema(PG_SCHEMA);

const redisUp = await requireRedis(REDIS_URL);
const pgUp = await requirePostgres();

/** One of the two processes: Redis for presence and rooms, PostgreSQL for the store. */
function startProcess(port: number): Promise<ServerProcess> {
  return startServerProcess(port, { REDIS_URL, DATABASE_URL, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
}

const procs: ServerProcess[] = [];
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
