// The synced state: what the board, the phones and the console decode.
// Only `TeamState.votes` and `TeamState.reason` are secret: they are `.view()`
// fields, sent only to the team's own members and the host (see server/room/seats.ts).
// Card, reveal and summary are not here: they travel as `texts` messages
// (shared/protocol/wire.ts), decoded natively instead of char by char. The
// pages' hand-written copy of this schema: shared/protocol/state-view.ts.
import { schema, t, type SchemaType } from "@colyseus/schema";
import type { GameState } from "../shared/rules/types.js";
import type { Pack } from "../shared/scenario.js";

export const MemberState = schema(
  {
    id: t.string(),
    name: t.string(),
    /** Role ids, comma-separated, e.g. "government,media". */
    roles: t.string(),
    connected: t.boolean(),
  },
  "MemberState",
);
export type MemberState = SchemaType<typeof MemberState>;

export const TeamState = schema(
  {
    index: t.uint8(),
    /** Member seats in join order. */
    members: t.array(MemberState),
    captain: t.string(),
    sent: t.uint8(),
    locked: t.boolean(),
    /** Why the team is locked: 0 = not locked, else 1 + its index in LOCK_CAUSES (read with lockCauseOf). */
    lockedBy: t.uint8(),
    score: t.int16(),
    /** Deciding time used over the scored rounds (ms): breaks score ties in the one ranking (shared/rules/ranking.ts). */
    totalLockMs: t.uint32(),
    /**
     * Secret until the reveal: only this team's members and the host see these.
     * playerId → vote code ("Bc+": option B as shown this round, diagnosis
     * complexity, committing a role card — never the option's Prime; see
     * shared/protocol/wire.ts decodeVote), "" until they send: every member has an entry while in the
     * team, so a vote changes a value and never adds a key.
     */
    votes: t.map("string").view(),
    reason: t.string().view(),
  },
  "TeamState",
);
export type TeamState = SchemaType<typeof TeamState>;

export const GameRoomState = schema(
  {
    code: t.string(),
    packId: t.string(),
    /** JSON of the pack's title Text. */
    packTitle: t.string(),
    phase: t.string(),
    /** Index of the current event card, -1 in the lobby. */
    round: t.int8(),
    roundCount: t.uint8(),
    roundSeconds: t.uint16(),
    /** Whole seconds left in the deciding phase (frozen while paused). */
    timeLeft: t.uint16(),
    paused: t.boolean(),
    roomLocked: t.boolean(),
    teams: t.array(TeamState),
    observers: t.uint16(),
    /**
     * What the trainer set for the board from the console: the view (0 results,
     * 1 responses — at the final, the wall —, 2 the wall while a reflection is
     * open or at the final), the sound (0 silent … 10) and whether it moves
     * (false: calm; kept across phases).
     */
    boardView: t.uint8(),
    volume: t.uint8(),
    boardMotion: t.boolean(),
  },
  "GameRoomState",
);
export type GameRoomState = SchemaType<typeof GameRoomState>;

/** A new room's state: what never changes during the game, and the board's defaults (sound 6 of 10, motion on). */
export function newRoomState(code: string, pack: Pack, game: GameState): GameRoomState {
  const state = new GameRoomState();
  state.code = code;
  state.packId = pack.id;
  state.packTitle = JSON.stringify(pack.title);
  state.roundCount = pack.events.length;
  state.roundSeconds = game.settings.roundSeconds;
  state.volume = 6;
  state.boardMotion = true;
  return state;
}
