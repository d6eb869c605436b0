// The phone's reflection: six short screens that mirror the aktualisasi
// design matrix (issue → condition → Prime → partners → BerAKHLAK behaviour →
// activity), then a review that sends the activity to the class wall. It
// opens at the final, and mid-game when the trainer opens it after a card
// (ReflectionMessage.open during the reveal or scoreboard): the phone goes
// back to the game when it shuts, and the chain — one per participant — is
// there again, as typed, at the final.
//
// The chain lives in the page state (state.ts Reflection). Every change is
// sent as it is typed (a moment after the last key, at once for a choice, and
// when the page is hidden); the server keeps the chain and sends it back on
// every (re)join, and a copy stays on the phone until the server has it, so a
// sleep or a reload loses nothing.
import type { ReflectionMessage } from "../../../shared/protocol/messages.js";
import type { ReflectionEntry, ReflectionPatch } from "../../../shared/rules/reflection.js";
import { CONDITIONS, PRIME_FOR, PRIMES, ROLES, VALUES, say } from "../../../shared/vuca.js";
import { h, type Child } from "../../lib/dom.js";
import { c, lang, tp } from "../../lib/i18n.js";
import { localGet, localSet } from "../../lib/net.js";
import { option, setReflection, show, store, type App, type PlayState } from "../state.js";

/** The limit the rules hold (shared/rules/reflection.ts REFLECTION_TEXT_MAX), without importing the rules. */
const TEXT_MAX = 280;
const STEPS = 6;

const keyOf = (kind: string) => `arena-vuca:${kind}:${store.get().code}:${store.get().playerId}`;
const r = () => store.get().reflection;
let app: App | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * The server's copy: fields not typed since win; anything typed here is sent
 * again once the phone may write (typed while the connection was down, it
 * waits on the phone until the reflection is open again).
 */
export function takeReflection(m: ReflectionMessage, via: App): void {
  app = via;
  const owner = `${store.get().code}:${store.get().playerId}`;
  let { dirty, step } = r();
  if (r().owner !== owner) {
    // what this phone typed and the server may not have yet, and the step it was on
    try {
      const saved = JSON.parse(localGet(keyOf("reflection")) ?? "null") as ReflectionPatch | null;
      dirty = saved && typeof saved === "object" ? saved : {};
    } catch {
      dirty = {};
    }
    step = Number(localGet(keyOf("reflection-step")) ?? -1);
    if (!Number.isInteger(step) || step < -1 || step > STEPS) step = -1;
  }
  const open = m.open;
  if (m.closed) dirty = {};
  setReflection({ owner, received: true, closed: m.closed, open, behaviours: m.behaviours?.length ? m.behaviours : r().behaviours, draft: { ...m.entry, ...dirty }, dirty, step });
  if (!Object.keys(dirty).length) localSet(keyOf("reflection"), null);
  else if (open) flush();
}

function change(patch: ReflectionPatch, typed = false): void {
  if (r().closed || !r().open) return;
  const dirty = { ...r().dirty, ...patch };
  setReflection({ draft: { ...r().draft, ...patch }, dirty });
  localSet(keyOf("reflection"), JSON.stringify(dirty));
  clearTimeout(timer);
  if (typed) timer = setTimeout(flush, 600);
  else flush();
}

/** Sends what changed; kept for the next try when the connection is down. */
export function flush(): void {
  clearTimeout(timer);
  const { closed, open, dirty } = r();
  if (!app || closed || !open || Object.keys(dirty).length === 0) return;
  if (app.send("reflect", dirty, true)) {
    setReflection({ dirty: {} });
    localSet(keyOf("reflection"), null);
  }
}

function go(step: number): void {
  flush();
  setReflection({ step });
  localSet(keyOf("reflection-step"), String(step));
  scrollTo(0, 0);
}

function textStep(e: ReflectionEntry, field: "issue" | "activity", title: string, hint: string): HTMLElement {
  const id = `rf-${field}`;
  return h(
    "div",
    null,
    h("h2", null, h("label", { for: id }, title)),
    h("span", { id: `${id}-hint`, class: "hint" }, hint),
    h("textarea", { id, rows: 5, maxlength: TEXT_MAX, "aria-describedby": `${id}-hint ${id}-count`, value: e[field], oninput: (ev: Event) => change({ [field]: (ev.target as HTMLTextAreaElement).value }, true), onblur: flush }),
    h("span", { id: `${id}-count`, class: "hint rf-count", "aria-live": "polite" }, tp().rfCount([...e[field]].length, TEXT_MAX)),
  );
}

function choices<T extends string>(name: string, type: "radio" | "checkbox", items: readonly T[], label: (x: T) => string, cue: (x: T) => string | null, on: (x: T) => boolean, pick: (x: T, checked: boolean) => void): HTMLElement[] {
  return items.map((x) =>
    option(
      type,
      name,
      `${name}-${x}`,
      on(x),
      [h("strong", { class: "option-text" }, label(x)), type === "checkbox" ? h("span", { class: "picked-mark" }, on(x) ? "✓" : "") : null],
      cue(x) ? h("span", { class: "option-text small" }, cue(x)) : null,
      (ev) => pick(x, (ev.target as HTMLInputElement).checked),
    ),
  );
}

const group = (title: string, hint: string, items: HTMLElement[]) => h("fieldset", { class: "options" }, h("legend", null, title ? h("h2", null, title) : null, hint ? h("span", { class: "hint" }, hint) : null), items);

