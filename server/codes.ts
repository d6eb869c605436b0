// Room codes: 5 characters without look-alikes, claimed atomically through
// the presence so two rooms can never share one (also across processes when
// the presence is Redis). A duplicate roomId is not an error in Colyseus — a
// second create would silently seat clients in the first room — hence the claim.
import { randomInt } from "node:crypto";
import type { Presence } from "@colyseus/core";
import { CODE_ALPHABET, CODE_LENGTH } from "../shared/constants.js";

export type RandomIndex = (max: number) => number;

export function makeCode(random: RandomIndex = randomInt): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

const key = (code: string) => `arena-vuca:roomcode:${code}`;

/**
 * A code's claim expires unless its room refreshes it (every CODE_REFRESH_MS,
 * see GameRoom): the claim of a room whose process died goes away by itself.
 */
export const CODE_TTL_S = 60;
export const CODE_REFRESH_MS = 15_000;

/** Keeps a room's claim on its code alive (called by the room that owns it). */
export async function refreshCode(presence: Presence, code: string): Promise<void> {
  await presence.expire(key(code), CODE_TTL_S);
}

/**
 * Claims a fresh code; throws after many collisions (31^5 ≈ 28.6 million codes).
 * A code a saved session still holds (`stored`) is skipped, so its results and
 * its resume stay its own.
 */
export async function claimCode(
  presence: Presence,
  random: RandomIndex = randomInt,
  preferred?: string,
  stored?: (code: string) => Promise<boolean>,
): Promise<string> {
  if (preferred) {
    if ((await presence.incr(key(preferred))) === 1) return claimed(presence, preferred);
    throw new Error(`room code ${preferred} is already in use`);
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = makeCode(random);
    if ((await presence.incr(key(code))) !== 1) continue;
    if (stored && (await stored(code).catch(() => false))) {
      await presence.del(key(code));
      continue;
    }
    return claimed(presence, code);
  }
  throw new Error("could not find a free room code");
}

async function claimed(presence: Presence, code: string): Promise<string> {
  await presence.expire(key(code), CODE_TTL_S);
  return code;
}

export async function releaseCode(presence: Presence, code: string): Promise<void> {
  await presence.del(key(code));
}
