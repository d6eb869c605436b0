// The pack editor (author.html): the packs and their cards; paste or upload a
// pack's YAML and check it (the checker's messages beside the lines they point
// at); a form that writes a pack without seeing YAML; a preview of a card as
// the board and a phone show it; save and download. The server's routes are
// server/authoring.ts.
import "../lib/base.css";
import "../host/host.css";
import "../play/play.css";
import "./author.css";
import type { Document } from "yaml";
import { author, type AuthorStrings } from "../../shared/i18n/author.js";
import { CONDITIONS, PRIMES, ROLES, VALUES, say, type CoreValue, type Text } from "../../shared/vuca.js";
import type { EventCard } from "../../shared/scenario.js";
import { encodeCard, publicOnly, type RevealView } from "../../shared/protocol/wire.js";
import { optionLabel } from "../../shared/i18n/options.js";
import { STORAGE } from "../../shared/constants.js";
import { isReason } from "../../shared/reasons.js";
import { $, h, mount } from "../lib/dom.js";
import { c, lang, langButton, onLang, reasonText } from "../lib/i18n.js";
import { cardBlock, conditionBlock, optionReasons, reflectionBlock } from "../lib/views.js";
import { BEHAVIOURS } from "../../shared/behaviours.js";
import { chars, emptyCard, emptyPack, fromYaml, PROJECTOR, toYaml, type CardF, type PackF, type TextF } from "./model.js";

/** The board's preview reads the card from here (client/board/fake.ts PREVIEW_KEY). */
const PREVIEW_KEY = STORAGE.previewCard;
const PASSWORD_KEY = "arena-vuca.admin-password";

const s = (): AuthorStrings => author[lang()];

interface PackRow {
  id: string;
  title: Text;
  description: Text;
  shipped: boolean;
  cards: { id: string; title: Text; narrative: Text; icon?: string }[];
}
interface CheckMessage {
  path: string;
  line: number;
  message: string;
  pesan: string;
  text: string;
}
interface CheckAnswer {
  ok: boolean;
  errors: CheckMessage[];
  /** scenarios:check's pack rules (shown, not blocking a save). */
  rules: CheckMessage[];
  warnings: string[];
  pack?: { id: string; events: number };
  id?: string;
  copiedFrom?: string;
  reason?: string;
}

let packs: PackRow[] | null = null;
let canEdit = false;
let password = sessionStorage.getItem(PASSWORD_KEY) ?? "";
let form: PackF | null = null;
let doc: Document | undefined;
let tab = 0;
let phase: "briefing" | "deciding" | "reveal" = "briefing";
let formCheck: CheckAnswer | null = null;
let yamlText = "";
let yamlBytes: Uint8Array | null = null;
let yamlName = "paket.yaml";
let yamlCheck: CheckAnswer | null = null;
let notice = "";

// ---- server -------------------------------------------------------------------------

function headers(): Record<string, string> {
  return password ? { "x-arena-admin": password } : {};
}

async function send(path: string, body: BodyInit): Promise<{ status: number; answer: CheckAnswer }> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/yaml", ...headers() }, body });
  const answer = (await res.json().catch(() => ({ reason: "SERVER_ERROR" }))) as Partial<CheckAnswer>;
  return { status: res.status, answer: { ...answer, ok: answer.ok === true, errors: answer.errors ?? [], rules: answer.rules ?? [], warnings: answer.warnings ?? [] } };
}

function refusal(answer: CheckAnswer): string {
  return isReason(answer.reason) ? reasonText(answer.reason) : s().failed;
}

async function loadPacks(): Promise<void> {
  try {
    const res = await fetch("/api/authoring/packs", { cache: "no-store" });
    const body = (await res.json()) as { canEdit: boolean; packs: PackRow[] };
    packs = body.packs;
    canEdit = body.canEdit;
  } catch {
    notice = s().failed;
  }
  render();
}

async function download(id: string): Promise<void> {
  const res = await fetch(`/api/authoring/packs/${encodeURIComponent(id)}/yaml`, { headers: headers() });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as CheckAnswer;
    return say_(refusal(body));
  }
  const blob = await res.blob();
  const a = h("a", { href: URL.createObjectURL(blob), download: `${id}.yaml` });
  document.body.append(a);
  a.click();
  a.remove();
}

