// The board's sound and its "present" button. The projector window needs one
// click (or key) before a browser lets it play sound or go full screen; the
// button says so and does both. Then the board plays the cues of
// client/lib/sound.ts as the state moves, at the level the trainer sets in
// the console (0 = silent), with the lobby's music while players join.
import { store } from "./store.js";
import { Sound, cuesFor, type SoundFrame } from "../lib/sound.js";

export function startSound(): Sound {
  const sound = new Sound();
  const button = document.getElementById("board-present") as HTMLButtonElement | null;
  if (button) {
    button.textContent = store.t.present;
    button.hidden = false;
  }
  const begin = () => {
    sound.unlock();
    if (button) button.hidden = true;
    const root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) void root.requestFullscreen().catch(() => undefined);
  };
  button?.addEventListener("click", begin);
  // any key on the projector window counts as the first gesture too (sound only: full screen stays the button's)
  window.addEventListener("keydown", () => {
    sound.unlock();
    if (button) button.hidden = true;
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
