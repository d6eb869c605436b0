// The console cannot show the session: refused, replaced, closed, or saved
// but not running (the server restarted) — what the server says about it, and
// what the trainer can do (resume, report, forget, retry, back home).
import { host } from "../../../shared/i18n/host.js";
import { h } from "../../lib/dom.js";
import { c, lang, reasonText } from "../../lib/i18n.js";
import { forgetHere, goHome, openReport, resumeHere, retryHere } from "../actions.js";
import type { HostState } from "../state.js";

const t = () => host[lang()];

export function failureScreen(hs: HostState): HTMLElement {
  const s = t();
  const { code, status, failure, failStatus, failBusy, failError } = hs;
  const reason = failure?.reason;
  const st = failStatus && typeof failStatus === "object" ? failStatus : null;
  const checked = failStatus !== "loading" && failStatus !== "failed";
  let text = c().connectionLost;
  if (status === "closed") text = s.closedHost;
  else if (status === "replaced") text = c().connectionLost;
  else if (st && !st.found) text = reason === "INVALID_HOST_KEY" ? s.badKey : s.notFoundNote;
  else if (st?.found && st.phase === "final") text = s.finishedNote;
  else if (reason === "SESSION_WAITING" || st?.resumable) text = s.waitingHost;
  else if (st?.found && !st.live && !st.resumable) text = s.packMissingNote;
  else if (reason === "ROOM_NOT_FOUND" || reason === "SESSION_NOT_FOUND") text = s.notRunning;
  else if (reason === "INVALID_HOST_KEY") text = s.badKey;
  else if (reason && reason !== "NETWORK") text = reasonText(reason);
  const canResume = !!st?.found && !!st.resumable;
  const canReport = !!st?.found && st.packTitle !== null;
  const gone =
    status === "closed" ||
    reason === "INVALID_HOST_KEY" ||
    (st !== null && !st.found) ||
    (checked && st === null && (reason === "ROOM_NOT_FOUND" || reason === "SESSION_NOT_FOUND"));
  const waiting = status !== "closed" && (reason === "SESSION_WAITING" || canResume);
  return h(
    "section",
    { class: "panel stack fail-panel", id: "fail", "aria-labelledby": "fail-h", "data-reason": status === "closed" ? "CLOSED" : (reason ?? "") },
    h("h2", { id: "fail-h" }, s.sessionOf(code)),
    h("p", { class: waiting || (st?.found && st.phase === "final") ? "alert warn" : "alert", role: "alert" }, text),
    failStatus === "loading" ? h("p", { class: "muted small", role: "status" }, s.checking) : null,
    failError ? h("p", { class: "alert", role: "alert" }, failError) : null,
    h(
      "div",
      { class: "link-row" },
      canResume
        ? h("button", { type: "button", class: "go", "data-act": "resume", disabled: failBusy, onclick: () => void resumeHere() }, failBusy ? s.resuming : s.resumeSession)
        : null,
      canReport ? h("button", { type: "button", class: "secondary", "data-act": "report", onclick: () => openReport(code, hs.hostKey) }, `📊 ${s.reportBtn}`) : null,
      gone || (st?.found && st.phase === "final")
        ? h("button", { type: "button", class: gone ? "danger" : "secondary", "data-act": "forget", "aria-label": s.forgetLabel(code), onclick: forgetHere }, s.forget)
        : !canResume && !(st?.found && st.phase === "final")
          ? h(
              "button",
              { type: "button", "data-act": "retry", onclick: retryHere },
              s.retry,
            )
          : null,
      h("button", { type: "button", class: "secondary", "data-act": "home", onclick: goHome }, s.backHome),
    ),
  );
}
