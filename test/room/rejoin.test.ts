// Rejoin that never loses a player: 40 phones in 8 teams drop mid-round and
// come back after the server's ping timeout, after a page reload, and after
// the reconnection window has closed (same device, same code).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client as ServerClient } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame, submitPrime, primeOf } from "../helpers/game-server.js";
import type { Prime } from "../../shared/vuca.js";
import { voteOf } from "../../shared/protocol/state-view.js";

const PACK = "banjir-bandang";
const PRIMES: Prime[] = ["vision", "understanding", "clarity", "agility"];
/** Longer than the server's ping timeout (ping every 3 s, 2 misses). */
const AWAY_MS = 10_000;

interface Phone {
  room: GameClientRoom;
  device: string;
  name: string;
  playerId: string;
  team: number;
  vote: Prime | null;
}

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RECONNECT_SECONDS: "60" });
});
afterAll(async () => {
  await game?.close();
});

/** Cuts every player's socket on the server side without a close frame, like a Wi-Fi drop. */
function cutPlayers(code: string): number {
  const room = game.room(code);
  let n = 0;
  for (const c of room.clients as Iterable<ServerClient & { userData?: { kind: string } }>) {
    if (c.userData?.kind !== "player") continue;
    (c.ref as unknown as { terminate(): void }).terminate();
    n++;
  }
  return n;
}

async function seatSnapshot(host: GameClientRoom) {
  const seats = new Map<string, { team: number; roles: string; vote: string | undefined }>();
  for (const t of host.state.teams) {
    for (const m of t.members) seats.set(m.id, { team: t.index, roles: m.roles, vote: primeOf(host, voteOf(t, m.id)) });
  }
  return seats;
}

describe("40 phones in 8 teams", () => {
  let code = "";
  let host: GameClientRoom;
  const phones: Phone[] = [];

  beforeAll(async () => {
    const created = await game.createSession({ packId: PACK, teamCount: 8, roundSeconds: 600 });
    code = created.code;
    host = await game.client().joinById(code, { kind: "host", hostKey: created.hostKey });
    for (let i = 0; i < 40; i++) {
      const device = newDevice();
      const name = `Ponsel ${i + 1}`;
      const room: GameClientRoom = await game.client().joinById(code, { kind: "player", name, team: i % 8, device });
      const welcome = await new Promise<{ playerId: string }>((resolve) => room.onMessage("welcome", resolve));
      phones.push({ room, device, name, playerId: welcome.playerId, team: i % 8, vote: null });
    }
    await until(host, (s) => [...s.teams].every((t) => t.members.length === 5), "5 per team");
    host.send("host", { action: "start" });
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding", "deciding");
    // four of five in every team vote, so no team locks and the round stays open
    phones.forEach((p, i) => {
      if (Math.floor(i / 8) === 4) return;
      p.vote = PRIMES[i % 4]!;
      submitPrime(p.room, p.vote, i % 2 === 0);
    });
    await until(host, (s) => [...s.teams].every((t) => t.sent === 4), "32 votes");
  }, 120_000);

  it("all come back by themselves after a drop longer than the ping timeout, with their votes", async () => {
    const before = await seatSnapshot(host);
    for (const p of phones) {
      p.room.reconnection.minDelay = AWAY_MS;
      p.room.reconnection.maxDelay = AWAY_MS * 2;
      p.room.reconnection.minUptime = 0;
    }
    const back = phones.map((p) => new Promise<void>((resolve) => p.room.onReconnect.once(() => resolve())));
    expect(cutPlayers(code)).toBe(40);
    await until(host, (s) => [...s.teams].every((t) => [...t.members].every((m) => !m.connected)), "all marked away");
    // while they are away the round goes on and nobody is lost
    expect(host.state.phase).toBe("deciding");
    await Promise.all(back);
    await until(host, (s) => [...s.teams].every((t) => [...t.members].every((m) => m.connected)), "all back", 20_000);
    const after = await seatSnapshot(host);
    expect(after).toEqual(before);
    expect([...after.values()].filter((s) => s.vote).length).toBe(32);
    for (const p of phones) {
      const team = p.room.state.teams[p.team]!;
      expect(primeOf(p.room, voteOf(team, p.playerId))).toBe(p.vote ?? undefined);
    }
  }, 60_000);

  it("all come back after a page reload (stored token first, then the device secret — as the phone page does)", { timeout: 60_000 }, async () => {
    const before = await seatSnapshot(host);
    const tokens = phones.map((p) => p.room.reconnectionToken);
    for (const p of phones) p.room.reconnection.enabled = false;
    expect(cutPlayers(code)).toBe(40);
    await until(host, (s) => [...s.teams].every((t) => [...t.members].every((m) => !m.connected)), "all away");
    let byToken = 0;
    await Promise.all(
      phones.map(async (p, i) => {
        try {
          p.room = (await new Client(game.url).reconnect(tokens[i]!)) as GameClientRoom;
          byToken++;
        } catch {
          // the phone page falls back to re-entering the code with its device secret
          p.room = await new Client(game.url).joinById(code, { kind: "player", name: p.name, device: p.device });
        }
      }),
    );
    console.log(`reload: ${byToken} of 40 back by token, the rest by device`);
    await until(host, (s) => [...s.teams].every((t) => [...t.members].every((m) => m.connected)), "all back");
    expect(await seatSnapshot(host)).toEqual(before);
    for (const p of phones) {
      // the team's secret votes arrive with (or right after) the first state
      await until(p.room, (s) => s.teams.length === 8 && primeOf(p.room, voteOf(s.teams[p.team]!, p.playerId)) === (p.vote ?? undefined), `vote of ${p.name}`);
    }
  });
});

