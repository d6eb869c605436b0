// Rebuilding a part of a page without losing the user's place.
//
//   render(parent, ...children)  → like dom.ts' mount, but the element that had
//       focus inside `parent` (found again by its `id` or `data-key`) gets focus
//       back, with its caret/selection, and an <input>/<textarea> the user is
//       typing in keeps the typed value when the new one is the stale state's.
//
// Screens render from the page's state (client/lib/store.ts); this keeps the
// rebuild invisible to someone typing or tabbing through the controls.
import { mount, type Child } from "./dom.js";

type Field = HTMLInputElement | HTMLTextAreaElement;

function keyOf(el: Element): string | null {
  if (el.id) return `#${el.id}`;
  const k = (el as HTMLElement).dataset?.key;
  return k ? `[data-key="${CSS.escape(k)}"]` : null;
}

export function render(parent: Element, ...children: (Child | Child[])[]): void {
  const active = document.activeElement;
  const inside = active && active !== parent && parent.contains(active) ? active : null;
  const key = inside ? keyOf(inside) : null;
  const field = inside && (inside instanceof HTMLInputElement || inside instanceof HTMLTextAreaElement) ? (inside as Field) : null;
  const typed = field ? { value: field.value, start: safe(() => field.selectionStart), end: safe(() => field.selectionEnd) } : null;
  mount(parent, ...children);
  if (!key) return;
  const again = parent.querySelector<HTMLElement>(key);
  if (!again) return;
  if (typed && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && !again.disabled) {
    again.value = typed.value;
    if (typed.start !== null && typed.end !== null) safe(() => again.setSelectionRange(typed.start, typed.end));
  }
  again.focus({ preventScroll: true });
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null; // inputs of type number/radio have no selection
  }
}
