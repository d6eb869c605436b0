// The board's sound, made in the browser with Web Audio: no files, nothing
// from the internet. Cues for the moments a class should hear (a card comes
// up, deciding starts, the last ten seconds, time is up, a team locks, the
// reveal, the final) and a quiet music loop in the lobby. Browsers start audio
// only after a click or a key on the page: until then every cue is silent.
export type Cue = "briefing" | "deciding" | "tick" | "timeUp" | "lock" | "reveal" | "final";

/** A pentatonic scale (C major pentatonic, Hz) for the lobby loop and the cues. */
const NOTE = { C4: 261.63, D4: 293.66, E4: 329.63, G4: 392.0, A4: 440.0, C5: 523.25, D5: 587.33, E5: 659.25, G5: 783.99, C3: 130.81, G3: 196.0, A3: 220.0 };

export class Sound {
  private ctx: AudioContext | null = null;
  private master: GainNode | null = null;
  /** 0 (silent) … 10; the console sets it. */
  private level = 6;
  private loop: ReturnType<typeof setInterval> | null = null;
  private loopStep = 0;

  /** True once the browser lets the page play (after a click or a key). */
  get ready(): boolean {
    return this.ctx?.state === "running";
  }

  /** Call from a click or key handler: creates and resumes the audio context. */
  unlock(): void {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    if (!this.ctx) {
      this.ctx = new Ctor();
      this.master = this.ctx.createGain();
      this.master.connect(this.ctx.destination);
      this.applyLevel();
    }
    void this.ctx.resume().catch(() => undefined);
  }

  setLevel(level: number): void {
    this.level = Math.max(0, Math.min(10, Math.round(level)));
    this.applyLevel();
  }

  private applyLevel(): void {
    if (!this.master || !this.ctx) return;
    // perceived loudness grows roughly with the square of the gain
    const gain = (this.level / 10) ** 2 * 0.5;
    this.master.gain.setTargetAtTime(gain, this.ctx.currentTime, 0.05);
  }

  /** One tone: an oscillator through a short attack/decay envelope. */
  private tone(freq: number, at: number, dur: number, opts: { type?: OscillatorType; vol?: number; glide?: number } = {}): void {
    const ctx = this.ctx;
    if (!ctx || !this.master || this.level === 0) return;
    const start = ctx.currentTime + at;
    const osc = ctx.createOscillator();
    const env = ctx.createGain();
    osc.type = opts.type ?? "sine";
    osc.frequency.setValueAtTime(freq, start);
    if (opts.glide) osc.frequency.exponentialRampToValueAtTime(freq * opts.glide, start + dur);
    const vol = opts.vol ?? 0.4;
    env.gain.setValueAtTime(0.0001, start);
    env.gain.exponentialRampToValueAtTime(vol, start + 0.015);
    env.gain.exponentialRampToValueAtTime(0.0001, start + dur);
    osc.connect(env).connect(this.master);
    osc.start(start);
    osc.stop(start + dur + 0.05);
  }

  play(cue: Cue): void {
    if (!this.ready) return;
    const n = NOTE;
    switch (cue) {
      case "briefing": // a card comes up: two soft bells
        this.tone(n.G4, 0, 0.9, { type: "triangle", vol: 0.3 });
        this.tone(n.C5, 0.18, 1.1, { type: "triangle", vol: 0.3 });
        break;
      case "deciding": // deciding starts: three rising notes
        [n.C4, n.E4, n.G4].forEach((f, i) => this.tone(f, i * 0.12, 0.35, { type: "square", vol: 0.12 }));
        this.tone(n.C5, 0.36, 0.6, { type: "triangle", vol: 0.3 });
        break;
      case "tick": // each of the last ten seconds
        this.tone(1200, 0, 0.06, { type: "square", vol: 0.08 });
        break;
      case "timeUp": // a low gong
        this.tone(n.C3, 0, 1.8, { type: "sine", vol: 0.5 });
        this.tone(n.G3, 0, 1.4, { type: "triangle", vol: 0.2 });
        break;
      case "lock": // a team locks: a short pop
        this.tone(660, 0, 0.12, { type: "sine", vol: 0.25, glide: 1.5 });
        break;
      case "reveal": // an arpeggio
        [n.C4, n.E4, n.G4, n.C5, n.E5].forEach((f, i) => this.tone(f, i * 0.09, 0.9 - i * 0.08, { type: "triangle", vol: 0.28 }));
        break;
      case "final": // a small fanfare
        [[n.G4, 0], [n.C5, 0.16], [n.E5, 0.32], [n.G5, 0.48]].forEach(([f, at]) => this.tone(f!, at!, 0.5, { type: "square", vol: 0.1 }));
        this.tone(n.C5, 0.64, 1.4, { type: "triangle", vol: 0.35 });
        this.tone(n.E5, 0.64, 1.4, { type: "triangle", vol: 0.25 });
        break;
    }
  }

  /** The lobby's quiet loop: a slow pentatonic pattern over a soft bass. */
  music(on: boolean): void {
    if (!on) {
      if (this.loop) clearInterval(this.loop);
      this.loop = null;
      return;
    }
    if (this.loop) return;
    const n = NOTE;
    const melody = [n.C5, n.A4, n.G4, n.E4, n.G4, n.A4, n.D5, n.C5, n.E5, n.D5, n.C5, n.A4, n.G4, n.A4, n.C5, n.G4];
    const bass = [n.C3, n.A3, n.G3, n.A3];
    this.loop = setInterval(() => {
      if (!this.ready) return;
      const i = this.loopStep++ % melody.length;
      this.tone(melody[i]!, 0, 0.7, { type: "triangle", vol: 0.12 });
      if (i % 4 === 0) this.tone(bass[(i / 4) % bass.length]!, 0, 2.2, { type: "sine", vol: 0.16 });
    }, 520);
  }
}

/** What the board should play when the state moves from `prev` to `next`. */
export interface SoundFrame {
  phase: string;
  round: number;
  timeLeft: number;
  paused: boolean;
  locked: number;
}

export function cuesFor(prev: SoundFrame | null, next: SoundFrame): Cue[] {
  if (!prev) return [];
  const cues: Cue[] = [];
  const moved = prev.phase !== next.phase || prev.round !== next.round;
  if (moved) {
    if (next.phase === "briefing") cues.push("briefing");
    else if (next.phase === "deciding") cues.push("deciding");
    else if (next.phase === "reveal") cues.push(prev.phase === "deciding" && prev.timeLeft <= 1 ? "timeUp" : "reveal");
    else if (next.phase === "final") cues.push("final");
    return cues;
  }
  if (next.phase === "deciding" && !next.paused) {
    if (next.locked > prev.locked) cues.push("lock");
    if (next.timeLeft < prev.timeLeft && next.timeLeft <= 10 && next.timeLeft > 0) cues.push("tick");
  }
  return cues;
}
