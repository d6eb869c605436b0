// The console's home: the create form (pack, teams, timer, route, "show the
// condition", the planned length, the card sheet) and the sessions saved on
// this device with their status on the server (open, resume after a restart,
// report, delete data, forget). Rendered from the state; each part re-renders
// when its own selection changes, keeping the focus (client/lib/render.ts).
import { STORAGE } from "../../../shared/constants.js";
import { say } from "../../../shared/vuca.js";
import { host } from "../../../shared/i18n/host.js";
import { author } from "../../../shared/i18n/author.js";
import { plannedMinutes } from "../../../shared/rules/plan.js";
import { h } from "../../lib/dom.js";
import { render } from "../../lib/render.js";
import { lang } from "../../lib/i18n.js";
import { localGet } from "../../lib/net.js";
import type { SessionStatus } from "../api.js";
import { formatWhen } from "../report.js";
import { createSession, deleteFromList, forgetLocal, openReport, refreshLookup, reopen, resumeFromList, storedSessions } from "../actions.js";
import { get, set, store, type HostState } from "../state.js";

const t = () => host[lang()];
const TIMER_PRESETS = [60, 90, 120, 180, 300];

/** How many cards the chosen pack and route play. */
function chosenCards(s: HostState): number {
  const pack = s.packs?.find((p) => p.id === s.chosenPack);
  if (!pack) return 0;
  const routes = pack.routes ?? {};
  return s.chosenRoute && Object.hasOwn(routes, s.chosenRoute) ? (routes[s.chosenRoute] ?? pack.events) : pack.events;
}

export function plannedLine(cards: number, seconds: number): HTMLElement {
  const s = t();
  return h("p", { class: "planned", id: "planned" }, h("strong", null, s.planned(plannedMinutes(cards, seconds))), h("br", null), h("span", { class: "small muted" }, s.plannedHint(cards, s.minutes(seconds))));
}

function packArea(st: HostState): HTMLElement {
  const s = t();
  if (st.packsFailed) return h("p", { class: "alert" }, s.packsFailed);
  if (!st.packs) return h("p", { class: "muted" }, s.packsLoading);
  return h(
    "div",
    { id: "pack-list", class: "pack-list", role: "group", "aria-labelledby": "pack-legend" },
    st.packs.map((p) =>
      h(
        "button",
        {
          type: "button",
          class: p.id === st.chosenPack ? "pack-card chosen" : "pack-card",
          "data-pack": p.id,
          "data-key": `pack-${p.id}`,
          "aria-pressed": p.id === st.chosenPack ? "true" : "false",
          onclick: () => set({ chosenPack: p.id, chosenRoute: "" }),
        },
        h("span", { class: "pack-title" }, say(p.title, lang())),
        h("span", { class: "pack-desc" }, say(p.description, lang())),
        h("span", { class: "tag" }, s.cards(p.events)),
      ),
    ),
  );
}

/** At create: the route, "show the condition" (off by default), the planned length and the card sheet. */
function routeAndCondition(st: HostState): HTMLElement | null {
  const s = t();
  const pack = st.packs?.find((p) => p.id === st.chosenPack);
  if (!pack) return null;
  const routes = Object.entries(pack.routes ?? {});
  return h(
    "div",
    { class: "stack" },
    routes.length
      ? h(
          "div",
          null,
          h("label", { for: "route" }, s.route),
          h(
            "select",
            { id: "route", onchange: (e: Event) => set({ chosenRoute: (e.target as HTMLSelectElement).value }) },
            h("option", { value: "", selected: st.chosenRoute === "" }, s.wholePack(pack.events)),
            routes.map(([name, n]) => h("option", { value: name, selected: st.chosenRoute === name }, s.routeOption(name, n))),
          ),
        )
      : null,
    h(
      "label",
      { class: "check", for: "show-condition" },
      h("input", {
        type: "checkbox",
        id: "show-condition",
        checked: st.showCondition,
        "aria-describedby": "show-condition-hint",
        onchange: (e: Event) => set({ showCondition: (e.target as HTMLInputElement).checked }),
      }),
      ` ${s.showCondition}`,
    ),
    h("span", { class: "hint", id: "show-condition-hint" }, s.showConditionHint),
    plannedLine(chosenCards(st), st.roundSeconds),
    h("a", { href: `/host.html#cards=${encodeURIComponent(pack.id)}`, target: "_blank", rel: "noopener", id: "sheet-link" }, `🖨 ${s.printSheet}`),
    h("a", { href: "/author.html", id: "author-link" }, `✎ ${author[lang()].title}`),
  );
}

