// A test file's game on a real SQLite store (test/helpers/game-server.ts
// startStoredGame), started before its tests and closed after them. Apart
// from game-server.ts because it registers vitest hooks: the benchmark's
// scripts import game-server.ts outside vitest.
import { afterAll, beforeAll } from "vitest";
import { startStoredGame, type StoredGame } from "./game-server.js";

/** The stored game is handed to `use` before the file's tests run. */
export function useStoredGame(use: (stored: StoredGame) => void, env: Record<string, string> = {}): void {
  let stored: StoredGame | undefined;
  beforeAll(async () => {
    stored = await startStoredGame(env);
    use(stored);
  });
  afterAll(() => stored?.close());
}
