// The page language (Bahasa Indonesia by default, English by a switch the
// device remembers in localStorage under STORAGE.lang) and the string tables.
//
//   lang()            → "id" | "en"
//   setLang(l)        → remembers it, sets <html lang>, calls every onLang listener
//   onLang(cb)        → re-render when the language changes
//   c()               → shared words (shared/i18n/common.ts) in the current language
//   tp()              → phone/home/observer strings (shared/i18n/phone.ts)
//   langButton()      → a ready <button> that toggles ID/EN
//   reasonText(r)     → the sentence for a Reason, in the current language
import { common, type Common, type Lang } from "../../shared/i18n/common.js";
import { phone, type PhoneStrings } from "../../shared/i18n/phone.js";
import { STORAGE } from "../../shared/constants.js";
import type { Reason } from "../../shared/reasons.js";
import { h } from "./dom.js";

let current: Lang = read();
const listeners = new Set<(l: Lang) => void>();
document.documentElement.lang = current;

function read(): Lang {
  try {
    return localStorage.getItem(STORAGE.lang) === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE.lang, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = next;
  listeners.forEach((cb) => cb(next));
}

export function onLang(cb: (l: Lang) => void): void {
  listeners.add(cb);
}

export function c(): Common {
  return common[current];
}

export function tp(): PhoneStrings {
  return phone[current];
}

export function reasonText(reason: Reason): string {
  return common[current].reasons[reason];
}

/** A button that switches ID ⇄ EN; its label names the other language, in that language. */
export function langButton(): HTMLButtonElement {
  const other: Lang = current === "id" ? "en" : "id";
  return h(
    "button",
    { type: "button", class: "lang", lang: other, "aria-label": common[current].switchLanguage, onclick: () => setLang(other) },
    other === "en" ? "English" : "Indonesia",
  );
}

export type { Lang };
