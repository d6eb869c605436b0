// The top of the pack editor: the page's notice, the admin password (when
// this address may not edit without it) and the packs on the server with
// their cards — open one in the form, download its YAML, or start a new one.
import { say } from "../../../shared/vuca.js";
import { h } from "../../lib/dom.js";
import { lang } from "../../lib/i18n.js";
import { download, openForm, openInForm } from "../actions.js";
import { emptyCard, emptyPack } from "../model.js";
import { PASSWORD_KEY, s, set, show, type AuthorState } from "../state.js";

export const noticeScreen = (root: HTMLElement) => show(root, (st) => st.notice, (st) => (st.notice.text ? h("p", { class: "panel notice" }, st.notice.text) : null));
export const passwordScreen = (root: HTMLElement) => show(root, (st) => [st.canEdit, st.lang], drawPassword);
export const packListScreen = (root: HTMLElement) => show(root, (st) => [st.packs, st.lang], drawPacks);

function drawPassword(st: AuthorState): HTMLElement | null {
  if (st.canEdit) return null;
  return h(
    "section",
    { class: "panel" },
    h("p", null, s().notAllowed),
    h(
      "label",
      { for: "admin-password" },
      s().adminPassword,
      h("input", {
        id: "admin-password",
        type: "password",
        autocomplete: "current-password",
        value: st.password,
        oninput: (e: Event) => {
          const password = (e.target as HTMLInputElement).value;
          sessionStorage.setItem(PASSWORD_KEY, password);
          set({ password });
        },
      }),
    ),
    h("p", { class: "hint" }, s().whoMayEdit),
  );
}

function newPack(): void {
  const form = emptyPack();
  form.cards.push(emptyCard("", 1));
  openForm(form, undefined);
}

function drawPacks({ packs }: AuthorState): HTMLElement[] {
  const t = s();
  return [
    h("h2", null, t.packs),
    packs === null
      ? h("p", null, t.loading)
      : h(
          "ul",
          { class: "author-packs" },
          packs.map((p) =>
            h(
              "li",
              { "data-pack": p.id },
              h(
                "details",
                null,
                h("summary", null, h("strong", null, say(p.title, lang())), ` · ${p.id} · ${t.cardsN(p.cards.length)} · `, h("span", { class: "tag" }, p.shipped ? t.shipped : t.authored)),
                h("p", { class: "small" }, say(p.description, lang())),
                h("ol", { class: "author-cards" }, p.cards.map((card) => h("li", null, h("strong", null, `${card.icon ?? ""} ${say(card.title, lang())}`), h("p", { class: "small muted" }, say(card.narrative, lang()))))),
              ),
              h("button", { type: "button", class: "secondary", onclick: () => void openInForm(p.id) }, t.editInForm),
              h("button", { type: "button", class: "secondary", onclick: () => void download(p.id) }, `⬇ ${t.download}`),
            ),
          ),
        ),
    h("button", { type: "button", id: "new-pack", onclick: newPack }, t.newPack),
  ];
}
