// The open card as the board and a phone show it, at the briefing, while
// deciding or at the reveal: the board is its own demo in an iframe (it reads
// the card from sessionStorage, client/board/fake.ts PREVIEW_KEY), the phone
// is drawn here with the phone's own views. Drawn when Preview is pressed or
// the phase or language changes — not on every keystroke (the iframe would
// load again).
import type { EventCard } from "../../../shared/scenario.js";
import { encodeCard, publicOnly, type RevealView } from "../../../shared/protocol/wire.js";
import { optionLabel } from "../../../shared/i18n/options.js";
import { STORAGE } from "../../../shared/constants.js";
import { say, type Text } from "../../../shared/vuca.js";
import { h } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { cardBlock, conditionBlock, optionReasons, reflectionBlock } from "../../lib/views.js";
import type { CardF, TextF } from "../model.js";
import { s, set, show, type AuthorState, type PreviewPhase } from "../state.js";

/** The board's preview reads the card from here (client/board/fake.ts PREVIEW_KEY). */
const PREVIEW_KEY = STORAGE.previewCard;

export const previewScreen = (root: HTMLElement) => show(root, (st) => [st.preview, st.phase, st.lang], drawPreview);

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

function phonePreview(card: EventCard, round: number, total: number, phase: PreviewPhase): HTMLElement {
  const view = publicOnly({ card: encodeCard(card, round, undefined, true) }).card!;
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
  const reveal: RevealView = { round, card, best: card.options.filter((o) => o.points === top).map((o) => o.prime), results: [] };
  return h("div", null, cardBlock(view, total, true), conditionBlock(reveal), optionReasons(reveal), reflectionBlock(reveal));
}

function drawPreview({ preview, form, tab, phase }: AuthorState): HTMLElement[] {
  const cardF = form?.cards[tab];
  if (!preview || !form || !cardF) return [];
  const t = s();
  const card = eventCard(cardF);
  sessionStorage.setItem(PREVIEW_KEY, JSON.stringify(card)); // before the iframe below loads
  const src = `/board.html?demo=${phase}&preview=1&teams=4&paused=1&lang=${lang()}`;
  return [
    h("h3", null, `${t.preview} — ${t.card(tab + 1)}`),
    h("p", { class: "hint" }, t.previewHint),
    h(
      "div",
      { class: "tabs", role: "tablist" },
      (["briefing", "deciding", "reveal"] as const).map((p) =>
        h("button", { type: "button", role: "tab", id: `phase-${p}`, "aria-selected": p === phase ? "true" : "false", class: p === phase ? "tab on" : "tab", onclick: () => set({ phase: p }) }, t.phases[p]),
      ),
    ),
    h(
      "div",
      { class: "preview-row" },
      h("figure", { class: "preview-board" }, h("figcaption", null, t.board), h("iframe", { src, title: t.board, id: "board-preview", loading: "lazy" })),
      h("figure", { class: "preview-phone" }, h("figcaption", null, t.phone), h("div", { class: "phone-frame", id: "phone-preview" }, phonePreview(card, tab, form.cards.length, phase))),
    ),
  ];
}
