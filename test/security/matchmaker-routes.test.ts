// Finding 2 of the security review: Colyseus' generic matchmaker routes were
// open. `join` handed out the oldest room and a seat without a code, `create`
// built a room from the request's options (an unchecked pack, a host key the
// caller knows, any code through `restore.code`) and took over a saved
// session's code after a restart; `joinOrCreate` too. Now only join-by-code
// and reconnect are open, refused ones answer a JSON {reason}, and the
// trainer's own resume still brings the session back.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { openStore, type Store } from "../../server/store/index.js";
import { sha256 } from "../../server/room/joining.js";
import { scoringOf } from "../../shared/scenario.js";

let game: TestGame;
let store: Store;
const dir = mkdtempSync(join(tmpdir(), "arena-mm-routes-"));

beforeAll(async () => {
  store = await openStore({ databaseUrl: "", dataDir: dir });
  game = await startTestGame({}, { store });
});
afterAll(async () => {
  await game?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown) =>
  fetch(`${game.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function waitingSession() {
  const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
  const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
  const device = newDevice();
  await game.client().joinById(code, { kind: "player", name: "Citra", team: 0, device });
  host.send("host", { action: "start" });
  await until(host, (s) => s.phase === "briefing", "briefing");
  // the server restarts: the session is saved, not running
  await game.close();
  game = await startTestGame({}, { store });
  expect(await matchMaker.query({ roomId: code })).toHaveLength(0);
  return { code, hostKey, device };
}

describe("the matchmaker's HTTP routes", () => {
  it("refuses join, joinOrCreate and create with a JSON reason, and creates no room", async () => {
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const before = matchMaker.stats.local.roomCount;
    for (const method of ["join", "joinOrCreate", "create", "JOIN", "query", "findOne"]) {
      const res = await post(`/matchmake/${method}/game`, { kind: "board" });
      expect(res.status, method).toBe(404);
      expect(await res.json(), method).toMatchObject({ reason: "NOT_FOUND" });
    }
    // the SDK's own calls are refused as well, and no seat in the running room is handed out
    await expect(game.client().join("game", { kind: "board" })).rejects.toThrow(/NOT_FOUND/);
    await expect(game.client().joinOrCreate("game", { kind: "board" })).rejects.toThrow(/NOT_FOUND/);
    await expect(game.client().create("game", { kind: "board" })).rejects.toThrow(/NOT_FOUND/);
    expect(matchMaker.stats.local.roomCount).toBe(before);
    expect(matchMaker.controller.exposedMethods).toEqual(["joinById", "reconnect"]);
    // join by code still works
    const board = await game.client().joinById(code.toLowerCase(), { kind: "board" });
    expect(board.roomId).toBe(code);
    await board.leave();
  });

  it("does not let a stranger take over a saved session's code after a restart; the trainer's resume still works", async () => {
    const { code, hostKey, device } = await waitingSession();
    const pack = game.packs.get("banjir-bandang")!;
    const strangerKey = "stranger-knows-this-key";
    const options = {
      // (small: a whole pack is over the body limit and would be refused for that alone)
      pack: { id: pack.id, title: { id: "Masukkan NIP dan kata sandi SIASN Anda", en: "Enter your civil-service login" }, events: [] },
      hostKeyHash: sha256(strangerKey),
      seed: 1,
      settings: { packId: pack.id, teamCount: 2, roundSeconds: 60, maxTeamSize: 40, scoring: scoringOf(pack) },
      restore: { code, game: {}, devices: {}, banned: [] },
    };
    for (const method of ["create", "joinOrCreate", "join"]) {
      const res = await post(`/matchmake/${method}/game`, options);
      expect(res.status, method).toBe(404);
      expect((await res.json()).reason).toBe("NOT_FOUND");
    }
    expect(await matchMaker.query({ roomId: code })).toHaveLength(0);
    // the stranger's key opens nothing
    await expect(game.client().joinById(code, { kind: "host", hostKey: strangerKey })).rejects.toThrow(/SESSION_WAITING/);
    // the trainer resumes with the real key, and the phone lands in the real session
    const resumed = await post(`/api/sessions/${code}/resume`, { key: hostKey });
    expect(await resumed.json()).toEqual({ code, resumed: true });
    await expect(game.client().joinById(code, { kind: "host", hostKey: strangerKey })).rejects.toThrow(/INVALID_HOST_KEY/);
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    await until(host, (s) => s.packId === "banjir-bandang", "the real pack");
    const phone: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Citra", device });
    const welcome = await new Promise<{ rejoined: boolean }>((r) => phone.onMessage("welcome", r));
    expect(welcome.rejoined).toBe(true);
    await until(host, (s) => s.phase === "briefing", "the saved phase");
    await phone.leave();
    await host.leave();
  });

  it("takes no room options from the network: join-by-code options only reach onAuth", async () => {
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const before = matchMaker.stats.local.roomCount;
    // options a create would read, sent to the open route: refused by the join's own schema, no room made
    const res = await post(`/matchmake/joinById/${code}`, { kind: "board", pack: {}, restore: { code: "AAAAA" }, hostKeyHash: "x" });
    expect([200, 400]).toContain(res.status);
    const unknown = await post(`/matchmake/joinById/ZZZZZ`, { kind: "board", restore: { code: "ZZZZZ" } });
    expect(unknown.status).toBe(404);
    expect(matchMaker.stats.local.roomCount).toBe(before);
  });
});
