// The facilitator's panel beside the controls: the planned length before the
// start; while the card is read and decided, the key (condition, each
// option's Prime, the notes) behind a button, since the laptop may be
// mirrored to the projector. At the reveal the notes and the reflection
// question are in the card's debrief (./reveal-debrief.ts).
import { say } from "../../../shared/vuca.js";
import { optionLabel } from "../../../shared/i18n/options.js";
import { host } from "../../../shared/i18n/host.js";
import { h, type Child } from "../../lib/dom.js";
import { c, lang } from "../../lib/i18n.js";
import { parseCard } from "../../lib/views.js";
import { set, type HostState } from "../state.js";
import { plannedLine } from "./home.js";

export function selectKey(s: HostState) {
  const st = s.room;
  if (!st) return null;
  const playing = st.phase !== "lobby" && st.phase !== "final";
  return { phase: st.phase, round: st.round, roundCount: st.roundCount, roundSeconds: st.roundSeconds, packId: st.packId, code: s.code, shown: s.keyShown, texts: playing ? s.texts : 0, lang: s.lang };
}

export function drawKey(v: ReturnType<typeof selectKey>, s: HostState): Child[] {
  if (!v || !s.room) return [];
  const t = host[lang()];
  if (v.phase === "lobby") {
    return [
      plannedLine(v.roundCount ?? 0, v.roundSeconds ?? 0),
      h("a", { href: `/host.html#cards=${encodeURIComponent(v.packId)}&from=${encodeURIComponent(v.code)}`, target: "_blank", rel: "noopener" }, `🖨 ${t.printSheet}`),
    ];
  }
  const card = v.phase !== "final" ? parseCard(s.room) : null;
  if (!card || (v.phase !== "briefing" && v.phase !== "deciding")) return [];
  if (!card.diagnose) return [h("p", { class: "small muted" }, t.conditionShown)];
  return [
    h(
      "button",
      { type: "button", class: "secondary small-btn", id: "show-key", "aria-expanded": v.shown ? "true" : "false", onclick: () => set((st) => ({ keyShown: !st.keyShown })) },
      v.shown ? `🙈 ${t.hideKey}` : `🔑 ${t.showKey}`,
    ),
    v.shown && card.condition
      ? h(
          "div",
          { class: "key-body", role: "note", "aria-label": t.keyTitle },
          h("p", { class: "small" }, h("strong", null, `${t.keyTitle}. `), `${t.keyCondition}: `, h("span", { class: `tag cond cond-${card.condition}` }, c().conditions[card.condition])),
          h("ul", { class: "key-options" }, card.options.map((o, i) => h("li", null, h("strong", null, optionLabel(i, o.prime ? c().primes[o.prime] : undefined)), " — ", say(o.text, lang())))),
          card.facilitator ? h("p", { class: "small" }, h("strong", null, `${t.facilitatorNotes}: `), say(card.facilitator, lang())) : null,
        )
      : null,
  ];
}
