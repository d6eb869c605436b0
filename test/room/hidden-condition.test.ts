// [HC] Nothing gives the situation away before the reveal, on the wire: while
// teams read and decide, what a phone, the board and an observer receive names
// neither the card's condition nor any option's Prime (nor the facilitator's
// notes), and a team's vote codes carry the option's place (A–D) and the
// diagnosis, never the Prime. The console gets the condition, the Primes and
// the notes. At the reveal everyone gets the condition, its reason and every
// option's Prime.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, texts, until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { CONDITIONS, PRIMES } from "../../shared/vuca.js";
import type { TextsMessage } from "../../shared/protocol/wire.js";
import { matchMaker } from "@colyseus/core";
import { sha256 } from "../../server/room/joining.js";
import { type GameRoom } from "../../server/room/GameRoom.js";
import { type GameRoomOptions } from "../../server/room/options.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RATE_PER_SECOND: "100" });
});
afterAll(async () => {
  await game?.close();
});

/** Every `texts` message a room receives, as it came, with the phase it arrived in. */
function record(room: GameClientRoom): { phase: string; message: TextsMessage }[] {
  const seen: { phase: string; message: TextsMessage }[] = [];
  room.onMessage("texts", (m: TextsMessage) => seen.push({ phase: String(room.state?.phase ?? "lobby"), message: m }));
  return seen;
}

const SECRET_KEYS = new Set(["condition", "prime", "primes", "facilitator", "conditionReason", "alsoCondition"]);
const SECRET_WORDS = new Set<string>([...CONDITIONS, ...PRIMES]);

