// Finding 11 of the security review: the monitor's password had no lockout
// (200 wrong tries in 5 s). Now an address gets MONITOR_TRIES_PER_MINUTE (5)
// wrong tries a minute, then 429 TOO_MANY_ATTEMPTS for the rest of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGame, type TestGame } from "../helpers/game-server.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ MONITOR_PASSWORD: "rahasia-pelatih", TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await game?.close();
});

const basic = (password: string) => `Basic ${Buffer.from(`admin:${password}`).toString("base64")}`;
const tryLogin = (password: string, from: string) =>
  fetch(`${game.url}/colyseus/`, { headers: { authorization: basic(password), "x-forwarded-for": from } });

describe("monitor login", () => {
  it("locks an address out for the minute after 5 wrong passwords", async () => {
    expect((await tryLogin("rahasia-pelatih", "10.2.0.1")).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await tryLogin(`tebakan-${i}`, "10.2.0.1")).status).toBe(401);
    const locked = await tryLogin("tebakan-5", "10.2.0.1");
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({ reason: "TOO_MANY_ATTEMPTS" });
    // even the right password waits out the minute from there; another address is not locked
    expect((await tryLogin("rahasia-pelatih", "10.2.0.1")).status).toBe(429);
    expect((await tryLogin("rahasia-pelatih", "10.2.0.2")).status).toBe(200);
  });
});
