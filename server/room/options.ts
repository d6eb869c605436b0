// What a game room is created with: a new session's pack and settings, or a
// saved session to resume (server/sessions.ts builds both).
import type { GameState, Settings } from "../../shared/rules/types.js";
import type { Pack } from "../../shared/scenario.js";

export interface GameRoomOptions {
  pack: Pack;
  settings: Settings;
  hostKeyHash: string;
  seed: number;
  /** Resume from a saved state (after a server restart), with the code it had. */
  restore?: RestoreOptions | undefined;
}

export interface RestoreOptions {
  code: string;
  game: GameState;
  devices: Record<string, string>;
  banned: string[];
  /** Epoch ms of the save the game comes from: a running deciding timer continues from what was left then. */
  savedAt?: number | undefined;
}
