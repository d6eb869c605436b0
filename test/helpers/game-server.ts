// Boots a real Arena VUCA server (HTTP + WebSocket) on a free port for a test
// file (with a real SQLite store in a folder of its own when asked), and gives
// real @colyseus/sdk clients to talk to it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { randomInt } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import { matchMaker, type Server } from "@colyseus/core";
import { readConfig, type Config } from "../../server/config.js";
import { loadPacks } from "../../server/packs.js";
import { createGameServer, listenGame, type AppOptions } from "../../server/app.js";
import { attachStore } from "../../server/sessions.js";
import { openStore, type Persister, type Store } from "../../server/store/index.js";
import { GameRoom } from "../../server/room/GameRoom.js";
import { sha256 } from "../../server/room/joining.js";
import { type GameRoomOptions } from "../../server/room/options.js";
import type { RoomServices, RoomSnapshot } from "../../server/services.js";
import { scoringOf, type Condition, type Pack, type Prime } from "../../shared/scenario.js";
import { RoomTexts } from "../../client/lib/room-texts.js";
import { type RoomStateView } from "../../shared/protocol/state-view.js";
import { type TextsMessage } from "../../shared/protocol/wire.js";
import { SERVER_MESSAGES } from "../../shared/constants.js";
import type { RefusalMessage } from "../../shared/protocol/messages.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface TestGame {
  url: string;
  port: number;
  server: Server;
  services: RoomServices;
  packs: Map<string, Pack>;
  config: Config;
  client(): Client;
  /** Creates a session over HTTP, as the console does. */
  createSession(body: { packId: string; teamCount: number; roundSeconds: number }): Promise<{ code: string; hostKey: string }>;
  /** Creates a room in-process with any settings (e.g. a 2-second timer). */
  createRoom(opts: { packId: string; teamCount: number; roundSeconds: number; seed?: number }): Promise<{ code: string; hostKey: string; room: GameRoom }>;
  room(code: string): GameRoom;
  /** The persister when started with a store. */
  persister: Persister | null;
  close(): Promise<void>;
}

