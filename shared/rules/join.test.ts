import { describe, it, expect } from "vitest";
import { Game } from "./testkit.js";
import { normaliseName } from "./join.js";
import { rolesBalanced } from "./roles.js";
import type { GameState } from "./types.js";

const balanced = (s: GameState) =>
  s.teams.every((t) => t.members.length === 0 || rolesBalanced(t.members.map((id) => s.players[id]!.roles)));

describe("join", () => {
  it("normalises names", () => {
    expect(normaliseName("  Budi   Santoso ")).toBe("Budi Santoso");
    expect(normaliseName("Cafe\u0301")).toBe("Café");
    expect(normaliseName("")).toBeNull();
    expect(normaliseName("   ")).toBeNull();
    expect(normaliseName("a".repeat(25))).toBeNull();
    expect(normaliseName("a".repeat(24))).toBe("a".repeat(24));
    expect(normaliseName("Bu\u0007di")).toBeNull();
    expect(normaliseName("Bu\tdi")).toBeNull();
  });

  it("balances newcomers onto the smallest team, first member is captain", () => {
    const g = new Game({ teamCount: 3 });
    for (const id of ["a", "b", "c", "d"]) g.join(id);
    expect(g.state.teams.map((t) => t.members)).toEqual([["a", "d"], ["b"], ["c"]]);
    expect(g.state.teams.map((t) => t.captain)).toEqual(["a", "b", "c"]);
    expect(g.state.players.a!.joinedAt).toBe(1000);
    expect(balanced(g.state)).toBe(true);
  });

  it("refuses bad joins without changing state", () => {
    const g = new Game({ maxTeamSize: 1 });
    g.join("a", 0);
    g.refused({ type: "join", playerId: "x", name: " \u0000 " }, "NAME_INVALID");
    g.refused({ type: "join", playerId: "x", name: "NAME A" }, "NAME_TAKEN");
    g.refused({ type: "join", playerId: "x", name: "X", team: 5 }, "UNKNOWN_TEAM");
    g.refused({ type: "join", playerId: "x", name: "X", team: 0 }, "ROOM_FULL");
    g.join("b");
    g.refused({ type: "join", playerId: "x", name: "X" }, "ROOM_FULL");
    const h = new Game();
    h.do({ type: "lockRoom", locked: true });
    h.refused({ type: "join", playerId: "x", name: "X" }, "ROOM_LOCKED");
    h.do({ type: "end" });
    h.refused({ type: "join", playerId: "x", name: "X" }, "GAME_OVER");
  });

  it("lets late joiners in mid-game", () => {
    const g = new Game();
    g.join("a");
    g.do({ type: "start" }, { type: "next" });
    g.join("b");
    expect(g.state.players.b!.team).toBe(1);
  });

  it("chooseTeam only in the lobby", () => {
    const g = new Game();
    g.join("a");
    g.join("b");
    g.refused({ type: "chooseTeam", playerId: "a", team: 0 }, "SAME_TEAM");
    g.refused({ type: "chooseTeam", playerId: "zz", team: 0 }, "UNKNOWN_PLAYER");
    g.refused({ type: "chooseTeam", playerId: "a", team: 9 }, "UNKNOWN_TEAM");
    g.do({ type: "chooseTeam", playerId: "a", team: 1 });
    expect(g.state.teams[0]!.members).toEqual([]);
    expect(g.state.teams[0]!.captain).toBeNull();
    expect(g.state.teams[1]!.members).toEqual(["b", "a"]);
    expect(g.state.teams[1]!.captain).toBe("b");
    g.do({ type: "start" });
    g.refused({ type: "chooseTeam", playerId: "a", team: 0 }, "WRONG_PHASE");
  });

  it("passes captaincy on in join order when the captain leaves or moves", () => {
    const g = new Game();
    for (const id of ["a", "b", "c"]) g.join(id, 0);
    g.do({ type: "removePlayer", playerId: "a" });
    expect(g.state.players.a).toBeUndefined();
    expect(g.state.teams[0]!.captain).toBe("b");
    g.do({ type: "movePlayer", playerId: "b", team: 1 });
    expect(g.state.teams[0]!.captain).toBe("c");
    expect(g.state.teams[1]!.captain).toBe("b");
    g.do({ type: "passCaptain", playerId: "c" });
    g.refused({ type: "passCaptain", playerId: "nobody" }, "UNKNOWN_PLAYER");
    g.refused({ type: "movePlayer", playerId: "nobody", team: 0 }, "UNKNOWN_PLAYER");
    g.refused({ type: "movePlayer", playerId: "c", team: 0 }, "SAME_TEAM");
    g.refused({ type: "movePlayer", playerId: "c", team: 7 }, "UNKNOWN_TEAM");
    g.refused({ type: "removePlayer", playerId: "nobody" }, "UNKNOWN_PLAYER");
  });

  it("movePlayer mid-round drops the vote; disconnect keeps captaincy and vote", () => {
    const g = new Game();
    g.join("a", 0);
    g.join("b", 0);
    g.join("c", 1);
    g.do({ type: "start" }, { type: "next" }, { type: "submit", playerId: "a", prime: "vision", commit: true });
    g.do({ type: "disconnect", playerId: "a" });
    expect(g.state.players.a!.connected).toBe(false);
    expect(g.state.teams[0]!.captain).toBe("a");
    expect(g.state.teams[0]!.votes.a).toBeDefined();
    g.do({ type: "reconnect", playerId: "a" });
    expect(g.state.players.a!.connected).toBe(true);
    g.refused({ type: "disconnect", playerId: "zz" }, "UNKNOWN_PLAYER");
    g.do({ type: "movePlayer", playerId: "a", team: 1 });
    expect(g.state.teams[0]!.votes.a).toBeUndefined();
    expect(g.state.teams[1]!.votes.a).toBeUndefined();
  });

  it("renames with the same name rules", () => {
    const g = new Game();
    g.join("a");
    g.join("b");
    g.do({ type: "renamePlayer", playerId: "a", name: "  Siti  Aminah " });
    expect(g.state.players.a!.name).toBe("Siti Aminah");
    g.do({ type: "renamePlayer", playerId: "a", name: "siti aminah" });
    g.refused({ type: "renamePlayer", playerId: "b", name: "SITI AMINAH" }, "NAME_TAKEN");
    g.refused({ type: "renamePlayer", playerId: "b", name: "" }, "NAME_INVALID");
    g.refused({ type: "renamePlayer", playerId: "zz", name: "Ok" }, "UNKNOWN_PLAYER");
  });

  it("keeps every team holding all five roles through joins, leaves and moves", () => {
    const g = new Game({ teamCount: 3 }, 99);
    let n = 0;
    const ops: Array<() => void> = [];
    for (let i = 0; i < 60; i++) {
      const ids = Object.keys(g.state.players);
      const k = (i * 7) % 5;
      if (k < 3 || ids.length < 2) g.join(`p${n++}`);
      else if (k === 3) g.do({ type: "removePlayer", playerId: ids[(i * 3) % ids.length]! });
      else {
        const id = ids[(i * 5) % ids.length]!;
        g.do({ type: "movePlayer", playerId: id, team: (g.state.players[id]!.team + 1) % 3 });
      }
      expect(balanced(g.state)).toBe(true);
    }
    void ops;
  });

  it("a join does not reshuffle everyone in a large team", () => {
    const g = new Game({ teamCount: 2 });
    for (let i = 0; i < 8; i++) g.join(`p${i}`, 0);
    const before = g.state.teams[0]!.members.map((id) => g.state.players[id]!.roles.join());
    g.join("new", 0);
    const after = g.state.teams[0]!.members.slice(0, 8).map((id) => g.state.players[id]!.roles.join());
    expect(after).toEqual(before);
  });
});
