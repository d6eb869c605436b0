// Kill at random: what any screen has shown survives `kill -9`.
//
// A real server process (the code `npm start` runs, on SQLite and on
// PostgreSQL) plays a game with real clients — the console and six phones in
// three teams — while every client records what it is shown: the phase and
// round, each team's lock and score, and a phone's own vote once its team's
// view carries it ("Terkirim"). At a seeded random moment — a few
// milliseconds after something new was shown, the reveal above all — the
// server is killed with SIGKILL, started again on the same store, and the
// trainer resumes the session. What comes back is compared with what was shown:
// never an earlier phase, no lock undone, no acknowledged vote missing, the
// scores of a reveal intact. The phones then rejoin by device and play on.
//
// CHAOS_KILLS (per store, default 6) and CHAOS_SEED choose the run; `npm run
// chaos` runs 25 kills per store (50 in all). See README "Kill at random".
import { randomSource } from "../../shared/rules/random.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pgQuery, pgUrlWithSchema, requirePostgres } from "../helpers/services.js";
import { killHard, startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { freePort, newDevice, testClient, until, type GameClientRoom } from "../helpers/game-server.js";
import { voteOf } from "../../shared/protocol/state-view.js";
import type { Phase } from "../../shared/rules/types.js";

const PACK = "banjir-bandang";
const KILLS = Math.max(1, Number(process.env.CHAOS_KILLS ?? 6));
const SEED = Number(process.env.CHAOS_SEED ?? 19);
const PRIMES = ["vision", "understanding", "clarity", "agility"] as const;
const TEAMS = 3;
const PHONES = 6;

const PG_SCHEMA = `arena_chaos_test_${process.pid}`;
const PG_SERVER_URL = pgUrlWithSchema(PG_SCHEMA);

const pgUp = await requirePostgres();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PHASE_ORDER: Record<Phase, number> = { lobby: 0, briefing: 1, deciding: 2, reveal: 3, scoreboard: 4, final: 9 };
/** How far a game is: later phases and rounds are larger. */
const progressOf = (phase: Phase, round: number) => (phase === "final" ? 1e9 : Math.max(0, round) * 10 + PHASE_ORDER[phase]);

/** Everything any client of one session was shown. */
interface Shown {
  progress: number;
  phase: Phase;
  round: number;
  /** Scores the console showed at `progress`. */
  scores: number[] | null;
  /** "round:team" of every lock any client showed. */
  locks: Set<string>;
  /** playerId → the vote the phone showed as its own, with the round. */
  votes: Map<string, { round: number; option: number }>;
}

interface Phone {
  name: string;
  team: number;
  device: string;
  id: string;
  room: GameClientRoom | null;
  /** The option it sent this round (and the round), until its view shows it. */
  sent: { round: number; option: number } | null;
}

const dataDir = mkdtempSync(join(tmpdir(), "arena-chaos-"));
let running: ServerProcess | null = null;
afterAll(async () => {
  if (running) await killHard(running);
  rmSync(dataDir, { recursive: true, force: true });
  if (pgUp) await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade`);
});

const backends: { name: string; env: Record<string, string> }[] = [{ name: "sqlite", env: { DATA_DIR: dataDir } }];
if (pgUp) {
  await pgQuery(`drop schema if exists "${PG_SCHEMA}" cascade; create schema "${PG_SCHEMA}"`);
  backends.push({ name: "postgres", env: { DATABASE_URL: PG_SERVER_URL } });
}

describe.each(backends)("kill -9 at random moments ($name)", (backend) => {
  it(`loses nothing any client was shown over ${KILLS} kills (seed ${SEED})`, { timeout: 120_000 + KILLS * 20_000 }, async () => {
    const random = randomSource(SEED + (backend.name === "postgres" ? 1000 : 0));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    running = await startServerProcess(port, backend.env);

    let code = "";
    let hostKey = "";
    let phones: Phone[] = [];
    let host: GameClientRoom | null = null;
    let shown: Shown;
    /** Counts what was newly shown (phases and acknowledged votes): the kill waits for the n-th. */
    let events = 0;
    const lines: string[] = [];
    /** What was compared after the kills: locks and votes shown, reveals or scoreboards whose scores came back. */
    const checked = { locks: 0, votes: 0, scores: 0, phases: 0 };

    const watch = (room: GameClientRoom, phone: Phone | null) => {
      room.onStateChange((s) => {
        try {
          const progress = progressOf(s.phase, s.round);
          if (progress > shown.progress) {
            shown.progress = progress;
            shown.phase = s.phase;
            shown.round = s.round;
            shown.scores = null;
            events++;
          }
          if (!phone && progress === shown.progress) shown.scores = [...s.teams].map((t) => t.score);
          [...s.teams].forEach((t, i) => {
            if (t.locked && s.phase === "deciding") shown.locks.add(`${s.round}:${i}`);
          });
          if (phone?.sent && s.phase === "deciding" && s.round === phone.sent.round) {
            const vote = voteOf(s.teams[phone.team]!, phone.id);
            if (vote && vote.option === phone.sent.option) {
              if (shown.votes.get(phone.id)?.round !== s.round) events++;
              shown.votes.set(phone.id, { ...phone.sent });
            }
          }
        } catch {
          // a state still being decoded: the next change tells
        }
      });
    };

    const newSession = async () => {
      const created = await fetch(`${url}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ packId: PACK, teamCount: TEAMS, roundSeconds: 300 }),
      });
      expect(created.status).toBe(201);
      ({ code, hostKey } = (await created.json()) as { code: string; hostKey: string });
      shown = { progress: 0, phase: "lobby", round: -1, scores: null, locks: new Set(), votes: new Map() };
      host = await testClient(url).joinById(code, { kind: "host", hostKey });
      watch(host, null);
      phones = [];
      for (let i = 0; i < PHONES; i++) {
        const phone: Phone = { name: `Peserta ${i + 1}`, team: i % TEAMS, device: newDevice(), id: "", room: null, sent: null };
        const room: GameClientRoom = await testClient(url).joinById(code, { kind: "player", name: phone.name, team: phone.team, device: phone.device });
        phone.id = (await new Promise<{ playerId: string }>((r) => room.onMessage("welcome", r))).playerId;
        phone.room = room;
        watch(room, phone);
        phones.push(phone);
      }
      await until(host, (s) => [...s.teams].every((t) => t.members.length === PHONES / TEAMS), "everyone seated", 15_000);
    };

    /** Plays on: the console moves the game forward, phones vote, with short seeded pauses. */
    let playing = false;
    const play = async () => {
      while (playing) {
        const h = host;
        if (!h?.state) {
          await sleep(5);
          continue;
        }
        const s = h.state;
        try {
          if (s.phase === "final") return;
          if (s.phase === "deciding") {
            if (s.paused) h.send("host", { action: "resume" });
            else {
              const phone = phones.find((p) => p.room && (!p.sent || p.sent.round !== s.round) && !s.teams[p.team]?.locked);
              if (phone) {
                const option = Math.floor(random() * PRIMES.length);
                phone.sent = { round: s.round, option };
                phone.room!.send("submit", { option, diagnosis: "uncertainty", commit: true });
              }
            }
          } else {
            h.send("host", { action: s.phase === "lobby" ? "start" : "next" });
          }
        } catch {
          // a socket closed under us (the kill): the loop stops below
        }
        const before = events;
        const wait = Date.now() + 1000;
        // the next move once the last one was shown (or a short while)
        while (playing && events === before && Date.now() < wait && h.state.phase === s.phase && h.state.paused === s.paused) await sleep(2);
        await sleep(Math.floor(random() * 15));
      }
    };

    await newSession();
    for (let kill = 1; kill <= KILLS; kill++) {
      // kill a few milliseconds after the n-th newly shown thing of this cycle
      const target = events + 1 + Math.floor(random() * 6);
      const delay = Math.floor(random() * 12);
      playing = true;
      const game = play();
      const deadline = Date.now() + 20_000;
      while (events < target && Date.now() < deadline && shown!.phase !== "final") await sleep(1);
      await sleep(delay);
      await killHard(running);
      running = null;
      playing = false;
      await game;
      for (const p of phones) p.room?.removeAllListeners();
      host?.removeAllListeners();
      const before: Shown = { ...shown!, locks: new Set(shown!.locks), votes: new Map(shown!.votes) };

      running = await startServerProcess(port, backend.env);
      const resumed = await fetch(`${url}/api/sessions/${code}/resume`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: hostKey }),
      });
      const answer = (await resumed.json()) as { resumed?: boolean; reason?: string };
      if (before.phase === "final" && !answer.resumed) {
        // the session had ended and was saved as ended: nothing to resume; a new session goes on
        lines.push(`kill ${kill}: after the final`);
        await newSession();
        continue;
      }
      expect(answer, `kill ${kill}: resume\n${running.output.join("")}`).toMatchObject({ resumed: true });
      host = await testClient(url).joinById(code, { kind: "host", hostKey });
      await until(host, (s) => s.teams.length === TEAMS, "the resumed room", 15_000);
      const s = host.state;
      const back = progressOf(s.phase, s.round);
      const where = `kill ${kill} (shown ${before.phase} r${before.round}, back ${s.phase} r${s.round})`;
      lines.push(where);
      // never an earlier phase than shown
      expect(back, where).toBeGreaterThanOrEqual(before.progress);
      checked.phases++;
      if (s.phase === "deciding") {
        // no lock undone, no acknowledged vote missing
        for (let t = 0; t < TEAMS; t++) {
          if (!before.locks.has(`${s.round}:${t}`)) continue;
          expect(s.teams[t]!.locked, `${where}: team ${t} lock`).toBe(true);
          checked.locks++;
        }
        for (const p of phones) {
          const vote = before.votes.get(p.id);
          if (vote?.round !== s.round) continue;
          expect(voteOf(s.teams[p.team]!, p.id)?.option, `${where}: ${p.name}'s vote`).toBe(vote.option);
          checked.votes++;
        }
      }
      // the scores of a reveal or scoreboard shown are the ones that came back
      if (back === before.progress && before.scores && (s.phase === "reveal" || s.phase === "scoreboard")) {
        expect([...s.teams].map((t) => t.score), `${where}: scores`).toEqual(before.scores);
        checked.scores++;
      }

      // play on: the record goes on from what came back; phones rejoin by device
      shown = { ...before, progress: back, phase: s.phase, round: s.round, scores: [...s.teams].map((t) => t.score) };
      watch(host, null);
      for (const p of phones) {
        const room: GameClientRoom = await testClient(url).joinById(code, { kind: "player", name: p.name, device: p.device });
        const welcome = await new Promise<{ playerId: string; rejoined: boolean }>((r) => room.onMessage("welcome", r));
        expect(welcome, `${where}: ${p.name} back in seat`).toEqual({ playerId: p.id, rejoined: true });
        p.room = room;
        // a vote that was not shown may be gone: the phone sends again
        if (p.sent && !(before.votes.get(p.id)?.round === p.sent.round)) p.sent = null;
        watch(room, p);
      }
      if (s.phase === "final") await newSession();
    }
    console.log(`chaos ${backend.name}: ${KILLS} kills, seed ${SEED}; compared ${checked.phases} phases, ${checked.locks} locks, ${checked.votes} votes, ${checked.scores} reveal scores — 0 lost\n  ${lines.join("\n  ")}`);
    playing = false;
    if (running) await killHard(running);
    running = null;
  });
});
