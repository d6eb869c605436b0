// Finding 6 of the security review: the session routes answered an unknown
// code 404 SESSION_NOT_FOUND but a wrong key 403 INVALID_HOST_KEY, and were
// not throttled, so stored codes could be listed. Now every session route
// (report, resume, delete, exports, lookup) answers both alike, counts both as
// misses with the wrong codes typed on phones, and a correct key still works
// from a throttled address.
import { describe, expect, it } from "vitest";
import type { TestGame } from "../helpers/game-server.js";
import { useStoredGame } from "../helpers/stored-game.js";
import type { Store } from "../../server/store/index.js";

let game: TestGame;
let store: Store;
useStoredGame((g) => ({ game, store } = g));

type Call = (code: string, key: string) => Promise<Response>;
const json = (method: string, path: string, body: unknown) =>
  fetch(`${game.url}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const ROUTES: Record<string, Call> = {
  report: (code, key) => fetch(`${game.url}/api/sessions/${code}/report?key=${encodeURIComponent(key)}`),
  exportJson: (code, key) => fetch(`${game.url}/api/sessions/${code}/export.json?key=${encodeURIComponent(key)}`),
  exportCsv: (code, key) => fetch(`${game.url}/api/sessions/${code}/export.csv?key=${encodeURIComponent(key)}`),
  resume: (code, key) => json("POST", `/api/sessions/${code}/resume`, { key }),
  delete: (code, key) => json("DELETE", `/api/sessions/${code}`, { key }),
};

async function answer(res: Response) {
  return { status: res.status, body: await res.text() };
}

describe("session routes", () => {
  it("answer an unknown code and a wrong key alike, and a correct key still works once the address is throttled", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    await game.persister!.flush();
    // first an unknown code and a wrong key for each route: 2 × 5 = 10 misses, the limit
    for (const [name, call] of Object.entries(ROUTES)) {
      const unknown = await answer(await call("ZZZZZ", hostKey));
      const wrongKey = await answer(await call(code, "x".repeat(32)));
      expect(unknown, name).toEqual({ status: 404, body: JSON.stringify({ reason: "SESSION_NOT_FOUND" }) });
      expect(wrongKey, name).toEqual(unknown);
    }
    // over the limit: misses are refused, phones' wrong codes from this address too (one counter)
    expect((await answer(await ROUTES.report!(code, "y".repeat(32)))).status).toBe(429);
    const phone = await game.client().joinById("ZZZZY", { kind: "board" }).catch((e: Error) => e);
    expect(String((phone as Error).message)).toMatch(/TOO_MANY_ATTEMPTS/);
    // ...but the trainer's correct key still gets through
    const report = await ROUTES.report!(code, hostKey);
    expect(report.status).toBe(200);
    const lookup = await (await json("POST", "/api/sessions/lookup", { sessions: [{ code, key: hostKey }, { code: "ZZZZZ", key: "k" }] })).json();
    expect(lookup.sessions).toEqual([expect.objectContaining({ code, found: true }), { code: "ZZZZZ", found: false }]);
  });
});
