// A seeded fuzz test: ≥ 10,000 random, malformed, oversized, out-of-phase and
// wrong-permission messages across every phase, over real sockets. Every one
// must be answered with a reason, leave the game state untouched and keep its
// sender connected; then the game finishes normally.
// Replay a failure with FUZZ_SEED=<seed printed below> npx vitest run test/room/fuzz.test.ts
import { randomSource } from "../../shared/rules/random.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, texts, until, type GameClientRoom, type TestGame, submitPrime } from "../helpers/game-server.js";
import type { RefusalMessage } from "../../shared/protocol/messages.js";
import type { Phase } from "../../shared/rules/types.js";
import { REASONS } from "../../shared/reasons.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const TOTAL = Number(process.env.FUZZ_MESSAGES ?? 10_000);

interface Sender {
  label: string;
  kind: "host" | "player" | "captain" | "board" | "observer";
  room: GameClientRoom;
  queue: RefusalMessage[];
  waiters: ((m: RefusalMessage) => void)[];
  left: boolean;
}

function attach(label: string, kind: Sender["kind"], room: GameClientRoom): Sender {
  const s: Sender = { label, kind, room, queue: [], waiters: [], left: false };
  room.onMessage("refused", (m: RefusalMessage) => {
    const w = s.waiters.shift();
    if (w) w(m);
    else s.queue.push(m);
  });
  room.onLeave(() => (s.left = true));
  return s;
}

