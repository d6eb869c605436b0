// Finding 9 of the security review: invisible-only names were accepted (blank
// cards), `Budi`, `Budi`+ZWJ and Cyrillic `Вudi` sat side by side as three
// identical "Budi", an RTL override reordered a name, and the host's rename
// accepted the same. Rules first, then a real room over real sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Game } from "../../shared/rules/testkit.js";
import { newDevice, refusals, startTestGame, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";

const LOOK_ALIKES = ["Budi\u200D", "\u0412udi", "Ｂｕｄｉ", "BUDI", "B\u200Bu\u00ADdi", "\u0412\u0443di".replace("\u0443", "u")];
const INVISIBLE_ONLY = ["\u200B", "\u3164", "\u00AD", "\u200B\u3164\u00AD", "\u115F\u1160", "\uFFA0", "\u2800", "\uFE0F", "\u034F", "\u{E0020}", "\u180E", "\u2060\u2061"];

describe("names in the rules", () => {
  it("a look-alike of a seated name is taken", () => {
    const g = new Game();
    g.do({ type: "join", playerId: "budi", name: "Budi" });
    for (const name of LOOK_ALIKES) g.refused({ type: "join", playerId: "x", name }, "NAME_TAKEN");
  });

  it("an invisible-only name is invalid", () => {
    const g = new Game();
    for (const name of INVISIBLE_ONLY) g.refused({ type: "join", playerId: "x", name }, "NAME_INVALID");
  });

  it("bidi controls are taken out of the name shown", () => {
    const g = new Game();
    g.do({ type: "join", playerId: "x", name: "\u202Eidu\u202CB \u2067S\u2069" });
    expect(g.state.players.x!.name).toBe("iduB S");
  });

  it("the host's rename is held to the same rules", () => {
    const g = new Game();
    g.do({ type: "join", playerId: "budi", name: "Budi" }, { type: "join", playerId: "siti", name: "Siti" });
    g.refused({ type: "renamePlayer", playerId: "siti", name: "\u0412udi" }, "NAME_TAKEN");
    g.refused({ type: "renamePlayer", playerId: "siti", name: "\u3164\u200B" }, "NAME_INVALID");
    g.do({ type: "renamePlayer", playerId: "budi", name: "BUDI" });
    expect(g.state.players.budi!.name).toBe("BUDI");
  });
});

describe("names in a room", () => {
  let game: TestGame;
  let code: string;
  let host: GameClientRoom;
  beforeAll(async () => {
    game = await startTestGame({ RATE_PER_SECOND: "1000" });
  });
  afterAll(async () => {
    await game?.close();
  });

  const join = (name: string) => game.client().joinById(code, { kind: "player", name, device: newDevice() }) as Promise<GameClientRoom>;
  const names = () => [...host.state.teams].flatMap((t) => [...t.members].map((m) => m.name));

  it("refuses a look-alike, an invisible name, cleans an override, and holds the host's rename", async () => {
    const session = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 60 });
    code = session.code;
    host = await game.client().joinById(code, { kind: "host", hostKey: session.hostKey });
    await join("Budi");
    const taken = await join("\u0412udi").catch((e: Error) => e);
    expect(String((taken as Error).message)).toMatch(/^NAME_TAKEN\|/);
    const invisible = await join("\u200B\u3164\u00AD").catch((e: Error) => e);
    expect(String((invisible as Error).message)).toBe("NAME_INVALID");
    await join("\u202Eitis");
    await until(host, () => names().length === 2, "two players seated");
    expect(names().sort()).toEqual(["Budi", "itis"]);

    const siti = [...host.state.teams].flatMap((t) => [...t.members]).find((m) => m.name === "itis")!;
    const answers = refusals(host);
    host.send("host", { action: "renamePlayer", playerId: siti.id, name: "BUDI\u200D" });
    expect((await answers.next()).reason).toBe("NAME_TAKEN");
    host.send("host", { action: "renamePlayer", playerId: siti.id, name: "\u2800" });
    expect((await answers.next()).reason).toBe("NAME_INVALID");
    expect(names().sort()).toEqual(["Budi", "itis"]);
  });
});
