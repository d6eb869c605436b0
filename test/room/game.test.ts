// A whole session over real sockets: a trainer, a board and 3 teams × 4
// phones play a shipped pack from the lobby to the final ranking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, refusals, startTestGame, texts, until, type GameClientRoom, type TestGame, submitPrime } from "../helpers/game-server.js";
import { lockCauseOf, votesOf as sharedVotesOf, type TeamView } from "../../shared/protocol/state-view.js";
import { ROLES, type Prime } from "../../shared/vuca.js";
import { isCode } from "../../shared/constants.js";

const PACK = "banjir-bandang";
let game: TestGame;

beforeAll(async () => {
  // the test clicks through eight rounds far faster than a trainer would (8 messages a second)
  game = await startTestGame({ RATE_PER_SECOND: "100" });
});
afterAll(async () => {
  await game?.close();
});

function team(room: GameClientRoom, i: number): TeamView {
  const t = room.state.teams[i];
  if (!t) throw new Error(`no team ${i}`);
  return t;
}

/** How many of the team have sent (as far as this client can see the votes). */
function votesOf(t: TeamView): number {
  return sharedVotesOf(t).length;
}

describe("a whole session", () => {
  let code = "";
  let hostKey = "";
  let host: GameClientRoom;
  let board: GameClientRoom;
  const players: { room: GameClientRoom; name: string; team: number; id: string }[] = [];

  it("creates a session with a 5-character code and a secret host key", async () => {
    ({ code, hostKey } = await game.createSession({ packId: PACK, teamCount: 3, roundSeconds: 120 }));
    expect(isCode(code)).toBe(true);
    expect(hostKey.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits of nanoid alphabet
    host = await game.client().joinById(code, { kind: "host", hostKey });
    board = await game.client().joinById(code, { kind: "board" });
    await until(host, (s) => s.phase === "lobby" && s.teams.length === 3, "lobby");
  });

  it("refuses a wrong host key, an unknown code and a bad join", async () => {
    await expect(game.client().joinById(code, { kind: "host", hostKey: "x".repeat(32) })).rejects.toThrow(/INVALID_HOST_KEY/);
    await expect(game.client().joinById("ZZZZZ", { kind: "board" })).rejects.toThrow();
    await expect(game.client().joinById(code, { kind: "player", name: "A", device: "short" })).rejects.toThrow(/BAD_MESSAGE/);
  });

  it("seats 12 players in 3 teams, each team holding all five role cards", async () => {
    for (let i = 0; i < 12; i++) {
      const name = `Peserta ${i + 1}`;
      const room: GameClientRoom = await game.client().joinById(code, { kind: "player", name, team: i % 3, device: newDevice() });
      const welcome = await new Promise<{ playerId: string }>((resolve) => room.onMessage("welcome", resolve));
      players.push({ room, name, team: i % 3, id: welcome.playerId });
    }
    await until(host, (s) => [...s.teams].every((t) => t.members.length === 4), "4 members per team");
    for (const t of host.state.teams) {
      const held = new Set([...t.members].flatMap((m) => m.roles.split(",")));
      expect([...held].sort()).toEqual([...ROLES].sort());
    }
    // the first to join a team is its captain
    expect(team(host, 0).captain).toBe(players[0]!.id);
  });

  it("refuses a taken name with a suggestion", async () => {
    const err = await game
      .client()
      .joinById(code, { kind: "player", name: "peserta 1", device: newDevice() })
      .catch((e: Error) => e);
    expect(String((err as Error).message)).toMatch(/^NAME_TAKEN\|Peserta 1 2$|^NAME_TAKEN\|peserta 1 2$/);
  });

  it("answers every bad message with its reason and keeps the phone connected", async () => {
    const p = players[1]!.room;
    const r = refusals(p);
    p.send("no-such-message", {});
    expect((await r.next()).reason).toBe("BAD_MESSAGE");
    p.send("submit", { option: 7, diagnosis: "volatility", commit: true });
    expect((await r.next()).reason).toBe("BAD_MESSAGE");
    p.send("submit", { prime: "vision", commit: true });
    expect((await r.next()).reason).toBe("BAD_MESSAGE"); // a Prime is never sent: the option's place is
    p.send("submit", { option: 0, diagnosis: "telepathy", commit: true });
    expect((await r.next()).reason).toBe("BAD_MESSAGE");
    p.send("submit", { option: 0, diagnosis: "volatility", commit: true, extra: "x".repeat(5000) });
    expect((await r.next()).reason).toBe("TOO_LARGE");
    p.send("submit", { option: 0, diagnosis: "volatility", commit: true });
    expect((await r.next()).reason).toBe("WRONG_PHASE"); // still in the lobby
    p.send("host", { action: "start" });
    expect((await r.next()).reason).toBe("NOT_HOST");
    p.send("lock", {});
    const lock = await r.next();
    expect(["NOT_CAPTAIN", "WRONG_PHASE"]).toContain(lock.reason);
    expect(host.state.phase).toBe("lobby");
    // still connected: a valid team change goes through
    p.send("team", { team: 2 });
    await until(host, (s) => [...team(host, 2).members].some((m) => m.id === players[1]!.id), "team change");
    p.send("team", { team: 1 });
    await until(host, () => [...team(host, 1).members].some((m) => m.id === players[1]!.id), "team change back");
  });

  it("keeps a team's votes from other teams and the board until the reveal", async () => {
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding", "deciding");

    // team 0: two for vision, two for clarity; the captain (player 0) votes clarity → tie broken by the captain
    const t0 = players.filter((p) => p.team === 0);
    const choices: Prime[] = ["clarity", "vision", "vision", "clarity"];
    for (const [i, p] of t0.entries()) submitPrime(p.room, choices[i]!, i < 2);
    await until(host, () => team(host, 0).locked, "team 0 all-sent lock");

    const other = players.find((p) => p.team === 1)!.room;
    const mine = t0[1]!.room;
    await until(mine, () => votesOf(team(mine, 0)) === 4, "own team sees its votes");
    await until(other, () => team(other, 0).sent === 4, "other team sees the count");
    expect(votesOf(team(other, 0))).toBe(0);
    expect(team(other, 0).reason ?? "").toBe("");
    expect(votesOf(team(board, 0))).toBe(0);
    expect(votesOf(team(host, 0))).toBe(4);
  });

  it("locks by the captain, and reveals when every team has locked", async () => {
    // player 1 left team 1 and came back, so the captaincy passed on in join order
    const captainId = team(host, 1).captain;
    const t1 = players.filter((p) => p.team === 1).sort((a, b) => Number(b.id === captainId) - Number(a.id === captainId));
    expect(t1[0]!.id).toBe(captainId);
    expect(captainId).not.toBe(players[1]!.id);
    t1[0]!.room.send("reason", { text: "Data dulu, baru bertindak." });
    submitPrime(t1[0]!.room, "understanding", true);
    submitPrime(t1[1]!.room, "understanding", false);
    await until(host, () => team(host, 1).sent === 2, "team 1 sent 2");
    // not the captain
    const r = refusals(t1[1]!.room);
    t1[1]!.room.send("lock", {});
    expect((await r.next()).reason).toBe("NOT_CAPTAIN");
    t1[0]!.room.send("lock", {});
    await until(host, () => team(host, 1).locked && lockCauseOf(team(host, 1)) === "captain", "captain lock");

    const t2 = players.filter((p) => p.team === 2);
    for (const p of t2) submitPrime(p.room, "agility", true);
    await until(board, (s) => s.phase === "reveal", "reveal");
    const reveal = texts(board).reveal(board.state)!;
    expect(reveal.results).toHaveLength(3);
    expect(reveal.results[0]!.choice).toBe("clarity"); // the captain broke the tie
    expect(reveal.results[1]!.reason).toBe("Data dulu, baru bertindak.");
    expect(reveal.results[1]!.lockedBy).toBe("captain");
    expect(reveal.card.options).toHaveLength(4);
    for (const res of reveal.results) {
      const option = reveal.card.options.find((o) => o.prime === res.choice)!;
      expect(res.responsePoints).toBe(option.points);
      expect(res.points).toBe(res.responsePoints + res.collabPoints + res.diagnosisPoints);
      expect(team(board, res.team).score).toBe(res.points);
    }
  });

  it("takes a late joiner into the smallest team mid-game", async () => {
    const late: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Datang Telat", device: newDevice() });
    const welcome = await new Promise<{ playerId: string }>((resolve) => late.onMessage("welcome", resolve));
    await until(host, (s) => [...s.teams].some((t) => [...t.members].some((m) => m.id === welcome.playerId)), "late joiner seated");
    const t = [...host.state.teams].find((t) => [...t.members].some((m) => m.id === welcome.playerId))!;
    players.push({ room: late, name: "Datang Telat", team: t.index, id: welcome.playerId });
    expect(t.members.length).toBe(5);
  });

  it("plays every remaining card to the final ranking", async () => {
    const total = host.state.roundCount;
    const points = new Map<number, number>();
    const addPoints = () => {
      const reveal = texts(host).reveal(host.state)!;
      for (const res of reveal.results) points.set(res.team, (points.get(res.team) ?? 0) + res.points);
    };
    addPoints();
    for (let round = 1; round < total; round++) {
      host.send("host", { action: "next" }); // → scoreboard
      await until(host, (s) => s.phase === "scoreboard", `scoreboard ${round}`);
      host.send("host", { action: "next" }); // → briefing of the next card
      await until(host, (s) => s.phase === "briefing" && s.round === round, `briefing ${round}`);
      host.send("host", { action: "next" });
      await until(host, (s) => s.phase === "deciding", `deciding ${round}`);
      const primes: Prime[] = ["vision", "understanding", "clarity", "agility"];
      players.forEach((p, i) => submitPrime(p.room, primes[(i + round) % 4]!, i % 2 === 0));
      await until(host, (s) => s.phase === "reveal", `reveal ${round}`);
      addPoints();
    }
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "scoreboard", "last scoreboard");
    host.send("host", { action: "next" });
    await until(board, (s) => s.phase === "final" && texts(board).summary(s) !== null, "final");
    const summary = texts(board).summary(board.state)!;
    expect(summary.ranking).toHaveLength(3);
    for (const entry of summary.ranking) expect(entry.score).toBe(points.get(entry.team) ?? 0);
    const scores = summary.ranking.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(summary.hardestEvents.length).toBe(total);
  });
});

