// The phone's budget: everything play.html loads — the HTML, its scripts,
// module preloads, stylesheets, every chunk those scripts import (statically
// or dynamically) and any font or image a stylesheet references — must weigh
// at most 80 KB gzip. Measured on the production build (dist/client).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ensureClientBuilt } from "../helpers/browser.js";

const BUDGET_BYTES = 80 * 1024;

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
    const dist = ensureClientBuilt();
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
