import { defineConfig } from "vite";
import { resolve } from "node:path";

// The pages, one HTML entry each (Vite multi-page). Built into dist/client and
// served by the game server on its own port; in development the Vite dev
// server proxies the game's HTTP and WebSocket routes to it.
const pages = ["index", "play", "host", "board", "watch", "handout"] as const;
const serverPort = Number(process.env.PORT ?? 2567);

export default defineConfig({
  root: resolve(import.meta.dirname, "client"),
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, "dist/client"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // No "[PLUGIN_TIMINGS]" profiling hint on the trainer's terminal at the first `npm start`.
      checks: { bundlerTimings: false },
      input: Object.fromEntries(pages.map((p) => [p, resolve(import.meta.dirname, "client", `${p}.html`)])),
      output: {
        // Phaser (only the board uses it) and the Colyseus client (every page)
        // in chunks of their own: cached apart from the pages' code, and the
        // board's own code can be measured against its budget
        // (test/browser/budget.test.ts).
        codeSplitting: {
          groups: [
            { name: "phaser", test: /[\\/]node_modules[\\/]phaser[\\/]/ },
            { name: "colyseus", test: /[\\/]node_modules[\\/](@colyseus|msgpackr|@msgpack)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    host: true,
    proxy: {
      "/api": `http://127.0.0.1:${serverPort}`,
      "/matchmake": { target: `http://127.0.0.1:${serverPort}`, ws: false },
      "^/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+(\\?.*)?$": { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
});
