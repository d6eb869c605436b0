// The phone's closing reflection: six short screens that mirror the
// aktualisasi design matrix (issue → condition → Prime → partners →
// BerAKHLAK behaviour → activity), then a review that sends the activity to
// the class wall. Every change is sent as it is typed (a moment after the last
// key, at once for a choice, and when the page is hidden); the server keeps
// the chain and sends it back on every (re)join, and a copy stays on the phone
// until the server has it, so a sleep or a reload loses nothing.
import type { ReflectionMessage } from "../../shared/protocol/messages.js";
import type { ReflectionEntry, ReflectionPatch } from "../../shared/rules/reflection.js";
import type { BehaviourItem } from "../../shared/behaviours.js";
import { CONDITIONS, PRIME_FOR, PRIMES, ROLES, VALUES, say } from "../../shared/vuca.js";
import { h, mount, setText } from "../lib/dom.js";
import { c, lang, tp } from "../lib/i18n.js";
import { localGet, localSet } from "../lib/net.js";

/** The limit the rules hold (shared/rules/reflection.ts REFLECTION_TEXT_MAX), without importing the rules. */
const TEXT_MAX = 280;
const STEPS = 6;

const empty = (): ReflectionEntry => ({ issue: "", condition: null, prime: null, partners: [], behaviour: null, activity: "", done: false, at: 0 });

interface Ctx {
  code: string;
  playerId: string;
  send: (type: string, payload: unknown) => boolean;
  rerender: () => void;
}

let ctx: Ctx | null = null;
let received = false;
let closed = false;
/** The 21 BerAKHLAK behaviours, as the room sends them (the phone's bundle does not carry them). */
let BEHAVIOUR_LIST: readonly BehaviourItem[] = [];
let draft: ReflectionEntry = empty();
/** Fields typed here and not yet confirmed sent. */
let dirty: ReflectionPatch = {};
/** -1: the final ranking with the start button; 0–5: the steps; 6: the review. */
let step = -1;
let timer: ReturnType<typeof setTimeout> | undefined;
let onStatus: (() => void) | null = null;

const draftKey = () => (ctx ? `arena-vuca:reflection:${ctx.code}:${ctx.playerId}` : "");
const stepKey = () => (ctx ? `arena-vuca:reflection-step:${ctx.code}:${ctx.playerId}` : "");

export function setupReflection(next: Ctx): void {
  const same = ctx && ctx.code === next.code && ctx.playerId === next.playerId;
  ctx = next;
  if (same) return;
  received = false;
  closed = false;
  dirty = {};
  draft = empty();
  step = Number(localGet(stepKey()) ?? -1);
  if (!Number.isInteger(step) || step < -1 || step > STEPS) step = -1;
  // what this phone typed and the server may not have yet
  try {
    const saved = JSON.parse(localGet(draftKey()) ?? "null") as ReflectionPatch | null;
    if (saved && typeof saved === "object") dirty = saved;
  } catch {
    dirty = {};
  }
}

/** The server's copy: fields not typed since win; anything typed here is sent again. */
export function takeReflection(m: ReflectionMessage): void {
  received = true;
  closed = m.closed;
  if (m.behaviours?.length) BEHAVIOUR_LIST = m.behaviours;
  draft = { ...m.entry, ...(closed ? {} : dirty) };
  if (closed) dirty = {};
  if (Object.keys(dirty).length) flush();
  else localSet(draftKey(), null);
  ctx?.rerender();
}

export const reflectionReceived = () => received;
export const reflectionClosed = () => closed;

/** The screen's key: a new step (or closing) builds the screen again. */
export const reflectionKey = () => `${closed ? "closed" : step}`;

function change(patch: ReflectionPatch, typed = false): void {
  if (closed) return;
  draft = { ...draft, ...patch };
  dirty = { ...dirty, ...patch };
  localSet(draftKey(), JSON.stringify(dirty));
  clearTimeout(timer);
  if (typed) timer = setTimeout(flush, 600);
  else flush();
  onStatus?.();
}

/** Sends what changed; kept for the next try when the connection is down. */
export function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  if (!ctx || closed || Object.keys(dirty).length === 0) return;
  if (ctx.send("reflect", dirty)) {
    dirty = {};
    localSet(draftKey(), null);
  }
  onStatus?.();
}

function go(next: number): void {
  flush();
  step = next;
  localSet(stepKey(), String(step));
  ctx?.rerender();
  scrollTo(0, 0);
}

