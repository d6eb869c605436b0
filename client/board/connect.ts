// Joins the room as the board and keeps the connection, through the pages' one
// connection loop (client/lib/net.ts keepConnected: the SDK's own retries,
// then the stored token, then a fresh board join, with backoff and jitter on
// every refusal a later try can overcome). This file only maps what the loop
// reports onto the board: a saved session that is not running (the server
// restarted) shows a calm "waiting for the facilitator" notice while the loop
// keeps trying; a session the trainer closed shows a closed notice and the
// board stops; after the final ranking a closed room leaves the results up.
import type { Room } from "@colyseus/sdk";
import type { WallMessage } from "../../shared/protocol/messages.js";
import { SERVER_MESSAGES, STORAGE } from "../../shared/constants.js";
import type { RoomStateView } from "../../shared/protocol/state-view.js";
import type { TextsMessage } from "../../shared/protocol/wire.js";
import { keepConnected, type Connection, type ConnStatus, type JoinFailure } from "../lib/net.js";
import { store } from "./store.js";

export async function loadJoinUrl(): Promise<void> {
  try {
    const res = await fetch("/api/info");
    const info = (await res.json()) as { joinUrl?: string };
    if (info.joinUrl) store.setJoinUrl(info.joinUrl);
  } catch {
    /* the lobby falls back to this page's own origin */
  }
}

/** What the board shows for a status of the connection loop (exported for a test of the mapping). */
export function onStatus(conn: Pick<Connection, "leave">, status: ConnStatus, failure?: JoinFailure): void {
  // After the final ranking the room may close: keep the results on screen, and stop trying
  // (unless the trainer closed the session and deleted its data: that is said).
  const gone = status === "closed" || status === "removed" || status === "banned" || status === "replaced";
  if (store.state?.phase === "final" && status !== "ok" && status !== "connecting" && !gone) {
    store.setConn("ok");
    if (status !== "reconnecting") void conn.leave();
    return;
  }
  switch (status) {
    case "ok":
      return store.setConn("ok");
    case "connecting":
      if (!store.state) store.setNotice({ kind: "connecting" });
      return;
    case "reconnecting":
      return store.setConn(store.state ? "reconnecting" : "ok");
    case "lost":
      // saved but not running: back on screen as soon as the trainer resumes it
      if (failure?.reason === "SESSION_WAITING") {
        store.setConn("ok");
        return store.setNotice({ kind: "waiting" });
      }
      // the server is not reachable (yet), or asks to slow down: the loop tries again
      if (!store.state) return store.setNotice({ kind: "connecting" });
      return store.setConn("lost");
    case "failed":
      store.setConn("ok");
      if (!failure || failure.reason === "ROOM_NOT_FOUND" || failure.reason === "NETWORK") return store.setNotice({ kind: "notFound", code: store.state?.code ?? codeOfPage() });
      return store.setNotice({ kind: "error", text: store.c.reasons[failure.reason] });
    case "closed":
    case "removed":
    case "banned":
    case "replaced":
      // the trainer closed the session (and deleted its data): nothing to come back to
      store.setConn("ok");
      return store.setNotice({ kind: "closed" });
  }
}

let code = "";
const codeOfPage = () => code;

export function connect(roomCode: string): Connection {
  code = roomCode;
  // the loop reports its first status before keepConnected returns: the board's leave goes through this
  let conn: Connection | undefined;
  const handle = { leave: () => conn?.leave() ?? Promise.resolve() };
  conn = keepConnected({
    code,
    tokenKey: STORAGE.token(code),
    join: () => ({ kind: "board" }),
    onRoom: (room: Room) => {
      store.newRoom();
      room.onMessage("*", () => {});
      room.onMessage(SERVER_MESSAGES.texts, (m: TextsMessage) => store.takeTexts(m));
      room.onMessage(SERVER_MESSAGES.wall, (m: WallMessage) => store.takeWall(m));
      room.onStateChange((state: RoomStateView) => store.setState(state));
    },
    onStatus: (status, failure) => onStatus(handle, status, failure),
  });
  return conn;
}
