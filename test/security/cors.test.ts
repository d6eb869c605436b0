// Finding 7 of the security review: every route reflected any Origin with
// Access-Control-Allow-Credentials, so any web page a trainer opened could
// drive the API. Now the server is same-origin only: no CORS header at all,
// except for the origins listed in CORS_ORIGINS (here one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGame, type TestGame } from "../helpers/game-server.js";

const TRUSTED = "https://pelatihan.example.go.id";
let game: TestGame;
let code: string;
beforeAll(async () => {
  game = await startTestGame({ CORS_ORIGINS: `${TRUSTED}, https://other.example` });
  ({ code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 }));
});
afterAll(async () => {
  await game?.close();
});

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith("access-control-"));

function calls(origin: string) {
  const headers = { origin, "content-type": "application/json" };
  return {
    health: () => fetch(`${game.url}/api/health`, { headers }),
    packs: () => fetch(`${game.url}/api/packs`, { headers }),
    create: () => fetch(`${game.url}/api/sessions`, { method: "POST", headers, body: JSON.stringify({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 60 }) }),
    lookup: () => fetch(`${game.url}/api/sessions/lookup`, { method: "POST", headers, body: JSON.stringify({ sessions: [] }) }),
    joinById: () => fetch(`${game.url}/matchmake/joinById/${code}`, { method: "POST", headers, body: JSON.stringify({ kind: "board" }) }),
    wrongCode: () => fetch(`${game.url}/matchmake/joinById/ZZZZZ`, { method: "POST", headers, body: JSON.stringify({ kind: "board" }) }),
    refused: () => fetch(`${game.url}/matchmake/create/game`, { method: "POST", headers, body: "{}" }),
    preflightApi: () => fetch(`${game.url}/api/sessions`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } }),
    preflightMatchmake: () => fetch(`${game.url}/matchmake/joinById/${code}`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } }),
  };
}

describe("CORS", () => {
  it("sends no CORS header to another origin, on any route", async () => {
    for (const [name, call] of Object.entries(calls("https://evil.example"))) {
      const res = await call();
      expect(corsHeaders(res), name).toEqual([]);
    }
  });

  it("allows the origins in CORS_ORIGINS, without credentials", async () => {
    for (const [name, call] of Object.entries(calls(TRUSTED))) {
      const res = await call();
      expect(res.headers.get("access-control-allow-origin"), name).toBe(TRUSTED);
      expect(res.headers.get("access-control-allow-credentials"), name).toBeNull();
    }
  });

  it("still serves the same-origin pages' calls (no Origin header)", async () => {
    expect((await fetch(`${game.url}/api/packs`)).status).toBe(200);
    const board = await game.client().joinById(code, { kind: "board" });
    expect(board.roomId).toBe(code);
    await board.leave();
  });
});
