// Finding 3 of the security review: no body limit on the matchmaker routes (a
// 200 MB JSON body took the server from 334 MB to 1.37 GB). Every route now
// answers 413 {reason:"TOO_LARGE"} as soon as the Content-Length says too
// much, without reading the rest, and when a body without a length streams
// past the limit.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGame, type TestGame } from "../helpers/game-server.js";

let game: TestGame;
let code: string;
beforeAll(async () => {
  game = await startTestGame();
  ({ code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 }));
});
afterAll(async () => {
  await game?.close();
});

/**
 * Announces `declared` bytes (or none: chunked) and sends only `send` of them,
 * then waits for the answer: the server must answer before the body is complete.
 */
function oversized(path: string, declared: number | null, send: number): Promise<{ status: number; body: string; sentAll: boolean }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (declared !== null) headers["content-length"] = declared;
    const req = request(`${game.url}${path}`, { method: "POST", headers });
    let sent = 0;
    const chunk = Buffer.alloc(4096, "a");
    const pump = () => {
      while (sent < send) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      // never end(): a complete body is not what the server waits for
    };
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sentAll: declared !== null && sent >= declared });
        req.destroy();
      });
    });
    req.on("error", (e) => (e.message.includes("EPIPE") || e.message.includes("ECONNRESET") ? undefined : reject(e)));
    req.write("{");
    pump();
  });
}

const ROUTES = () => [`/matchmake/joinById/${code}`, "/matchmake/reconnect/game", "/matchmake/create/game", "/api/sessions", "/api/sessions/lookup", `/api/sessions/${code}/resume`];

describe("body limit", () => {
  it("answers 413 TOO_LARGE from the Content-Length alone on every route, the matchmaker included", async () => {
    for (const path of ROUTES()) {
      const res = await oversized(path, 200 * 1024 * 1024, 16 * 1024);
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body), path).toMatchObject({ reason: "TOO_LARGE" });
      expect(res.sentAll).toBe(false);
    }
  });

  it("answers 413 TOO_LARGE when a body without a length streams past the limit", async () => {
    // (not create: it is refused before any body is read, see matchmaker-routes.test.ts)
    for (const path of ROUTES().filter((p) => !p.includes("/create/"))) {
      const res = await oversized(path, null, 64 * 1024);
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body), path).toMatchObject({ reason: "TOO_LARGE" });
    }
  });

  it("answers 413 for a complete JSON body over 8 KB as JSON, and the server goes on", async () => {
    const big = JSON.stringify({ packId: "x".repeat(9000), teamCount: 2, roundSeconds: 60 });
    for (const path of ["/api/sessions", `/matchmake/joinById/${code}`]) {
      const res = await fetch(`${game.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: big });
      expect(res.status, path).toBe(413);
      expect(await res.json()).toMatchObject({ reason: "TOO_LARGE" });
    }
    const board = await game.client().joinById(code, { kind: "board" });
    expect(board.roomId).toBe(code);
    await board.leave();
  });
});
