// The name box of both join forms (play.html's and the home page's), written
// once. No maxlength: the browser would cut a pasted name without a word. The
// counter under it says how long the name is, and a sentence says when it is
// too long; the form refuses it (check) instead of cutting it.
import { NAME_MAX } from "../../shared/constants.js";
import { h, setText } from "../lib/dom.js";
import { tp } from "../lib/i18n.js";

/** A name's length as the room counts it (characters, spaces run together; shared/rules/names.ts). */
const nameLength = (v: string) => [...v.trim().replace(/\s+/gu, " ")].length;

/**
 * The name input (#name) and its live counter (#name-count); `check(name)` is
 * the sentence that refuses a name (missing, too long), or "" for a good one.
 */
export function nameField(value: string) {
  const t = tp();
  const count = h("span", { id: "name-count", class: "hint name-count", "aria-live": "polite" });
  const show = () => {
    const n = nameLength(input.value);
    const over = n > NAME_MAX;
    setText(count, over ? t.nameTooLong(n, NAME_MAX) : t.nameCount(n, NAME_MAX));
    count.classList.toggle("over", over);
    if (over) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  };
  const input = h("input", { id: "name", type: "text", value, autocomplete: "nickname", autocapitalize: "words", enterkeyhint: "go", "aria-describedby": "name-hint name-count", required: true, oninput: show });
  show();
  const check = (name: string) => (!name.trim() ? t.nameMissing : nameLength(name) > NAME_MAX ? t.nameTooLong(nameLength(name), NAME_MAX) : "");
  return { input, count, check };
}
