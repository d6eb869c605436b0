// Finding 4 of the security review (first half): session creation was
// unlimited (2,000 rooms in 13 s). Now each address may create
// CREATE_PER_MINUTE sessions a minute and the process holds at most MAX_ROOMS
// live rooms; both refusals carry a reason the console shows as a sentence.
// (Addresses are told apart through a trusted proxy here: TRUST_PROXY=loopback.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import { startTestGame, type TestGame } from "../helpers/game-server.js";
import { common } from "../../shared/i18n/common.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ CREATE_PER_MINUTE: "3", MAX_ROOMS: "6", TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await game?.close();
});

const create = (from: string) =>
  fetch(`${game.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 }),
  });

describe("session creation limits", () => {
  it("refuses the fourth session a minute from one address, not from another", async () => {
    for (let i = 0; i < 3; i++) expect((await create("10.1.0.1")).status).toBe(201);
    const fourth = await create("10.1.0.1");
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toEqual({ reason: "TOO_MANY_SESSIONS" });
    expect((await create("10.1.0.2")).status).toBe(201);
  });

  it("refuses a new session when the process holds MAX_ROOMS rooms", async () => {
    for (let n = 10; matchMaker.stats.local.roomCount < 6; n++) expect((await create(`10.1.0.${n}`)).status).toBe(201);
    const full = await create("10.1.0.99");
    expect(full.status).toBe(503);
    expect(await full.json()).toEqual({ reason: "SERVER_FULL" });
    expect(matchMaker.stats.local.roomCount).toBe(6);
  });

  it("has a sentence for each refusal in Indonesian and English", () => {
    for (const reason of ["TOO_MANY_SESSIONS", "SERVER_FULL", "NOT_FOUND"] as const) {
      expect(common.id.reasons[reason].length).toBeGreaterThan(20);
      expect(common.en.reasons[reason].length).toBeGreaterThan(20);
    }
  });
});
