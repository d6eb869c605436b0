// Joins the room as the board and keeps the connection: the SDK retries after
// a drop by itself; if the room is left anyway, the board reconnects with its
// stored token, then re-joins as a board, every few seconds.
import { Client, type Room } from "@colyseus/sdk";
import { STORAGE } from "../../shared/constants.js";
import { isReason } from "../../shared/reasons.js";
import type { RoomStateView } from "../../shared/view.js";
import { store } from "./store.js";

const RETRY_MS = 3000;

export async function loadJoinUrl(): Promise<void> {
  try {
    const res = await fetch("/api/info");
    const info = (await res.json()) as { joinUrl?: string };
    if (info.joinUrl) store.setJoinUrl(info.joinUrl);
  } catch {
    /* the lobby falls back to this page's own origin */
  }
}

export async function connect(code: string): Promise<void> {
  const client = new Client(location.origin);
  const key = STORAGE.token(code);
  let room: Room | null = null;
  const saved = safeGet(key);
  if (saved) room = await client.reconnect(saved).catch(() => null);
  try {
    room ??= await client.joinById(code, { kind: "board" });
  } catch (err) {
    const e = err as { code?: number; message?: string };
    const reason = e.message?.split("|")[0] ?? "";
    if (e.code === 522 || reason === "ROOM_NOT_FOUND") store.setNotice({ kind: "notFound", code });
    else if (isReason(reason)) store.setNotice({ kind: "error", text: store.c.reasons[reason] });
    else {
      // the server is not reachable (yet): keep trying, as after a drop
      store.setNotice({ kind: "connecting" });
      setTimeout(() => void connect(code), RETRY_MS);
    }
    return;
  }
  watch(room, client, code);
}

function watch(room: Room, client: Client, code: string): void {
  safeSet(STORAGE.token(code), room.reconnectionToken);
  store.setConn("ok");
  room.onMessage("*", () => {});
  room.onStateChange((state: RoomStateView) => store.setState(state));
  room.onDrop(() => store.setConn("reconnecting"));
  room.onReconnect(() => store.setConn("ok"));
  room.onLeave(() => {
    // After the final ranking the room may close: keep the results on screen.
    if (store.state?.phase === "final") return store.setConn("ok");
    store.setConn("lost");
    const retry = async () => {
      const token = safeGet(STORAGE.token(code));
      const next =
        (token ? await client.reconnect(token).catch(() => null) : null) ??
        (await client.joinById(code, { kind: "board" }).catch(() => null));
      if (next) watch(next, client, code);
      else setTimeout(retry, RETRY_MS);
    };
    setTimeout(retry, RETRY_MS);
  });
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: reconnection falls back to re-joining */
  }
}