/** The keys and exact string values of a message that would name the condition or a Prime. */
function giveaways(value: unknown, path = ""): string[] {
  if (typeof value === "string") return SECRET_WORDS.has(value) ? [`${path} = ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => giveaways(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [...(SECRET_KEYS.has(k) && v !== undefined ? [`${path}.${k}`] : []), ...giveaways(v, `${path}.${k}`)]);
  }
  return [];
}

describe("[HC] the condition and the Primes stay hidden until the reveal", () => {
  it("reach no phone, board or observer while teams decide, and everyone at the reveal", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host = (await game.client().joinById(code, { kind: "host", hostKey })) as GameClientRoom;
    const board = (await game.client().joinById(code, { kind: "board" })) as GameClientRoom;
    const observer = (await game.client().joinById(code, { kind: "observer" })) as GameClientRoom;
    const idPhone = (await game.client().joinById(code, { kind: "player", name: "Sari", team: 0, device: newDevice() })) as GameClientRoom;
    const idPhone2 = (await game.client().joinById(code, { kind: "player", name: "Rina", team: 0, device: newDevice() })) as GameClientRoom;
    const enPhone = (await game.client().joinById(code, { kind: "player", name: "Tom", team: 1, device: newDevice(), lang: "en" })) as GameClientRoom;
    const seen = { id: record(idPhone), en: record(enPhone), board: record(board), observer: record(observer), host: record(host) };
    const room = game.room(code) as GameRoom;

    host.send("host", { action: "start" });
    await until(idPhone, (s) => s.phase === "briefing" && texts(idPhone).card(s) !== null, "briefing");
    host.send("host", { action: "next" });
    await until(idPhone, (s) => s.phase === "deciding", "deciding");
    await until(host, (s) => s.phase === "deciding" && texts(host).card(s) !== null, "deciding on the console");

    // the phone's card: A–D with their text, no condition, and it asks for a diagnosis
    const card = texts(idPhone).card(idPhone.state)!;
    expect(card.diagnose).toBe(true);
    expect(card.condition).toBeUndefined();
    expect(card.options.map((o) => o.prime)).toEqual([undefined, undefined, undefined, undefined]);
    // the console's card carries the key and the notes
    const hostCard = texts(host).card(host.state)!;
    expect(hostCard.condition).toBe("volatility");
    expect(hostCard.facilitator?.id).toMatch(/Petunjuk/);
    expect(new Set(hostCard.options.map((o) => o.prime))).toEqual(new Set(PRIMES));
    // shown in a shuffled order: not the written one
    const pack = game.packs.get("banjir-bandang")!;
    expect(hostCard.options.map((o) => o.prime)).not.toEqual(pack.events[0]!.options.map((o) => o.prime));
    expect(card.options.map((o) => o.text.id)).toEqual(hostCard.options.map((o) => o.text.id));

    // Sari picks the paired Prime's option and reads the condition; her teammate another
    const visionAt = room.optionOf("vision");
    idPhone.send("submit", { option: visionAt, diagnosis: "volatility", commit: true });
    await until(idPhone2, (s) => s.teams[0]!.sent === 1, "vote seen by the team");
    const codes: string[] = [];
    idPhone2.state.teams[0]!.votes!.forEach((code) => code && codes.push(code));
    expect(codes).toEqual([`${"ABCD"[visionAt]}v+`]);
    // the team's own code names the option's place and the diagnosis: no Prime initial in a fixed place
    for (const c of codes) expect(c).toMatch(/^[ABCD][vuca-][+-]$/);

    // before the reveal: nothing names the condition or a Prime, for any public page
    for (const [who, list] of [["id phone", seen.id], ["en phone", seen.en], ["board", seen.board], ["observer", seen.observer]] as const) {
      const early = list.filter((m) => !m.message.reveal);
      expect(early.length, who).toBeGreaterThan(0);
      for (const m of early) expect(giveaways(m.message), who).toEqual([]);
    }

    idPhone2.send("submit", { option: (visionAt + 1) % 4, diagnosis: "uncertainty", commit: false });
    enPhone.send("submit", { option: 0, diagnosis: "ambiguity", commit: false });
    await until(board, (s) => s.phase === "reveal" && texts(board).reveal(s) !== null, "reveal on the board");
    await until(idPhone, (s) => s.phase === "reveal" && texts(idPhone).reveal(s) !== null, "reveal on the phone");
    await until(observer, (s) => s.phase === "reveal" && texts(observer).reveal(s) !== null, "reveal for the observer");
    await until(enPhone, (s) => s.phase === "reveal" && texts(enPhone).reveal(s) !== null, "reveal on the other phone");

    for (const r of [board, observer, idPhone, enPhone]) {
      const reveal = texts(r).reveal(r.state)!;
      expect(reveal.card.condition).toBe("volatility");
      expect(reveal.card.conditionReason.id).toMatch(/40 cm per jam/);
      expect(new Set(reveal.card.options.map((o) => o.prime))).toEqual(new Set(PRIMES));
      // the options keep the order they were shown in
      expect(reveal.card.options.map((o) => o.text.id)).toEqual(hostCard.options.map((o) => o.text.id));
    }
    const boardReveal = texts(board).reveal(board.state)!;
    // team 0: a tie (vision/volatility vs another/uncertainty) broken by the captain Sari
    expect(boardReveal.results[0]).toMatchObject({ choice: "vision", diagnosis: "volatility", diagnosisPoints: 2 });
    expect(boardReveal.results[0]!.diagnosisTally).toEqual({ volatility: 1, uncertainty: 1, complexity: 0, ambiguity: 0 });
    expect(boardReveal.results[1]).toMatchObject({ diagnosis: "ambiguity", diagnosisPoints: 0 });
    // the board never gets the facilitator's notes, even at the reveal
    expect(JSON.stringify(seen.board.map((m) => m.message))).not.toContain("facilitator");
    expect(JSON.stringify(seen.id.map((m) => m.message))).not.toContain("facilitator");
    for (const r of [host, board, observer, idPhone, idPhone2, enPhone]) await r.leave();
  });

  it("shows the condition and the Primes when the trainer chooses to, and asks no diagnosis", async () => {
    const res = await fetch(`${game.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300, showCondition: true, route: "pendek" }),
    });
    expect(res.status).toBe(201);
    const { code, hostKey } = (await res.json()) as { code: string; hostKey: string };
    const host = (await game.client().joinById(code, { kind: "host", hostKey })) as GameClientRoom;
    const board = (await game.client().joinById(code, { kind: "board" })) as GameClientRoom;
    const phone = (await game.client().joinById(code, { kind: "player", name: "Sari", team: 0, device: newDevice() })) as GameClientRoom;
    const seenBoard = record(board);
    expect(board.state.roundCount).toBe(4); // the short route
    host.send("host", { action: "start" });
    host.send("host", { action: "next" });
    await until(phone, (s) => s.phase === "deciding" && texts(phone).card(s) !== null, "deciding");
    const card = texts(phone).card(phone.state)!;
    expect(card.diagnose).toBe(false);
    expect(card.condition).toBe("volatility");
    expect(new Set(card.options.map((o) => o.prime))).toEqual(new Set(PRIMES));
    await until(board, () => seenBoard.some((m) => m.message.card), "board card");
    expect(JSON.stringify(seenBoard.map((m) => m.message))).not.toContain("facilitator");
    const room = game.room(code) as GameRoom;
    phone.send("submit", { option: room.optionOf("vision"), commit: true });
    await until(board, (s) => s.phase === "reveal" && texts(board).reveal(s) !== null, "reveal");
    expect(texts(board).reveal(board.state)!.results[0]).toMatchObject({ choice: "vision", diagnosis: null, diagnosisPoints: 0, responsePoints: 3 });
    for (const r of [host, board, phone]) await r.leave();
  });

  it("[RT] plays a route's cards in its order, and a resumed room keeps the route and the display order", async () => {
    const res = await fetch(`${game.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ packId: "gelombang-hoaks", teamCount: 2, roundSeconds: 300, route: "pendek" }),
    });
    const { code, hostKey } = (await res.json()) as { code: string; hostKey: string };
    const pack = game.packs.get("gelombang-hoaks")!;
    const route = pack.routes!.pendek!;
    const room = game.room(code) as GameRoom;
    room.apply({ type: "join", playerId: "pAAAAAAAAAA", name: "Sari" });
    room.apply({ type: "start" });
    room.apply({ type: "next" });
    room.apply({ type: "skip" });
    room.apply({ type: "next" });
    room.apply({ type: "next" });
    expect(room.game.round).toBe(1);
    const host = (await game.client().joinById(code, { kind: "host", hostKey })) as GameClientRoom;
    await until(host, (s) => texts(host).card(s) !== null, "the console's card");
    expect(host.state.roundCount).toBe(4);
    expect(texts(host).card(host.state)!.id).toBe(route[1]);
    const order = texts(host).card(host.state)!.options.map((o) => o.prime);
    await host.leave();

    // the server restarts: the room comes back from its saved game, with the whole pack given again
    const saved = structuredClone(room.game);
    await room.disconnect();
    await matchMaker.createRoom("game", {
      pack,
      settings: saved.settings,
      hostKeyHash: sha256(hostKey),
      seed: 0,
      restore: { code, game: saved, devices: {}, banned: [] },
    } satisfies GameRoomOptions);
    const back = (await game.client().joinById(code, { kind: "host", hostKey })) as GameClientRoom;
    await until(back, (s) => texts(back).card(s) !== null, "the resumed console's card");
    expect(back.state.roundCount).toBe(4);
    expect(texts(back).card(back.state)!.id).toBe(route[1]);
    expect(texts(back).card(back.state)!.options.map((o) => o.prime)).toEqual(order);
    await back.leave();
  });

  it("refuses an unknown route at create", async () => {
    const res = await fetch(`${game.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300, route: "constructor" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ reason: "INVALID_SETTINGS" });
  });
});
