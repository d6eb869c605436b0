// `npm run bench:board`: the board's frame times in real Chromium at
// 1920×1080 with ten teams, motion on. It measures, it does not assert: the
// board's preview (?demo=reveal, the same scenes and the same state a room
// sends) plays the reveal — each team's result coming in — and then the
// scoreboard — bars growing, scores counting, rows moving to their new
// places; a requestAnimationFrame loop in the page records every frame's
// delta over each transition, and the board's own work per frame (Phaser's
// update and render, prestep → postrender). Prints the median, the 95th percentile and the
// largest frame time, and the dropped frames (longer than 20 ms, i.e. a
// frame missed at 60 Hz), per transition and per run, with the settled lobby
// (nothing moving) as the machine's floor and the load average, since the
// figures mean little on a busy machine.
//   npm run bench:board                     # 3 runs, motion on
//   npm run bench:board -- --runs 5
//   npm run bench:board -- --calm           # the same with motion off (boardMotion false), to compare
//   npm run bench:board -- --gpu            # let Chromium use the GPU (default: --disable-gpu, as the tests)
// Chromium here is headless and, without --gpu, renders in software: a
// projector laptop's browser with a GPU does at least as well.
import { cpus, loadavg } from "node:os";
import { chromium } from "playwright-core";
import { chromiumPath, ensureClientBuilt } from "../helpers/browser.js";
import { startTestGame } from "../helpers/game-server.js";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
};
const RUNS = option("runs", 3);
const CALM = flag("calm");
const GPU = flag("gpu");
/** How long each transition is recorded: the reveal's ten rows come in over about 7 s, the scoreboard's motion ends by about 3.5 s. */
const REVEAL_MS = 7500;
const SCOREBOARD_MS = 4000;
const DROPPED_MS = 20;

interface Stats {
  frames: number;
  median: number;
  p95: number;
  max: number;
  dropped: number;
}
function stats(deltas: number[]): Stats {
  const s = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  return { frames: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0, dropped: s.filter((d) => d > DROPPED_MS).length };
}
const fmt = (x: Stats) => `${String(x.frames).padStart(4)} frames  median ${x.median.toFixed(1).padStart(5)} ms  p95 ${x.p95.toFixed(1).padStart(5)} ms  max ${x.max.toFixed(1).padStart(6)} ms  dropped (>${DROPPED_MS} ms) ${x.dropped}`;

type Win = {
  __boardScene?: string;
  __frames?: number[];
  __arenaBoard: {
    store: { view: Record<string, unknown>; setState(v: unknown): void; texts: { take(m: unknown): void } };
    fakeState(demo: string, teams: number, paused: boolean): { state: Record<string, unknown>; texts: unknown };
  };
};

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
  ensureClientBuilt();
  const game = await startTestGame();
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", ...(GPU ? [] : ["--disable-gpu"]), "--no-first-run"] });
  const all = { idle: [] as number[], reveal: [] as number[], scoreboard: [] as number[], work: [] as number[] };
  console.log(`board frame times, 1920×1080, 10 teams, motion ${CALM ? "off (calm)" : "on"}, ${GPU ? "GPU allowed" : "--disable-gpu"}, ${RUNS} run(s)`);
  try {
    for (let run = 1; run <= RUNS; run++) {
      const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      // every frame's delta from the first one, recorded by the page itself
      // (a string: tsx would wrap a named function in a helper the page does not have)
      await page.addInitScript(`
        window.__frames = [];
        let last = 0;
        const loop = (t) => {
          if (last) window.__frames.push(t - last);
          last = t;
          requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
      `);
      await page.goto(`${game.url}/board.html?demo=lobby&teams=10`);
      await page.waitForFunction(() => (window as unknown as Win).__boardScene === "Lobby", null, { timeout: 60_000 });
      await page.waitForTimeout(1500); // the lobby settled
      // and the board's own work per frame: from Phaser's step start to the end of its render
      await page.evaluate(`(() => {
        window.__work = [];
        const events = window.__arenaBoard.game.events;
        let at = 0;
        events.on("prestep", () => { at = performance.now(); });
        events.on("postrender", () => { if (at) window.__work.push(performance.now() - at); });
      })()`);
      const record = async (go: () => Promise<unknown>, ms: number) => {
        await page.evaluate("window.__frames.length = 0; window.__work.length = 0");
        await go();
        await page.waitForTimeout(ms);
        return page.evaluate(() => {
          const w = window as unknown as Win & { __work: number[] };
          return { frames: [...w.__frames!], work: [...w.__work] };
        });
      };
      // the floor: the settled lobby, nothing moving (Phaser still draws every frame)
      const idle = await record(() => Promise.resolve(), 2000);
      // the reveal: the preview's state (client/board/fake.ts: the card, every team's result, ten teams)
      const reveal = await record(
        () =>
          page.evaluate((calm) => {
            const w = window as unknown as Win;
            const { state, texts } = w.__arenaBoard.fakeState("reveal", 10, false);
            w.__arenaBoard.store.texts.take(texts);
            w.__arenaBoard.store.setState({ ...state, boardMotion: !calm });
          }, CALM),
        REVEAL_MS,
      );
      const scoreboard = await record(
        () =>
          page.evaluate(() => {
            const w = window as unknown as Win;
            w.__arenaBoard.store.setState({ ...w.__arenaBoard.store.view, phase: "scoreboard" });
          }),
        SCOREBOARD_MS,
      );
      const scene = await page.evaluate(() => (window as unknown as Win).__boardScene);
      if (scene !== "Scoreboard") throw new Error(`the board shows ${scene}, not the scoreboard`);
      all.idle.push(...idle.frames);
      all.reveal.push(...reveal.frames);
      all.scoreboard.push(...scoreboard.frames);
      all.work.push(...reveal.work, ...scoreboard.work);
      console.log(`run ${run}  idle        ${fmt(stats(idle.frames))}`);
      console.log(`run ${run}  reveal      ${fmt(stats(reveal.frames))}`);
      console.log(`run ${run}  scoreboard  ${fmt(stats(scoreboard.frames))}`);
      console.log(`run ${run}  work/frame  ${fmt(stats([...reveal.work, ...scoreboard.work]))}`);
      await ctx.close();
    }
    console.log(`all     idle        ${fmt(stats(all.idle))}`);
    console.log(`all     reveal      ${fmt(stats(all.reveal))}`);
    console.log(`all     scoreboard  ${fmt(stats(all.scoreboard))}`);
    console.log(`all     both        ${fmt(stats([...all.reveal, ...all.scoreboard]))}`);
    console.log(`all     work/frame  ${fmt(stats(all.work))}   (Phaser's update and render of one frame, reveal and scoreboard)`);
    console.log(`machine: ${cpus().length} CPU(s), load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} (1/5/15 min) at the end`);
  } finally {
    await browser.close();
    await game.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
