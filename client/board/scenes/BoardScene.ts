// What every board scene shares: it subscribes to the store while running,
// redraws when its own slice of the state changes, and mirrors its key texts
// into the hidden live region. Scenes only draw: no game logic here. When
// the board turns calm (motion.ts), what still moves lands at once.
import * as Phaser from "phaser";
import { store, type BoardState } from "../store.js";
import { mirror } from "../live.js";
import { calm, onCalmChange } from "../motion.js";

export abstract class BoardScene extends Phaser.Scene {
  private signature = "";
  /** False once the router has stopped this scene (a late store callback must not draw or mirror). */
  private alive = false;

  create(): void {
    this.signature = "";
    this.alive = true;
    const off = store.subscribe(() => this.refresh());
    const offCalm = onCalmChange(() => this.refresh());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.alive = false;
      off();
      offCalm();
    });
    this.refresh();
  }

  protected refresh(): void {
    if (!this.alive) return;
    const s = store.state;
    if (s) {
      const sig = this.sliceOf(s);
      if (sig !== this.signature) {
        this.signature = sig;
        this.tweens.killAll();
        this.time.removeAllEvents();
        this.children.removeAll(true);
        this.draw(s);
      } else if (calm()) {
        // motion was just turned off (console or system): whatever still moves lands where it ends
        for (const tw of this.tweens.getTweens()) tw.complete();
      }
      this.tick?.(s);
    }
    mirror(this.scene.key, s ? [store.c.phases[s.phase], `${store.t.roomCode}: ${s.code}`, ...this.describe(s)] : []);
  }

  /** A string that changes whenever what this scene draws changes. */
  protected abstract sliceOf(s: BoardState): string;
  protected abstract draw(s: BoardState): void;
  /** Cheap per-update changes that need no full redraw (e.g. the countdown). */
  protected tick?(s: BoardState): void;
  /** The key texts on screen, for the live region. */
  protected abstract describe(s: BoardState): string[];
}
