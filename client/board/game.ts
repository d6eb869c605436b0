// The one factory that makes the board's Phaser game, and the router that
// starts the scene for the current phase (one scene per screen).
import * as Phaser from "phaser";
import { store, type BoardState } from "./store.js";
import { C } from "./palette.js";
import { H, W } from "./ui.js";
import { Message } from "./scenes/Message.js";
import { Lobby } from "./scenes/Lobby.js";
import { Deciding } from "./scenes/Deciding.js";
import { Reveal } from "./scenes/Reveal.js";
import { Scoreboard } from "./scenes/Scoreboard.js";
import { Final } from "./scenes/Final.js";
import { Wall } from "./scenes/Wall.js";

/** The synced boardView of the class's wall (the reflection), mid-game or at the final (contract C1). */
export const WALL_VIEW = 2;

/** The trainer put the wall on screen, and there is a wall to show: mid-game only while the reflection is open. */
function wallShown(s: BoardState): boolean {
  const wall = store.wall;
  if (!wall) return false;
  // at the final the second view was the wall before "wall" had its own view (1): both show it
  if (s.phase === "final") return s.boardView === WALL_VIEW || s.boardView === 1;
  return s.boardView === WALL_VIEW && wall.open === true && (s.phase === "reveal" || s.phase === "scoreboard");
}

export function sceneFor(s: BoardState | null): string {
  if (!s) return "Message";
  if (wallShown(s)) return "Wall";
  switch (s.phase) {
    case "lobby":
      return "Lobby";
    case "briefing":
    case "deciding":
      return s.card ? "Deciding" : "Scoreboard";
    case "reveal":
      return s.reveal ? "Reveal" : "Scoreboard";
    case "scoreboard":
      return "Scoreboard";
    case "final":
      return s.summary ? "Final" : "Scoreboard";
  }
}

export function StartGame(parent: string | HTMLElement): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: W,
    height: H,
    backgroundColor: C.bg,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: W, height: H },
    banner: false,
    scene: [Message, Lobby, Deciding, Reveal, Scoreboard, Final, Wall],
  });
  const route = () => {
    const key = sceneFor(store.state);
    store.scene = key;
    const running = game.scene.getScenes(true).map((s) => s.scene.key);
    if (running.length === 1 && running[0] === key) return;
    for (const k of running) if (k !== key) game.scene.stop(k);
    if (!running.includes(key)) game.scene.start(key);
  };
  game.events.once(Phaser.Core.Events.READY, () => {
    store.subscribe(route);
    route();
  });
  return game;
}
