// One state object per page, changed in one place.
//
//   const store = createStore<PageState>(initial);
//   store.update((s) => ({ ...s, lang: "en" }))   → the only way state changes
//   store.watch(select, render)                   → render(selected, state) runs
//       once now and again only when `select(state)` is no longer deep-equal to
//       what it returned last time (plain data: objects, arrays, primitives) —
//       this replaces hand-made "signature" strings.
//
// Updates are applied at once; watchers run synchronously after each update,
// so a screen never shows state older than the store's.
export interface Store<S> {
  get(): S;
  update(change: (s: S) => S): void;
  watch<T>(select: (s: S) => T, render: (selected: T, s: S) => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const watchers = new Set<(s: S) => void>();
  return {
    get: () => state,
    update(change) {
      const next = change(state);
      if (next === state) return;
      state = next;
      // a watcher removed by an earlier one in this round (a screen that closed) does not run
      for (const w of [...watchers]) if (watchers.has(w)) w(state);
    },
    watch(select, render) {
      let last: { v: ReturnType<typeof select> } | null = null;
      const run = (s: S) => {
        const v = select(s);
        if (last && deepEqual(last.v, v)) return;
        last = { v };
        render(v, s);
      };
      watchers.add(run);
      run(state);
      return () => watchers.delete(run);
    },
  };
}

/** Structural equality of plain data (objects, arrays, Maps, primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    return true;
  }
  if (Array.isArray(b) || b instanceof Map) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