function stepBody(s: PlayState): HTMLElement {
  const t = tp();
  const e = s.reflection.draft;
  switch (s.reflection.step) {
    case 0:
      return textStep(e, "issue", t.rfIssueTitle, t.rfIssueHint);
    case 1:
      return group(t.rfConditionTitle, t.rfConditionHint, choices("rf-cond", "radio", CONDITIONS, (x) => c().conditions[x], (x) => c().conditionCues[x], (x) => e.condition === x, (x) => change({ condition: x })));
    case 2: {
      const fits = e.condition ? t.rfPrimeFits(c().conditions[e.condition], c().primes[PRIME_FOR[e.condition]]) : t.rfPrimeHint;
      return group(t.rfPrimeTitle, fits, choices("rf-prime", "radio", PRIMES, (x) => c().primes[x], () => null, (x) => e.prime === x, (x) => change({ prime: x })));
    }
    case 3:
      return group(t.rfPartnersTitle, t.rfPartnersHint, choices("rf-role", "checkbox", ROLES, (x) => c().roles[x], (x) => c().roleBrings[x], (x) => e.partners.includes(x), (x, on) => change({ partners: ROLES.filter((y) => (y === x ? on : e.partners.includes(y))) })));
    case 4: {
      const list = s.reflection.behaviours;
      const groups = VALUES.map((v) =>
        h("div", { class: "rf-value" }, h("h3", null, c().values[v]), group("", "", choices("rf-beh", "radio", list.filter((b) => b.value === v).map((b) => b.id), (id) => say(list.find((b) => b.id === id)!.text, lang()), () => null, (id) => e.behaviour === id, (id) => change({ behaviour: id })))),
      );
      return h("div", { class: "stack" }, h("h2", null, t.rfBehaviourTitle), h("span", { class: "hint" }, t.rfBehaviourHint), groups);
    }
    case 5:
      return textStep(e, "activity", t.rfActivityTitle, t.rfActivityHint);
    default:
      return review(e);
  }
}

/** The chain, one line per step, each with a way back to change it. */
function chainList(e: ReflectionEntry, editable: boolean): HTMLElement {
  const t = tp();
  const beh = e.behaviour ? r().behaviours.find((b) => b.id === e.behaviour) : undefined;
  const rows: [string, string][] = [
    [t.rfIssueTitle, e.issue.trim()],
    [t.rfConditionTitle, e.condition ? c().conditions[e.condition] : ""],
    [t.rfPrimeTitle, e.prime ? c().primes[e.prime] : ""],
    [t.rfPartnersTitle, e.partners.map((x) => c().roles[x]).join(", ")],
    [t.rfBehaviourTitle, beh ? `${c().values[beh.value]}: ${say(beh.text, lang())}` : ""],
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

const complete = (e: ReflectionEntry) => e.issue.trim() !== "" && e.condition !== null && e.prime !== null && e.partners.length > 0 && e.behaviour !== null && e.activity.trim() !== "";

function review(e: ReflectionEntry): HTMLElement {
  const t = tp();
  return h(
    "div",
    { class: "stack" },
    h("h2", null, t.rfReviewTitle),
    chainList(e, true),
    e.done ? h("p", { class: "alert ok", id: "rf-on-wall" }, `✓ ${t.rfOnWall}`) : h("button", { type: "button", class: "block", id: "rf-to-wall", disabled: !complete(e), onclick: () => change({ done: true }) }, t.rfToWall),
  );
}

/**
 * The reflection screen, drawn from the state; `ranking` is the final ranking,
 * shown before the first step and once closed. Mid-game (`midGame`), a line
 * says the trainer opened it after this card, above every step.
 */
export function reflectionScreen(root: HTMLElement, ranking: (s: PlayState) => HTMLElement[], midGame = false): () => void {
  let shownStep: number | null = null;
  root.classList.add("rf-screen");
  return show(root, (s) => [s.lang, s.texts, s.reflection], (s) => {
    const t = tp();
    const { step, closed, dirty } = s.reflection;
    const mid = midGame ? h("p", { id: "rf-mid", class: "alert info rf-mid" }, t.rfOpenedMid) : null;
    const parts: Child[] = [];
    if (closed) parts.push(h("section", { class: "panel stack" }, h("h1", null, t.rfReviewTitle), h("p", { class: "alert info" }, t.rfClosed), chainList(s.reflection.draft, false)), ...ranking(s));
    else if (step < 0) parts.push(mid, h("section", { class: "panel stack" }, h("h1", null, `✍️ ${t.rfStart}`), h("p", null, t.rfIntro), h("button", { type: "button", class: "block", id: "rf-start", onclick: () => go(0) }, t.rfStart)), ...ranking(s));
    else {
      parts.push(
        mid,
        h(
          "section",
          { class: "panel stack" },
          h("div", { class: "rf-top" }, h("span", { class: "tag" }, step < STEPS ? t.rfStep(step + 1, STEPS) : t.rfReviewTitle), h("span", { class: "small muted rf-saved", "aria-live": "polite" }, Object.keys(dirty).length ? t.rfSaving : `✓ ${t.rfSaved}`)),
          h("div", { class: "rf-progress", "aria-hidden": "true" }, h("span", { style: `width:${Math.round((Math.min(step, STEPS) / STEPS) * 100)}%` })),
          stepBody(s),
          h(
            "div",
            { class: "rf-nav" },
            h("button", { type: "button", class: "secondary", id: "rf-back", onclick: () => go(step - 1) }, `← ${t.rfBack}`),
            step < STEPS ? h("button", { type: "button", id: "rf-next", onclick: () => go(step + 1) }, `${t.rfNext} →`) : null,
          ),
        ),
      );
      // a new text step: the cursor goes into its box
      if (step !== shownStep && (step === 0 || step === 5)) queueMicrotask(() => document.querySelector<HTMLTextAreaElement>(".rf-screen textarea")?.focus());
    }
    shownStep = closed ? null : step;
    return parts;
  });
}

addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flush();
});
addEventListener("pagehide", flush);
