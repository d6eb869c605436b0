// What a room needs from the process around it: configuration, the registry
// of live rooms (for the console's session list) and persistence.
import type { GameState } from "../shared/rules/types.js";
import type { Pack } from "../shared/scenario.js";
import type { Config } from "./config.js";
import type { SaveTrouble } from "../shared/protocol/messages.js";

export interface RoomSnapshot {
  code: string;
  hostKeyHash: string;
  pack: Pack;
  game: GameState;
  /** deviceHash → playerId (hashes only, never the device secret). */
  devices: Record<string, string>;
  banned: string[];
}

export interface LiveRoom {
  game: GameState;
  pack: Pack;
  roomId: string;
}

export interface RoomServices {
  config: Config;
  rooms: { opened(room: LiveRoom): void; closed(room: LiveRoom): void; get(code: string): LiveRoom | undefined };
  /**
   * Saves a snapshot; resolves once it (or a newer one of the room) is durably
   * stored, never rejects: failures are logged and retried inside for as long
   * as the process runs. `trouble` hears the cause while saves fail and null
   * once they land again.
   */
  persist(snapshot: RoomSnapshot, trouble?: (trouble: SaveTrouble | null) => void): Promise<void>;
  /**
   * The room has closed: once its last save has landed, what is kept in
   * memory for the session (by the persister and the store) is dropped.
   */
  release?: ((code: string) => void) | undefined;
  /** true when a saved session already has this code (a new room must not take it). */
  codeStored?: ((code: string) => Promise<boolean>) | undefined;
  /** One structured line per event (server/log.ts); absent in some tests. */
  log?: ((event: string, fields: Record<string, unknown>) => void) | undefined;
}

export function liveRooms(): RoomServices["rooms"] {
  const map = new Map<string, LiveRoom>();
  return {
    opened: (room) => void map.set(room.roomId, room),
    closed: (room) => void map.delete(room.roomId),
    get: (code) => map.get(code),
  };
}
