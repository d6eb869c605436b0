// What the pack editor asks the server (server/authoring.ts), and the state
// each answer leaves: the pack list, opening a pack in the form, the form's
// live check and save, the YAML box's check and save, a download. Every
// change goes through ./state.ts.
import { isReason } from "../../shared/reasons.js";
import { $, h } from "../lib/dom.js";
import { reasonText } from "../lib/i18n.js";
import { fromYaml, toYaml, type PackF } from "./model.js";
import { editForm, s, say_, set, setYaml, store, type AuthorState, type CheckAnswer, type PackRow } from "./state.js";

const FAILED: CheckAnswer = { ok: false, errors: [], rules: [], warnings: [], reason: "SERVER_ERROR" };

function headers(): Record<string, string> {
  const { password } = store.get();
  return password ? { "x-arena-admin": password } : {};
}

async function send(path: string, body: BodyInit): Promise<{ status: number; answer: CheckAnswer }> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/yaml", ...headers() }, body });
  const answer = (await res.json().catch(() => ({ reason: "SERVER_ERROR" }))) as Partial<CheckAnswer>;
  return { status: res.status, answer: { ...answer, ok: answer.ok === true, errors: answer.errors ?? [], rules: answer.rules ?? [], warnings: answer.warnings ?? [] } };
}

export function refusal(answer: CheckAnswer): string {
  return isReason(answer.reason) ? reasonText(answer.reason) : s().failed;
}

export async function loadPacks(): Promise<void> {
  try {
    const res = await fetch("/api/authoring/packs", { cache: "no-store" });
    const body = (await res.json()) as { canEdit: boolean; packs: PackRow[] };
    set({ packs: body.packs, canEdit: body.canEdit });
  } catch {
    say_(s().failed);
  }
}

export async function download(id: string): Promise<void> {
  const res = await fetch(`/api/authoring/packs/${encodeURIComponent(id)}/yaml`, { headers: headers() });
  if (!res.ok) return say_(refusal((await res.json().catch(() => ({}))) as CheckAnswer));
  const blob = await res.blob();
  const a = h("a", { href: URL.createObjectURL(blob), download: `${id}.yaml` });
  document.body.append(a);
  a.click();
  a.remove();
}

/** A pack in the form (a fresh one when `form` has no cards yet gets its first card from the caller). */
export function openForm(form: PackF, doc: AuthorState["doc"]): void {
  set({ form, doc, tab: 0, formCheck: null, preview: 0 });
  $("form-section").scrollIntoView();
}

export async function openInForm(id: string): Promise<void> {
  const res = await fetch(`/api/authoring/packs/${encodeURIComponent(id)}/yaml`, { headers: headers() });
  if (!res.ok) return say_(refusal((await res.json().catch(() => ({}))) as CheckAnswer));
  const parsed = fromYaml(await res.text());
  openForm(parsed.form, parsed.doc);
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;
/** The form changed: the live check runs a moment after the last keystroke. */
export function edit(change: (f: PackF) => void, more: Partial<AuthorState> = {}): void {
  editForm(change, more);
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void checkForm(), 600);
}

async function checkForm(): Promise<void> {
  const { form, doc } = store.get();
  if (!form) return;
  const { answer } = await send(`/api/authoring/check?name=${encodeURIComponent(`${form.id || "paket"}.yaml`)}`, toYaml(form, doc)).catch(() => ({ answer: FAILED }));
  set({ formCheck: answer });
}

export async function saveForm(): Promise<void> {
  const { form, doc } = store.get();
  if (!form) return;
  const text = toYaml(form, doc);
  const { answer } = await send(`/api/authoring/packs?name=${encodeURIComponent(`${form.id || "paket"}.yaml`)}`, text);
  set({ formCheck: answer });
  afterSave(answer);
  if (answer.id) {
    set({ doc: fromYaml(text).doc });
    if (answer.id !== form.id) await openInForm(answer.id);
  }
}

function afterSave(answer: CheckAnswer): void {
  if (!answer.id) return say_(answer.reason === "PACK_INVALID" ? reasonText("PACK_INVALID") : refusal(answer));
  say_(answer.copiedFrom ? s().savedCopy(answer.id, answer.copiedFrom) : s().saved(answer.id));
  void loadPacks();
}

/** The form's pack as YAML in the box below. */
export function showYaml(): void {
  const { form, doc, yaml } = store.get();
  if (!form) return;
  setYaml({ text: toYaml(form, doc), bytes: null, name: `${form.id || "paket"}.yaml`, loaded: yaml.loaded + 1 });
  $("yaml-text").scrollIntoView();
}

/** A chosen file: its bytes go to the server as they are (it finds invalid UTF-8 and names the line). */
export async function loadFile(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  setYaml({ bytes, text: new TextDecoder().decode(bytes), name: file.name, check: null, loaded: store.get().yaml.loaded + 1 });
  void checkYaml(false);
}

export async function checkYaml(save: boolean): Promise<void> {
  const { bytes, text, name: fileName } = store.get().yaml;
  const body: BodyInit = bytes ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : text;
  const name = encodeURIComponent(fileName);
  const { status, answer } = await send(save ? `/api/authoring/packs?name=${name}` : `/api/authoring/check?name=${name}`, body).catch(() => ({ status: 0, answer: FAILED }));
  setYaml({ check: status === 413 ? { ok: false, errors: [], rules: [], warnings: [], reason: "TOO_LARGE" } : answer, checked: store.get().yaml.checked + 1 });
  if (save) afterSave(answer);
}
