// Device storage for the pages, with no library behind it (the home page
// imports it without pulling in the game SDK). localStorage may be missing
// (private mode): then everything still works for the life of the page.
//
//   deviceSecret()              → this device's random secret (STORAGE.device), made once
//   storedName()/rememberName() → the last name typed on this device (STORAGE.name)
//   savedToken/saveToken/forgetToken(key) → reconnection tokens
//   localGet/localSet(key)      → guarded localStorage access
import { STORAGE } from "../../shared/constants.js";

const memory = new Map<string, string>();

export function localGet(key: string): string | null {
  try {
    return localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}
export function localSet(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: kept in memory for this page */
  }
}

export function deviceSecret(): string {
  const existing = localGet(STORAGE.device);
  if (existing && existing.length >= 16) return existing;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const secret = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  localSet(STORAGE.device, secret);
  return secret;
}

export const storedName = (): string => localGet(STORAGE.name) ?? "";
export const rememberName = (name: string): void => localSet(STORAGE.name, name);
export const savedToken = (key: string): string | null => localGet(key);
export const saveToken = (key: string, token: string): void => localSet(key, token);
export const forgetToken = (key: string): void => localSet(key, null);