function textStep(field: "issue" | "activity", title: string, hint: string): HTMLElement {
  const t = tp();
  const id = `rf-${field}`;
  const area = h("textarea", { id, rows: 5, maxlength: TEXT_MAX, "aria-describedby": `${id}-hint ${id}-count` });
  area.value = draft[field];
  const count = h("span", { id: `${id}-count`, class: "hint rf-count", "aria-live": "polite" });
  const showCount = () => setText(count, t.rfCount([...area.value].length, TEXT_MAX));
  area.addEventListener("input", () => {
    showCount();
    change({ [field]: area.value }, true);
  });
  area.addEventListener("blur", flush);
  showCount();
  queueMicrotask(() => area.focus());
  return h("div", null, h("h2", null, h("label", { for: id }, title)), h("span", { id: `${id}-hint`, class: "hint" }, hint), area, count);
}

function choiceStep<T extends string>(name: string, title: string, hint: string, items: readonly T[], label: (x: T) => string, cue: (x: T) => string | null, picked: () => T | null, pick: (x: T) => void): HTMLElement {
  const labels = items.map((x) => {
    const input = h("input", { type: "radio", name, value: x, class: "sr-only", id: `${name}-${x}` });
    input.checked = picked() === x;
    const lab = h(
      "label",
      { class: input.checked ? "option picked" : "option", for: `${name}-${x}` },
      input,
      h("span", { class: "option-head" }, h("span", { class: "option-text" }, h("strong", null, label(x)))),
      cue(x) ? h("span", { class: "option-text small" }, cue(x)) : null,
    );
    input.addEventListener("change", () => {
      pick(x);
      for (const l of labels) l.classList.toggle("picked", l === lab);
    });
    return lab;
  });
  return h("fieldset", { class: "options" }, h("legend", null, h("h2", null, title), h("span", { class: "hint" }, hint)), labels);
}

function stepBody(n: number): HTMLElement {
  const t = tp();
  const L = lang();
  switch (n) {
    case 0:
      return textStep("issue", t.rfIssueTitle, t.rfIssueHint);
    case 1:
      return choiceStep("rf-cond", t.rfConditionTitle, t.rfConditionHint, CONDITIONS, (x) => c().conditions[x], (x) => c().conditionCues[x], () => draft.condition, (x) => change({ condition: x }));
    case 2: {
      const cond = draft.condition;
      const fits = cond ? t.rfPrimeFits(c().conditions[cond], c().primes[PRIME_FOR[cond]]) : t.rfPrimeHint;
      return choiceStep("rf-prime", t.rfPrimeTitle, fits, PRIMES, (x) => c().primes[x], () => null, () => draft.prime, (x) => change({ prime: x }));
    }
    case 3: {
      const boxes = ROLES.map((r) => {
        const input = h("input", { type: "checkbox", value: r, class: "sr-only", id: `rf-role-${r}` });
        input.checked = draft.partners.includes(r);
        const lab = h(
          "label",
          { class: input.checked ? "option picked" : "option", for: `rf-role-${r}` },
          input,
          h("span", { class: "option-head" }, h("strong", { class: "option-text" }, c().roles[r]), h("span", { class: "picked-mark" }, input.checked ? "✓" : "")),
          h("span", { class: "option-text small" }, c().roleBrings[r]),
        );
        input.addEventListener("change", () => {
          const partners = ROLES.filter((x) => (x === r ? input.checked : draft.partners.includes(x)));
          lab.classList.toggle("picked", input.checked);
          setText(lab.querySelector(".picked-mark")!, input.checked ? "✓" : "");
          change({ partners });
        });
        return lab;
      });
      return h("fieldset", { class: "options" }, h("legend", null, h("h2", null, t.rfPartnersTitle), h("span", { class: "hint" }, t.rfPartnersHint)), boxes);
    }
    case 4: {
      const groups = VALUES.map((v) =>
        h(
          "div",
          { class: "rf-value" },
          h("h3", null, c().values[v]),
          choiceStep(
            "rf-beh",
            "",
            "",
            BEHAVIOUR_LIST.filter((b) => b.value === v).map((b) => b.id),
            (id) => say(BEHAVIOUR_LIST.find((b) => b.id === id)!.text, L),
            () => null,
            () => draft.behaviour,
            (id) => {
              change({ behaviour: id });
              for (const l of document.querySelectorAll("label.option")) l.classList.toggle("picked", (l.querySelector("input") as HTMLInputElement | null)?.checked === true);
            },
          ),
        ),
      );
      return h("div", { class: "stack" }, h("h2", null, t.rfBehaviourTitle), h("span", { class: "hint" }, t.rfBehaviourHint), groups);
    }
    case 5:
      return textStep("activity", t.rfActivityTitle, t.rfActivityHint);
    default:
      return review();
  }
}

