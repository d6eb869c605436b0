// Mirrors what the board shows into a visually hidden live region, so screen
// readers and the browser tests can read the canvas as text.
declare global {
  interface Window {
    __boardScene?: string;
  }
}

let region: HTMLElement | null = null;

export function mirror(scene: string, lines: string[]): void {
  window.__boardScene = scene;
  region ??= document.getElementById("board-live");
  if (!region) return;
  region.dataset.scene = scene;
  const next = lines.filter(Boolean);
  const old = [...region.children].map((p) => p.textContent);
  if (old.length === next.length && old.every((t, i) => t === next[i])) return;
  region.replaceChildren(
    ...next.map((line) => {
      const p = document.createElement("p");
      p.textContent = line;
      return p;
    }),
  );
}

/** The countdown goes to a data attribute, not the live text: a screen reader must not read it every second. */
export function mirrorTimer(value: string): void {
  region ??= document.getElementById("board-live");
  if (region && region.dataset.timeLeft !== value) region.dataset.timeLeft = value;
}
