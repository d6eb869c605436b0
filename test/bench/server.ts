// The server the benchmark starts: the real game server as `npm start` runs
// it (rules, saves to the embedded SQLite store in its thread, in a fresh folder) plus the
// bare room it is measured against.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineRoom, matchMaker } from "@colyseus/core";
import { readConfig } from "../../server/config.js";
import { loadPacks } from "../../server/packs.js";
import { createGameServer, listenGame, type AppOptions } from "../../server/app.js";
import { openThreadStore } from "../../server/store/index.js";
import { attachStore } from "../../server/sessions.js";
import { BareRoom } from "./bare-room.js";

const config = readConfig();
const { packs, errors } = loadPacks(config.scenarioDirs);
if (errors.length) throw new Error(errors.join("\n"));
const dataDir = mkdtempSync(join(tmpdir(), "arena-vuca-bench-"));
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
const store = await openThreadStore({ databaseUrl: "", dataDir });
// The matchmaker's create route is closed (rooms are made by the server's own routes only): the bots ask this one for a bare room.
const options: AppOptions = {
  config,
  packs,
  extraRooms: { bare: defineRoom(BareRoom) },
  routes: (app) => {
    app.post("/bench/bare", async (_req, res) => {
      const room = await matchMaker.createRoom("bare", {});
      res.status(201).json({ roomId: room.roomId });
    });
  },
};
const { waiting } = attachStore(options, store, packs, (message, error) => console.error(message, error ?? ""));
const { server } = createGameServer(options);
await listenGame(server, config.port, "127.0.0.1", { waiting });
process.send?.({ ready: true, pid: process.pid });
