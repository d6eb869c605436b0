import { defineConfig } from "vite";
import { resolve } from "node:path";

// The pages, one HTML entry each (Vite multi-page). Built into dist/client and
// served by the game server on its own port; in development the Vite dev
// server proxies the game's HTTP and WebSocket routes to it.
const pages = ["index", "play", "host", "board", "watch"] as const;
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
      input: Object.fromEntries(pages.map((p) => [p, resolve(import.meta.dirname, "client", `${p}.html`)])),
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
