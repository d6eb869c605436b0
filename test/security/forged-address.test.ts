// Finding 5 of the security review, the other side: without TRUST_PROXY the
// server believes no X-Forwarded-For, so a guesser cannot escape the throttle
// by writing a new address in each request, while a correct code still joins
// from the same address.
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

const join = async (roomCode: string, forged: string) =>
  (
    await fetch(`${game.url}/matchmake/joinById/${roomCode}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forged },
      body: JSON.stringify({ kind: "board" }),
    })
  ).status;

describe("without TRUST_PROXY", () => {
  it("ignores X-Forwarded-For: a forged address does not reset the count", async () => {
    for (let i = 0; i < 10; i++) expect(await join(`ZZZZ${"23456789AB"[i]}`, `10.9.0.${i}`)).toBe(404);
    expect(await join("ZZZZC", "10.9.0.200")).toBe(429);
    expect(await join(code, "10.9.0.201")).toBe(200);
  });
});
