// Builds the game server: the Colyseus room, the HTTP routes and the built
// pages, all on one port.
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { randomInt, timingSafeEqual } from "node:crypto";
import { monitor } from "@colyseus/monitor";
import express from "express";
import { defineRoom, defineServer, matchMaker, type Presence, type RegisteredHandler, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { nanoid } from "nanoid";
import { CreateSessionSchema, ROOM_NAME } from "../shared/protocol.js";
import { normaliseCode, isCode } from "../shared/constants.js";
import { scoringOf, type Pack } from "../shared/scenario.js";
import type { Reason } from "../shared/reasons.js";
import type { Config } from "./config.js";
import { GUARD_DEFAULTS, guardJoins, type GuardOptions } from "./guard.js";
import { GameRoom, sha256, type GameRoomOptions } from "./room.js";
import { liveRooms, type RoomServices, type RoomSnapshot } from "./services.js";

export interface AppOptions {
  config: Config;
  packs: Map<string, Pack>;
  persist?: RoomServices["persist"];
  presence?: Presence;
  driver?: matchMaker.MatchMakerDriver;
  /** Extra room types (the benchmark's bare room). */
  extraRooms?: Record<string, RegisteredHandler<any>>;
  /** Extra routes (results, export) mounted by the caller. */
  routes?: (app: express.Application, services: RoomServices) => void;
  /** true when a saved session holds this code (new rooms skip it). */
  codeStored?: (code: string) => Promise<boolean>;
}

/** The LAN addresses phones should use (never localhost when the machine has a network). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const net of list ?? []) {
      if (net.family === "IPv4" && !net.internal) out.push(net.address);
    }
  }
  return out;
}

export function joinBaseUrl(config: Config): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, "");
  const lan = lanAddresses()[0] ?? "127.0.0.1";
  return `http://${lan}:${config.port}`;
}

function fail(res: express.Response, status: number, reason: Reason): void {
  res.status(status).json({ reason });
}

export function createGameServer(options: AppOptions): { server: Server; services: RoomServices } {
  const { config, packs } = options;
  const services: RoomServices = {
    config,
    rooms: liveRooms(),
    persist: options.persist ?? (async () => {}),
    codeStored: options.codeStored,
  };
  GameRoom.services = services;

  const server = defineServer({
    rooms: { [ROOM_NAME]: defineRoom(GameRoom), ...(options.extraRooms ?? {}) },
    transport: new WebSocketTransport({ pingInterval: 3000, pingMaxRetries: 2, maxPayload: 64 * 1024 }),
    ...(options.presence ? { presence: options.presence } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    greet: false,
    express: (app) => {
      app.disable("x-powered-by");
      app.use(express.json({ limit: "8kb" }));

      app.get("/api/health", (_req, res) => {
        res.json({ ok: true, rooms: matchMaker.stats.local.roomCount, ccu: matchMaker.stats.local.ccu });
      });

      app.get("/api/packs", (_req, res) => {
        res.json(
          [...packs.values()].map((p) => ({ id: p.id, title: p.title, description: p.description, events: p.events.length })),
        );
      });

      app.get("/api/info", (_req, res) => {
        const lanUrls = lanAddresses().map((ip) => `http://${ip}:${config.port}`);
        res.json({ localUrl: `http://localhost:${config.port}`, lanUrls, joinUrl: joinBaseUrl(config) });
      });

      app.post("/api/sessions", async (req, res) => {
        const parsed = CreateSessionSchema.safeParse(req.body);
        if (!parsed.success) return fail(res, 400, "INVALID_SETTINGS");
        const pack = packs.get(parsed.data.packId);
        if (!pack) return fail(res, 404, "PACK_NOT_FOUND");
        const hostKey = nanoid(32); // ~190 random bits
        const roomOptions: GameRoomOptions = {
          pack,
          hostKeyHash: sha256(hostKey),
          seed: randomInt(2 ** 31),
          settings: {
            packId: pack.id,
            teamCount: parsed.data.teamCount,
            roundSeconds: parsed.data.roundSeconds,
            maxTeamSize: 40,
            scoring: scoringOf(pack),
          },
        };
        try {
          const room = await matchMaker.createRoom(ROOM_NAME, roomOptions);
          res.status(201).json({ code: room.roomId, hostKey });
        } catch (error) {
          console.error("could not create a room:", error);
          fail(res, 500, "SERVER_ERROR");
        }
      });

      // Short join link for the QR code: /j/ABCDE
      app.get("/j/:code", (req, res) => {
        const code = normaliseCode(String(req.params.code ?? ""));
        res.redirect(302, isCode(code) ? `/play.html?code=${code}` : "/");
      });

      options.routes?.(app, services);

      // The Colyseus monitor panel, only behind the admin password.
      if (config.monitorPassword) {
        const expected = `Basic ${Buffer.from(`admin:${config.monitorPassword}`).toString("base64")}`;
        const gate: express.RequestHandler = (req, res, next) => {
          const given = req.headers.authorization ?? "";
          if (given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return next();
          res.set("WWW-Authenticate", 'Basic realm="Arena VUCA monitor"').status(401).send("Password required");
        };
        app.use("/colyseus", gate, monitor() as unknown as express.RequestHandler);
      }

      if (existsSync(config.clientDir)) {
        app.use(express.static(config.clientDir, { extensions: ["html"], index: "index.html", maxAge: "1h" }));
      } else {
        app.get("/", (_req, res) => {
          res.type("text").send("Arena VUCA: the pages are not built yet. Run `npm start` (it builds them) or `npm run build`.");
        });
      }
      app.use((_req, res) => {
        res.status(404).type("text").send("Not found");
      });
    },
  });
  return { server, services };
}

/** Listens on the port and puts the join guard in front of the matchmaker. */
export async function listenGame(server: Server, port: number, host: string, guard: Partial<GuardOptions> = {}): Promise<void> {
  await server.listen(port, host);
  const http = (server.transport as unknown as { server?: import("node:http").Server }).server;
  if (http) guardJoins(http, { ...GUARD_DEFAULTS, ...guard });
}

export const CLIENT_INDEX = (config: Config) => join(config.clientDir, "index.html");
