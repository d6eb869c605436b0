// The texts a phone receives are in its language: an Indonesian phone gets no
// English (half the bytes of a card or reveal), an English phone, the board and
// the console get both, and a phone that switches language gets them again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDevice, startTestGame, texts, type GameClientRoom, type TestGame, submitPrime } from "../helpers/game-server.js";
import type { TextsMessage } from "../../shared/protocol/wire.js";

let game: TestGame;
beforeAll(async () => {
  game = await startTestGame({ RATE_PER_SECOND: "100" });
});
afterAll(async () => {
  await game?.close();
});

/** Polls until `test` holds (messages and patches arrive on their own schedule). */
function until(test: () => boolean, ms = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (test()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(timer);
        reject(new Error(`timed out: ${test.toString()}`));
      }
    }, 10);
  });
}

/** Every `texts` message a room receives, as it came. */
function record(room: GameClientRoom): TextsMessage[] {
  const seen: TextsMessage[] = [];
  room.onMessage("texts", (m: TextsMessage) => seen.push(m));
  return seen;
}

const hasEnglish = (m: TextsMessage) => JSON.stringify(m).includes('"en"') || (m.reveal?.reasons.some((r) => r.length > 1) ?? false);

describe("texts in the phone's language", () => {
  it("leaves the English out for Indonesian phones only, and sends again after a switch", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host = (await game.client().joinById(code, { kind: "host", hostKey })) as GameClientRoom;
    const board = (await game.client().joinById(code, { kind: "board" })) as GameClientRoom;
    const idPhone = (await game.client().joinById(code, { kind: "player", name: "Sari", team: 0, device: newDevice() })) as GameClientRoom;
    const enPhone = (await game.client().joinById(code, { kind: "player", name: "Tom", team: 1, device: newDevice(), lang: "en" })) as GameClientRoom;
    const seen = { id: record(idPhone), en: record(enPhone), board: record(board), host: record(host) };

    host.send("host", { action: "start" });
    await until(() => idPhone.state.phase === "briefing" && texts(idPhone).card(idPhone.state) !== null);
    host.send("host", { action: "next" });
    await until(() => idPhone.state.phase === "deciding");
    submitPrime(idPhone, "vision", true);
    submitPrime(enPhone, "agility", false);
    await until(() => [idPhone, enPhone, board, host].every((r) => r.state.phase === "reveal" && texts(r).reveal(r.state) !== null));

    const card = texts(idPhone).card(idPhone.state)!;
    expect(card.title.id.length).toBeGreaterThan(0);
    expect(card.title.en).toBeUndefined();
    expect(card.options.every((o) => o.text.en === undefined && o.text.id.length > 0)).toBe(true);
    const reveal = texts(idPhone).reveal(idPhone.state)!;
    expect(reveal.card.options.every((o) => o.reason.en === undefined && o.reason.id.length > 0)).toBe(true);
    expect(reveal.card.reflection.en).toBeUndefined();
    expect(seen.id.some(hasEnglish)).toBe(false);
    // the same texts in full for the others
    for (const r of [enPhone, board, host]) {
      expect(texts(r).card(r.state)!.title).toEqual({ id: card.title.id, en: expect.any(String) });
      expect(texts(r).reveal(r.state)!.card.options[0]!.reason.en).toEqual(expect.any(String));
    }
    expect(seen.en.length).toBeGreaterThan(0);
    // (the lobby's texts, sent at the join, are empty)
    expect(seen.en.filter((m) => Object.keys(m).length > 0).every(hasEnglish)).toBe(true);
    // a phone gets its own team's result only (the same as on the board); the board and console all of them
    const all = texts(board).reveal(board.state)!.results;
    expect(all.map((r) => r.team)).toEqual([0, 1]);
    expect(texts(host).reveal(host.state)!.results).toEqual(all);
    expect(reveal.results).toEqual([all[0]]);
    expect(texts(enPhone).reveal(enPhone.state)!.results).toEqual([all[1]]);
    expect(seen.id.every((m) => !m.reveal || m.reveal.results.every((r) => r[0] === 0))).toBe(true);

    // switching to English: the texts come again, whole
    const before = seen.id.length;
    idPhone.send("lang", { lang: "en" });
    await until(() => seen.id.length > before);
    expect(texts(idPhone).reveal(idPhone.state)!.card.options[0]!.reason.en).toEqual(expect.any(String));
    expect(texts(idPhone).card(idPhone.state)!.title.en).toEqual(expect.any(String));
    // the same language again changes nothing; a bad language is refused with a reason
    const refusals: string[] = [];
    idPhone.onMessage("refused", (m: { reason: string }) => refusals.push(m.reason));
    idPhone.send("lang", { lang: "en" });
    idPhone.send("lang", { lang: "fr" });
    await until(() => refusals.length > 0);
    expect(refusals).toEqual(["BAD_MESSAGE"]);
    expect(seen.id.length).toBe(before + 1);
    expect(idPhone.state.phase).toBe("reveal");

    // moved to the other team with the reveal on screen: that team's result comes
    const moved = seen.id.length;
    const sariId = [...host.state.teams[0]!.members][0]!.id;
    host.send("host", { action: "movePlayer", playerId: sariId, team: 1 });
    await until(() => seen.id.length > moved);
    expect(texts(idPhone).reveal(idPhone.state)!.results).toEqual([all[1]]);

    await Promise.all([host, board, idPhone, enPhone].map((r) => r.leave()));
  });
});
