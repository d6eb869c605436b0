// The hold-and-release of what clients are shown (server/room/saving.ts),
// against a store whose saves land when the test says: nothing that needs a
// save is shown before it, changes arriving during a write go into one next
// write, states are shown in order, and a store that does not answer holds
// the game for holdMs at most.
import { describe, expect, it } from "vitest";
import { SaveGate } from "./saving.js";

function harness(holdMs = 200) {
  const saves: { state: number; land: () => void }[] = [];
  const shown: number[] = [];
  let stuck = 0;
  let recovered = 0;
  const gate = new SaveGate<number>(0, {
    save: (state) => new Promise<void>((land) => saves.push({ state, land })),
    show: (state) => shown.push(state),
    holdMs,
    lazyMs: 50,
    onStuck: () => stuck++,
    onRecovered: () => recovered++,
  });
  return { gate, saves, shown, counts: () => ({ stuck, recovered }) };
}
const turn = () => new Promise((r) => setImmediate(r));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("saved before shown", () => {
  it("shows a change that needs a save only once it has landed", async () => {
    const { gate, saves, shown } = harness();
    gate.change(1, true);
    await turn();
    expect(shown).toEqual([]);
    expect(saves.map((s) => s.state)).toEqual([1]);
    saves[0]!.land();
    await turn();
    expect(shown).toEqual([1]);
  });

  it("groups every change that arrives during a write into one next write, and shows in order", async () => {
    const { gate, saves, shown } = harness();
    gate.change(1, true);
    await turn();
    // three votes while the first write runs: each asks for a save, the store keeps the newest
    gate.change(2, true);
    await turn();
    gate.change(3, true);
    gate.change(4, false); // a connection flag: rides along
    await turn();
    saves[0]!.land();
    await turn();
    expect(shown).toEqual([1]); // 2 and 3 are not saved yet
    saves[saves.length - 1]!.land(); // the write that holds 4
    for (const s of saves) s.land();
    await turn();
    expect(shown).toEqual([1, 4]);
  });

  it("shows a change that needs no save at once when nothing is held", async () => {
    const { gate, shown, saves } = harness();
    gate.change(1, false);
    expect(shown).toEqual([1]);
    await wait(80); // and saves it within lazyMs
    expect(saves.map((s) => s.state)).toEqual([1]);
  });

  it("shows anyway after holdMs when the store does not answer, then at once until a save lands", async () => {
    const { gate, saves, shown, counts } = harness(100);
    gate.change(1, true);
    await wait(150);
    expect(shown).toEqual([1]);
    expect(counts()).toEqual({ stuck: 1, recovered: 0 });
    gate.change(2, true);
    expect(shown).toEqual([1, 2]);
    for (const s of saves) s.land();
    await turn();
    expect(counts()).toEqual({ stuck: 1, recovered: 1 });
    gate.change(3, true);
    await turn();
    expect(shown).toEqual([1, 2]); // held again: the store answers
    for (const s of saves) s.land();
    await turn();
    expect(shown).toEqual([1, 2, 3]);
  });

  it("shows nothing more once stopped", async () => {
    const { gate, saves, shown } = harness();
    gate.change(1, true);
    await turn();
    gate.stop();
    saves[0]!.land();
    await turn();
    expect(shown).toEqual([]);
  });
});