async function openInForm(id: string): Promise<void> {
  const res = await fetch(`/api/authoring/packs/${encodeURIComponent(id)}/yaml`, { headers: headers() });
  if (!res.ok) return say_(refusal((await res.json().catch(() => ({}))) as CheckAnswer));
  const parsed = fromYaml(await res.text());
  form = parsed.form;
  doc = parsed.doc;
  tab = 0;
  formCheck = null;
  render();
  $("form-section").scrollIntoView();
}

function say_(text: string): void {
  notice = text;
  renderNotice();
}

// ---- rendering ------------------------------------------------------------------------

function render(): void {
  document.title = `Arena VUCA — ${s().title}`;
  mount($("page-title"), s().title);
  mount($("top-lang"), langButton());
  mount(
    $("main"),
    h("p", null, h("a", { href: "/host.html" }, s().backToConsole)),
    h("p", { class: "hint" }, s().intro),
    h("div", { id: "notice", role: "status", "aria-live": "polite" }),
    passwordBox(),
    packList(),
    formSection(),
    yamlSection(),
  );
  renderNotice();
  renderForm();
}

function renderNotice(): void {
  const el = document.getElementById("notice");
  if (el) mount(el, notice ? h("p", { class: "panel notice" }, notice) : null);
}

function passwordBox(): HTMLElement | null {
  if (canEdit) return null;
  return h(
    "section",
    { class: "panel" },
    h("p", null, s().notAllowed),
    h(
      "label",
      { for: "admin-password" },
      s().adminPassword,
      h("input", {
        id: "admin-password",
        type: "password",
        autocomplete: "current-password",
        value: password,
        oninput: (e: Event) => {
          password = (e.target as HTMLInputElement).value;
          sessionStorage.setItem(PASSWORD_KEY, password);
        },
      }),
    ),
    h("p", { class: "hint" }, s().whoMayEdit),
  );
}

function packList(): HTMLElement {
  const t = s();
  return h(
    "section",
    { class: "panel", id: "pack-list" },
    h("h2", null, t.packs),
    packs === null
      ? h("p", null, t.loading)
      : h(
          "ul",
          { class: "author-packs" },
          packs.map((p) =>
            h(
              "li",
              { "data-pack": p.id },
              h(
                "details",
                null,
                h("summary", null, h("strong", null, say(p.title, lang())), ` · ${p.id} · ${t.cardsN(p.cards.length)} · `, h("span", { class: "tag" }, p.shipped ? t.shipped : t.authored)),
                h("p", { class: "small" }, say(p.description, lang())),
                h("ol", { class: "author-cards" }, p.cards.map((card) => h("li", null, h("strong", null, `${card.icon ?? ""} ${say(card.title, lang())}`), h("p", { class: "small muted" }, say(card.narrative, lang()))))),
              ),
              h("button", { type: "button", class: "secondary", onclick: () => void openInForm(p.id) }, t.editInForm),
              h("button", { type: "button", class: "secondary", onclick: () => void download(p.id) }, `⬇ ${t.download}`),
            ),
          ),
        ),
    h(
      "button",
      {
        type: "button",
        id: "new-pack",
        onclick: () => {
          form = emptyPack();
          doc = undefined;
          form.cards.push(emptyCard("", 1));
          tab = 0;
          formCheck = null;
          render();
          $("form-section").scrollIntoView();
        },
      },
      t.newPack,
    ),
  );
}

// ---- the form ---------------------------------------------------------------------------

/** Two inputs (Indonesian, English) for a text, with a counter against `cap` when given. */
function textField(name: string, label: string, text: TextF, cap?: number, area = false): HTMLElement {
  const t = s();
  const box = (which: "id" | "en") => {
    const counter = h("span", { class: "counter small", "aria-live": "off" });
    const update = () => {
      const n = chars(text[which]);
      mount(counter, cap ? t.counter(n, cap) : "");
      counter.classList.toggle("over", cap !== undefined && n > cap);
      counter.title = cap !== undefined && n > cap ? t.tooLongForProjector : "";
    };
    const attrs = {
      id: `${name}-${which}`,
      name: `${name}-${which}`,
      value: text[which],
      oninput: (e: Event) => {
        text[which] = (e.target as HTMLInputElement).value;
        update();
        changed();
      },
    };
    update();
    return h(
      "label",
      { for: attrs.id, class: "text-field" },
      h("span", { class: "small muted" }, which === "id" ? t.indonesian : t.english),
      area ? h("textarea", { ...attrs, rows: 3 }) : h("input", { ...attrs, type: "text" }),
      counter,
    );
  };
  return h("fieldset", { class: "text-pair" }, h("legend", null, label), box("id"), box("en"));
}