describe("the room clock", () => {
  it("locks unlocked teams when time runs out, and a pause stops the clock", async () => {
    const { code, hostKey } = await game.createRoom({ packId: PACK, teamCount: 2, roundSeconds: 2 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const a: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Ani", team: 0, device: newDevice() });
    const b: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Budi", team: 0, device: newDevice() });
    const c: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Cici", team: 1, device: newDevice() });
    await until(host, (s) => s.teams[0]!.members.length === 2 && s.teams[1]!.members.length === 1, "seated");
    host.send("host", { action: "start" });
    host.send("host", { action: "next" });
    await until(host, (s) => s.phase === "deciding", "deciding");
    host.send("host", { action: "pause" });
    await until(host, (s) => s.paused, "paused");
    const r = refusals(a);
    submitPrime(a, "vision", true);
    expect((await r.next()).reason).toBe("PAUSED");
    await new Promise((res) => setTimeout(res, 2500)); // longer than the whole round
    expect(host.state.phase).toBe("deciding");
    host.send("host", { action: "resume" });
    await until(host, (s) => !s.paused, "resumed");
    submitPrime(a, "vision", true);
    await until(host, (s) => s.teams[0]!.sent === 1, "one sent");
    await until(host, (s) => s.phase === "reveal", "timeout reveal", 6000);
    const reveal = texts(host).reveal(host.state)!;
    expect(reveal.results[0]!.lockedBy).toBe("timeout");
    expect(reveal.results[0]!.choice).toBe("vision");
    expect(reveal.results[1]!.choice).toBeNull();
    void b;
    void c;
  });
});
