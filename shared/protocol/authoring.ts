// What the pack editor (client/author) and its routes (server/authoring.ts)
// say to each other about a pack being checked or saved: types only.

/** One checker message, split for the console: where it points and what is wrong (English as the checker says it, and Indonesian). */
export interface CheckMessage {
  file: string;
  /** `events[3].options`, or `(top)`. */
  path: string;
  /** 1-based line in the text the message points at (0 when it cannot be placed). */
  line: number;
  message: string;
  /** The message for the trainer, in Indonesian. */
  pesan: string;
  /** The whole line as `npm run scenarios:check` prints it. */
  text: string;
}

export interface CheckAnswer {
  ok: boolean;
  errors: CheckMessage[];
  /**
   * The pack rules `npm run scenarios:check` holds a pack to (a reflection is
   * one question, two twist cards, facilitator notes, a short route …): its
   * own messages, placed on their lines. The server plays a pack that breaks
   * them, so they do not stop a save; the console shows them as the checker's errors.
   */
  rules: CheckMessage[];
  /** Balance advice, each "Indonesian / English" (never a reason to refuse). */
  warnings: string[];
  pack?: { id: string; events: number };
  /** After a save: the pack's id, and the shipped pack it was copied from. */
  id?: string;
  copiedFrom?: string;
  /** A refusal (a Reason in shared/reasons.ts). */
  reason?: string;
}
