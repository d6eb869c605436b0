// Finding 5 of the security review: the wrong-code throttle keyed on the
// socket's address, so behind the README's reverse proxy one person's typos
// blocked every phone of the centre, and once throttled even the correct code
// was refused. Now, with TRUST_PROXY set, the address comes from
// X-Forwarded-For (Express' meaning); a throttled address is paced, not shut
// out: its wrong codes are refused, a correct code still joins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGame, type TestGame } from "../helpers/game-server.js";

let game: TestGame;
let code: string;
beforeAll(async () => {
  game = await startTestGame({ TRUST_PROXY: "loopback" });
  ({ code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 }));
});
afterAll(async () => {
  await game?.close();
});

/** A join by code as it arrives through the proxy: the phone's address in X-Forwarded-For. */
async function join(roomCode: string, from: string): Promise<{ status: number; reason?: string }> {
  const res = await fetch(`${game.url}/matchmake/joinById/${roomCode}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ kind: "board" }),
  });
  const body = (await res.json()) as { reason?: string; roomId?: string; name?: string };
  return { status: res.status, ...(body.reason ? { reason: body.reason } : {}) };
}

const WRONG = (i: number) => `ZZZZ${"23456789ABCDEFGH"[i]}`;

describe("behind a trusted proxy", () => {
  it("throttles the phone that guesses, not the others behind the same proxy", async () => {
    for (let i = 0; i < 10; i++) expect(await join(WRONG(i), "192.168.1.50")).toEqual({ status: 404, reason: "ROOM_NOT_FOUND" });
    expect(await join(WRONG(10), "192.168.1.50")).toEqual({ status: 429, reason: "TOO_MANY_ATTEMPTS" });
    // another phone behind the same proxy is not throttled
    expect(await join(WRONG(11), "192.168.1.51")).toEqual({ status: 404, reason: "ROOM_NOT_FOUND" });
    expect((await join(code, "192.168.1.51")).status).toBe(200);
  });

  it("lets the throttled phone in with the correct code", async () => {
    expect((await join(WRONG(12), "192.168.1.50")).status).toBe(429);
    expect((await join(code, "192.168.1.50")).status).toBe(200);
    expect((await join(code.toLowerCase(), "192.168.1.50")).status).toBe(200);
  });

  it("takes the address the proxy saw, not one the phone wrote before it", async () => {
    // the phone sends its own X-Forwarded-For; the proxy appends the real address: the rightmost untrusted one counts
    for (let i = 0; i < 10; i++) await join(WRONG(i), `1.2.3.${i}, 192.168.1.60`);
    expect(await join(WRONG(13), "9.9.9.9, 192.168.1.60")).toEqual({ status: 429, reason: "TOO_MANY_ATTEMPTS" });
  });
});
