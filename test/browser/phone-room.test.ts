// The phone and the observer as a class meets them (issues 18 and 20), in real
// Chromium at a phone's size (390×844):
// - a 30-character name is never cut without a word: the form counts it and
//   says it is too long, and the join waits for a shorter one;
// - after the captain locks, the confirmation is in view where the button was;
// - disabled controls look disabled (cursor, dashed border, greyed);
// - the observer's final thanks them for following, not for playing;
// - mid-game reflection (contract C1): the trainer opens it after a card, the
//   phone fills two steps, a reload keeps them, the next card returns the
//   phone to the game, and the final shows what was typed;
// - the home page's join form counts a long name and says it is too long, as
//   play.html does, instead of cutting it at 24 characters;
// - a double tap on Kirim by the team's last member sends once: no "already
//   locked" refusal right after a send that went through;
// - after too many wrong codes, a phone that never joined shows the refusal
//   only (no "connection lost" banner), and the right code still gets it in.
// Screenshots: test-artifacts/screenshots/pr-*.png.
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenshotPath } from "../helpers/browser.js";
import { requireChromium, useBrowserGame } from "../helpers/browser-game.js";
import { until, type GameClientRoom, type TestGame } from "../helpers/game-server.js";
import { MessageSchemas } from "../../shared/protocol/messages.js";
import { entryOf } from "../../shared/rules/reflection.js";
import { phone as phoneStrings } from "../../shared/i18n/phone.js";
import { common } from "../../shared/i18n/common.js";

const hasChromium = await requireChromium();
/** The room's side of contract C1 (the trainer opens the reflection after a card). */
const midGameReflection = MessageSchemas.host.safeParse({ action: "openReflection" }).success;
if (!midGameReflection) console.error("\n*** openReflection is not in the protocol yet: the mid-game reflection test did not run ***\n");

const LONG_NAME = "Raden Ajeng Sekar Ayu Wulandari"; // 31 characters: more than the 24 a name may have
const ISSUE = "Laporan kegiatan desa sering terlambat karena data tersebar di banyak pihak";

