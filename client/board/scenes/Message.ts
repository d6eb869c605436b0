// Shown when there is no room to show: connecting, no code, unknown code,
// ended, waiting for the trainer to resume a saved session, closed.
import * as Phaser from "phaser";
import { store } from "../store.js";
import { mirror } from "../live.js";
import { C } from "../palette.js";
import { H, W, text } from "../ui.js";

export class Message extends Phaser.Scene {
  constructor() {
    super("Message");
  }
  create() {
    const off = store.subscribe(() => this.draw());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
    this.draw();
  }
  private draw() {
    const { t } = store;
    const n = store.notice;
    const [title, help] =
      n.kind === "noCode" ? [t.noCode, t.noCodeHelp]
      : n.kind === "notFound" ? [t.notFound(n.code), t.notFoundHelp]
      : n.kind === "ended" ? [t.ended, ""]
      : n.kind === "waiting" ? [t.waiting, t.waitingHelp]
      : n.kind === "closed" ? [t.closed, t.closedHelp]
      : n.kind === "error" ? [n.text, t.notFoundHelp]
      : [t.connecting, ""];
    this.children.removeAll(true);
    text(this, W / 2, H / 2 - 220, t.title, { size: 56, bold: true, color: C.muted, align: "center" });
    text(this, W / 2, H / 2 - 100, title, { size: 72, bold: true, align: "center", width: 1600 });
    if (help) text(this, W / 2, H / 2 + 60, help, { size: 44, color: C.muted, align: "center", width: 1500 });
    mirror("Message", [title, help]);
  }
}
