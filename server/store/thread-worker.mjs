// Entry of the store's worker thread (see thread.ts). Plain JavaScript, so it
// starts the same way under `npm start`, tsx and vitest: it loads the
// TypeScript side through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./thread-main.ts", import.meta.url);
