// A part of a console screen that follows the state: `part(dispose, el,
// select, draw)` re-draws `el` (keeping focus, caret and typed value, see
// client/lib/render.ts) whenever `select(state)` is no longer deep-equal to
// what it was (client/lib/store.ts); `dispose` collects the unwatch calls the
// screen runs when it is replaced.
import type { Child } from "../../lib/dom.js";
import { render } from "../../lib/render.js";
import { store, type HostState } from "../state.js";

export type Dispose = (() => void)[];
/** What a part draws: nodes, texts, or lists of them. */
export type Drawn = (Child | Child[])[];

export function part<T, E extends HTMLElement>(dispose: Dispose, el: E, select: (s: HostState) => T, draw: (selected: T, s: HostState) => Child | Drawn): E {
  dispose.push(
    store.watch(select, (v, s) => {
      const drawn = draw(v, s);
      render(el, ...(Array.isArray(drawn) ? drawn : [drawn]));
    }),
  );
  return el;
}
