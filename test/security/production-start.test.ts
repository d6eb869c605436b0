// `npm start` as a trainer runs it (server/boot.mjs): NODE_ENV is production
// (finding 8: Colyseus printed developer hints), a port in use is one sentence
// naming the port and PORT and exit code 1, not a stack or a hang (issue #19),
// and the pages and API are compressed: the phone's JavaScript travels gzip
// or brotli over HTTP (issue #18).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/game-server.js";
import { ensureClientBuilt } from "../helpers/browser.js";

const ROOT = resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(join(tmpdir(), "arena-prod-start-"));
let busy: Server;
let busyPort: number;
let server: ChildProcess | undefined;
let port: number;
let started: Record<string, unknown>;

function boot(env: Record<string, string>): { child: ChildProcess; out: string[]; err: string[] } {
  const { NODE_ENV: _drop, ...parent } = process.env;
  const child = spawn(process.execPath, ["server/boot.mjs"], {
    cwd: ROOT,
    env: { ...parent, HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on("data", (d) => out.push(String(d)));
  child.stderr!.on("data", (d) => err.push(String(d)));
  return { child, out, err };
}

beforeAll(async () => {
  ensureClientBuilt();
  busyPort = await freePort();
  busy = createServer();
  await new Promise<void>((r) => busy.listen(busyPort, "127.0.0.1", () => r()));
  port = await freePort();
  const { child, out } = boot({ PORT: String(port) });
  server = child;
  for (let i = 0; i < 600; i++) {
    const line = out.join("").split("\n").find((l) => l.includes('"server-started"'));
    if (line) {
      started = JSON.parse(line) as Record<string, unknown>;
      return;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not start:\n${out.join("")}`);
});
afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  await new Promise((r) => busy?.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

/** The raw bytes of a GET as they travel (no decompression), and the encoding. */
function raw(path: string, encoding: string): Promise<{ status: number; bytes: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolveRaw, reject) => {
    get(`http://127.0.0.1:${port}${path}`, { headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolveRaw({ status: res.statusCode ?? 0, bytes: body.length, encoding: res.headers["content-encoding"], body });
      });
    }).on("error", reject);
  });
}

describe("npm start", () => {
  it("runs with NODE_ENV=production and logs one JSON line when it is ready", () => {
    expect(started).toMatchObject({ level: "info", event: "server-started", port, nodeEnv: "production" });
  });

  it("says in one sentence that the port is in use, and exits 1", async () => {
    const { child, out, err } = boot({ PORT: String(busyPort) });
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(1);
    const text = err.join("") + out.join("");
    expect(text).toContain(`port ${busyPort} is already in use`);
    expect(text).toContain("PORT");
    expect(text).not.toMatch(/\n\s+at /);
  });

  it("sends the phone page's JavaScript compressed over HTTP", async () => {
    const page = await raw("/play.html", "gzip");
    expect(page.status).toBe(200);
    expect(page.encoding).toBe("gzip");
    const html = (await (await fetch(`http://127.0.0.1:${port}/play.html`)).text()).toString();
    const scripts = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    let gzip = 0;
    let plain = 0;
    for (const path of new Set(scripts)) {
      const zipped = await raw(path, "gzip");
      const brotli = await raw(path, "br");
      const identity = await raw(path, "identity");
      expect(identity.encoding, path).toBeUndefined();
      // (files under 1 KB are not worth compressing and go as they are)
      if (identity.bytes > 1024) {
        expect(zipped.encoding, path).toBe("gzip");
        expect(brotli.encoding, path).toBe("br");
      }
      gzip += zipped.bytes;
      plain += identity.bytes;
    }
    console.log(`play.html JavaScript over HTTP: ${(plain / 1024).toFixed(1)} KB plain, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThan(plain / 2);
    expect(gzip).toBeLessThan(80 * 1024);
    // the API too
    const packs = await raw("/api/packs", "gzip");
    expect(packs.status).toBe(200);
  });
});
