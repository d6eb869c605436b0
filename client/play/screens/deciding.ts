// The deciding screen: the timer, the card, the diagnosis and the four
// responses, "Libatkan peran saya", Kirim, the captain's reason and lock, and
// the team's votes. What is picked lives in the page state (state.ts Draft);
// the controls are drawn from it, and from the team's synced view, in one go.
import { REASON_MAX } from "../../../shared/constants.js";
import { lockCauseOf, rolesOf, voteOf, votesOf } from "../../../shared/protocol/state-view.js";
import { Countdown } from "../../lib/countdown.js";
import { CONDITIONS, say, type Condition } from "../../../shared/vuca.js";
import { optionLabel, optionLetter } from "../../../shared/i18n/options.js";
import { $, clock, h, setText } from "../../lib/dom.js";
import { c, lang, tp } from "../../lib/i18n.js";
import { cardBlock, parseCard } from "../../lib/views.js";
import { memberRow } from "./lobby.js";
import { emptyDraft, me, option, setDraft, show, store, type App, type PlayState } from "../state.js";

const countdown = new Countdown();

export function decidingScreen(root: HTMLElement, app: App): () => void {
  const s0 = store.get();
  const m0 = me(s0);
  if (!m0 || !s0.room) return () => {};
  const key = `${s0.room.round}:${m0.team.index}`;
  if (s0.draft.key !== key) {
    const v = voteOf(m0.team, s0.playerId);
    setDraft({ ...emptyDraft(key), picked: v?.option ?? null, diagnosis: v?.diagnosis ?? null, commit: v?.commit ?? false, lastSent: v ? { ...v } : null, reason: m0.team.reason ?? "" });
  }
  const timers: Record<"pending" | "arm" | "autosave", ReturnType<typeof setTimeout> | undefined> = { pending: undefined, arm: undefined, autosave: undefined };
  const later = (name: keyof typeof timers, ms: number, f: () => void) => {
    clearTimeout(timers[name]);
    timers[name] = setTimeout(f, ms);
  };

  // The reason is saved as it is typed (a moment after the last key, and when
  // the box loses focus): the team may lock — the last teammate sends — before
  // the captain thinks of pressing "Simpan alasan", and nothing typed is lost.
  const saveReason = () => {
    clearTimeout(timers.autosave);
    const s = store.get();
    const team = me(s)?.team;
    const text = s.draft.reason.trim();
    if (team && !team.locked && text !== (team.reason ?? "")) app.send("reason", { text });
  };
  const act = {
    typeReason: (reason: string) => {
      setDraft({ reason });
      later("autosave", 600, saveReason);
    },
    saveReason,
    send: () => {
      const { draft: d, room } = store.get();
      const diagnose = room ? parseCard(room)?.diagnose : false;
      if (diagnose && !d.diagnosis) return app.toast(tp().pickDiagnosis);
      if (d.picked === null) return app.toast(tp().pickFirst);
      const diagnosis = diagnose ? d.diagnosis : null;
      setDraft({ pending: true, lastSent: { option: d.picked, diagnosis, commit: d.commit } });
      later("pending", 5000, () => setDraft({ pending: false }));
      app.send("submit", diagnosis ? { option: d.picked, diagnosis, commit: d.commit } : { option: d.picked, commit: d.commit });
    },
    lock: () => {
      if (!store.get().draft.lockArmed) {
        setDraft({ lockArmed: true });
        later("arm", 4000, () => setDraft({ lockArmed: false }));
        return;
      }
      clearTimeout(timers.arm);
      setDraft({ lockArmed: false });
      saveReason();
      app.send("lock", {});
    },
  };

  const timer = timerBar();
  const cardBox = h("div");
  const controls = h("div", { class: "stack" });
  root.append(timer.el, cardBox, controls);
  // the lock is shown in view when it happens, and to a phone that arrives at a locked team
  let wasLocked = false;
  const stops = [
    store.watch((s) => timerOf(s), (v) => timer.draw(v)),
    show(cardBox, (s) => [s.texts, s.lang], (s) => {
      const card = s.room ? parseCard(s.room) : null;
      return card && s.room ? cardBlock(card, s.room.roundCount, true) : null;
    }),
    show(controls, controlsOf, (s) => drawControls(s, act)),
    store.watch((s) => me(s)?.team.locked ?? false, (locked) => {
      if (locked && !wasLocked) queueMicrotask(() => showInView(document.getElementById("locked-here")));
      wasLocked = locked;
    }),
  ];
  return () => {
    for (const stop of stops) stop();
    for (const t of Object.values(timers)) clearTimeout(t);
  };
}

type Act = { typeReason(t: string): void; saveReason(): void; send(): void; lock(): void };