function nextRefusal(s: Sender): Promise<RefusalMessage> {
  const m = s.queue.shift();
  if (m) return Promise.resolve(m);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${s.label}: no answer from the room`)), 5000);
    s.waiters.push((msg) => {
      clearTimeout(t);
      resolve(msg);
    });
  });
}

type Msg = { type: string; payload: unknown; category: string };

/** Messages that must be refused in `phase` when sent by `kind`. */
function generate(rand: () => number, phase: Phase, kind: Sender["kind"]): Msg {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const junk = (): unknown =>
    pick([
      "hello",
      42,
      -1.5,
      true,
      [1, 2, 3],
      { foo: "bar" },
      { prime: 7, commit: "yes" },
      { prime: "vision" },
      { prime: "VISION", commit: true },
      { text: 12 },
      { team: "dua" },
      { team: 3.5 },
      { team: -1 },
      { action: "explode" },
      { action: "addTime", seconds: "lots" },
      { action: "movePlayer", playerId: 5, team: 1 },
      { nested: { deep: [{ deeper: null }] } },
    ]);
  const category = pick(["unknown", "malformed", "oversized", "phase", "permission"] as const);
  switch (category) {
    case "unknown":
      return { type: pick(["hack", "submitt", "HOST", "vote", "__proto__x", "admin", "9"]) + Math.floor(rand() * 100), payload: junk(), category };
    case "malformed": {
      const type = pick(["submit", "reason", "lock", "team", "host"]);
      let payload = junk();
      if (type === "lock" || (type === "reason" && typeof payload === "object" && payload !== null && "text" in payload === false)) {
        payload = { ...(typeof payload === "object" && payload !== null && !Array.isArray(payload) ? payload : {}), junk: 1 };
      }
      return { type, payload, category };
    }
    case "oversized":
      return {
        type: pick(["submit", "reason", "host", "team", "lock"]),
        payload: { text: "x".repeat(2100 + Math.floor(rand() * 8000)), option: 0, diagnosis: "volatility", commit: true },
        category,
      };
    case "phase":
    case "permission": {
      const playerMsgs: Msg[] = [];
      const hostMsgs: Msg[] = [];
      const P = (type: string, payload: unknown) => playerMsgs.push({ type, payload, category });
      const H = (payload: Record<string, unknown>) => hostMsgs.push({ type: "host", payload, category });
      // out of phase for everyone who may send them
      if (phase !== "deciding") {
        P("submit", { option: Math.floor(rand() * 4), diagnosis: pick(["volatility", "uncertainty", "complexity", "ambiguity"]), commit: rand() < 0.5 });
        P("lock", {});
        H({ action: "pause" });
        H({ action: "addTime", seconds: 30 });
        H({ action: "reveal" });
      }
      if (phase !== "lobby") {
        P("team", { team: Math.floor(rand() * 3) });
        H({ action: "start" });
      }
      H({ action: "resume" }); // never paused in this test
      if (phase === "final") {
        H({ action: "next" });
        H({ action: "end" });
        H({ action: "skip" });
      }
      H({ action: "passCaptain", playerId: "nobody" });
      H({ action: "movePlayer", playerId: "nobody", team: 1 });
      H({ action: "renamePlayer", playerId: "nobody", name: "X" });
      if (kind === "player") {
        // a non-captain may not lock or give the team's reason
        P("lock", {});
        P("reason", { text: "bukan kapten" });
      }
      // wrong permission: host actions from non-hosts, player actions from non-players
      const everyHost = [{ action: "start" }, { action: "next" }, { action: "end" }, { action: "skip" }, { action: "lockRoom", locked: true }];
      if (kind !== "host") for (const p of everyHost) hostMsgs.push({ type: "host", payload: p, category: "permission" });
      if (kind === "host" || kind === "board" || kind === "observer") {
        playerMsgs.push({ type: "submit", payload: { option: 0, diagnosis: "volatility", commit: true }, category: "permission" });
        playerMsgs.push({ type: "team", payload: { team: 1 }, category: "permission" });
      }
      const mine = kind === "host" ? [...hostMsgs, ...playerMsgs.filter((m) => m.category === "permission")] : kind === "captain" ? playerMsgs.filter((m) => !(m.type === "reason" && phase !== "final" && phase !== "lobby")) : [...playerMsgs, ...hostMsgs];
      return mine.length ? pick(mine) : { type: "nope", payload: 1, category: "unknown" };
    }
  }
}

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RATE_PER_SECOND: "1000000" });
});
afterAll(async () => {
  await game?.close();
});

describe(`fuzz (seed ${SEED}, ${TOTAL} messages)`, () => {
  it("answers every bad message with a reason, changes nothing, and the game still finishes", async () => {
    console.log(`fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const rand = randomSource(SEED);
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 3, roundSeconds: 600 });
    const host = attach("host", "host", await game.client().joinById(code, { kind: "host", hostKey }));
    const senders: Sender[] = [host];
    senders.push(attach("board", "board", await game.client().joinById(code, { kind: "board" })));
    senders.push(attach("observer", "observer", await game.client().joinById(code, { kind: "observer" })));
    for (let i = 0; i < 6; i++) {
      const room: GameClientRoom = await game.client().joinById(code, { kind: "player", name: `Fuzz ${i}`, team: i % 3, device: newDevice() });
      senders.push(attach(`player ${i}`, i < 3 ? "captain" : "player", room));
    }
    await until(host.room, (s) => [...s.teams].every((t) => t.members.length === 2), "seated");
    const room = game.room(code);

    const phases: { phase: Phase; share: number; enter: () => Promise<void> }[] = [
      { phase: "lobby", share: 0.2, enter: async () => {} },
      { phase: "briefing", share: 0.15, enter: async () => void host.room.send("host", { action: "start" }) },
      { phase: "deciding", share: 0.25, enter: async () => void host.room.send("host", { action: "next" }) },
      { phase: "reveal", share: 0.15, enter: async () => void host.room.send("host", { action: "reveal" }) },
      { phase: "scoreboard", share: 0.1, enter: async () => void host.room.send("host", { action: "next" }) },
      { phase: "final", share: 0.15, enter: async () => void host.room.send("host", { action: "end" }) },
    ];
    let sent = 0;
    const byCategory: Record<string, number> = {};
    const reasons = new Set<string>();
    for (const step of phases) {
      await step.enter();
      await until(host.room, (s) => s.phase === step.phase, step.phase);
      const n = Math.round(TOTAL * step.share);
      for (let i = 0; i < n; i++) {
        const sender = senders[Math.floor(rand() * senders.length)]!;
        const msg = generate(rand, step.phase, sender.kind);
        const before = room.game;
        sender.room.send(msg.type, msg.payload);
        sender.room.send("__probe", 0);
        const answer = await nextRefusal(sender);
        const context = `seed ${SEED}, message #${sent} ${JSON.stringify(msg).slice(0, 160)} from ${sender.label} in ${step.phase}`;
        expect(answer.type, `no reason for ${context}`).not.toBe("__probe");
        expect(REASONS, context).toContain(answer.reason);
        const probe = await nextRefusal(sender);
        expect(probe.type, context).toBe("__probe");
        expect(room.game, `state changed by a refused message: ${context}`).toBe(before);
        byCategory[msg.category] = (byCategory[msg.category] ?? 0) + 1;
        reasons.add(answer.reason);
        sent++;
      }
    }
    console.log(`fuzz: ${sent} messages refused`, byCategory, [...reasons].sort().join(" "));
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    expect(senders.filter((s) => s.left).map((s) => s.label)).toEqual([]);
    expect(room.game.phase).toBe("final");
  }, 300_000);

  it("a refused storm does not stop a fresh game from being played to the end", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 600 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const a: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Ani", team: 0, device: newDevice() });
    const b: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Budi", team: 1, device: newDevice() });
    for (let i = 0; i < 200; i++) a.send("host", { action: "end" });
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    const total = host.state.roundCount;
    for (let r = 0; r < total; r++) {
      host.send("host", { action: "next" });
      await until(host, (s) => s.phase === "deciding" && s.round === r, `deciding ${r}`);
      submitPrime(a, "vision", true);
      submitPrime(b, "clarity", false);
      await until(host, (s) => s.phase === "reveal", `reveal ${r}`);
      host.send("host", { action: "next" });
      await until(host, (s) => s.phase === "scoreboard", `scoreboard ${r}`);
      host.send("host", { action: "next" });
      await until(host, (s) => s.phase === (r === total - 1 ? "final" : "briefing"), `after ${r}`);
    }
    expect(host.state.phase).toBe("final");
    expect(texts(host).summary(host.state)?.ranking).toHaveLength(2);
  }, 120_000);
});
