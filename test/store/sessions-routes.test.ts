// The console's session routes over a real SQLite store: lookup by host key,
// the report, delete (refused mid-game, allowed after the end, and the phones
// are told), the join guard's SESSION_WAITING, and new rooms never taking a
// saved session's code.
import { describe, expect, it } from "vitest";
import { LocalPresence } from "@colyseus/core";
import { newDevice, until, type GameClientRoom, type TestGame, submitPrime } from "../helpers/game-server.js";
import { useStoredGame } from "../helpers/stored-game.js";
import type { Store } from "../../server/store/index.js";
import { claimCode } from "../../server/codes.js";
import { CODE_ALPHABET, SERVER_MESSAGES } from "../../shared/constants.js";

let game: TestGame;
let store: Store;
useStoredGame((g) => ({ game, store } = g));

const post = (path: string, body: unknown) =>
  fetch(`${game.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const del = (code: string, key: string) =>
  fetch(`${game.url}/api/sessions/${code}`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) });

async function saved(code: string, test: (phase: string) => boolean) {
  for (let i = 0; i < 100; i++) {
    const s = await store.loadSession(code);
    if (s && test(s.phase)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`session ${code} not saved as expected`);
}

describe("session routes", () => {
  it("lists, reports and deletes a session for its host key only", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const ani: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Ani", team: 0, device: newDevice() });
    const budi: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Budi", team: 1, device: newDevice() });
    // joins are saved too (within a second), not only phase changes
    await waitPlayers(code, 2);

    const lookup = await (await post("/api/sessions/lookup", { sessions: [{ code, key: hostKey }, { code: "ZZZZZ", key: hostKey }, { code, key: "wrong" }] })).json();
    expect(lookup.sessions[0]).toMatchObject({ code, found: true, live: true, resumable: false, phase: "lobby", playerCount: 2, teamCount: 2, roundCount: 8 });
    expect(lookup.sessions[0].packTitle.id).toBeTruthy();
    expect(lookup.sessions[1]).toEqual({ code: "ZZZZZ", found: false });
    expect(lookup.sessions[2]).toEqual({ code, found: false });
    expect((await post("/api/sessions/lookup", { sessions: "nope" })).status).toBe(400);

    host.send("host", { action: "start" });
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding", "deciding");
    submitPrime(ani, "vision", true);
    submitPrime(budi, "agility", false);
    await until(host, (s) => s.phase === "reveal", "reveal");
    await saved(code, (p) => p === "reveal");

    const report = await fetch(`${game.url}/api/sessions/${code}/report?key=${encodeURIComponent(hostKey)}`);
    expect(report.status).toBe(200);
    const body = await report.json();
    expect(body.players.map((p: { name: string }) => p.name).sort()).toEqual(["Ani", "Budi"]);
    expect(body.rounds.filter((r: { roundNo: number }) => r.roundNo === 1)).toHaveLength(2);
    expect((await fetch(`${game.url}/api/sessions/${code}/report?key=wrong`)).status).toBe(404);
    expect((await fetch(`${game.url}/api/sessions/ZZZZZ/report?key=x`)).status).toBe(404);

    // a game in progress is not deleted
    const refused = await del(code, hostKey);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ reason: "SESSION_LIVE" });
    expect((await del(code, "wrong")).status).toBe(404);

    host.send("host", { action: "end" });
    await until(host, (s) => s.phase === "final", "final");
    const closed = new Promise<unknown>((r) => ani.onMessage(SERVER_MESSAGES.closed, r));
    const gone = await del(code, hostKey);
    expect(gone.status).toBe(200);
    expect(await gone.json()).toEqual({ code, deleted: true });
    expect(await closed).toEqual({ deleted: true });
    expect(await store.loadSession(code)).toBeNull();
    // nothing written after the delete brings it back
    await new Promise((r) => setTimeout(r, 1500));
    expect(await store.loadSession(code)).toBeNull();
    const after = await (await post("/api/sessions/lookup", { sessions: [{ code, key: hostKey }] })).json();
    expect(after.sessions[0]).toEqual({ code, found: false });
  });

  it("tells a phone to wait for a saved session that is not running, without counting a miss", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const device = newDevice();
    const p: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Citra", team: 0, device });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing");
    await saved(code, (ph) => ph === "briefing");
    await game.room(code).disconnect();
    await game.persister!.flush();
    void p;
    // more tries than the wrong-code limit (10 a minute): every one is SESSION_WAITING, none TOO_MANY_ATTEMPTS
    for (let i = 0; i < 12; i++) {
      const err = await game.client().joinById(code, { kind: "player", name: "Citra", device }).catch((e: Error) => e);
      expect(String((err as Error).message)).toMatch(/SESSION_WAITING/);
    }
    const lookup = await (await post("/api/sessions/lookup", { sessions: [{ code, key: hostKey }] })).json();
    expect(lookup.sessions[0]).toMatchObject({ found: true, live: false, resumable: true, phase: "briefing" });
    const resumed = await post(`/api/sessions/${code}/resume`, { key: hostKey });
    expect(await resumed.json()).toEqual({ code, resumed: true });
    // a second click is harmless
    expect(await (await post(`/api/sessions/${code}/resume`, { key: hostKey })).json()).toEqual({ code, resumed: false });
    const back: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Citra", device });
    const welcome = await new Promise<{ rejoined: boolean }>((r) => back.onMessage("welcome", r));
    expect(welcome.rejoined).toBe(true);
    await back.leave();
  });

  it("never gives a new room the code of a saved session", async () => {
    const presence = new LocalPresence();
    const codes = ["AAAAA", "BBBBB", "CCCCC"];
    let i = 0;
    // the random source yields AAAAA, then BBBBB, then CCCCC (one letter index per character)
    const alphabetIndex = (ch: string) => CODE_ALPHABET.indexOf(ch);
    const random = () => alphabetIndex(codes[Math.floor(i++ / 5)]![0]!);
    const code = await claimCode(presence, random, undefined, async (c) => c !== "CCCCC");
    expect(code).toBe("CCCCC");
  });
});

async function waitPlayers(code: string, n: number) {
  for (let i = 0; i < 100; i++) {
    const s = await store.loadSession(code);
    if (s && s.playerCount === n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("joins not saved");
}