function createForm(st: HostState): HTMLElement {
  const s = t();
  return h(
    "form",
    {
      class: "stack",
      onsubmit: (e: SubmitEvent) => {
        e.preventDefault();
        void createSession();
      },
    },
    h("fieldset", { class: "plain" }, h("legend", { id: "pack-legend" }, s.pack), packArea(st)),
    h(
      "div",
      { class: "settings-row" },
      h(
        "div",
        null,
        h("label", { for: "team-count" }, s.teamCount),
        h("input", {
          type: "number",
          id: "team-count",
          min: 2,
          max: 10,
          step: 1,
          value: st.teamCount,
          inputmode: "numeric",
          "aria-describedby": "team-count-hint",
          oninput: (e: Event) => set({ teamCount: Number((e.target as HTMLInputElement).value) }),
        }),
        h("span", { class: "hint", id: "team-count-hint" }, s.teamCountHint),
      ),
      h(
        "div",
        null,
        h("label", { for: "round-seconds" }, s.roundSeconds),
        h(
          "select",
          { id: "round-seconds", onchange: (e: Event) => set({ roundSeconds: Number((e.target as HTMLSelectElement).value) }) },
          TIMER_PRESETS.map((sec) => h("option", { value: sec, selected: sec === st.roundSeconds }, `${s.minutes(sec)} (${sec} s)`)),
        ),
      ),
    ),
    routeAndCondition(st),
    st.createError ? h("p", { class: "alert", role: "alert" }, st.createError) : null,
    h("button", { type: "submit", id: "create", class: "block", disabled: st.creating || !st.packs || st.packs.length === 0 }, st.creating ? s.creating : s.create),
  );
}

// ---- the saved sessions ------------------------------------------------------------

type RowKind = "live" | "resumable" | "stopped" | "final" | "notfound" | "unknown";

function rowKind(st: SessionStatus | undefined): RowKind {
  if (!st) return "unknown";
  if (!st.found) return "notfound";
  if (st.phase === "final") return "final";
  if (st.live) return "live";
  return st.resumable ? "resumable" : "stopped";
}

const ROW_ORDER: Record<RowKind, number> = { live: 0, resumable: 1, stopped: 2, final: 3, unknown: 4, notfound: 5 };

function phaseLabel(st: SessionStatus): string {
  const s = t();
  if (st.phase === "lobby") return s.phaseLobby;
  if (st.phase === "final") return s.phaseFinal;
  const total = st.roundCount ?? 0;
  return s.phaseRound(Math.min((st.round ?? 0) + 1, total || (st.round ?? 0) + 1), total);
}

