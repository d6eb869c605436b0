// Builds the game server: the Colyseus room, the HTTP routes and the built
// pages, all on one port.
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { randomInt, timingSafeEqual } from "node:crypto";
import { monitor } from "@colyseus/monitor";
import express from "express";
import compression from "compression";
import { defineRoom, defineServer, matchMaker, type Presence, type RegisteredHandler, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { nanoid } from "nanoid";
import { CreateSessionSchema, ROOM_NAME } from "../shared/protocol/messages.js";
import { sheetRoute } from "./sheet.js";
import { authoringRoutes } from "./authoring.js";
import { normaliseCode, isCode } from "../shared/constants.js";
import { scoringOf, type Pack } from "../shared/scenario.js";
import type { Reason } from "../shared/reasons.js";
import { BODY_LIMIT_BYTES, type Config } from "./config.js";
import { GUARD_DEFAULTS, guardJoins, OPEN_MATCHMAKER_METHODS, type GuardOptions } from "./guard.js";
import { colyseusLogger, countRefusal, log, logError, logLimited } from "./log.js";
import { Misses, PerAddress, type TrustFn } from "./throttle.js";
import { GameRoom } from "./room/GameRoom.js";
import { sha256 } from "./room/joining.js";
import { type GameRoomOptions } from "./room/options.js";
import { liveRooms, type RoomServices, type RoomSnapshot } from "./services.js";

export interface AppOptions {
  config: Config;
  packs: Map<string, Pack>;
  persist?: RoomServices["persist"];
  release?: RoomServices["release"];
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
  countRefusal(reason);
}

/** What the HTTP front shares between Express and the guard in front of Colyseus (see listenGame). */
export interface HttpFront {
  /** Wrong codes and keys per address: the join guard and the session routes count together. */
  misses: Misses;
  /** Express' compiled "trust proxy" (TRUST_PROXY). */
  trust: TrustFn;
}
const fronts = new WeakMap<Server, HttpFront>();
const appFronts = new WeakMap<express.Application, HttpFront>();

/** The client's address for a request (X-Forwarded-For only from trusted proxies, as req.ip). */
export function addressOf(req: express.Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "?";
}

/** The shared misses counter of the app a route is mounted on (session and results routes). */
export function frontOf(app: express.Application): HttpFront | undefined {
  return appFronts.get(app);
}

/**
 * Same-origin only: Colyseus answers every request with CORS headers that
 * reflect any Origin with credentials; here none are sent unless the origin
 * is listed in CORS_ORIGINS.
 */
function setCors(origins: string[]): void {
  matchMaker.controller.exposedMethods = [...OPEN_MATCHMAKER_METHODS];
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = {};
  matchMaker.controller.getCorsHeaders = (headers: Headers) => {
    const origin = headers.get("origin");
    if (!origin || !origins.includes(origin)) return {} as Record<string, string>;
    return {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Headers": "Content-Type, Accept",
      "Access-Control-Allow-Methods": "GET,HEAD,POST,DELETE",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    };
  };
}

export function createGameServer(options: AppOptions): { server: Server; services: RoomServices } {
  const { config, packs } = options;
  const services: RoomServices = {
    config,
    rooms: liveRooms(),
    persist: options.persist ?? (async () => {}),
    release: options.release,
    codeStored: options.codeStored,
    // a room's events (handler crashes) can be caused by a client at will: a few lines a minute, then counted
    log: (event, fields) => (event === "handler-crash" ? logLimited(event, fields) : log(event, fields)),
  };
  GameRoom.services = services;
  setCors(config.corsOrigins);
  const front: HttpFront = { misses: new Misses(GUARD_DEFAULTS.maxMisses, GUARD_DEFAULTS.windowMs), trust: () => false };
  const creates = new PerAddress(config.createPerMinute);
  const monitorTries = new PerAddress(config.monitorTriesPerMinute);

  const server = defineServer({
    rooms: { [ROOM_NAME]: defineRoom(GameRoom), ...(options.extraRooms ?? {}) },
    transport: new WebSocketTransport({ pingInterval: 3000, pingMaxRetries: 2, maxPayload: 64 * 1024 }),
    ...(options.presence ? { presence: options.presence } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    greet: false,
    logger: colyseusLogger,
    express: (app) => {
      app.disable("x-powered-by");
      app.set("trust proxy", config.trustProxy);
      front.trust = app.get("trust proxy fn") as TrustFn;
      appFronts.set(app, front);
      app.use(compression());
      app.use(express.json({ limit: BODY_LIMIT_BYTES }));

      app.get("/api/health", (_req, res) => {
        res.json({ ok: true, rooms: matchMaker.stats.local.roomCount, ccu: matchMaker.stats.local.ccu });
      });

      app.get("/api/packs", (_req, res) => {
        res.json(
          [...packs.values()].map((p) => ({
            id: p.id,
            title: p.title,
            description: p.description,
            events: p.events.length,
            // a route's name and how many cards it plays (its cards stay with the sheet)
            routes: Object.fromEntries(Object.entries(p.routes ?? {}).map(([name, ids]) => [name, ids.length])),
          })),
        );
      });
      sheetRoute(app, packs);
      authoringRoutes(app, packs, config);

      app.get("/api/info", (_req, res) => {
        const lanUrls = lanAddresses().map((ip) => `http://${ip}:${config.port}`);
        res.json({ localUrl: `http://localhost:${config.port}`, lanUrls, joinUrl: joinBaseUrl(config) });
      });

      app.post("/api/sessions", async (req, res) => {
        const address = addressOf(req);
        if (creates.over(address)) {
          if (creates.add(address) === creates.max + 1) log("throttled", { address, what: "create" }, "warn");
          return fail(res, 429, "TOO_MANY_SESSIONS");
        }
        if (matchMaker.stats.local.roomCount >= config.maxRooms) {
          log("server-full", { rooms: matchMaker.stats.local.roomCount, maxRooms: config.maxRooms }, "warn");
          return fail(res, 503, "SERVER_FULL");
        }
        const parsed = CreateSessionSchema.safeParse(req.body);
        if (!parsed.success) return fail(res, 400, "INVALID_SETTINGS");
        const pack = packs.get(parsed.data.packId);
        if (!pack) return fail(res, 404, "PACK_NOT_FOUND");
        const route = parsed.data.route;
        if (route !== undefined && !(pack.routes && Object.hasOwn(pack.routes, route))) return fail(res, 400, "INVALID_SETTINGS");
        creates.add(address);
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
            showCondition: parsed.data.showCondition === true,
            route,
            orderSeed: randomInt(2 ** 31),
          },
        };
        try {
          const room = await matchMaker.createRoom(ROOM_NAME, roomOptions);
          res.status(201).json({ code: room.roomId, hostKey });
          log("session-created", { code: room.roomId, pack: pack.id, teams: parsed.data.teamCount, address });
        } catch (error) {
          logError("create-failed", error);
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
        // Wrong passwords are counted per address: over the limit the monitor answers 429 for the minute.
        const gate: express.RequestHandler = (req, res, next) => {
          const address = addressOf(req);
          if (monitorTries.over(address)) return fail(res, 429, "TOO_MANY_ATTEMPTS");
          const given = req.headers.authorization ?? "";
          if (given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return next();
          if (given !== "" && monitorTries.add(address) === monitorTries.max) log("throttled", { address, what: "monitor" }, "warn");
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
      app.use("/api", (_req, res) => fail(res, 404, "NOT_FOUND"));
      app.use((_req, res) => {
        res.status(404).type("text").send("Not found");
      });
      // Every HTTP error is a JSON {reason}: never Express' page with a stack and the install path.
      app.use(((error, req, res, _next) => {
        const e = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
        const status = Number(e.status ?? e.statusCode) || 500;
        if (res.headersSent) return void req.socket.destroy();
        if (e.type === "entity.too.large" || status === 413) return fail(res, 413, "TOO_LARGE");
        if (e.type === "entity.parse.failed" || (status >= 400 && status < 500 && status !== 404)) return fail(res, 400, "BAD_MESSAGE");
        if (status === 404) return fail(res, 404, "NOT_FOUND");
        logError("http-error", error, { method: req.method, path: req.path.slice(0, 80) });
        fail(res, 500, "SERVER_ERROR");
      }) as express.ErrorRequestHandler);
    },
  });
  fronts.set(server, front);
  return { server, services };
}

/** Listens on the port and puts the join guard in front of the matchmaker. */
export async function listenGame(server: Server, port: number, host: string, guard: Partial<GuardOptions> = {}): Promise<void> {
  const http = (server.transport as unknown as { server?: import("node:http").Server }).server;
  // a port in use is an error here, not a promise that never settles
  const failed = new Promise<never>((_resolve, reject) => http?.once("error", reject));
  await Promise.race([server.listen(port, host), failed]);
  const front = fronts.get(server);
  if (http) guardJoins(http, { ...GUARD_DEFAULTS, ...(front ? { misses: front.misses, trust: front.trust } : {}), ...guard });
}

export const CLIENT_INDEX = (config: Config) => join(config.clientDir, "index.html");