function select(id: string, label: string, value: string, options: [string, string][], onChange: (v: string) => void): HTMLElement {
  return h(
    "label",
    { for: id },
    label,
    h(
      "select",
      { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
    ),
  );
}

function roleChecks(name: string, label: string, list: string[]): HTMLElement {
  return h(
    "fieldset",
    { class: "roles" },
    h("legend", null, label),
    ROLES.map((r) =>
      h(
        "label",
        { class: "check", for: `${name}-${r}` },
        h("input", {
          type: "checkbox",
          id: `${name}-${r}`,
          checked: list.includes(r),
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            const at = list.indexOf(r);
            if (on && at < 0) list.push(r);
            if (!on && at >= 0) list.splice(at, 1);
            changed();
          },
        }),
        ` ${c().roles[r]}`,
      ),
    ),
  );
}

function cardEditor(card: CardF, i: number): HTMLElement {
  const t = s();
  const conditions: [string, string][] = CONDITIONS.map((k) => [k, c().conditions[k]]);
  const behaviours = Object.hasOwn(BEHAVIOURS, card.value) ? BEHAVIOURS[card.value as CoreValue].behaviours : [];
  return h(
    "div",
    { class: "card-editor", role: "tabpanel", id: `card-panel-${i}` },
    h(
      "div",
      { class: "row" },
      h("label", { for: "card-id" }, t.cardId, h("input", { id: "card-id", value: card.id, oninput: (e: Event) => ((card.id = (e.target as HTMLInputElement).value), changed()) })),
      h("label", { for: "card-icon" }, t.icon, h("input", { id: "card-icon", value: card.icon, maxlength: 16, oninput: (e: Event) => ((card.icon = (e.target as HTMLInputElement).value), changed()) })),
    ),
    h(
      "label",
      { class: "check", for: "in-short" },
      h("input", {
        type: "checkbox",
        id: "in-short",
        checked: shortRoute().includes(card.id),
        onchange: (e: Event) => {
          const list = shortRoute().filter((x) => x !== card.id);
          if ((e.target as HTMLInputElement).checked) list.push(card.id);
          setShortRoute(list);
          changed();
        },
      }),
      ` ${t.inShortRoute}`,
    ),
    textField("card-title", t.cardTitle, card.title, 80),
    textField("narrative", t.narrative, card.narrative, PROJECTOR.narrative, true),
    select("condition", t.condition, card.condition, conditions, (v) => ((card.condition = v), changed())),
    textField("condition-reason", t.conditionReason, card.conditionReason, PROJECTOR.reason, true),
    select("also-condition", t.alsoCondition, card.alsoCondition, [["", t.none], ...conditions], (v) => ((card.alsoCondition = v), changed())),
    h(
      "fieldset",
      { class: "options-edit" },
      h("legend", null, t.options),
      card.options.map((o, j) =>
        h(
          "fieldset",
          { class: "option-edit" },
          h("legend", null, t.option(j + 1)),
          h(
            "div",
            { class: "row" },
            select(`prime-${j}`, t.prime, o.prime, PRIMES.map((p) => [p, c().primes[p]]), (v) => ((o.prime = v), changed())),
            h(
              "label",
              { for: `points-${j}` },
              t.points,
              h("input", { id: `points-${j}`, type: "number", min: 0, max: 5, step: 1, value: o.points, oninput: (e: Event) => ((o.points = Number((e.target as HTMLInputElement).value)), changed()) }),
            ),
          ),
          textField(`option-${j}`, t.optionText, o.text, PROJECTOR.option, true),
          textField(`reason-${j}`, t.reason, o.reason, PROJECTOR.reason, true),
        ),
      ),
    ),
    roleChecks("needed", t.rolesNeeded, card.rolesNeeded),
    roleChecks("harmful", t.rolesHarmful, card.rolesHarmful),
    textField("reflection", t.reflection, card.reflection, PROJECTOR.reflection, true),
    select("value", t.value, card.value, VALUES.map((v) => [v, c().values[v]]), (v) => {
      card.value = v;
      changed();
      renderForm();
    }),
    select(
      "behaviour-pick",
      t.behaviour,
      behaviours.find((b) => b.id === card.behaviour.id)?.id ?? "",
      [["", t.ownBehaviour], ...behaviours.map((b): [string, string] => [b.id, lang() === "en" ? b.en : b.id])],
      (v) => {
        const b = behaviours.find((x) => x.id === v);
        card.behaviour = b ? { id: b.id, en: b.en } : { id: "", en: "" };
        changed();
        renderForm();
      },
    ),
    textField("behaviour", t.behaviour, card.behaviour, 200),
    textField("facilitator", t.facilitator, card.facilitator, undefined, true),
    form && form.cards.length > 1
      ? h(
          "button",
          {
            type: "button",
            class: "danger", id: "remove-card",
            onclick: () => {
              form!.cards.splice(i, 1);
              tab = Math.max(0, i - 1);
              changed();
              renderForm();
            },
          },
          t.removeCard,
        )
      : null,
  );
}

