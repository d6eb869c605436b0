// Joins the room as the board and keeps the connection: the SDK retries after
// a drop by itself; if the room is left anyway, the board reconnects with its
// stored token, then re-joins as a board, every few seconds. A saved session
// that is not running (the server restarted) shows a calm "waiting for the
// facilitator" notice while the board keeps trying; a session the trainer
// closed shows a closed notice and the board stops.
import type { WallMessage } from "../../shared/protocol/messages.js";
import { Client, type Room } from "@colyseus/sdk";
import { CLOSE_REMOVED, PROTOCOL_VERSION, SERVER_MESSAGES, STORAGE } from "../../shared/constants.js";
import { isReason } from "../../shared/reasons.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";
import type { TextsMessage } from "../../shared/protocol/wire.js";
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
    room ??= await client.joinById(code, { kind: "board", protocol: PROTOCOL_VERSION });
  } catch (err) {
    const e = err as { code?: number; message?: string };
    const reason = e.message?.split("|")[0] ?? "";
    if (reason === "SESSION_WAITING") {
      // saved but not running: back on screen as soon as the trainer resumes it
      store.setNotice({ kind: "waiting" });
      setTimeout(() => void connect(code), RETRY_MS);
    } else if (e.code === 522 || reason === "ROOM_NOT_FOUND") store.setNotice({ kind: "notFound", code });
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
  let closed = false;
  room.onMessage("*", () => {});
  room.onMessage(SERVER_MESSAGES.closed, () => {
    closed = true;
  });
  store.newRoom();
  room.onMessage(SERVER_MESSAGES.texts, (m: TextsMessage) => store.takeTexts(m));
  room.onMessage(SERVER_MESSAGES.wall, (m: WallMessage) => store.takeWall(m));
  room.onStateChange((state: RoomStateView) => store.setState(state));
  room.onDrop(() => store.setConn("reconnecting"));
  room.onReconnect(() => store.setConn("ok"));
  room.onLeave((leaveCode: number) => {
    // The trainer closed the session (and deleted its data): nothing to come back to.
    if (closed || leaveCode === CLOSE_REMOVED) {
      safeRemove(STORAGE.token(code));
      store.setConn("ok");
      return store.setNotice({ kind: "closed" });
    }
    // After the final ranking the room may close: keep the results on screen.
    if (store.state?.phase === "final") return store.setConn("ok");
    store.setConn("lost");
    const retry = async () => {
      const token = safeGet(STORAGE.token(code));
      let next = token ? await client.reconnect(token).catch(() => null) : null;
      if (!next) {
        try {
          next = await client.joinById(code, { kind: "board", protocol: PROTOCOL_VERSION });
        } catch (err) {
          // the server restarted and the session waits for the trainer: say so, calmly
          if ((err as { message?: string })?.message?.split("|")[0] === "SESSION_WAITING") store.setNotice({ kind: "waiting" });
        }
      }
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
function safeRemove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}
function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: reconnection falls back to re-joining */
  }
}
