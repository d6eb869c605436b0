import { defineConfig } from "vitest/config";

// One runner for every tier: pure rules and packs (shared/, scenarios/),
// rooms over real sockets (server/, test/room), stores (test/store) and the
// real-Chromium browser suite (test/browser). Files run one after another:
// room, store and browser suites own ports and databases on this machine.
export default defineConfig({
  test: {
    include: ["shared/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts", "client/**/*.test.ts", "scenarios/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "dist/**"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default"],
  },
});
