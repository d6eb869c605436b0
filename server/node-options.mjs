// Node options for the game server process (server/boot.mjs, and the benchmark's
// server). 8 MB semi-spaces instead of V8's 16: the server's garbage comes in
// bursts (a round's votes, saves, patches) and smaller semi-spaces keep the
// memory held for them small, at no measurable cost in latency (see the
// README's benchmark).
export const SERVER_NODE_OPTIONS = "--max-semi-space-size=8";
