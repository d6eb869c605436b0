// The store in its own thread (server/store/thread.ts), as `npm start` runs it:
// the same answers as the store on the calling thread, errors that keep their
// kind across the thread, and a worker that comes back after it died.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeTakenError, createPersister, openStore, openThreadStore, withRetry, type Store } from "../../server/store/index.js";
import { PACK, T0, gameAt, metaFor, sha256 } from "./fixture.js";

const MOMENTS = ["lobby", "deciding", "reveal1", "final"] as const;

describe("store in a worker thread", () => {
  let dir = "";
  let threaded: Awaited<ReturnType<typeof openThreadStore>>;
  let direct: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "arena-thread-"));
    threaded = await openThreadStore({ databaseUrl: "", dataDir: join(dir, "threaded") });
    direct = await openStore({ databaseUrl: "", dataDir: join(dir, "direct") });
  });
  afterAll(async () => {
    await threaded?.close();
    await direct?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers as the store on this thread does, call for call", async () => {
    expect(threaded.dialect).toBe("sqlite");
    let at = T0;
    for (const moment of MOMENTS) {
      const game = gameAt(moment);
      at += 60_000;
      await threaded.saveSession(metaFor("THRD1", game, at), game);
      await direct.saveSession(metaFor("THRD1", game, at), game);
      expect(await threaded.loadSession("THRD1")).toEqual(await direct.loadSession("THRD1"));
      expect(await threaded.latestSnapshot("THRD1")).toEqual(game);
      expect(await threaded.report("THRD1", PACK)).toEqual(await direct.report("THRD1", PACK));
    }
    expect(await threaded.listSessions()).toEqual(await direct.listSessions());
    expect(await threaded.loadSession("NOPE1")).toBeNull();
    expect(await threaded.deleteSession("THRD1")).toBe(true);
    expect(await threaded.loadSession("THRD1")).toBeNull();
  });

  it("keeps an error's kind across the thread: a taken code is not retried", async () => {
    const game = gameAt("final");
    await threaded.saveSession(metaFor("TAKN2", game, T0), game);
    const intruder = metaFor("TAKN2", gameAt("lobby"), T0 + 1000, { hostKeyHash: sha256("another trainer") });
    const refused = threaded.saveSession(intruder, gameAt("lobby"));
    await expect(refused).rejects.toBeInstanceOf(CodeTakenError);
    await expect(refused).rejects.toMatchObject({ retryable: false });
    let tries = 0;
    expect(await withRetry(() => (tries++, threaded.saveSession(intruder, gameAt("lobby"))), { attempts: 5, delayMs: 1, log: () => {} })).toBe(false);
    expect(tries).toBe(1);
  });

  it("saves through the persister, latest snapshot wins", async () => {
    const persister = createPersister(threaded, { log: () => {} });
    const saves = MOMENTS.map((moment) => {
      const game = gameAt(moment);
      return persister.persist({ code: "PERS3", hostKeyHash: metaFor("PERS3", game, T0).hostKeyHash, pack: PACK, game, devices: {}, banned: [] });
    });
    await Promise.all(saves);
    await persister.flush();
    expect(await threaded.latestSnapshot("PERS3")).toEqual(gameAt("final"));
  });

  it("starts a new worker after the old one died, with the data still there", async () => {
    const game = gameAt("reveal1");
    await threaded.saveSession(metaFor("CRSH4", game, T0), game);
    await threaded.crashForTest();
    expect(await threaded.latestSnapshot("CRSH4")).toEqual(game);
    const later = gameAt("final");
    await threaded.saveSession(metaFor("CRSH4", later, T0 + 1000), later);
    expect((await threaded.loadSession("CRSH4"))?.phase).toBe("final");
  });

  it("says why when the store cannot be opened", async () => {
    await expect(openThreadStore({ databaseUrl: "postgres://postgres@127.0.0.1:1/none" })).rejects.toThrow(/ECONNREFUSED|connect/i);
  });
});
