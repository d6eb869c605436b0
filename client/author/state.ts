// The pack editor's one state object (client/lib/store.ts) and every change
// to it.
//
//   store                  → AuthorState; screens read it with store.watch
//   set(patch)             → the one way the state changes (a shallow patch)
//   editForm(change)       → the form changed: `change` edits a copy of the
//                            form (never the one on screen); the live check
//                            is scheduled by ./actions.ts
//   show(root, select, draw) → a region drawn from the state, rebuilt (keeping
//                            focus, caret and typed text, client/lib/render.ts)
//                            when `select` no longer deep-equals its last value
//   s()                    → this page's strings in the chosen language
//
// The form (`form`) is plain data and is replaced, not changed in place, so a
// screen's selection of it compares truly. `doc` is the YAML Document the
// form was read from (comments, order, styles): no screen selects it.
import type { Document } from "yaml";
import type { Text } from "../../shared/vuca.js";
import type { Lang } from "../../shared/i18n/common.js";
import { author, type AuthorStrings } from "../../shared/i18n/author.js";
import type { Child } from "../lib/dom.js";
import { createStore } from "../lib/store.js";
import { render } from "../lib/render.js";
import { lang } from "../lib/i18n.js";
import type { PackF } from "./model.js";

export const PASSWORD_KEY = "arena-vuca.admin-password";

export interface PackRow {
  id: string;
  title: Text;
  description: Text;
  shipped: boolean;
  cards: { id: string; title: Text; narrative: Text; icon?: string }[];
}
import type { CheckAnswer, CheckMessage } from "../../shared/protocol/authoring.js";
export type { CheckAnswer, CheckMessage };

export type PreviewPhase = "briefing" | "deciding" | "reveal";

export interface AuthorState {
  lang: Lang;
  /** The server's packs; null until they arrive. */
  packs: PackRow[] | null;
  canEdit: boolean;
  password: string;
  /** What the page last said (`at` counts, so the same sentence twice is said twice). */
  notice: { text: string; at: number };
  form: PackF | null;
  doc: Document | undefined;
  /** The card open in the form. */
  tab: number;
  formCheck: CheckAnswer | null;
  /** 0: no preview; else how often Preview was pressed (each press draws the open card afresh). */
  preview: number;
  /** The phase the preview shows the card at. */
  phase: PreviewPhase;
  yaml: {
    text: string;
    /** A file's bytes as chosen (sent as they are); null once the text is typed over. */
    bytes: Uint8Array | null;
    name: string;
    check: CheckAnswer | null;
    /** Counts the checker's answers: each one draws the lines again (the same answer for a changed text too). */
    checked: number;
    /** Counts texts put into the box from elsewhere (a file, the form): the box is drawn again. */
    loaded: number;
  };
}

export const store = createStore<AuthorState>({
  lang: lang(),
  packs: null,
  canEdit: false,
  password: sessionStorage.getItem(PASSWORD_KEY) ?? "",
  notice: { text: "", at: 0 },
  form: null,
  doc: undefined,
  tab: 0,
  formCheck: null,
  preview: 0,
  phase: "briefing",
  yaml: { text: "", bytes: null, name: "paket.yaml", check: null, checked: 0, loaded: 0 },
});

export const s = (): AuthorStrings => author[lang()];

/** The one way the page's state changes. */
export const set = (patch: Partial<AuthorState>): void => store.update((st) => ({ ...st, ...patch }));
export const setYaml = (patch: Partial<AuthorState["yaml"]>): void => store.update((st) => ({ ...st, yaml: { ...st.yaml, ...patch } }));
export const say_ = (text: string): void => store.update((st) => ({ ...st, notice: { text, at: st.notice.at + 1 } }));

/** Edits a copy of the form and puts it in the state (`more` patches the rest, e.g. the tab). */
export function editForm(change: (f: PackF) => void, more: Partial<AuthorState> = {}): void {
  store.update((st) => {
    if (!st.form) return st;
    const form = structuredClone(st.form);
    change(form);
    return { ...st, ...more, form };
  });
}

/**
 * Draws `draw(state)` into `root` now and whenever `select(state)` changes
 * (deep equality), keeping focus, caret and typed text. Returns the unwatch.
 */
export function show<T>(root: Element, select: (st: AuthorState) => T, draw: (st: AuthorState, selected: T) => Child | Child[]): () => void {
  return store.watch(select, (selected, st) => render(root, draw(st, selected)));
}
