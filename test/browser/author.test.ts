// A trainer writes a pack in the console only (author.html), in real
// Chromium: a 5-card pack typed into the form, a card previewed on the board
// and the phone, the pack saved (a file in ARENA_SCENARIOS_DIR) and, without
// a restart, a session started on it from the console and one round played
// (the phones are SDK clients). Screenshots in test-artifacts/screenshots/.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { parse } from "yaml";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { newDevice, startTestGame, type TestGame } from "../helpers/game-server.js";
import { CONDITIONS, PRIMES } from "../../shared/vuca.js";

const hasChromium = await requireChromium();

const PACK = "uji-formulir";

describe.runIf(hasChromium)("writing a pack in the console", () => {
  let game: TestGame;
  let browser: Browser;
  let dir: string;
  const errors: string[] = [];

  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));
  useBrowserGame(
    (g, b) => ((game = g), (browser = b)),
    () => startTestGame({ ARENA_SCENARIOS_DIR: (dir = mkdtempSync(join(tmpdir(), "arena-author-ui-"))) }),
  );

  async function page(width: number, height: number): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const p = await ctx.newPage();
    p.on("pageerror", (e) => errors.push(e.message));
    return p;
  }

  it("writes a 5-card pack in the form, previews a card, and plays a round on it", async () => {
    const author = await page(1280, 900);
    await author.goto(`${game.url}/author.html`);
    await author.locator('[data-pack="banjir-bandang"]').waitFor();
    await author.locator("#new-pack").click();
    await author.locator("#pack-id").fill(PACK);
    await author.locator("#pack-title-id").fill("Paket Uji Formulir");
    await author.locator("#pack-description-id").fill("Paket yang ditulis di formulir konsol.");
    for (let i = 0; i < 5; i++) {
      if (i > 0) await author.locator("#add-card").click();
      await author.locator("#card-id").fill(`${PACK}-${i + 1}`);
      await author.locator("#card-title-id").fill(`Kejadian ${i + 1}`);
      await author.locator("#narrative-id").fill(`Narasi kejadian ${i + 1}: warga menunggu keputusan.`);
      await author.locator("#condition").selectOption(CONDITIONS[i % 4]!);
      await author.locator("#condition-reason-id").fill(`Petunjuk kondisi kartu ${i + 1}.`);
      for (let j = 0; j < 4; j++) {
        await author.locator(`#option-${j}-id`).fill(`Respons ${j + 1} untuk kejadian ${i + 1}`);
        await author.locator(`#points-${j}`).fill(String(j === i % 4 ? 3 : 1));
        await author.locator(`#reason-${j}-id`).fill(`Alasan ${j + 1}.`);
      }
      await author.locator("#needed-government").check();
      await author.locator("#reflection-id").fill(`Apa yang Anda pelajari dari kejadian ${i + 1}?`);
    }
    // the counters count as the checker does
    await author.locator("#tab-1").click();
    expect(await author.locator("#card-title-id").inputValue()).toBe("Kejadian 2");
    await author.locator("#narrative-id").fill("x".repeat(301));
    await expect.poll(() => author.locator(".counter.over").count()).toBe(1);
    await author.locator("#narrative-id").fill("Narasi kejadian 2: warga menunggu keputusan.");
    // the live check passes (balance advice is not an error)
    await expect.poll(() => author.locator("#form-check").textContent(), { timeout: 10_000 }).toContain("lolos pemeriksaan (5 kartu)");
    // and scenarios:check's pack rules are shown (they do not stop a save)
    expect(await author.locator("#form-check").textContent()).toContain("aturan paket belum dipenuhi");
    // a message opens its card and puts the cursor in the field it names
    await author.locator("#form-check .check-rules a", { hasText: "Kartu 1 · facilitator" }).first().click();
    expect(await author.evaluate(() => document.activeElement?.id ?? "")).toBe("facilitator-id");
    expect(await author.locator("#tab-0").getAttribute("aria-selected")).toBe("true");
    await author.locator("#tab-1").click();

    // preview: the card as a phone shows it at the briefing (no condition) and at the reveal
    await author.locator("#preview-card").click();
    const phone = author.locator("#phone-preview");
    await expect.poll(() => phone.textContent()).toContain("Kejadian 2");
    expect(await phone.textContent()).not.toContain("Petunjuk kondisi kartu 2");
    await author.locator("#phase-reveal").click();
    await expect.poll(() => author.locator("#phone-preview").textContent()).toContain("Petunjuk kondisi kartu 2");
    // the board's own demo with this card
    const board = author.frameLocator("#board-preview");
    await expect.poll(() => board.locator("#board-live").textContent(), { timeout: 15_000 }).toContain("Kejadian 2");
    await author.waitForTimeout(1500);
    await author.screenshot({ path: screenshotPath("author-preview-reveal"), fullPage: false });

    // save: a file in ARENA_SCENARIOS_DIR, in the running server at once
    await author.locator("#save-form").click();
    await expect.poll(() => author.locator("#notice").textContent(), { timeout: 10_000 }).toContain(`"${PACK}" tersimpan`);
    const file = join(dir, `${PACK}.yaml`);
    expect(existsSync(file)).toBe(true);
    const saved = parse(readFileSync(file, "utf8")) as { events: { title: string; options: { prime: string }[] }[] };
    expect(saved.events).toHaveLength(5);
    expect(saved.events[1]!.title).toBe("Kejadian 2");
    expect(saved.events[0]!.options.map((o) => o.prime)).toEqual([...PRIMES]);

    // the console starts a session on it
    const host = await page(1280, 900);
    await host.goto(`${game.url}/host.html`);
    await host.locator(`[data-pack="${PACK}"]`).click();
    await host.locator("#team-count").fill("2");
    await host.locator("#create").click();
    await host.locator("#room-code").waitFor();
    const code = ((await host.locator("#room-code").textContent()) ?? "").trim();
    expect(game.room(code).pack.id).toBe(PACK);

    // two phones, one per team
    const phones = await Promise.all([0, 1].map((team) => game.client().joinById(code, { kind: "player", name: `Peserta ${team + 1}`, team, device: newDevice() })));
    await expect.poll(() => game.room(code).game.teams.filter((t) => t.members.length > 0).length).toBe(2);
    await host.locator('[data-action="start"]').click();
    await host.locator('[data-action="next"]').click();
    await expect.poll(() => game.room(code).game.phase, { timeout: 10_000 }).toBe("deciding");
    // team 1 picks the best response (vision on card 1), team 2 another
    phones[0]!.send("submit", { option: game.room(code).optionOf("vision"), diagnosis: "volatility", commit: true });
    phones[1]!.send("submit", { option: game.room(code).optionOf("agility"), diagnosis: "ambiguity", commit: true });
    await expect.poll(() => game.room(code).game.phase, { timeout: 15_000 }).toBe("reveal");
    const results = game.room(code).game.history[0]!.results;
    expect(results).toHaveLength(2);
    const points = (team: number) => results.find((r) => r.team === team)!;
    expect(points(0).responsePoints).toBe(3);
    expect(points(1).responsePoints).toBe(1);
    await host.screenshot({ path: screenshotPath("author-played-round") });
    for (const p of phones) await p.leave();
    expect(errors).toEqual([]);
  });

  it("checks pasted YAML and shows each message beside the line it points at", async () => {
    const author = await page(1280, 900);
    await author.goto(`${game.url}/author.html`);
    await author.locator('[data-pack="banjir-bandang"]').waitFor();
    const yaml = readFileSync(join(dir, `${PACK}.yaml`), "utf8").replace(/^(\s+)points: 3$/m, "$1points: 9");
    const line = yaml.split("\n").findIndex((l) => /points: 9$/.test(l)) + 1;
    await author.locator("#yaml-text").fill(yaml);
    await author.locator("#yaml-check").click();
    const bad = author.locator("#yaml-lines li.bad-line");
    await bad.first().waitFor({ timeout: 10_000 });
    expect(await bad.count()).toBe(1);
    expect(await bad.first().getAttribute("data-line")).toBe(String(line));
    expect(await bad.first().textContent()).toMatch(/points: 9.*◀ events\[0\]\.options\[0\]\.points: /s);
    await bad.first().scrollIntoViewIfNeeded();
    await author.screenshot({ path: screenshotPath("author-yaml-check") });
    // the list downloads a pack as the file it is
    const [download] = await Promise.all([author.waitForEvent("download"), author.locator(`[data-pack="${PACK}"] button`).nth(1).click()]);
    expect(download.suggestedFilename()).toBe(`${PACK}.yaml`);
    const got = await download.path();
    expect(readFileSync(got, "utf8")).toBe(readFileSync(join(dir, `${PACK}.yaml`), "utf8"));
    // saving it is refused, and nothing changes on disk
    const before = readFileSync(join(dir, `${PACK}.yaml`), "utf8");
    await author.locator("#yaml-save").click();
    await expect.poll(() => author.locator("#notice").textContent()).toContain("belum dapat disimpan");
    expect(readFileSync(join(dir, `${PACK}.yaml`), "utf8")).toBe(before);
    expect(errors).toEqual([]);
  });
});