export async function startTestGame(
  env: Record<string, string> = {},
  extra: {
    persist?: (s: RoomSnapshot) => Promise<void>;
    routes?: (app: import("express").Application, packs: Map<string, Pack>) => void;
    /** A real store wired as `npm start` does (persister, results and session routes, waiting guard). */
    store?: Store;
    /** Where the store's log lines go (default: nowhere). */
    log?: (message: string, error?: unknown) => void;
  } = {},
): Promise<TestGame> {
  const port = await freePort();
  // test files create many sessions from 127.0.0.1: the per-address limit is tested on its own (test/security)
  const config = readConfig({ ...process.env, PORT: String(port), RECONNECT_SECONDS: "30", CREATE_PER_MINUTE: "10000", ...env });
  const { packs, errors } = loadPacks(config.scenarioDirs);
  if (errors.length) throw new Error(errors.join("\n"));
  const options: AppOptions = {
    config,
    packs,
    ...(extra.persist ? { persist: extra.persist } : {}),
    ...(extra.routes ? { routes: (app: import("express").Application) => extra.routes!(app, packs) } : {}),
  };
  const wired = extra.store ? attachStore(options, extra.store, packs, extra.log ?? (() => {})) : null;
  const { server, services } = createGameServer(options);
  await listenGame(server, port, "127.0.0.1", wired ? { waiting: wired.waiting } : {});
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    server,
    services,
    packs,
    config,
    client: () => testClient(url),
    async createSession(body) {
      const res = await fetch(`${url}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as { code: string; hostKey: string };
    },
    async createRoom({ packId, teamCount, roundSeconds, seed }) {
      const pack = packs.get(packId);
      if (!pack) throw new Error(`no pack ${packId}`);
      const hostKey = `test-host-key-${randomInt(1e9)}-${randomInt(1e9)}`;
      const options: GameRoomOptions = {
        pack,
        hostKeyHash: sha256(hostKey),
        seed: seed ?? 42,
        settings: { packId, teamCount, roundSeconds, maxTeamSize: 40, scoring: scoringOf(pack) },
      };
      const cache = await matchMaker.createRoom("game", options);
      return { code: cache.roomId, hostKey, room: matchMaker.getLocalRoomById(cache.roomId) as GameRoom };
    },
    room: (code) => matchMaker.getLocalRoomById(code) as GameRoom,
    persister: wired?.persister ?? null,
    async close() {
      await server.gracefullyShutdown(false);
      await wired?.persister.flush(10_000);
    },
  };
}

/** A test game wired to a real SQLite store (as `npm start` wires it) in a fresh folder. */
export interface StoredGame {
  game: TestGame;
  store: Store;
  /** The store's folder. */
  dir: string;
  /** Stops the game, closes the store and removes its folder. */
  close(): Promise<void>;
}

export async function startStoredGame(env: Record<string, string> = {}): Promise<StoredGame> {
  const dir = mkdtempSync(join(tmpdir(), "arena-stored-"));
  const store = await openStore({ databaseUrl: "", dataDir: dir });
  const game = await startTestGame(env, { store });
  return {
    game,
    store,
    dir,
    async close() {
      await game.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type GameClientRoom = Room<any, RoomStateView>;

const roomTexts = new WeakMap<Room, RoomTexts>();
/** The latest console joined to each room code: its card carries the Primes (see submitPrime). */
const hostRooms = new Map<string, Room>();
function keepTexts<R extends Room>(room: R): R {
  const texts = new RoomTexts();
  roomTexts.set(room, texts);
  room.onMessage(SERVER_MESSAGES.texts, (m: TextsMessage) => texts.take(m));
  return room;
}

/** An SDK client whose rooms keep their `texts` messages from the join on, as the pages do (read them with texts(room)). */
export function testClient(url: string): Client {
  const client = new Client(url);
  const joinById = client.joinById.bind(client);
  const reconnect = client.reconnect.bind(client);
  client.joinById = (async (...args: Parameters<typeof joinById>) => {
    const room = keepTexts(await joinById(...args));
    if ((args[1] as { kind?: string } | undefined)?.kind === "host") hostRooms.set(room.roomId, room);
    return room;
  }) as typeof client.joinById;
  client.reconnect = (async (...args: Parameters<typeof reconnect>) => keepTexts(await reconnect(...args))) as typeof client.reconnect;
  return client;
}

/** The card, reveal and summary a room joined through testClient() has received. */
export function texts(room: Room): RoomTexts {
  const kept = roomTexts.get(room);
  if (!kept) throw new Error("this room was not joined through testClient()");
  return kept;
}

let deviceCounter = 0;
export function newDevice(): string {
  return `device-${process.pid}-${++deviceCounter}-${randomInt(1e12)}`;
}

/** Resolves when `predicate(state)` holds (checked now and after every patch). */
export function until(room: GameClientRoom, test: (s: RoomStateView) => boolean, label = "condition", ms = 8000): Promise<void> {
  // a state still being decoded may lack fields: that is "not yet", not an error
  const predicate = (s: RoomStateView) => {
    try {
      return test(s);
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    if (room.state && predicate(room.state)) return resolve();
    const check = () => {
      if (predicate(room.state)) {
        clearTimeout(timer);
        room.onStateChange.remove(check);
        resolve();
      }
    };
    const timer = setTimeout(() => {
      room.onStateChange.remove(check);
      reject(new Error(`timed out waiting for ${label}`));
    }, ms);
    room.onStateChange(check);
  });
}

/** Collects `refused` messages; `next()` resolves with the next one. */
export function refusals(room: GameClientRoom) {
  const seen: RefusalMessage[] = [];
  const waiters: ((m: RefusalMessage) => void)[] = [];
  room.onMessage("refused", (m: RefusalMessage) => {
    const w = waiters.shift();
    if (w) w(m);
    else seen.push(m);
  });
  return {
    seen,
    next(ms = 5000): Promise<RefusalMessage> {
      const m = seen.shift();
      if (m) return Promise.resolve(m);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error("no refusal arrived")), ms);
        waiters.push((msg) => {
          clearTimeout(t);
          resolve(msg);
        });
      });
    },
  };
}

/** The order of the current card's Primes as shown (A–D): from the in-process room, else from a console joined to it. */
function shownPrimes(roomId: string): (Prime | undefined)[] {
  const local = matchMaker.getLocalRoomById(roomId) as GameRoom | undefined;
  if (local) return (["vision", "understanding", "clarity", "agility"] as const).map((_p, i, all) => all.find((p) => local.optionOf(p) === i));
  const host = hostRooms.get(roomId);
  const card = host ? texts(host).card(host.state as RoomStateView) : null;
  if (!card) throw new Error(`no card known for room ${roomId}: join a console first`);
  return card.options.map((o) => o.prime);
}

/**
 * A phone submits the option with `prime` (the test knows the Primes; the phone
 * only sees A–D: the room, or a console joined to it, gives the option's place
 * this round) and a diagnosis (none when `diagnosis` is null, as when the
 * condition is shown).
 */
export function submitPrime(phone: Room, prime: Prime, commit: boolean, diagnosis: Condition | null = "volatility"): void {
  const option = Math.max(0, shownPrimes(phone.roomId).indexOf(prime));
  phone.send("submit", diagnosis ? { option, diagnosis, commit } : { option, commit });
}

/** The Prime of a vote (its option's place this round), as the test knows it. */
export function primeOf(anyClient: Room, vote: { option: number } | undefined): Prime | undefined {
  return vote ? shownPrimes(anyClient.roomId)[vote.option] : undefined;
}
