// A saved game brought back (a deciding round resumes paused with the time it
// had left) and which changes must be saved before they are shown.
import { describe, expect, it } from "vitest";
import { Game } from "./testkit.js";
import { mustSaveBeforeShowing, offline, restoredGame } from "./restore.js";

function deciding(): Game {
  const g = new Game({ roundSeconds: 60 });
  g.join("a", 0);
  g.join("b", 1);
  g.do({ type: "start" }, { type: "next" });
  return g;
}

describe("restoredGame", () => {
  it("pauses a running deciding round with the time left at the save", () => {
    const g = deciding();
    const deadline = g.state.timer.deadline!;
    const back = restoredGame(g.state, deadline - 20_000);
    expect(back.timer).toMatchObject({ paused: true, deadline: null, remainingMs: 20_000 });
    expect(back.phase).toBe("deciding");
  });
  it("gives at least 5 seconds and at most the round's time", () => {
    const g = deciding();
    const deadline = g.state.timer.deadline!;
    expect(restoredGame(g.state, deadline + 1000).timer.remainingMs).toBe(5000);
    expect(restoredGame(g.state, deadline - 600_000).timer.remainingMs).toBe(60_000);
  });
  it("keeps the remaining time it had when the save time is unknown", () => {
    const g = deciding();
    expect(restoredGame(g.state, undefined).timer.remainingMs).toBe(g.state.timer.remainingMs);
  });
  it("leaves any other phase, and a paused round, as it was", () => {
    const g = deciding();
    g.do({ type: "pause" });
    expect(restoredGame(g.state, 0)).toBe(g.state);
    const lobby = new Game();
    expect(restoredGame(lobby.state, 0)).toBe(lobby.state);
  });
});

describe("mustSaveBeforeShowing", () => {
  it("is true for every action but the connection and the clock", () => {
    const g = deciding();
    expect(mustSaveBeforeShowing({ type: "pause" }, g.state, g.state)).toBe(true);
    expect(mustSaveBeforeShowing({ type: "removePlayer", playerId: "a" }, g.state, g.state)).toBe(true);
    expect(mustSaveBeforeShowing({ type: "reconnect", playerId: "a" }, g.state, g.state)).toBe(false);
    expect(mustSaveBeforeShowing({ type: "disconnect", playerId: "a" }, g.state, g.state)).toBe(false);
    expect(mustSaveBeforeShowing({ type: "tick" }, g.state, g.state)).toBe(false);
  });
  it("is true for a tick that ran the time out (the lock and the reveal)", () => {
    const g = deciding();
    const prev = g.state;
    g.now = prev.timer.deadline! + 1;
    g.do({ type: "tick" });
    expect(g.state.phase).toBe("reveal");
    expect(mustSaveBeforeShowing({ type: "tick" }, prev, g.state)).toBe(true);
  });
});

describe("offline", () => {
  it("marks every player disconnected, and keeps their seats", () => {
    const g = deciding();
    const back = offline(g.state);
    expect(Object.values(back.players).map((p) => p.connected)).toEqual([false, false]);
    expect(Object.keys(back.players)).toEqual(Object.keys(g.state.players));
    expect(offline(back)).toBe(back);
  });
});
