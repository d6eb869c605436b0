// The console's calls to the saved-sessions routes (server/sessions.ts). Each
// answers a plain result; a refusal comes back as a Reason (or NETWORK when
// the server could not be reached), never as a thrown error.
//
//   lookupSessions(list)      → the status of each { code, key } this browser holds
//   resumeSession(code, key)  → brings a saved session back as a room (same code)
//   fetchReport(code, key)    → the session's report (rounds, teams, players, events)
//   deleteSession(code, key)  → deletes its data (refused while a game runs: SESSION_LIVE)
//   exportUrl(code, key, ext) → a download link of the results
import type { SessionStatus } from "../../shared/protocol/sessions.js";
import type { ReportView, SessionReport } from "../../shared/protocol/report.js";
import { isReason, type Reason } from "../../shared/reasons.js";

export type { SessionStatus, SessionReport, ReportView };

export type Failure = Reason | "NETWORK";
export type Result<T> = { ok: true; value: T } | { ok: false; reason: Failure };

async function call<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      cache: "no-store",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    return { ok: false, reason: "NETWORK" };
  }
  const data = (await res.json().catch(() => null)) as (T & { reason?: unknown }) | null;
  if (res.ok && data) return { ok: true, value: data };
  const reason = data && typeof data.reason === "string" && isReason(data.reason) ? data.reason : "SERVER_ERROR";
  return { ok: false, reason };
}

const LOOKUP_MAX = 100;

export async function lookupSessions(list: { code: string; key: string }[]): Promise<Result<SessionStatus[]>> {
  const out: SessionStatus[] = [];
  for (let i = 0; i < list.length; i += LOOKUP_MAX) {
    const r = await call<{ sessions: SessionStatus[] }>("POST", "/api/sessions/lookup", { sessions: list.slice(i, i + LOOKUP_MAX) });
    if (!r.ok) return r;
    out.push(...r.value.sessions);
  }
  return { ok: true, value: out };
}

export function resumeSession(code: string, key: string): Promise<Result<{ code: string; resumed: boolean }>> {
  return call("POST", `/api/sessions/${encodeURIComponent(code)}/resume`, { key });
}

export function fetchReport(code: string, key: string): Promise<Result<SessionReport>> {
  return call("GET", `/api/sessions/${encodeURIComponent(code)}/report?key=${encodeURIComponent(key)}`);
}

export function deleteSession(code: string, key: string): Promise<Result<{ code: string; deleted: boolean }>> {
  return call("DELETE", `/api/sessions/${encodeURIComponent(code)}`, { key });
}

export function exportUrl(code: string, key: string, ext: "csv" | "xlsx" | "json", lang: string, view?: ReportView): string {
  const q = new URLSearchParams({ key, lang });
  if (view) q.set("view", view);
  return `/api/sessions/${encodeURIComponent(code)}/export.${ext}?${q}`;
}
