// The `npm start` launcher, in plain JavaScript so that it runs (and can say
// why it will not) on any Node: checks the Node version, builds the pages when
// they are missing or older than their sources, then starts the TypeScript
// server through tsx. `--dev` runs the Vite dev server beside it instead.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { SERVER_NODE_OPTIONS } from "./node-options.mjs";

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(`Arena VUCA needs Node.js 22 or newer; this is Node.js ${process.versions.node}. Install Node 22 (https://nodejs.org) and run npm start again.`);
  process.exit(1);
}

const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const dev = process.argv.includes("--dev");

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function clientIsStale() {
  const built = join(root, "dist", "client", "index.html");
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(root, "client")), newest(join(root, "shared")));
  return sources > statSync(built).mtimeMs;
}

if (!dev && clientIsStale()) {
  console.log("Building the pages (first start or changed sources)…");
  const r = spawnSync(bin("vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// `npm start` is production: Colyseus then prints no developer hints, and
// Express no stack traces (set before either loads, in the server's own env).
const serverEnv = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || (dev ? "development" : "production"),
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${SERVER_NODE_OPTIONS}`.trim(),
};

const children = [];
const run = (cmd, args, env = process.env) => {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env });
  children.push(child);
  child.on("exit", (code) => {
    for (const c of children) if (c !== child) c.kill("SIGTERM");
    process.exit(code ?? 0);
  });
};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => children.forEach((c) => c.kill(sig)));

if (dev) {
  run(bin("tsx"), ["watch", "--clear-screen=false", "server/main.ts"], serverEnv);
  run(bin("vite"), ["--clearScreen", "false"]);
} else {
  run(bin("tsx"), ["server/main.ts"], serverEnv);
}