describe.runIf(hasChromium)("the phone and the observer in the room", () => {
  let game: TestGame;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function page(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on("pageerror", (e) => errors.push(e.message));
    return p;
  }

  async function join(code: string, name: string): Promise<Page> {
    const p = await page();
    await p.goto(`${game.url}/play.html?code=${code}`);
    await p.locator("#name").fill(name);
    await p.locator('button[type="submit"]').click();
    await expect.poll(() => p.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok [12]/);
    return p;
  }

  async function vote(p: Page, i: number): Promise<void> {
    await p.locator("label.option.diag").nth(i % 4).click();
    await p.locator(`label[for="opt-${i}"]`).click();
    await p.locator("button.send").click();
  }

  /** Whether the element's box lies inside the viewport. */
  async function inView(p: Page, selector: string): Promise<boolean> {
    return p.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    });
  }

  useBrowserGame((g, b) => ((game = g), (browser = b)));
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("says a long name is too long, keeps the lock in view, greys what is disabled, thanks the observer for following", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const room = () => game.room(code).game;

    // a long name: counted, said, never cut
    const p = await page();
    await p.goto(`${game.url}/play.html?code=${code}`);
    await p.locator("#name").fill(LONG_NAME);
    expect(await p.locator("#name").inputValue()).toBe(LONG_NAME);
    const tooLong = phoneStrings.id.nameTooLong([...LONG_NAME].length, 24);
    await expect.poll(() => p.locator("#name-count").textContent()).toBe(tooLong);
    expect(await p.locator("#name").getAttribute("aria-invalid")).toBe("true");
    await p.screenshot({ path: screenshotPath("pr-1-name-too-long") });
    await p.locator('button[type="submit"]').click();
    await expect.poll(() => p.locator("#join-error").textContent()).toContain(tooLong);
    expect(Object.keys(room().players)).toHaveLength(0);
    await p.locator("#name").fill("Sekar Wulandari");
    await expect.poll(() => p.locator("#name-count").textContent()).toBe(phoneStrings.id.nameCount(15, 24));
    await p.locator('button[type="submit"]').click();
    await expect.poll(() => p.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok 1/);
    const sekar = p; // team 1, captain
    const dimas = await join(code, "Dimas Saputra"); // team 2, captain
    const rani = await join(code, "Rani Puspita"); // team 1
    const observer = await page();
    await observer.goto(`${game.url}/watch.html?code=${code}`);
    await expect.poll(() => observer.textContent("main"), { timeout: 15_000 }).toContain("Rani Puspita");
    await sekar.screenshot({ path: screenshotPath("pr-2-lobby") });

    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    for (const x of [sekar, dimas, rani]) await x.locator('label[for="opt-0"]').waitFor({ timeout: 10_000 });

    // the captain sends, writes a reason and locks: the confirmation is where the lock button was, in view
    await vote(sekar, 1);
    await sekar.locator("#reason").fill("Keselamatan warga lebih dulu.");
    await sekar.locator("button.lock").click();
    await sekar.locator("button.lock").click();
    await expect.poll(() => room().teams[0]!.locked, { timeout: 10_000 }).toBe(true);
    await sekar.locator("#locked-here").waitFor({ state: "visible", timeout: 10_000 });
    await expect.poll(() => inView(sekar, "#locked-here"), { timeout: 5000 }).toBe(true);
    expect(await sekar.locator("#locked-here").textContent()).toContain(phoneStrings.id.lockedTitle);
    expect(await sekar.locator("#locked-here").getAttribute("role")).toBe("status"); // read out politely
    // the teammate who had not sent: the lock is said where the send button was
    await rani.locator("#locked-here").waitFor({ state: "visible", timeout: 10_000 });
    expect(await rani.locator("button.send").isHidden()).toBe(true);

    // disabled controls look disabled
    const look = (x: Page, selector: string) =>
      x.locator(selector).first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { cursor: s.cursor, border: s.borderTopStyle, bg: s.backgroundColor, opacity: Number(s.opacity) };
      });
    const option = await look(rani, "label.option.disabled:not(.picked)");
    expect(option.cursor).toBe("not-allowed");
    expect(option.opacity).toBeLessThan(0.8);
    expect(await sekar.locator("#reason").isDisabled()).toBe(true);
    expect(await look(sekar, "#reason")).toMatchObject({ cursor: "not-allowed", border: "dashed" });
    const saveButton = sekar.locator("button.secondary", { hasText: /alasan/i });
    expect(await saveButton.isDisabled()).toBe(true);
    const saveLook = await look(sekar, "button.secondary:disabled");
    expect(saveLook).toMatchObject({ cursor: "not-allowed", border: "dashed" });
    expect(saveLook.bg).not.toBe("rgb(255, 255, 255)"); // not the white of an active secondary button
    await sekar.screenshot({ path: screenshotPath("pr-3-deciding-locked") });
    await rani.screenshot({ path: screenshotPath("pr-3b-deciding-locked-member"), fullPage: true });
    await expect.poll(() => observer.textContent("main"), { timeout: 10_000 }).toContain("Terkunci");
    await observer.screenshot({ path: screenshotPath("pr-3c-observer-deciding") });

    // the other team: the reveal, the final
    await vote(dimas, 2); // alone in team 2: all sent, the team locks
    await expect.poll(() => room().phase, { timeout: 15_000 }).toBe("reveal");
    await expect.poll(() => sekar.textContent("body"), { timeout: 10_000 }).toMatch(/poin/);
    await sekar.waitForTimeout(400);
    await sekar.screenshot({ path: screenshotPath("pr-4-reveal") });
    host.send("host", { action: "end" });
    await expect.poll(() => room().phase, { timeout: 10_000 }).toBe("final");
    await expect.poll(() => observer.textContent("main"), { timeout: 10_000 }).toContain(phoneStrings.id.watchThanks);
    expect(await observer.textContent("body")).not.toContain(phoneStrings.id.thanks);
    await observer.screenshot({ path: screenshotPath("pr-5-observer-final") });
    await expect.poll(() => sekar.locator("#rf-start").count(), { timeout: 10_000 }).toBe(1);
    await sekar.screenshot({ path: screenshotPath("pr-5b-final"), fullPage: true });
    expect(errors).toEqual([]);
    await host.leave(true);
  }, 180_000);

  it.runIf(midGameReflection)("opens the reflection after a card, keeps it over a reload and the next card, and shows it at the final", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const room = () => game.room(code).game;
    const ayu = await join(code, "Ayu Lestari");
    const bayu = await join(code, "Bayu Pratama");
    const ayuId = Object.values(room().players).find((x) => x.name === "Ayu Lestari")!.id;
    const second = game.packs.get("banjir-bandang")!.events;

    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    for (const x of [ayu, bayu]) await x.locator('label[for="opt-0"]').waitFor({ timeout: 10_000 });
    await vote(ayu, 0);
    await vote(bayu, 1);
    await expect.poll(() => room().phase, { timeout: 15_000 }).toBe("reveal");
    await expect.poll(() => ayu.textContent("body"), { timeout: 10_000 }).toMatch(/poin/);

    // the trainer opens the reflection after this card
    host.send("host", { action: "openReflection" });
    await ayu.locator("#rf-mid").waitFor({ timeout: 10_000 });
    expect(await ayu.locator("#rf-mid").textContent()).toBe(phoneStrings.id.rfOpenedMid);
    await ayu.locator("#rf-start").click();
    await ayu.locator("#rf-issue").fill(ISSUE);
    await ayu.locator("#rf-next").click();
    await ayu.locator("#rf-cond-complexity").check({ force: true });
    await expect.poll(() => entryOf(room(), ayuId), { timeout: 5000 }).toMatchObject({ issue: ISSUE, condition: "complexity" });
    await ayu.screenshot({ path: screenshotPath("pr-6-mid-reflection") });

    // a reload keeps both steps
    await ayu.reload();
    await ayu.locator("#rf-cond-complexity").waitFor({ state: "attached", timeout: 15_000 });
    expect(await ayu.locator("#rf-cond-complexity").isChecked()).toBe(true);
    expect(await ayu.locator("#rf-mid").count()).toBe(1);
    await ayu.locator("#rf-back").click();
    expect(await ayu.locator("#rf-issue").inputValue()).toBe(ISSUE);

    // the next card: the phone is back in the game
    host.send("host", { action: "next" }); // scoreboard: still open
    await until(host, (s) => s.phase === "scoreboard", "scoreboard");
    host.send("host", { action: "next" }); // the next card: shut
    await until(host, (s) => s.phase === "briefing", "briefing 2");
    await expect.poll(() => ayu.textContent("main"), { timeout: 10_000 }).toContain(second[1]!.title.id);
    expect(await ayu.locator("#rf-issue").count()).toBe(0);

    // the final: the chain as typed
    host.send("host", { action: "end" });
    await expect.poll(() => room().phase, { timeout: 10_000 }).toBe("final");
    await ayu.locator("#rf-issue").waitFor({ timeout: 10_000 });
    expect(await ayu.locator("#rf-issue").inputValue()).toBe(ISSUE);
    expect(await ayu.locator("#rf-mid").count()).toBe(0);
    await ayu.locator("#rf-next").click();
    expect(await ayu.locator("#rf-cond-complexity").isChecked()).toBe(true);
    await ayu.screenshot({ path: screenshotPath("pr-7-final-reflection") });
    expect(entryOf(room(), ayuId)).toMatchObject({ issue: ISSUE, condition: "complexity" });
    expect(errors).toEqual([]);
    await host.leave(true);
  }, 180_000);
  it("the home page counts a long name and says it is too long, never cutting it", async () => {
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const room = () => game.room(code).game;
    const p = await page();
    await p.goto(`${game.url}/?code=${code}`);
    await p.locator("#name").fill(LONG_NAME);
    expect(await p.locator("#name").inputValue()).toBe(LONG_NAME); // not cut at 24
    const tooLong = phoneStrings.id.nameTooLong([...LONG_NAME].length, 24);
    await expect.poll(() => p.locator("#name-count").textContent()).toBe(tooLong);
    expect(await p.locator("#name").getAttribute("aria-invalid")).toBe("true");
    await p.locator('button[type="submit"]').click();
    await expect.poll(() => p.locator("form .alert").textContent()).toContain(tooLong);
    expect(new URL(p.url()).pathname).toBe("/"); // still on the home page: nothing was sent
    expect(Object.keys(room().players)).toHaveLength(0);
    await p.screenshot({ path: screenshotPath("pr-8-home-name-too-long") });
    await p.locator("#name").fill("Sekar Wulandari");
    await expect.poll(() => p.locator("#name-count").textContent()).toBe(phoneStrings.id.nameCount(15, 24));
    expect(await p.locator("#name").getAttribute("aria-invalid")).toBeNull();
    await p.locator('button[type="submit"]').click();
    await expect.poll(() => p.textContent("body"), { timeout: 15_000 }).toMatch(/Kelompok 1/);
    expect(Object.values(room().players).map((x) => x.name)).toEqual(["Sekar Wulandari"]);
    expect(errors).toEqual([]);
  }, 60_000);

  it("a double tap on Kirim sends once: no refusal after the send that completed the team", async () => {
    const { code, hostKey } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const host: GameClientRoom = await game.client().joinById(code, { kind: "host", hostKey });
    const room = () => game.room(code).game;
    const ayu = await join(code, "Ayu Lestari"); // team 1
    const putu = await join(code, "Putu Ariani"); // team 2, alone: her send completes the team
    const citra = await join(code, "Citra Dewi"); // team 1
    const ayuId = Object.values(room().players).find((x) => x.name === "Ayu Lestari")!.id;
    host.send("host", { action: "start" });
    await until(host, (s) => s.phase === "briefing", "briefing");
    host.send("host", { action: "next" });
    for (const x of [ayu, putu, citra]) await x.locator('label[for="opt-0"]').waitFor({ timeout: 10_000 });

    // the team's last member taps Kirim twice: the first send locks the team, the second does nothing visible
    await putu.locator("label.option.diag").nth(2).click();
    await putu.locator('label[for="opt-2"]').click();
    await putu.locator("button.send").dblclick();
    await putu.locator("#locked-here").waitFor({ state: "visible", timeout: 10_000 });
    expect(room().teams[1]!.locked).toBe(true);
    await putu.waitForTimeout(1000); // the refusal of a second send would have arrived by now
    expect(await putu.locator("#toast").textContent()).toBe("");
    await putu.screenshot({ path: screenshotPath("pr-9-double-send") });

    // in a team that is not complete: a double tap sends once, and a change is still sent once it has arrived
    await ayu.locator("label.option.diag").nth(1).click();
    await ayu.locator('label[for="opt-1"]').click();
    await ayu.locator("button.send").dblclick();
    const ayuVote = () => room().teams[0]!.votes[ayuId]?.prime;
    await expect.poll(ayuVote, { timeout: 5000 }).toBeDefined();
    const first = ayuVote();
    await ayu.locator('label[for="opt-3"]').click();
    await ayu.locator("button.send").click();
    await expect.poll(ayuVote, { timeout: 5000 }).not.toBe(first);
    expect(room().teams[0]!.locked).toBe(false);
    expect(await ayu.locator("#toast").textContent()).toBe("");
    expect(errors).toEqual([]);
    await host.leave(true);
  }, 120_000);

  // Last in this file: the wrong codes put 127.0.0.1 over the limit for a minute (joins are then paced, one a second).
  it("after too many wrong codes, a phone that never joined shows the refusal only, no connection-lost banner", async () => {
    const { code } = await game.createSession({ packId: "banjir-bandang", teamCount: 2, roundSeconds: 300 });
    const reasons = common.id.reasons;
    const p = await page();
    await p.goto(`${game.url}/play.html`);
    await p.locator("#code").fill(code === "ZZZZD" ? "ZZZZE" : "ZZZZD");
    await p.locator("#name").fill("Iseng Banget");
    // wrong codes until the server says too many (after 10)
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) {
      const [res] = await Promise.all([p.waitForResponse((r) => r.url().includes("/matchmake/joinById/"), { timeout: 15_000 }), p.locator('button[type="submit"]').click()]);
      status = res.status();
    }
    expect(status).toBe(429);
    await expect.poll(() => p.locator("#join-error").textContent(), { timeout: 10_000 }).toContain(reasons.TOO_MANY_ATTEMPTS);
    expect(await p.locator("#status").textContent()).toBe(""); // never in the room: not "disconnected"
    // the phone tries again by itself (a throttle passes): still the refusal only
    await p.waitForTimeout(2500);
    expect(await p.locator("#status .bar").count()).toBe(0);
    expect(await p.locator("#join-error").textContent()).toContain(reasons.TOO_MANY_ATTEMPTS);
    expect(await p.textContent("body")).not.toContain(common.id.reconnecting);
    await p.screenshot({ path: screenshotPath("pr-10-many-wrong-codes") });
    // the person tries again with the right code: in
    expect(await p.locator('button[type="submit"]').isEnabled()).toBe(true);
    await p.locator("#code").fill(code);
    await p.locator('button[type="submit"]').click();
    await expect.poll(() => p.textContent("body"), { timeout: 20_000 }).toMatch(/Kelompok 1/);
    expect(errors).toEqual([]);
    await p.context().close();
  }, 120_000);
});
