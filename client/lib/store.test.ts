import { describe, expect, it } from "vitest";
import { createStore, deepEqual } from "./store.js";

describe("page store", () => {
  it("re-renders a watcher only when its selected slice changes", () => {
    const store = createStore({ lang: "id", count: 0, list: [1, 2] });
    const seen: unknown[] = [];
    store.watch((s) => ({ lang: s.lang, list: s.list }), (v) => seen.push(v));
    store.update((s) => ({ ...s, count: 1 }));
    store.update((s) => ({ ...s, list: [1, 2] }));
    expect(seen).toHaveLength(1);
    store.update((s) => ({ ...s, lang: "en" }));
    expect(seen).toEqual([{ lang: "id", list: [1, 2] }, { lang: "en", list: [1, 2] }]);
  });

  it("stops calling a watcher after it is removed, and ignores an unchanged state", () => {
    const store = createStore({ n: 0 });
    let calls = 0;
    const stop = store.watch((s) => s.n, () => calls++);
    store.update((s) => s);
    stop();
    store.update(() => ({ n: 2 }));
    expect(calls).toBe(1);
    expect(store.get().n).toBe(2);
  });

  it("does not call a watcher that an earlier watcher removed in the same update (a screen that closed)", () => {
    const store = createStore({ screen: "a", n: 0 });
    const calls: string[] = [];
    let stopInner = () => {};
    store.watch((s) => s.screen, (screen) => {
      stopInner();
      stopInner = store.watch((s) => s.n, (n) => calls.push(`${screen}:${n}`));
    });
    store.update(() => ({ screen: "b", n: 1 }));
    expect(calls).toEqual(["a:0", "b:1"]);
  });

  it("compares plain data structurally", () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual(new Map([["x", 1]]), new Map([["x", 1]]))).toBe(true);
    expect(deepEqual(new Map([["x", 1]]), new Map([["x", 2]]))).toBe(false);
    expect(deepEqual([1], { 0: 1, length: 1 })).toBe(false);
  });
});