/** The pack's short route (`routes.pendek`), in card order. */
function shortRoute(): string[] {
  const routes = form?.rest.routes;
  const list = routes && typeof routes === "object" && Object.hasOwn(routes, "pendek") ? (routes as Record<string, unknown>)["pendek"] : undefined;
  return Array.isArray(list) ? list.map(String) : [];
}
function setShortRoute(ids: string[]): void {
  if (!form) return;
  const order = form.cards.map((cd) => cd.id);
  const sorted = ids.filter((id) => order.includes(id)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const routes = { ...(form.rest.routes && typeof form.rest.routes === "object" ? (form.rest.routes as Record<string, unknown>) : {}) };
  if (sorted.length > 0) routes["pendek"] = sorted;
  else delete routes["pendek"];
  form.rest.routes = Object.keys(routes).length > 0 ? routes : undefined;
}

function formSection(): HTMLElement {
  return h("section", { class: "panel", id: "form-section" }, h("div", { id: "form-body" }));
}

function renderForm(): void {
  const el = document.getElementById("form-body");
  if (!el) return;
  const t = s();
  if (!form) return mount(el, h("h2", null, t.formTitle), h("p", { class: "hint" }, t.newPack));
  const f = form;
  const card = f.cards[Math.min(tab, f.cards.length - 1)];
  mount(
    el,
    h("h2", null, t.formTitle),
    h("label", { for: "pack-id" }, t.packId, h("input", { id: "pack-id", value: f.id, oninput: (e: Event) => ((f.id = (e.target as HTMLInputElement).value), changed()) })),
    textField("pack-title", t.packTitle, f.title, 80),
    textField("pack-description", t.description, f.description, 600, true),
    h(
      "div",
      { class: "tabs", role: "tablist" },
      f.cards.map((cd, i) =>
        h("button", { type: "button", role: "tab", id: `tab-${i}`, "aria-selected": i === tab ? "true" : "false", class: i === tab ? "tab on" : "tab", onclick: () => ((tab = i), renderForm()) }, t.card(i + 1), cd.title.id ? ` · ${cd.title.id.slice(0, 24)}` : ""),
      ),
      f.cards.length < 12
        ? h(
            "button",
            {
              type: "button",
              id: "add-card",
              class: "tab add",
              onclick: () => {
                f.cards.push(emptyCard(f.id, f.cards.length + 1));
                tab = f.cards.length - 1;
                changed();
                renderForm();
              },
            },
            t.addCard,
          )
        : null,
    ),
    card ? cardEditor(card, tab) : null,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", id: "preview-card", class: "secondary", onclick: () => renderPreview() }, `👁 ${t.preview}`),
      h(
        "button",
        {
          type: "button",
          id: "show-yaml",
          class: "secondary",
          onclick: () => {
            yamlText = toYaml(f, doc);
            yamlBytes = null;
            yamlName = `${f.id || "paket"}.yaml`;
            render();
            $("yaml-text").scrollIntoView();
          },
        },
        t.showYaml,
      ),
      h("button", { type: "button", id: "save-form", onclick: () => void saveForm() }, t.save),
    ),
    h("div", { id: "form-check", "aria-live": "polite" }),
    h("section", { id: "preview", class: "preview" }),
  );
  renderFormCheck();
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;
/** The form changed: the live check runs a moment after the last keystroke. */
function changed(): void {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void checkForm(), 600);
}

