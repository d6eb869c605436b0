// The server the benchmark starts: the real game server plus the bare room.
import { defineRoom } from "@colyseus/core";
import { readConfig } from "../../server/config.js";
import { loadPacks } from "../../server/packs.js";
import { createGameServer, listenGame } from "../../server/app.js";
import { BareRoom } from "./bare-room.js";

const config = readConfig();
const { packs, errors } = loadPacks(config.scenarioDirs);
if (errors.length) throw new Error(errors.join("\n"));
const { server } = createGameServer({ config, packs, extraRooms: { bare: defineRoom(BareRoom) } });
await listenGame(server, config.port, "127.0.0.1");
process.send?.({ ready: true, pid: process.pid });
