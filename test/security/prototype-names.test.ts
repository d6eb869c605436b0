// Finding 1 of the security review: a message whose type (or host action, team,
// language or field name) is an Object.prototype name ended the process. Every
// such name is sent by a board, a phone and the host, in every place a client
// string reaches; each is refused with a reason, the sender stays connected, a
// second room is untouched, and both rooms still play a round afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, refusals, startTestGame, until, type GameClientRoom, type TestGame, submitPrime } from "../helpers/game-server.js";

const NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__", "prototype", "hasOwnProperty"])];

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RATE_PER_SECOND: "1000" });
});
afterAll(async () => {
  await game?.close();
});

async function seatedRoom() {
  const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 60 });
  const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
  const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
  const players: GameClientRoom[] = [];
  for (const name of ["Siti Rahma", "Bagus Pratama"]) {
    players.push(await game.client().joinById(code, { kind: "player", name, device: newDevice() }));
  }
  await until(host, (s) => [...s.teams].reduce((n, t) => n + t.members.length, 0) === 2, "two players seated");
  return { code, host, board, players };
}

describe("Object.prototype names from the network", () => {
  it("are refused everywhere a client string reaches, and every room goes on", async () => {
    const a = await seatedRoom();
    const b = await seatedRoom();
    const senders = [a.board, a.host, a.players[0]!];
    const answers = senders.map((room) => refusals(room));
    let perSender = 0;
    for (const name of NAMES) {
      for (const room of senders) {
        room.send(name, {});
        room.send(name, { [name]: 1 });
        room.send("submit", JSON.parse(`{"${name}": "vision", "option": 0, "diagnosis": "volatility", "commit": true}`));
        room.send("host", { action: name });
        room.send("host", { action: "movePlayer", playerId: name, team: 0 });
        room.send("host", { action: "passCaptain", playerId: name });
        room.send("host", { action: "renamePlayer", playerId: name, name });
        room.send("team", { team: name });
        room.send("lang", { lang: name });
      }
      perSender += 9;
    }
    // every message is answered with a reason (none silently dropped, none ending the process)
    for (const r of answers) {
      let answered = 0;
      while (answered < perSender) {
        const m = await r.next(5000).catch(() => null);
        if (!m) break;
        expect(typeof m.reason).toBe("string");
        answered++;
      }
      expect(answered).toBe(perSender);
    }
    const health = await fetch(`${game.url}/api/health`).then((r) => r.json() as Promise<{ ok: boolean; rooms: number }>);
    expect(health.ok).toBe(true);
    expect(health.rooms).toBeGreaterThanOrEqual(2);

    // both rooms still play: start, everyone sends, the round is revealed
    for (const room of [a, b]) {
      room.host.send("host", { action: "start" });
      await until(room.host, (s) => s.phase === "briefing", "briefing");
      room.host.send("host", { action: "next" });
      await until(room.host, (s) => s.phase === "deciding", "deciding");
      for (const p of room.players) submitPrime(p, "vision", true);
      await until(room.board, (s) => s.phase === "reveal", "reveal after every vote");
    }
  });
});