/** What the controls are drawn from: a change here draws them again. */
function controlsOf(s: PlayState) {
  const t = me(s)?.team;
  return [s.texts, s.lang, s.room?.paused, s.draft, me(s)?.member.roles, t && [t.locked, t.lockedBy, t.reason, t.captain, votesOf(t), Array.from(t.members, (x) => [x.id, x.name, x.connected])]];
}

/** My vote as the team's view shows it, and whether it is still on its way. */
function mineOf(s: PlayState) {
  const m = me(s)!;
  const seen = voteOf(m.team, s.playerId);
  const mine = seen ? { option: seen.option, diagnosis: seen.diagnosis, commit: seen.commit } : null;
  const d = s.draft;
  const arrived = mine && (!d.lastSent || (mine.option === d.lastSent.option && mine.diagnosis === d.lastSent.diagnosis && mine.commit === d.lastSent.commit));
  return { mine, pending: d.pending && !arrived };
}

function drawControls(s: PlayState, act: Act): (HTMLElement | null)[] {
  const m = me(s);
  const card = s.room ? parseCard(s.room) : null;
  if (!m || !card || !s.room) return [];
  const t = tp();
  const team = m.team;
  const d = s.draft;
  const locked = team.locked;
  const paused = s.room.paused;
  const { mine, pending } = mineOf(s);
  const diagnose = card.diagnose;
  const tally = new Map<number | Condition, number>();
  for (const [, v] of votesOf(team)) {
    tally.set(v.option, (tally.get(v.option) ?? 0) + 1);
    if (v.diagnosis) tally.set(v.diagnosis, (tally.get(v.diagnosis) ?? 0) + 1);
  }
  const choice = (name: string, value: number | Condition, id: string, picked: boolean, tag: HTMLElement, text: string, onPick: () => void, extra = "") => {
    const n = tally.get(value) ?? 0;
    const head = [tag, h("span", { class: "votes small" }, n ? t.votes(n) : ""), h("span", { class: "picked-mark" }, picked ? `✓ ${t.chosen}` : "")];
    return option("radio", name, id, picked, head, h("span", { class: `option-text${extra ? " small" : ""}` }, text), onPick, extra, locked);
  };
  // the confirmation where the button that locked was (Kirim, or the captain's lock), in view (issue 18); a status role is read out politely
  const lockedHere = h("div", { id: "locked-here", class: "alert ok locked-box", role: "status", hidden: !locked }, h("strong", null, `🔒 ${t.lockedTitle}`), lockCauseOf(team) ? h("span", null, t.lockedBy[lockCauseOf(team)!]) : null, h("span", null, ` ${t.waitReveal}`));
  const dirty = !mine || mine.option !== d.picked || (diagnose && mine.diagnosis !== d.diagnosis) || mine.commit !== d.commit;
  const roles = rolesOf(m.member).map((r) => c().roles[r]).join(", ");
  const savedReason = d.reason.trim() === (team.reason ?? "");

  return [
    diagnose
      ? h(
          "fieldset",
          { class: "options diagnosis" },
          h("legend", null, h("h2", null, t.diagnose)),
          h("p", { class: "small muted" }, t.diagnoseHint),
          CONDITIONS.map((cond) => choice("diagnosis", cond, `diag-${cond}`, d.diagnosis === cond, h("span", { class: `tag cond cond-${cond}` }, c().conditions[cond]), c().conditionCues[cond], () => setDraft({ diagnosis: cond }), " diag")),
        )
      : null,
    h(
      "fieldset",
      { class: "options" },
      h("legend", null, h("h2", null, t.choose)),
      // options are named by their place this round (A–D); the Prime shows only when the trainer shows the condition
      card.options.map((o, i) => choice("option", i, `opt-${i}`, d.picked === i, h("span", { class: o.prime ? `tag prime-${o.prime}` : "tag dark" }, optionLabel(i, o.prime ? c().primes[o.prime] : undefined)), say(o.text, lang()), () => setDraft({ picked: i }))),
    ),
    h(
      "div",
      { class: "panel commit" },
      h(
        "label",
        { for: "commit", class: "switch-label" },
        h("input", { type: "checkbox", role: "switch", id: "commit", class: "switch-input sr-only", "aria-describedby": roles ? "commit-hint" : null, checked: d.commit, disabled: locked, onchange: (e: Event) => setDraft({ commit: (e.target as HTMLInputElement).checked }) }),
        h("span", { class: "switch-track", "aria-hidden": "true" }, h("span", { class: "switch-knob" })),
        h("span", { class: "switch-text" }, t.commitLabel),
        h("span", { class: "switch-state", "aria-hidden": "true" }, d.commit ? "✓" : ""),
      ),
      roles ? h("p", { class: "small muted", id: "commit-hint" }, t.commitHint(roles)) : null,
    ),
    // disabled while a send is on its way: a double tap sends once (the first may
    // complete the team, which then locks, and a second would be refused)
    h(
      "button",
      { type: "button", class: "block send", hidden: locked, disabled: locked || d.picked === null || (diagnose && !d.diagnosis) || !dirty || pending || paused, onclick: act.send },
      pending ? "…" : mine && !dirty ? `✓ ${t.sentButton}` : mine ? t.sendChange : t.send,
    ),
    h("p", { class: "alert ok", hidden: !mine || dirty || locked }, `✓ ${t.sentNote}`),
    m.captain ? null : lockedHere,
    m.captain
      ? h(
          "section",
          { class: "panel stack captain", "aria-labelledby": "captain-title" },
          h("h2", { id: "captain-title" }, `★ ${t.captainTools}`),
          h(
            "div",
            null,
            h("label", { for: "reason" }, t.reasonLabel),
            h("textarea", { id: "reason", maxlength: REASON_MAX, rows: 3, "aria-describedby": "reason-count", value: d.reason, disabled: locked, oninput: (e: Event) => act.typeReason((e.target as HTMLTextAreaElement).value), onblur: act.saveReason }),
            h("span", { id: "reason-count", class: "hint", "aria-live": "polite" }, t.reasonCount(d.reason.length, REASON_MAX)),
          ),
          h("button", { type: "button", class: "secondary block", disabled: locked || savedReason || paused, onclick: act.saveReason }, savedReason && d.reason.trim() ? `✓ ${t.reasonSaved}` : t.saveReason),
          h("button", { type: "button", class: `block lock${d.lockArmed ? " armed" : ""}`, hidden: locked, disabled: locked || paused, onclick: act.lock }, d.lockArmed ? `🔒 ${t.lockConfirm}` : `🔒 ${t.lock}`),
          lockedHere,
        )
      : null,
    h(
      "section",
      { class: "panel", "aria-labelledby": "votes-title" },
      h("h2", { id: "votes-title" }, t.teamVotes),
      h(
        "ul",
        { class: "members votes-list" },
        Array.from(team.members, (x) => {
          const v = voteOf(team, x.id);
          const vote = v
            ? h(
                "span",
                { class: "vote" },
                h("span", { class: "tag good" }, `✓ ${optionLetter(v.option)}`),
                v.diagnosis ? h("span", { class: `tag cond cond-${v.diagnosis}` }, c().conditions[v.diagnosis]) : null,
                v.commit ? h("span", { class: "small" }, ` + ${t.withRole}`) : null,
              )
            : h("span", { class: "vote small muted" }, t.noVote);
          return memberRow(x, team, s.playerId, "★", vote);
        }),
      ),
    ),
  ];
}

