// [RF] The closing reflection over real sockets: each phone writes its own
// chain as it is typed, a reload mid-reflection gets every typed field back,
// nobody can read or write someone else's chain, the board's wall carries no
// names or seat ids, and the trainer closes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, refusals, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import type { ReflectionMessage, WallMessage } from "../../shared/protocol/messages.js";
import { entryOf } from "../../shared/rules/reflection.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame();
});
afterAll(async () => {
  await game?.close();
});

/** The `reflection` messages a phone receives, from the join on. */
function inbox<T>(room: GameClientRoom, type: string) {
  const seen: T[] = [];
  room.onMessage(type, (m: T) => seen.push(m));
  return {
    seen,
    async next(test: (m: T) => boolean, label: string, ms = 5000): Promise<T> {
      const start = Date.now();
      for (;;) {
        const m = [...seen].reverse().find(test);
        if (m) return m;
        if (Date.now() - start > ms) throw new Error(`no ${label}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

async function waitFor(test: () => boolean, label: string, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const CHAIN = {
  issue: "Antrean layanan administrasi kependudukan di kelurahan kami sering panjang",
  condition: "complexity",
  prime: "understanding",
  partners: ["government", "community"],
  behaviour: "berorientasi-pelayanan-1",
  activity: "Menyusun jadwal layanan jemput bola bersama ketua RW",
} as const;

describe("[RF] the reflection over real sockets", () => {
  let code = "";
  let host: GameClientRoom;
  let board: GameClientRoom;
  let boardWalls: ReturnType<typeof inbox<WallMessage>>;
  const boardAll: [unknown, unknown][] = [];
  const deviceA = newDevice();
  let a: GameClientRoom;
  let b: GameClientRoom;
  let aId = "";
  let bId = "";

  beforeAll(async () => {
    const created = await game.createRoom({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 600 });
    code = created.code;
    host = await game.client().joinById(code, { kind: "host", hostKey: created.hostKey });
    board = await game.client().joinById(code, { kind: "board" });
    boardWalls = inbox<WallMessage>(board, "wall");
    board.onMessage("*", (type: unknown, m: unknown) => boardAll.push([type, m]));
    a = await game.client().joinById(code, { kind: "player", name: "Siti Aminah", team: 0, device: deviceA });
    b = await game.client().joinById(code, { kind: "player", name: "Budi Santoso", team: 1, device: newDevice() });
    await until(host, (s) => s.teams[0]!.members.length === 1 && s.teams[1]!.members.length === 1, "two players");
    aId = host.state.teams[0]!.members[0]!.id;
    bId = host.state.teams[1]!.members[0]!.id;
  }, 30_000);

  it("is refused before the final", async () => {
    const r = refusals(a);
    a.send("reflect", { issue: "terlalu awal" });
    expect((await r.next()).reason).toBe("WRONG_PHASE");
  });

  it("keeps every field typed, and gives it back after a reload mid-reflection", async () => {
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "end" });
    await until(a, (s) => s.phase === "final", "final");
    // typed as the phone sends it: each field on its own, the issue in pieces
    a.send("reflect", { issue: CHAIN.issue.slice(0, 20) });
    a.send("reflect", { issue: CHAIN.issue });
    a.send("reflect", { condition: CHAIN.condition });
    a.send("reflect", { prime: CHAIN.prime });
    a.send("reflect", { partners: [...CHAIN.partners] });
    a.send("reflect", { behaviour: CHAIN.behaviour });
    a.send("reflect", { activity: CHAIN.activity });
    await waitFor(() => entryOf(game.room(code).game, aId).activity === CHAIN.activity, "the activity on the server");
    // the page reloads: the socket closes, the same device joins again
    await a.leave(true);
    a = await game.client().joinById(code, { kind: "player", name: "Siti Aminah", device: deviceA });
    const back = await inbox<ReflectionMessage>(a, "reflection").next(() => true, "reflection after the reload");
    expect(back.closed).toBe(false);
    expect(back.entry).toMatchObject({ ...CHAIN, partners: ["government", "community"], done: false });
  });

  it("never lets another player read or write someone's chain", async () => {
    const bInbox = inbox<ReflectionMessage>(b, "reflection");
    const r = refusals(b);
    // no field names a seat: a payload naming one is not a reflect message
    b.send("reflect", { playerId: aId, issue: "bukan milik saya" });
    expect((await r.next()).reason).toBe("BAD_MESSAGE");
    b.send("reflect", { issue: "Arsip surat masuk menumpuk" });
    await waitFor(() => entryOf(game.room(code).game, bId).issue !== "", "B's own issue");
    expect(entryOf(game.room(code).game, aId).issue).toBe(CHAIN.issue);
    // what B was ever sent is B's own chain only
    for (const m of bInbox.seen) expect(JSON.stringify(m)).not.toContain("Antrean");
  });

  it("refuses a text over 280 characters with a reason, and keeps what was there", async () => {
    const r = refusals(a);
    a.send("reflect", { activity: "x".repeat(281) });
    expect((await r.next()).reason).toBe("TEXT_TOO_LONG");
    expect(entryOf(game.room(code).game, aId).activity).toBe(CHAIN.activity);
  });

  it("puts a sent chain on the board's wall without names or seat ids; the trainer can hide it", async () => {
    a.send("reflect", { done: true });
    const wall = await boardWalls.next((w) => w.activities.includes(CHAIN.activity), "the activity on the wall");
    expect(wall.conditions.complexity).toBe(1);
    expect(wall.behaviours[CHAIN.behaviour]).toBe(1);
    expect(wall.cards).toBeUndefined();
    host.send("host", { action: "hideActivity", playerId: aId, hidden: true });
    await boardWalls.next((w) => w.activities.length === 0 && w.conditions.complexity === 1, "the activity hidden");
    const everything = JSON.stringify(boardAll.filter(([type]) => type === "wall" || type === "reflection"));
    for (const secret of ["Siti", "Budi", aId, bId, "Arsip"]) expect(everything).not.toContain(secret);
    expect(boardAll.some(([type]) => type === "reflection")).toBe(false);
  });

  it("refuses every edit once the trainer closes it, and tells the phones", async () => {
    const aInbox = inbox<ReflectionMessage>(a, "reflection");
    host.send("host", { action: "closeReflection" });
    await aInbox.next((m) => m.closed, "closed");
    const r = refusals(a);
    a.send("reflect", { issue: "diubah setelah ditutup" });
    expect((await r.next()).reason).toBe("REFLECTION_CLOSED");
    expect(entryOf(game.room(code).game, aId).issue).toBe(CHAIN.issue);
  });
});

describe("[RF] a class of 36", () => {
  it("fills the reflection at the end of a game: every chain kept, the wall counts them all", async () => {
    const created = await game.createRoom({ packId: "banjir-bandang", teamCount: 6, roundSeconds: 600 });
    const code = created.code;
    const host = await game.client().joinById(code, { kind: "host", hostKey: created.hostKey });
    const hostWalls = inbox<WallMessage>(host, "wall");
    const phones: GameClientRoom[] = [];
    for (let i = 0; i < 36; i++) phones.push(await game.client().joinById(code, { kind: "player", name: `Peserta ${i + 1}`, team: i % 6, device: newDevice() }));
    await until(host, (s) => [...s.teams].reduce((n, t) => n + t.members.length, 0) === 36, "36 players");
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "end" });
    await until(host, (s) => s.phase === "final", "final");
    const conditions = ["volatility", "uncertainty", "complexity", "ambiguity"] as const;
    phones.forEach((p, i) => {
      p.send("reflect", { issue: `Isu unit kerja nomor ${i + 1}` });
      p.send("reflect", { condition: conditions[i % 4], prime: "agility", partners: ["community"] });
      p.send("reflect", { behaviour: "adaptif-3", activity: `Kegiatan nyata nomor ${i + 1}` });
      p.send("reflect", { done: true });
    });
    const wall = await hostWalls.next((w) => w.filled === 36 && w.activities.length === 36, "36 chains on the wall", 15_000);
    expect(wall.total).toBe(36);
    expect(wall.conditions).toEqual({ volatility: 9, uncertainty: 9, complexity: 9, ambiguity: 9 });
    expect(wall.behaviours).toEqual({ "adaptif-3": 36 });
    const g = game.room(code).game;
    for (const [i, t] of host.state.teams.entries()) {
      for (const m of t.members) {
        const n = Number(m.name.replace("Peserta ", ""));
        expect(entryOf(g, m.id)).toMatchObject({ issue: `Isu unit kerja nomor ${n}`, activity: `Kegiatan nyata nomor ${n}`, done: true });
        expect((n - 1) % 6).toBe(i);
      }
    }
    for (const p of phones) await p.leave(true);
  }, 60_000);
});
