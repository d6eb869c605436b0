// The phone's budget: everything play.html loads — the HTML, its scripts,
// module preloads, stylesheets, every chunk those scripts import (statically
// or dynamically) and any font or image a stylesheet references — must weigh
// at most 80 KB gzip. The board's own code — the HTML, scripts and styles
// board.html loads, without the third-party chunks vite.config.ts splits out
// (Phaser, the Colyseus client) and without fonts — at most 60 KB gzip; and
// everything it loads except Phaser, fonts included, at most 130 KB gzip.
// Measured on the production build (dist/client).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, normalize, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ensureClientBuilt } from "../helpers/browser.js";

const BUDGET_BYTES = 80 * 1024;
const BOARD_BUDGET_BYTES = 60 * 1024;
const BOARD_ALL_BUT_PHASER_BYTES = 130 * 1024;
/** The Colyseus client chunk (SDK, schema decoder, msgpack), shared by every page. */
const COLYSEUS_CHUNK = /^colyseus-[\w-]+\.js$/;
const ROOT = resolve(import.meta.dirname, "../..");
/** The Phaser chunk's file name (see the codeSplitting group in vite.config.ts). */
const PHASER_CHUNK = /^phaser-[\w-]+\.js$/;

/** The production build, rebuilt also when vite.config.ts (the chunking) is newer than it. */
function builtClient(): string {
  const dist = ensureClientBuilt();
  const index = join(dist, "index.html");
  if (statSync(resolve(ROOT, "vite.config.ts")).mtimeMs > statSync(index).mtimeMs) {
    const r = spawnSync(resolve(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "error"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("vite build failed");
  }
  return dist;
}

/** gzip size of each file, and a listing for the log. */
function weigh(dist: string, files: string[]): { total: number; lines: string[] } {
  let total = 0;
  const lines: string[] = [];
  for (const file of files) {
    const gz = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    total += gz;
    lines.push(`  ${(gz / 1024).toFixed(1).padStart(6)} KB  ${relative(".", file)}`);
  }
  return { total, lines };
}

/** Files a page loads, as paths inside `dist`, following imports transitively. */
export function pageFiles(dist: string, page: string): string[] {
  const seen = new Set<string>([page]);
  const queue: string[] = [];
  const add = (from: string, url: string) => {
    if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith("data:")) return; // external or inline: not ours
    const clean = url.split(/[?#]/)[0]!;
    const path = clean.startsWith("/") ? normalize(clean.slice(1)) : normalize(join(dirname(from), clean));
    if (!seen.has(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  const html = readFileSync(join(dist, page), "utf8");
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) add(page, m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>/g)) {
    if (/rel="(?:stylesheet|modulepreload|preload|icon|manifest)"/.test(m[0])) add(page, m[1]!);
  }
  while (queue.length) {
    const file = queue.shift()!;
    const full = join(dist, file);
    if (!existsSync(full)) throw new Error(`${page} loads ${file}, which the build does not contain`);
    const text = /\.(js|css|html)$/.test(file) ? readFileSync(full, "utf8") : "";
    if (file.endsWith(".js")) {
      for (const m of text.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.(?:js|css))["']/g)) add(file, m[1]!);
      for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(file, m[1]!);
      // Vite's preload helper lists dependencies as "assets/…" paths relative to the base.
      for (const m of text.matchAll(/["'](\/?assets\/[^"']+\.(?:js|css|woff2?|ttf|otf|svg|png|webp))["']/g)) add(page, m[1]!.startsWith("/") ? m[1]! : `/${m[1]}`);
    }
    if (file.endsWith(".css")) {
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) add(file, m[1]!);
      for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(file, m[1]!);
    }
  }
  return [...seen];
}

describe("phone bundle budget", () => {
  it("play.html loads at most 80 KB gzip in all (JS + CSS + fonts)", () => {
    const dist = builtClient();
    const files = pageFiles(dist, "play.html");
    let total = 0;
    const lines: string[] = [];
    for (const file of files) {
      const gz = gzipSync(readFileSync(join(dist, file))).length;
      total += gz;
      lines.push(`  ${(gz / 1024).toFixed(1).padStart(6)} KB  ${relative(".", file)}`);
    }
    console.log(`play.html loads ${files.length} files, ${(total / 1024).toFixed(1)} KB gzip (budget 80 KB):\n${lines.join("\n")}`);
    expect(files.some((f) => f.endsWith(".js")), "play.html must load its script").toBe(true);
    expect(files.some((f) => /\.(woff2?|ttf|otf)$/.test(f)), "the phone uses the system font stack: no webfont").toBe(false);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

describe("board bundle budget", () => {
  it("the board's own code is at most 60 KB gzip, everything but Phaser at most 130 KB", () => {
    const dist = builtClient();
    const files = pageFiles(dist, "board.html");
    const phaser = files.filter((f) => PHASER_CHUNK.test(basename(f)));
    // Phaser must be a chunk of its own, or this would measure nothing meaningful (or Phaser itself).
    expect(phaser, "board.html must load Phaser as one separate chunk (vite.config.ts codeSplitting)").toHaveLength(1);
    const phaserKb = readFileSync(join(dist, phaser[0]!)).length / 1024;
    expect(phaserKb, "the Phaser chunk must hold Phaser").toBeGreaterThan(500);
    // A browser fetches one format per @font-face: the .woff2, never its .woff fallback.
    const face = (f: string) => basename(f).replace(/-[\w-]+\.woff2?$/, "");
    const woff2 = new Set(files.filter((f) => f.endsWith(".woff2")).map(face));
    // The preview's fake room (client/board/fake.ts) is imported only under ?demo=: a class's projector never loads it.
    const demoOnly = (f: string) => /^\/?assets\/fake-[\w-]+\.js$/.test(f);
    const own = files.filter((f) => !phaser.includes(f) && !demoOnly(f) && !(f.endsWith(".woff") && woff2.has(face(f))));
    const all = weigh(dist, own);
    console.log(`board.html loads ${own.length} files besides Phaser, ${(all.total / 1024).toFixed(1)} KB gzip (budget 130 KB):\n${all.lines.join("\n")}`);
    expect(own.some((f) => /^assets\/board-[\w-]+\.js$/.test(f)), "board.html must load its script").toBe(true);
    expect(own.filter((f) => COLYSEUS_CHUNK.test(basename(f))), "the Colyseus client must be a chunk of its own").toHaveLength(1);
    expect(all.total).toBeLessThanOrEqual(BOARD_ALL_BUT_PHASER_BYTES);

    const code = own.filter((f) => /\.(js|css|html)$/.test(f) && !COLYSEUS_CHUNK.test(basename(f)));
    const mine = weigh(dist, code);
    console.log(`the board's own code: ${(mine.total / 1024).toFixed(1)} KB gzip (budget 60 KB)`);
    expect(mine.total).toBeLessThanOrEqual(BOARD_BUDGET_BYTES);
  });

  it("the board's own code does not contain Phaser", () => {
    const dist = builtClient();
    const own = pageFiles(dist, "board.html").filter((f) => f.endsWith(".js") && !PHASER_CHUNK.test(basename(f)));
    for (const file of own) {
      const text = readFileSync(join(dist, file), "utf8");
      expect(/Phaser v\d|WebGLRenderer|ArcadePhysics/.test(text), `${file} bundles Phaser`).toBe(false);
    }
  });
});
