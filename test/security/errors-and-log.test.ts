// Finding 8 of the security review: Express' default error pages sent stack
// traces and install paths (malformed JSON → 400, JSON over 8 KB → 413), any
// client could fill the log with stack traces (bad frames, deep nesting), and
// nothing was logged for refusals, throttles or created sessions. Now every
// HTTP error is a JSON {reason}, the log is one JSON line per event (pino),
// refusals are counted per reason and written once a minute, and repeated
// errors are summarised.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { flushCounts, onLog } from "../../server/log.js";
import { ROOT_DIR } from "../../server/config.js";

let game: TestGame;
let events: { event: string; fields: Record<string, unknown> }[] = [];
let stop: () => void;
beforeAll(async () => {
  game = await startTestGame();
  stop = onLog((event, fields) => events.push({ event, fields }));
});
afterAll(async () => {
  stop?.();
  await game?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const STACK = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+/;

function noStack(text: string) {
  expect(text).not.toMatch(STACK);
  expect(text).not.toContain(ROOT_DIR);
}

describe("HTTP errors", () => {
  it("are a JSON {reason}, never a stack or an install path", async () => {
    const cases: [string, RequestInit, number, string][] = [
      ["/api/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }, 400, "BAD_MESSAGE"],
      ["/api/sessions/lookup", { method: "POST", headers: { "content-type": "application/json" }, body: '{"sessions": [' }, 400, "BAD_MESSAGE"],
      ["/api/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ x: "y".repeat(9000) }) }, 413, "TOO_LARGE"],
      ["/api/no-such-route", {}, 404, "NOT_FOUND"],
      ["/api/sessions/ABCDE/report", { method: "PUT" }, 404, "NOT_FOUND"],
      ["/api/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: "[]" }, 400, "INVALID_SETTINGS"],
      ["/api/sessions/%E0%A4%A/report?key=x", {}, 404, "NOT_FOUND"],
    ];
    for (const [path, init, status, reason] of cases) {
      const res = await fetch(`${game.url}${path}`, init);
      const body = await res.text();
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-type"), path).toMatch(/application\/json/);
      expect(JSON.parse(body).reason, path).toBe(reason);
      noStack(body);
    }
  });
});

describe("the log", () => {
  it("has one event per created session and counts refusals per reason, room refusals included", async () => {
    events = [];
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    expect(events.find((e) => e.event === "session-created")?.fields).toMatchObject({ code, pack: "banjir-bandang", teams: 2 });
    await game.client().joinById("ZZZZZ", { kind: "board" }).catch(() => {});
    const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
    const refused = new Promise((r) => board.onMessage("refused", r));
    board.send("vote", { choice: 1 });
    await refused;
    events = [];
    flushCounts();
    const counts = events.find((e) => e.event === "refusals")?.fields.perMinute as Record<string, number>;
    expect(counts.ROOM_NOT_FOUND).toBe(1);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(2);
    // nothing to count: no line
    events = [];
    flushCounts();
    expect(events).toEqual([]);
    await board.leave();
  });

  it("cannot be filled with stack traces by bad frames or deep nesting", async () => {
    flushCounts();
    events = [];
    const printed: string[] = [];
    for (const method of ["error", "warn", "log", "info"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
    }
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    // Colyseus drops a client whose frame does not decode: the flood comes from many connections
    const ROOM_DATA = 13;
    const deep = new Uint8Array(3 + 50_000);
    deep.set([ROOM_DATA, 0xa1, 0x78]);
    deep.fill(0x91, 3);
    const frames = [...Array(30).fill(Uint8Array.from([ROOM_DATA, 0xa1, 0x78, 0xc1, 0xc1])), ...Array(15).fill(deep)];
    await Promise.all(
      frames.map(async (bytes: Uint8Array) => {
        const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
        const left = new Promise((r) => board.onLeave(r));
        (board as unknown as { connection: { send(b: Uint8Array): void } }).connection.send(bytes);
        await left;
      }),
    );
    // the room still plays: a new board joins and hears a refusal for a board's vote
    const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
    const refused = new Promise((r) => board.onMessage("refused", r));
    board.send("vote", { choice: 1 });
    await refused;
    const errorLines = events.filter((e) => e.event.startsWith("colyseus-") || e.event.includes("error"));
    expect(errorLines.length).toBeLessThanOrEqual(10);
    for (const e of errorLines) noStack(String(e.fields.error ?? ""));
    for (const line of printed) noStack(line);
    events = [];
    flushCounts();
    const suppressed = events.find((e) => e.event === "errors-suppressed")?.fields.perMinute as Record<string, number> | undefined;
    expect(Object.values(suppressed ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(frames.length - 10);
    await until(board, (s) => s.code === code, "still connected");
    await board.leave();
  });

  it("turns Colyseus' reconnection hint into a counted refusal", async () => {
    flushCounts();
    const printed: string[] = [];
    for (const method of ["error", "warn", "log", "info"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
    }
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const res = await fetch(`${game.url}/matchmake/reconnect/${code}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reconnectionToken: "expired-token" }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    noStack(await res.text());
    events = [];
    flushCounts();
    const counts = events.find((e) => e.event === "refusals")?.fields.perMinute as Record<string, number>;
    expect(counts.RECONNECT_EXPIRED).toBe(1);
    expect(printed.join("\n")).not.toMatch(/allowReconnection/);
  });
});
