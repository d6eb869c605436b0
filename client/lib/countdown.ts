// The deciding countdown as a page shows it, between the room's patches of
// `timeLeft` (see TIME_SYNC_SECONDS in server/room/patching.ts).
import type { RoomStateView } from "../../shared/protocol/state-view.js";

/**
 * The countdown as a page shows it. The room does not patch \`timeLeft\` every
 * second: it sends it when the timer jumps (a new round, pause, resume, added
 * time, a vote, a join) and every TIME_SYNC_SECONDS in between, and a page
 * counts down by itself from the moment the value reached it. Read it as
 * often as the page draws (a few times a second while deciding).
 */
export class Countdown {
  private key = "";
  private base = 0;
  private at = 0;
  constructor(private readonly now: () => number = () => performance.now()) {}

  read(state: Pick<RoomStateView, "phase" | "round" | "paused" | "timeLeft">): number {
    const key = `${state.phase}|${state.round}|${state.paused}|${state.timeLeft}`;
    if (key !== this.key) {
      this.key = key;
      this.base = state.timeLeft;
      this.at = this.now();
    }
    if (state.phase !== "deciding" || state.paused) return state.timeLeft;
    return Math.max(0, this.base - Math.floor((this.now() - this.at) / 1000));
  }
}
