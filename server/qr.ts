// A QR code of the join URL for the terminal (the board draws its own).
import { renderUnicodeCompact } from "uqr";

export function terminalQr(text: string): string {
  return renderUnicodeCompact(text, { border: 1 });
}