function storedRow(sc: string, st: SessionStatus | undefined, hs: HostState): HTMLElement {
  const s = t();
  const kind = rowKind(st);
  const busy = hs.rowBusy[sc];
  const error = hs.rowError[sc];
  const described = `stored-${sc}`;
  // while an action runs the buttons stay focusable (aria-disabled); the handlers ignore a second click
  const btn = (act: string, label: string, cls: string, onclick: () => void) =>
    h("button", { type: "button", class: `${cls} small-btn`.trim(), "data-act": act, "data-key": `${act}-${sc}`, "aria-describedby": described, "aria-disabled": busy ? "true" : null, onclick }, label);
  const badge: Record<RowKind, [string, string] | null> = {
    live: [s.badgeLive, "badge live"],
    resumable: [s.badgeResumable, "badge waiting"],
    stopped: [s.badgeStopped, "badge stopped"],
    final: [s.badgeFinal, "badge final"],
    notfound: [s.badgeNotFound, "badge gone"],
    unknown: hs.lookupState === "loading" ? null : [s.badgeUnknown, "badge stopped"],
  };
  const b = badge[kind];
  const actions: (HTMLElement | null)[] = [];
  if (kind === "unknown" || ((kind === "live" || kind === "final") && st?.live)) actions.push(btn("open", s.open, "", () => !get().rowBusy[sc] && reopen(sc)));
  if (kind === "resumable") actions.push(btn("resume", busy === "resume" ? s.resuming : s.resumeSession, "go", () => void resumeFromList(sc)));
  if (st?.found && st.packTitle !== null) {
    actions.push(
      btn("report", `📊 ${s.reportBtn}`, "secondary", () => {
        const key = localGet(STORAGE.hostKey(sc));
        if (key) openReport(sc, key);
      }),
    );
  }
  if (st?.found) actions.push(btn("delete", busy === "delete" ? s.deleting : s.deleteData, "danger", () => void deleteFromList(sc)));
  actions.push(
    h(
      "button",
      { type: "button", class: "ghost small-btn", "data-act": "forget", "data-key": `forget-${sc}`, "aria-label": s.forgetLabel(sc), "aria-disabled": busy ? "true" : null, onclick: () => !get().rowBusy[sc] && forgetLocal(sc) },
      s.forget,
    ),
  );
  const meta: string[] = [];
  if (st?.found) {
    meta.push(phaseLabel(st));
    if (typeof st.playerCount === "number") meta.push(s.participants(st.playerCount));
    if (typeof st.teamCount === "number") meta.push(s.teamCountOf(st.teamCount));
  }
  return h(
    "li",
    { class: `stored-row kind-${kind}`, "data-session": sc, "data-status": kind },
    h("div", { class: "stored-head" }, h("span", { class: "stored-code", id: described }, sc), b ? h("span", { class: b[1], "data-badge": kind }, b[0]) : h("span", { class: "muted small" }, "…")),
    st?.found && st.packTitle ? h("p", { class: "stored-pack" }, say(st.packTitle, lang())) : null,
    meta.length ? h("p", { class: "stored-meta small" }, meta.join(" · ")) : null,
    st?.found && st.createdAt ? h("p", { class: "stored-meta small muted" }, s.createdOn(formatWhen(st.createdAt))) : null,
    kind === "notfound" ? h("p", { class: "small muted" }, s.notFoundNote) : null,
    kind === "stopped" ? h("p", { class: "small muted" }, s.packMissingNote) : null,
    error ? h("p", { class: "alert small", role: "alert" }, error) : null,
    h("div", { class: "stored-actions" }, actions),
  );
}

function fillStored(el: HTMLElement, hs: HostState): void {
  const s = t();
  const stored = storedSessions();
  el.setAttribute("aria-busy", hs.lookupState === "loading" ? "true" : "false");
  const rows = stored
    .map((sc) => ({ sc, st: hs.lookup?.[sc] }))
    .sort((a, b) => ROW_ORDER[rowKind(a.st)] - ROW_ORDER[rowKind(b.st)] || (b.st?.updatedAt ?? 0) - (a.st?.updatedAt ?? 0) || a.sc.localeCompare(b.sc));
  render(
    el,
    h("h2", { id: "stored-h", tabindex: -1 }, s.storedSessions),
    stored.length === 0 ? h("p", { class: "muted" }, s.noStored) : null,
    stored.length && hs.lookupState === "loading" && !hs.lookup ? h("p", { class: "muted small", role: "status" }, s.listLoading) : null,
    hs.lookupState === "failed" ? h("p", { class: "alert warn small", role: "status" }, s.listFailed) : null,
    stored.length ? h("ul", { class: "stored-list" }, rows.map(({ sc, st }) => storedRow(sc, st, hs))) : null,
    stored.length
      ? h(
          "div",
          { class: "stored-foot" },
          h(
            "button",
            { type: "button", class: "ghost small-btn", "data-act": "refresh", "data-key": "refresh", "aria-disabled": hs.lookupState === "loading" ? "true" : null, onclick: () => void refreshLookup() },
            hs.lookupState === "loading" ? s.listLoading : `⟳ ${s.refreshList}`,
          ),
        )
      : null,
  );
}

/** The home screen; its parts follow the state until `dispose` runs. */
export function homeScreen(dispose: (() => void)[]): HTMLElement {
  const s = t();
  const form = h("div");
  const stored = h("section", { id: "stored", class: "panel stored", "aria-labelledby": "stored-h", "aria-busy": "false" });
  dispose.push(
    store.watch(
      (st) => [st.packs, st.packsFailed, st.chosenPack, st.chosenRoute, st.roundSeconds, st.creating, st.createError, st.lang],
      (_, st) => render(form, createForm(st)),
    ),
    store.watch(
      (st) => [st.lookup, st.lookupState, st.rowBusy, st.rowError, st.storedVersion, st.lang],
      (_, st) => fillStored(stored, st),
    ),
  );
  return h("div", { class: "create-grid" }, h("section", { class: "panel", "aria-labelledby": "create-h" }, h("h2", { id: "create-h" }, s.newSession), form), stored);
}