/** The chain, one line per step, each with a way back to change it. */
export function chainList(e: ReflectionEntry, editable: boolean): HTMLElement {
  const t = tp();
  const L = lang();
  const beh = e.behaviour ? BEHAVIOUR_LIST.find((b) => b.id === e.behaviour) : undefined;
  const rows: [string, string][] = [
    [t.rfIssueTitle, e.issue.trim()],
    [t.rfConditionTitle, e.condition ? c().conditions[e.condition] : ""],
    [t.rfPrimeTitle, e.prime ? c().primes[e.prime] : ""],
    [t.rfPartnersTitle, e.partners.map((r) => c().roles[r]).join(", ")],
    [t.rfBehaviourTitle, beh ? `${c().values[beh.value]}: ${say(beh.text, L)}` : ""],
    [t.rfActivityTitle, e.activity.trim()],
  ];
  return h(
    "ol",
    { class: "rf-chain" },
    rows.map(([label, value], i) =>
      h(
        "li",
        null,
        h("span", { class: "small muted" }, label),
        h("p", { class: value ? "rf-value-text" : "rf-value-text muted" }, value || `(${t.rfMissing})`),
        editable ? h("button", { type: "button", class: "secondary rf-edit", onclick: () => go(i) }, t.rfEdit) : null,
      ),
    ),
  );
}

function complete(e: ReflectionEntry): boolean {
  return e.issue.trim() !== "" && e.condition !== null && e.prime !== null && e.partners.length > 0 && e.behaviour !== null && e.activity.trim() !== "";
}

function review(): HTMLElement {
  const t = tp();
  const ok = complete(draft);
  return h(
    "div",
    { class: "stack" },
    h("h2", null, t.rfReviewTitle),
    chainList(draft, true),
    draft.done ? h("p", { class: "alert ok", id: "rf-on-wall" }, `✓ ${t.rfOnWall}`) : null,
    !draft.done ? h("button", { type: "button", class: "block", id: "rf-to-wall", disabled: !ok, onclick: () => (change({ done: true }), ctx?.rerender()) }, t.rfToWall) : null,
  );
}

/** The reflection screen for the current step; `ranking` is the final ranking, shown before the first step. */
export function reflectionScreen(ranking: () => HTMLElement[]): { el: HTMLElement; update: () => void } {
  const t = tp();
  const el = h("div", { class: "stack fade-in rf-screen" });
  if (closed) {
    mount(el, h("section", { class: "panel stack" }, h("h1", null, t.rfReviewTitle), h("p", { class: "alert info" }, t.rfClosed), chainList(draft, false)), ranking());
    return { el, update: () => {} };
  }
  if (step < 0) {
    mount(
      el,
      h("section", { class: "panel stack" }, h("h1", null, `✍️ ${t.rfStart}`), h("p", null, t.rfIntro), h("button", { type: "button", class: "block", id: "rf-start", onclick: () => go(0) }, t.rfStart)),
      ranking(),
    );
    return { el, update: () => {} };
  }
  const saved = h("span", { class: "small muted rf-saved", "aria-live": "polite" });
  onStatus = () => setText(saved, Object.keys(dirty).length ? t.rfSaving : `✓ ${t.rfSaved}`);
  onStatus();
  const nav = h(
    "div",
    { class: "rf-nav" },
    h("button", { type: "button", class: "secondary", id: "rf-back", onclick: () => go(step - 1) }, `← ${t.rfBack}`),
    step < STEPS ? h("button", { type: "button", id: "rf-next", onclick: () => go(step + 1) }, `${t.rfNext} →`) : null,
  );
  mount(
    el,
    h(
      "section",
      { class: "panel stack" },
      h("div", { class: "rf-top" }, h("span", { class: "tag" }, step < STEPS ? t.rfStep(step + 1, STEPS) : t.rfReviewTitle), saved),
      h("div", { class: "rf-progress", "aria-hidden": "true" }, h("span", { style: `width:${Math.round((Math.min(step, STEPS) / STEPS) * 100)}%` })),
      stepBody(step),
      nav,
    ),
  );
  return { el, update: () => onStatus?.() };
}

addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flush();
});
addEventListener("pagehide", flush);
