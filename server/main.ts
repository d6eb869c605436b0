// Starts Arena VUCA: loads and checks every scenario pack (refusing to start
// on a broken one), opens the store, and serves the game and the pages on one port.
import { createServer } from "node:net";
import { readConfig } from "./config.js";
import { log, logError } from "./log.js";
import { loadPacks } from "./packs.js";
import { createGameServer, joinBaseUrl, lanAddresses, listenGame, type AppOptions } from "./app.js";
import { terminalQr } from "./qr.js";
import { openThreadStore } from "./store/index.js";
import { replaySpool, spoolSnapshots } from "./store/spool.js";
import { attachStore } from "./sessions.js";
import { startLiveness } from "./liveness.js";

const config = readConfig();

/** Says in one sentence why the port cannot be used, and stops (no stack, no hang). */
function portProblem(error: unknown): never {
  const code = (error as { code?: string })?.code;
  if (code === "EADDRINUSE") {
    console.error(`Arena VUCA cannot start: port ${config.port} is already in use (another Arena VUCA or another program). Stop it, or choose another port with PORT, e.g. PORT=3000 npm start.`);
  } else if (code === "EACCES") {
    console.error(`Arena VUCA cannot start: this user may not open port ${config.port}. Choose another port with PORT, e.g. PORT=3000 npm start.`);
  } else {
    console.error(`Arena VUCA cannot start: port ${config.port} on ${config.host} cannot be opened (${error instanceof Error ? error.message : String(error)}). Choose another with PORT or HOST.`);
  }
  process.exit(1);
}
// Before anything else starts: is the port free?
await new Promise<void>((resolve) => {
  const probe = createServer();
  probe.once("error", portProblem);
  probe.listen(config.port, config.host, () => probe.close(() => resolve()));
});
const { packs, errors } = loadPacks(config.scenarioDirs);
if (errors.length > 0) {
  console.error("Arena VUCA cannot start: a scenario pack is broken.");
  for (const line of errors) console.error("  " + line);
  process.exit(1);
}
if (packs.size === 0) {
  console.error(`Arena VUCA cannot start: no scenario packs found in ${config.scenarioDirs.join(", ")}.`);
  process.exit(1);
}

const options: AppOptions = { config, packs };
if (config.redisUrl) {
  // Several processes share rooms: Colyseus' own Redis presence and driver.
  if (!config.databaseUrl) {
    console.error("Arena VUCA cannot start: REDIS_URL (several processes) needs DATABASE_URL (PostgreSQL) for the results.");
    process.exit(1);
  }
  const { RedisPresence } = await import("@colyseus/redis-presence");
  const { RedisDriver } = await import("@colyseus/redis-driver");
  options.presence = new RedisPresence(config.redisUrl);
  options.driver = new RedisDriver(config.redisUrl);
}

// Results: SQLite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set,
// in a thread of their own so that a save never holds up the game.
// Saved at every change (phase changes and locks at once); a failed write is logged and retried, never breaks a room.
const store = await openThreadStore({ databaseUrl: config.databaseUrl ?? "", dataDir: config.dataDir }).catch((error: unknown) => {
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `${config.dataDir}/arena-vuca.sqlite`;
  console.error(`Arena VUCA cannot start: the results store in ${where} could not be opened.`);
  console.error(`  ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const { persister, waiting: isWaiting } = attachStore(options, store, packs, (message, error) => console.error(message, error ?? ""));
// saves that could not land before the last stop (store down, disk full)
await replaySpool(config.dataDir, store, persister, (message, error) => console.error(message, error instanceof Error ? error.message : ""));
if (config.retentionDays) {
  const purge = () => void store.purgeOlderThan(config.retentionDays!).catch((e) => logError("retention-purge-failed", e));
  purge();
  setInterval(purge, 24 * 3600_000).unref();
}

const { server } = createGameServer(options);
let stopLiveness: (() => Promise<void>) | null = null;
server.onShutdown(async () => {
  await stopLiveness?.();
  // saves that cannot land (store down) do not hold the stop forever
  if (!(await persister.flush(10_000))) {
    // kept in the data folder and written at the next start (server/store/spool.ts)
    const kept = spoolSnapshots(config.dataDir, persister.unsaved(), (message, error) => console.error(message, error instanceof Error ? error.message : ""));
    console.error(`The results store is not answering: ${kept} session(s) kept in ${config.dataDir}/unsaved and saved at the next start.`);
  }
  await store.close();
});
await listenGame(server, config.port, config.host, { waiting: isWaiting }).catch(portProblem);
log("server-started", { port: config.port, nodeEnv: process.env.NODE_ENV, packs: packs.size, store: store.dialect, trustProxy: config.trustProxy, maxRooms: config.maxRooms });
// several processes: a heartbeat in the presence, and rooms of a process that stopped beating taken over (server/liveness.ts)
if (config.redisUrl) stopLiveness = startLiveness(undefined, (line) => console.log(line));

const waiting = await store.listSessions({ activeOnly: true, limit: 20 }).catch(() => []);

const join = joinBaseUrl(config);
console.log(`Arena VUCA is running (${packs.size} scenario packs; results in ${store.dialect === "postgres" ? "PostgreSQL" : `${config.dataDir}/arena-vuca.sqlite`}).`);
console.log(`  On this computer:     http://localhost:${config.port}`);
for (const ip of lanAddresses()) console.log(`  On the LAN (phones):  http://${ip}:${config.port}`);
console.log(`  Phones join at ${join}  — scan:`);
console.log(terminalQr(join));
if (waiting.length > 0) {
  console.log(`Sessions saved before the last stop (resume them in the trainer console, /host.html): ${waiting.map((w) => w.code).join(", ")}`);
}
