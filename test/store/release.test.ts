// A closed room leaves nothing behind in memory: once its last save has
// landed, the persister and the store drop what they kept for the session (a
// server that runs all day for class after class must not grow with them).
// A save that is still failing when the room closes is retried first, and
// only then dropped. Real rooms on a real SQLite store; the store is wrapped
// only to see its release calls and to fail saves on demand.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGame, type TestGame } from "../helpers/game-server.js";
import { openStore, type Store } from "../../server/store/index.js";

let dir: string;
let real: Store;
let game: TestGame;
let failing = false;
const released: string[] = [];
const saved: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "arena-release-"));
  real = await openStore({ databaseUrl: "", dataDir: dir });
  const store = new Proxy(real, {
    get(target, key) {
      if (key === "saveSession")
        return async (...args: Parameters<Store["saveSession"]>) => {
          if (failing) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
          await target.saveSession(...args);
          saved.push(args[0].code);
        };
      if (key === "release")
        return async (code: string) => {
          released.push(code);
          await target.release(code);
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  game = await startTestGame({}, { store, log: () => {} });
});

afterAll(async () => {
  failing = false;
  await game?.close();
  await real?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PACK = "banjir-bandang";

async function until(test: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a closed room's session is released from memory", () => {
  it("after its last save, once", async () => {
    const { code, room } = await game.createRoom({ packId: PACK, teamCount: 2, roundSeconds: 60 });
    await until(() => saved.includes(code));
    expect(released).not.toContain(code);
    await room.disconnect();
    await until(() => released.includes(code));
    expect(released.filter((c) => c === code)).toHaveLength(1);
    // released is not forgotten: the session is still stored and can be resumed
    expect((await real.loadSession(code))?.code).toBe(code);
  });

  it("not while its save still fails: retried first, released once it lands", { timeout: 60_000 }, async () => {
    const { code, room } = await game.createRoom({ packId: PACK, teamCount: 2, roundSeconds: 60 });
    await until(() => saved.includes(code));
    failing = true;
    // a change that must be saved, while the store fails; the room closes before it lands
    expect(room.apply({ type: "lockRoom", locked: true })).toEqual({ ok: true });
    await room.disconnect();
    await new Promise((r) => setTimeout(r, 1500));
    expect(released).not.toContain(code);
    expect((await real.loadSession(code))?.settings).toBeDefined();
    failing = false;
    await until(() => released.includes(code), 30_000);
    // what was written last is the locked room
    expect((await real.latestSnapshot(code))?.roomLocked).toBe(true);
  });
});
