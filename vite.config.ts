import { defineConfig } from "vite";
import { resolve } from "node:path";

// The pages, one HTML entry each (Vite multi-page). Built into dist/client and
// served by the game server on its own port; in development the Vite dev
// server proxies the game's HTTP and WebSocket routes to it.
const pages = ["index", "play", "host", "board", "watch", "handout", "author"] as const;
const serverPort = Number(process.env.PORT ?? 2567);

export default defineConfig({
  root: resolve(import.meta.dirname, "client"),
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, "dist/client"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    // Preload hints only for the long poles (the Colyseus client, Phaser): the
    // small chunks start with the page's own imports, while the big one is still
    // coming. No polyfill: a browser without modulepreload loads the same modules,
    // only unhinted. Together 0.6 KB gzip off every page (the phone's budget).
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps) => deps.filter((d) => /(?:^|\/)(?:colyseus|phaser)-/.test(d)) },
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
            // The plain-DOM pages' drawing kit (views, the page store, render) in one
            // chunk instead of three: 0.2 KB gzip off the phone's budget. Only these
            // modules (their imports stay in the chunks they are in): none of the
            // modules they import imports them back, so no chunk cycle.
            // The readers of the room's state and texts (shared/protocol/{wire,state-view},
            // client/lib/{room-texts,countdown}) go with them: four small chunks less on the
            // phone (79.8 KB instead of 80.3); the board then loads this chunk too (121.8 KB of 130).
            { name: "pages", test: /[\\/](client[\\/]lib[\\/](views|store|render|room-texts|countdown)|shared[\\/]protocol[\\/](wire|state-view))\.ts$/, includeDependenciesRecursively: false },
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
