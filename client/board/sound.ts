// The board's sound and its "present" button. The projector window needs one
// click (or key) before a browser lets it play sound or go full screen; the
// button says so and does both, and so does a click anywhere on the board;
// the button fades out of the way while the mouse rests (it would cover a
// corner of the board) and is back when it moves. Then the board plays the cues of
// client/lib/sound.ts as the state moves, at the level the trainer sets in
// the console (0 = silent), with the lobby's music while players join.
import { store } from "./store.js";
import { Sound, cuesFor, type SoundFrame } from "../lib/sound.js";
import { PRESENT_IDLE_MS } from "../../shared/constants.js";

export function startSound(): Sound {
  const sound = new Sound();
  const button = document.getElementById("board-present") as HTMLButtonElement | null;
  let begun = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  /** The button steps aside when the mouse rests (it would cover a corner of the board) and is back when it moves. */
  const wake = () => {
    if (!button || begun) return;
    button.classList.remove("asleep");
    clearTimeout(idle);
    idle = setTimeout(() => button.classList.add("asleep"), PRESENT_IDLE_MS);
  };
  const done = () => {
    begun = true;
    clearTimeout(idle);
    if (button) button.hidden = true;
    window.removeEventListener("pointermove", wake);
  };
  if (button) {
    button.textContent = store.t.present;
    button.hidden = false;
    wake();
    window.addEventListener("pointermove", wake);
  }
  // a click anywhere on the board does what the button says: sound on and full screen
  const begin = () => {
    sound.unlock();
    done();
    const root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) void root.requestFullscreen().catch(() => undefined);
  };
  window.addEventListener("click", begin, { once: true });
  // any key on the projector window counts as the first gesture too (sound only: full screen stays a click's)
  window.addEventListener("keydown", () => {
    sound.unlock();
    done();
  }, { once: true });

  let prev: SoundFrame | null = null;
  store.subscribe(() => {
    const s = store.state;
    if (!s) {
      sound.music(false);
      prev = null;
      return;
    }
    sound.setLevel(s.volume);
    sound.music(s.phase === "lobby");
    const frame: SoundFrame = { phase: s.phase, round: s.round, timeLeft: s.timeLeft, paused: s.paused, locked: s.teams.filter((t) => t.locked).length };
    for (const cue of cuesFor(prev, frame)) sound.play(cue);
    prev = frame;
  });
  return sound;
}
