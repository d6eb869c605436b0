// The card sheet (host.html#cards=PACKID[&from=CODE]): every card of a pack
// with its condition and the cues, the options with their Prime, points and
// reasons, roles, reflection and the facilitator notes — for the trainer to
// read and print (A4) before the session. The server gives the pack only to
// this machine or to the host key of a running session with that pack
// (server/sheet.ts); the key comes from this browser's storage, never the URL.
import type { Pack } from "../../shared/scenario.js";
import { say } from "../../shared/vuca.js";
import { host } from "../../shared/i18n/host.js";
import { h } from "../lib/dom.js";
import { c, lang } from "../lib/i18n.js";

export async function loadSheet(packId: string, code: string, key: string): Promise<Pack | null> {
  const headers: Record<string, string> = {};
  if (code && key) {
    headers["x-arena-code"] = code;
    headers["x-arena-key"] = key;
  }
  try {
    const res = await fetch(`/api/packs/${encodeURIComponent(packId)}/sheet`, { headers });
    return res.ok ? ((await res.json()) as Pack) : null;
  } catch {
    return null;
  }
}

export function sheetScreen(pack: Pack | null, loading: boolean): HTMLElement {
  const s = host[lang()];
  if (loading) return h("p", { class: "panel muted" }, s.sheetLoading);
  if (!pack) return h("p", { class: "panel alert", role: "alert" }, s.sheetFailed);
  const routes = Object.entries(pack.routes ?? {});
  return h(
    "article",
    { class: "sheet" },
    h(
      "header",
      { class: "sheet-head" },
      h("h1", null, `${s.sheetTitle}: ${say(pack.title, lang())}`),
      h("p", { class: "muted" }, say(pack.description, lang())),
      routes.length ? h("p", { class: "small" }, h("strong", null, `${s.sheetRoutes}: `), routes.map(([name, ids]) => `${name} — ${ids.join(", ")}`).join(" · ")) : null,
      h("button", { type: "button", class: "no-print", onclick: () => window.print() }, `🖨 ${s.sheetPrint}`),
    ),
    pack.events.map((card, i) =>
      h(
        "section",
        { class: "sheet-card" },
        h("h2", null, `${i + 1}. ${card.icon ? card.icon + " " : ""}${say(card.title, lang())}`, h("span", { class: "muted small" }, ` (${card.id})`)),
        h("p", null, say(card.narrative, lang())),
        h(
          "p",
          null,
          h("span", { class: `tag cond cond-${card.condition}` }, c().conditions[card.condition]),
          " ",
          say(card.conditionReason, lang()),
          card.alsoCondition ? h("span", { class: "small muted" }, ` — ${s.sheetAlso(c().conditions[card.alsoCondition])}`) : null,
        ),
        h(
          "table",
          { class: "sheet-options" },
          h(
            "tbody",
            null,
            card.options.map((o) =>
              h(
                "tr",
                null,
                h("th", { scope: "row" }, c().primes[o.prime]),
                h("td", { class: "pts" }, String(o.points)),
                h("td", null, h("strong", null, say(o.text, lang())), h("br", null), h("span", { class: "small" }, say(o.reason, lang()))),
              ),
            ),
          ),
        ),
        h(
          "p",
          { class: "small" },
          h("strong", null, `${s.sheetNeeded}: `),
          card.rolesNeeded.map((r) => c().roles[r]).join(", "),
          card.rolesHarmful.length ? [" · ", h("strong", null, `${s.sheetHarmful}: `), card.rolesHarmful.map((r) => c().roles[r]).join(", ")] : null,
        ),
        h("p", { class: "small" }, h("strong", null, `${s.reflectionQuestion}: `), say(card.reflection, lang()), ` (${c().values[card.value]})`),
        card.facilitator ? h("p", { class: "small notes" }, h("strong", null, `${s.facilitatorNotes}: `), say(card.facilitator, lang())) : null,
      ),
    ),
  );
}
