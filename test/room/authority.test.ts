// Authority: a banned device stays out (server-side, not a cookie), a removed
// player is told why, a locked room refuses newcomers but not returning
// devices, and the host key never reaches a player or the board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame();
});
afterAll(async () => {
  await game?.close();
});

const welcome = (room: GameClientRoom) => new Promise<{ playerId: string }>((resolve) => room.onMessage("welcome", resolve));

describe("the trainer's powers", () => {
  it("removes a player, bans a device, and locks the room to newcomers only", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 120 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const board: GameClientRoom = await game.client().joinById(code, { kind: "board" });
    const badDevice = newDevice();
    const bad: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Usil", device: badDevice });
    const badId = (await welcome(bad)).playerId;
    const okDevice = newDevice();
    const ok: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Rajin", device: okDevice });
    const okId = (await welcome(ok)).playerId;

    // the host key is nowhere in what a player or the board decoded
    for (const r of [bad, board]) expect(JSON.stringify(r.state)).not.toContain(hostKey);

    const removed = new Promise<{ banned: boolean }>((resolve) => bad.onMessage("removed", resolve));
    host.send("host", { action: "banPlayer", playerId: badId });
    expect(await removed).toEqual({ banned: true });
    await until(host, (s) => [...s.teams].every((t) => [...t.members].every((m) => m.id !== badId)), "gone");
    await expect(game.client().joinById(code, { kind: "player", name: "Usil Lagi", device: badDevice })).rejects.toThrow(/BANNED/);

    host.send("host", { action: "lockRoom", locked: true });
    await until(host, (s) => s.roomLocked, "locked");
    await expect(game.client().joinById(code, { kind: "player", name: "Baru", device: newDevice() })).rejects.toThrow(/ROOM_LOCKED/);
    // a seat that already exists comes back even into a locked room
    await ok.leave(false).catch(() => undefined);
    const back: GameClientRoom = await game.client().joinById(code, { kind: "player", name: "Rajin", device: okDevice });
    expect((await welcome(back)).playerId).toBe(okId);

    // a wrong host key from anyone is refused
    await expect(game.client().joinById(code, { kind: "host", hostKey: hostKey.slice(0, -1) + "x" })).rejects.toThrow(/INVALID_HOST_KEY/);
  });
});
