// Real Chromium for the browser suite: Debian's chromium driven by
// playwright-core. Builds the pages first when they are missing or stale.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SCREENSHOTS = resolve(ROOT, "test-artifacts/screenshots");

export function chromiumPath(): string | undefined {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/client unless it is newer than client/ and shared/. */
export function ensureClientBuilt(): string {
  const out = resolve(ROOT, "dist/client");
  const index = join(out, "index.html");
  const stale = !existsSync(index) || Math.max(newest(resolve(ROOT, "client")), newest(resolve(ROOT, "shared"))) > statSync(index).mtimeMs;
  if (stale) {
    const r = spawnSync(resolve(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "error"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("vite build failed");
  }
  return out;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
