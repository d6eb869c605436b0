// [#19] Saved before shown, for a removal: a phone the trainer removes (or
// bans) is told so only once the removal — and the ban — is durable, like
// every other change the class sees. While the store holds the save, the
// phone stays seated and hears nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import type { RoomSnapshot } from "../../server/services.js";
import type { RemovedMessage } from "../../shared/protocol/messages.js";

let game: TestGame;
/** While set, saves do not land until released. */
let holding = false;
let held: (() => void)[] = [];
/** The newest snapshot whose save has landed. */
let durable: RoomSnapshot | null = null;

beforeAll(async () => {
  game = await startTestGame(
    { RATE_PER_SECOND: "100" },
    {
      persist: (snapshot) => {
        const land = () => {
          durable = structuredClone(snapshot);
        };
        if (!holding) {
          land();
          return Promise.resolve();
        }
        return new Promise<void>((resolve) => held.push(() => (land(), resolve())));
      },
    },
  );
});
afterAll(async () => {
  holding = false;
  held.forEach((release) => release());
  await game?.close();
});

function release(): void {
  holding = false;
  const waiting = held;
  held = [];
  waiting.forEach((r) => r());
}

describe("[#19] a removal is saved before the phone is told", () => {
  for (const ban of [false, true]) {
    it(ban ? "ban: the ban is durable before the phone hears it" : "remove: the removal is durable before the phone hears it", async () => {
      const created = await game.createRoom({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 600 });
      const host: GameClientRoom = await game.client().joinById(created.code, { kind: "host", hostKey: created.hostKey });
      const phone: GameClientRoom = await game.client().joinById(created.code, { kind: "player", name: "Rina Wulandari", device: newDevice() });
      await until(host, (s) => [...s.teams].some((t) => t.members.length === 1), "the player seated");
      const playerId = [...host.state.teams].flatMap((t) => [...t.members])[0]!.id;
      await new Promise((r) => setTimeout(r, 200)); // the join's save lands
      let told: { message: RemovedMessage; seated: boolean; banned: number } | null = null;
      phone.onMessage("removed", (message: RemovedMessage) => {
        told = { message, seated: !!durable && Object.hasOwn(durable.game.players, playerId), banned: durable?.banned.length ?? -1 };
      });

      holding = true;
      host.send("host", { action: ban ? "banPlayer" : "removePlayer", playerId });
      // well inside the gate's hold (2 s): the save has not landed, so nothing is shown or told
      await new Promise((r) => setTimeout(r, 500));
      expect(held.length).toBeGreaterThan(0);
      expect(told).toBeNull();
      expect(phone.connection.isOpen).toBe(true);
      expect([...host.state.teams].some((t) => t.members.length === 1)).toBe(true);

      release();
      const start = Date.now();
      while (!told && Date.now() - start < 8000) await new Promise((r) => setTimeout(r, 20));
      expect(told).not.toBeNull();
      expect(told!.message.banned).toBe(ban);
      expect(told!.seated).toBe(false);
      expect(told!.banned).toBe(ban ? 1 : 0);
      await until(host, (s) => [...s.teams].every((t) => t.members.length === 0), "the removal shown");
    }, 30_000);
  }
});
