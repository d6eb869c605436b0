// Who sits where in a room: the seat each client holds (the trainer's
// console, the board, an observer, a player), the devices that give a
// returning phone its seat back, the banned devices, the phones the trainer
// removed (told once the removal is shown), and each team's view — its secret
// fields (votes, reason) go to its own members and the host only.
import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { nanoid } from "nanoid";
import { CLOSE_REMOVED, SERVER_MESSAGES } from "../../shared/constants.js";
import type { RemovedMessage } from "../../shared/protocol/messages.js";
import type { GameState } from "../../shared/rules/types.js";
import type { GameRoomState } from "../state.js";

export type Seat =
  | { kind: "host" }
  | { kind: "board" }
  | { kind: "observer" }
  /** lang: the language the phone reads; its texts come in that language only when it is Indonesian. */
  | { kind: "player"; playerId: string; deviceHash: string; lang: "id" | "en" };

export type GameClient = Client<{ userData: Seat }>;

export class Seats {
  /** deviceHash → playerId: the same device re-entering the code gets its seat back. */
  readonly devices = new Map<string, string>();
  readonly banned = new Set<string>();
  /** playerId → the client currently in that seat. */
  readonly seated = new Map<string, GameClient>();
  /** Removed players' phones, told once the removal is saved and shown (see tellRemoved). */
  private leaving = new Map<string, { client: GameClient; banned: boolean }>();
  private teamViews: StateView[] = [];
  readonly hostView = new StateView();

  /** `state` with its teams made; `restore`: a resumed session's devices and bans. */
  constructor(
    private readonly state: GameRoomState,
    restore?: { devices: Record<string, string>; banned: string[] },
  ) {
    state.teams.forEach((team) => {
      const view = new StateView();
      view.add(team);
      this.teamViews.push(view);
      this.hostView.add(team);
    });
    for (const [hash, id] of Object.entries(restore?.devices ?? {})) this.devices.set(hash, id);
    restore?.banned.forEach((hash) => this.banned.add(hash));
  }

  /** The clients of players who joined or changed team between two shown games. */
  moved(prev: GameState, game: GameState): GameClient[] {
    if (prev.players === game.players) return [];
    return Object.keys(game.players).flatMap((id) => (prev.players[id]?.team === game.players[id]?.team ? [] : (this.seated.get(id) ?? [])));
  }

  newPlayerId(game: GameState): string {
    let id: string;
    do id = `p${nanoid(10)}`;
    while (game.players[id]);
    return id;
  }

  /** The rules removed `playerId`: its devices forgotten (banned with `ban`), its phone told once that is shown. */
  remove(playerId: string, ban: boolean): void {
    for (const [hash, id] of this.devices) {
      if (id !== playerId) continue;
      this.devices.delete(hash);
      if (ban) this.banned.add(hash);
    }
    const client = this.seated.get(playerId);
    this.seated.delete(playerId);
    if (client) this.leaving.set(playerId, { client, banned: ban });
  }

  /** The game as now shown: a removed player no longer in it hears "removed", and the socket closes. */
  tellRemoved(game: GameState): void {
    for (const [playerId, { client, banned }] of this.leaving) {
      if (Object.hasOwn(game.players, playerId)) continue;
      this.leaving.delete(playerId);
      client.send(SERVER_MESSAGES.removed, { banned } satisfies RemovedMessage);
      client.leave(CLOSE_REMOVED);
    }
  }

  /** Gives a player's client its team's view; true when a patch must follow (see below). */
  seatView(client: GameClient, team: number): boolean {
    const view = this.teamViews[team];
    if (!view || client.view === view) return false;
    const joinedBefore = client.view !== undefined;
    client.view = view;
    // A client that already decoded another team's view has never been sent
    // this team's secret fields (its vote map's ref among them): a full state
    // is only sent at join. Adding the team to the shared view again queues a
    // snapshot of it for the next patch (@colyseus/schema re-snapshots a
    // default-tag re-add on purpose), so the newcomer learns the map before
    // any change to it arrives; the team's other members decode the same
    // values again, which changes nothing for them.
    const teamState = this.state.teams[team];
    if (!joinedBefore || !teamState) return false;
    view.add(teamState);
    return true;
  }

  /** Observers watching (the board is the room's own screen, not someone watching). */
  static countObservers(clients: Iterable<GameClient>): number {
    let n = 0;
    for (const c of clients) if (c.userData?.kind === "observer") n++;
    return n;
  }
}