async function checkForm(): Promise<void> {
  if (!form) return;
  const { answer } = await send(`/api/authoring/check?name=${encodeURIComponent(`${form.id || "paket"}.yaml`)}`, toYaml(form, doc)).catch(() => ({ answer: { ok: false, errors: [], rules: [], warnings: [], reason: "SERVER_ERROR" } as CheckAnswer }));
  formCheck = answer;
  renderFormCheck();
}

/** "events[2].options[1].text.id" → "Kartu 3 · options[1].text.id". */
function where(path: string): string {
  const m = /^events\[(\d+)\]\.?(.*)$/.exec(path);
  return m ? `${s().card(Number(m[1]) + 1)}${m[2] ? ` · ${m[2]}` : ""}` : path;
}

/** The form field a checker path names (`events[2].options[1].text.en` → tab 2, `#option-1-en`), if any. */
function fieldOf(path: string): { tab: number; id: string } | null {
  const m = /^events\[(\d+)\]\.(.+)$/.exec(path);
  if (!m) return null;
  const rest = m[2]!;
  const lang_ = /\.en$/.test(rest) ? "en" : "id";
  const o = /^options\[(\d)\]\.(text|reason|points|prime)/.exec(rest);
  const simple = new Map([
    ["id", "card-id"],
    ["icon", "card-icon"],
    ["title", `card-title-${lang_}`],
    ["narrative", `narrative-${lang_}`],
    ["condition", "condition"],
    ["conditionReason", `condition-reason-${lang_}`],
    ["alsoCondition", "also-condition"],
    ["facilitator", `facilitator-${lang_}`],
    ["reflection", `reflection-${lang_}`],
    ["value", "value"],
    ["behaviour", `behaviour-${lang_}`],
    ["rolesNeeded", "needed-government"],
    ["rolesHarmful", "harmful-government"],
  ]);
  const id = o
    ? o[2] === "text"
      ? `option-${o[1]}-${lang_}`
      : o[2] === "reason"
        ? `reason-${o[1]}-${lang_}`
        : `${o[2]}-${o[1]}`
    : simple.get(rest.split(/[.[]/)[0]!);
  return id ? { tab: Number(m[1]), id } : null;
}

/** Opens the card a message points at and puts the cursor in its field. */
function goTo(path: string): void {
  const f = fieldOf(path);
  if (!f || !form || f.tab >= form.cards.length) return;
  tab = f.tab;
  renderForm();
  document.getElementById(f.id)?.focus();
}

function messageItem(e: CheckMessage, withLines: boolean): HTMLElement {
  const label = withLines && e.line ? `${s().line(e.line)} · ${e.path}` : where(e.path);
  const text = lang() === "en" ? e.message : e.pesan;
  return h("li", null, !withLines && fieldOf(e.path) ? h("a", { href: "#", onclick: (ev: Event) => (ev.preventDefault(), goTo(e.path)) }, h("code", null, label)) : h("code", null, label), " ", text);
}

function checkList(answer: CheckAnswer | null, withLines: boolean): HTMLElement | null {
  const t = s();
  if (!answer) return null;
  if (answer.reason && answer.errors.length === 0 && answer.reason !== "PACK_INVALID") return h("p", { class: "panel bad" }, refusal(answer));
  return h(
    "div",
    { class: "check-result" },
    answer.errors.length === 0 && answer.ok ? h("p", { class: "good" }, `✓ ${t.checkOk(answer.pack?.events ?? 0)}`) : h("p", { class: "bad" }, t.checkBad(answer.errors.length)),
    answer.errors.length > 0
      ? h(
          "ul",
          { class: "check-errors" },
          answer.errors.map((e) => messageItem(e, withLines)),
        )
      : null,
    answer.rules.length > 0
      ? h(
          "div",
          { class: "rules" },
          h("p", { class: "bad" }, t.rulesTitle(answer.rules.length)),
          h("ul", { class: "check-rules" }, answer.rules.map((e) => messageItem(e, withLines))),
        )
      : null,
    answer.warnings.length > 0
      ? h("details", { class: "warnings" }, h("summary", null, `${t.warnings} (${answer.warnings.length})`), h("ul", null, answer.warnings.map((w) => h("li", { class: "small" }, w))))
      : null,
  );
}

function renderFormCheck(): void {
  const el = document.getElementById("form-check");
  if (el) mount(el, checkList(formCheck, false));
  // a card with something to fix shows it on its tab
  const bad = new Set([...(formCheck?.errors ?? []), ...(formCheck?.rules ?? [])].map((e) => fieldOf(e.path)?.tab).filter((n) => n !== undefined));
  document.querySelectorAll<HTMLElement>(".tabs [role=tab][id^=tab-]").forEach((el2) => el2.classList.toggle("has-problem", bad.has(Number(el2.id.slice(4)))));
}

async function saveForm(): Promise<void> {
  if (!form) return;
  const text = toYaml(form, doc);
  const { answer } = await send(`/api/authoring/packs?name=${encodeURIComponent(`${form.id || "paket"}.yaml`)}`, text);
  formCheck = answer;
  renderFormCheck();
  afterSave(answer);
  if (answer.id) {
    const parsed = fromYaml(text);
    doc = parsed.doc;
    if (answer.id !== form.id) await openInForm(answer.id);
  }
}

function afterSave(answer: CheckAnswer): void {
  if (!answer.id) return say_(answer.reason === "PACK_INVALID" ? reasonText("PACK_INVALID") : refusal(answer));
  say_(answer.copiedFrom ? s().savedCopy(answer.id, answer.copiedFrom) : s().saved(answer.id));
  void loadPacks();
}

// ---- preview ----------------------------------------------------------------------------

const textOf = (t: TextF): Text => (t.en.trim() ? { id: t.id, en: t.en } : { id: t.id });

function eventCard(card: CardF): EventCard {
  return {
    id: card.id,
    title: textOf(card.title),
    narrative: textOf(card.narrative),
    condition: card.condition as EventCard["condition"],
    conditionReason: textOf(card.conditionReason),
    ...(card.alsoCondition ? { alsoCondition: card.alsoCondition as EventCard["condition"] } : {}),
    ...(card.icon ? { icon: card.icon } : {}),
    options: card.options.map((o) => ({ prime: o.prime as EventCard["options"][number]["prime"], text: textOf(o.text), points: o.points, reason: textOf(o.reason) })),
    rolesNeeded: card.rolesNeeded as EventCard["rolesNeeded"],
    rolesHarmful: card.rolesHarmful as EventCard["rolesHarmful"],
    reflection: textOf(card.reflection),
    value: card.value as EventCard["value"],
    ...(card.behaviour.id ? { behaviour: textOf(card.behaviour) } : {}),
  };
}

function phonePreview(card: EventCard, total: number): HTMLElement {
  const view = publicOnly({ card: encodeCard(card, tab, undefined, true) }).card!;
  if (phase === "briefing") return cardBlock(view, total);
  if (phase === "deciding") {
    return h(
      "div",
      null,
      cardBlock(view, total, true),
      h(
        "fieldset",
        { class: "options" },
        h("legend", null, h("h2", null, c().phases.deciding)),
        view.options.map((o, i) => h("label", { class: "option" }, h("span", { class: "option-head" }, h("span", { class: "tag dark" }, optionLabel(i, undefined))), h("span", { class: "option-text" }, say(o.text, lang())))),
      ),
    );
  }
  const top = Math.max(...card.options.map((o) => o.points));
  const reveal: RevealView = { round: tab, card, best: card.options.filter((o) => o.points === top).map((o) => o.prime), results: [] };
  return h("div", null, cardBlock(view, total, true), conditionBlock(reveal), optionReasons(reveal), reflectionBlock(reveal));
}

function renderPreview(): void {
  const el = document.getElementById("preview");
  if (!el || !form) return;
  const t = s();
  const cardF = form.cards[tab];
  if (!cardF) return;
  const card = eventCard(cardF);
  sessionStorage.setItem(PREVIEW_KEY, JSON.stringify(card));
  const src = `/board.html?demo=${phase}&preview=1&teams=4&paused=1&lang=${lang()}`;
  mount(
    el,
    h("h3", null, `${t.preview} — ${t.card(tab + 1)}`),
    h("p", { class: "hint" }, t.previewHint),
    h(
      "div",
      { class: "tabs", role: "tablist" },
      (["briefing", "deciding", "reveal"] as const).map((p) =>
        h("button", { type: "button", role: "tab", id: `phase-${p}`, "aria-selected": p === phase ? "true" : "false", class: p === phase ? "tab on" : "tab", onclick: () => ((phase = p), renderPreview()) }, t.phases[p]),
      ),
    ),
    h(
      "div",
      { class: "preview-row" },
      h("figure", { class: "preview-board" }, h("figcaption", null, t.board), h("iframe", { src, title: t.board, id: "board-preview", loading: "lazy" })),
      h("figure", { class: "preview-phone" }, h("figcaption", null, t.phone), h("div", { class: "phone-frame", id: "phone-preview" }, phonePreview(card, form.cards.length))),
    ),
  );
}

// ---- YAML ---------------------------------------------------------------------------------

function yamlSection(): HTMLElement {
  const t = s();
  const lines = yamlText.split("\n");
  const byLine = new Map<number, CheckMessage[]>();
  for (const e of [...(yamlCheck?.errors ?? []), ...(yamlCheck?.rules ?? [])]) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  return h(
    "section",
    { class: "panel", id: "yaml-section" },
    h("h2", null, t.yamlTitle),
    h("p", { class: "hint" }, t.yamlHint),
    h(
      "label",
      { for: "yaml-file" },
      t.chooseFile,
      h("input", {
        type: "file",
        id: "yaml-file",
        accept: ".yaml,.yml,text/yaml",
        onchange: async (e: Event) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (!file) return;
          // the bytes go to the server as they are: it finds invalid UTF-8 and names the line
          yamlBytes = new Uint8Array(await file.arrayBuffer());
          yamlText = new TextDecoder().decode(yamlBytes);
          yamlName = file.name;
          yamlCheck = null;
          render();
          void checkYaml(false);
        },
      }),
    ),
    h("textarea", {
      id: "yaml-text",
      rows: 14,
      spellcheck: "false",
      value: yamlText,
      oninput: (e: Event) => {
        yamlText = (e.target as HTMLTextAreaElement).value;
        yamlBytes = null;
      },
    }),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", id: "yaml-check", class: "secondary", onclick: () => void checkYaml(false) }, t.check),
      h("button", { type: "button", id: "yaml-save", onclick: () => void checkYaml(true) }, t.save),
    ),
    checkList(yamlCheck, true),
    yamlCheck && yamlCheck.errors.length + yamlCheck.rules.length > 0
      ? h(
          "ol",
          { class: "yaml-lines", id: "yaml-lines" },
          lines.map((line, i) => {
            const here = byLine.get(i + 1) ?? [];
            return h(
              "li",
              { class: here.length ? "bad-line" : "", value: i + 1, "data-line": i + 1 },
              h("code", null, line || " "),
              here.map((e) => h("span", { class: "line-message" }, `◀ ${e.path}: ${lang() === "en" ? e.message : e.pesan}`)),
            );
          }),
        )
      : null,
  );
}

async function checkYaml(save: boolean): Promise<void> {
  const body: BodyInit = yamlBytes ? new Blob([yamlBytes as Uint8Array<ArrayBuffer>]) : yamlText;
  const name = encodeURIComponent(yamlName);
  const { status, answer } = await send(save ? `/api/authoring/packs?name=${name}` : `/api/authoring/check?name=${name}`, body).catch(() => ({
    status: 0,
    answer: { ok: false, errors: [], rules: [], warnings: [], reason: "SERVER_ERROR" } as CheckAnswer,
  }));
  yamlCheck = answer;
  if (status === 413) yamlCheck = { ok: false, errors: [], rules: [], warnings: [], reason: "TOO_LARGE" };
  render();
  if (save) afterSave(answer);
}

onLang(() => render());
render();
void loadPacks();