/** The timer bar's numbers: drawn a few times a second. */
function timerOf(s: PlayState) {
  const m = me(s);
  if (!m || !s.room) return null;
  const left = countdown.read(s.room);
  return { left, of: s.room.roundSeconds, locked: m.team.locked, paused: s.room.paused, sent: c().sentOf(m.team.sent ?? 0, m.team.members.length) };
}

/** The sticky timer bar, updated in place (its fill moves smoothly), saying 30 and 10 seconds left once. */
function timerBar() {
  const t = tp();
  const time = h("span", { class: "time", role: "timer", "aria-label": t.timeLeft });
  const fill = h("span", { class: "fill" });
  const sent = h("span", { class: "sent-count" });
  const el = h("div", { class: "timerbar" }, h("div", { class: "timer-row" }, h("span", { class: "time-col" }, h("span", { class: "small" }, t.timeLeft), time), sent), h("div", { class: "meter", "aria-hidden": "true" }, fill));
  const warned = new Set<number>();
  const draw = (v: ReturnType<typeof timerOf>) => {
    if (!v) return;
    setText(time, clock(v.left));
    setText(sent, v.sent);
    fill.style.width = `${Math.max(0, Math.min(100, (v.left / Math.max(1, v.of)) * 100))}%`;
    el.classList.toggle("low", v.left <= 10 && !v.locked);
    for (const n of [30, 10]) {
      // said once, as the countdown passes it (not to a phone that arrives later)
      if (v.left <= n && v.left > n - 3 && !warned.has(n) && !v.locked && !v.paused) {
        warned.add(n);
        setText($("announce"), t.timeWarn(n));
      }
    }
  };
  return { el, draw };
}

/** Scrolls `el` into view when it is not (below the sticky bars), calmly when the user asks for less motion. */
function showInView(el: HTMLElement | null): void {
  if (!el) return;
  const r = el.getBoundingClientRect();
  if (r.top >= 120 && r.bottom <= innerHeight) return;
  el.scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
}
