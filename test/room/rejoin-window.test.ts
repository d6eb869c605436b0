// After the reconnection window (a lunch break) the same device typing the
// same code gets its seat back: the device is identified by a secret it
// keeps, not by the name. (Own file: this server runs a 1-second window.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client as ServerClient } from "@colyseus/core";
import { newDevice, startTestGame, until, type GameClientRoom, type TestGame, submitPrime, primeOf } from "../helpers/game-server.js";
import { voteOf } from "../../shared/protocol/state-view.js";

const PACK = "banjir-bandang";
let short: TestGame;
beforeAll(async () => {
  short = await startTestGame({ RECONNECT_SECONDS: "1" });
});
afterAll(async () => {
  await short?.close();
});

describe("after the reconnection window", () => {
  it("the same device typing the same code gets the same seat, role cards and vote", async () => {
    {
      const { code, hostKey } = await short.createSession({ packId: PACK, teamCount: 2, roundSeconds: 600 });
      const host: GameClientRoom = await short.client().joinById(code, { kind: "host", hostKey });
      const device = newDevice();
      let phone: GameClientRoom = await short.client().joinById(code, { kind: "player", name: "Sari", team: 1, device });
      const first = await new Promise<{ playerId: string }>((resolve) => phone.onMessage("welcome", resolve));
      const other: GameClientRoom = await short.client().joinById(code, { kind: "player", name: "Tono", team: 1, device: newDevice() });
      void other;
      host.send("host", { action: "start" });
      host.send("host", { action: "next" });
      await until(host, (s) => s.phase === "deciding", "deciding");
      submitPrime(phone, "clarity", true);
      await until(host, (s) => s.teams[1]!.sent === 1, "sent");
      const roles = [...host.state.teams[1]!.members].find((m) => m.id === first.playerId)!.roles;
      phone.reconnection.enabled = false;
      for (const c of short.room(code).clients as Iterable<ServerClient & { userData?: { kind: string; playerId?: string } }>) {
        if (c.userData?.playerId === first.playerId) (c.ref as unknown as { terminate(): void }).terminate();
      }
      await new Promise((r) => setTimeout(r, 2500)); // the 1 s window has closed: "lunch break"
      await expect(short.client().reconnect(phone.reconnectionToken)).rejects.toThrow();
      phone = await short.client().joinById(code.toLowerCase(), { kind: "player", name: "another name", device });
      const again = await new Promise<{ playerId: string; rejoined: boolean }>((resolve) => phone.onMessage("welcome", resolve));
      expect(again).toEqual({ playerId: first.playerId, rejoined: true });
      await until(host, (s) => [...s.teams[1]!.members].some((m) => m.id === first.playerId && m.connected), "back");
      const member = [...host.state.teams[1]!.members].find((m) => m.id === first.playerId)!;
      expect(member.name).toBe("Sari");
      expect(member.roles).toBe(roles);
      expect(primeOf(host, voteOf(host.state.teams[1]!, first.playerId))).toBe("clarity");
    }
  }, 30_000);
});
