// The framework floor for the benchmark: a bare Colyseus room with one
// counter per player and no rules. The game room is measured against it.
import { Room, type Client } from "@colyseus/core";
import { schema, t, type SchemaType } from "@colyseus/schema";

export const BareState = schema({ counters: t.map("number") }, "BareState");
export type BareState = SchemaType<typeof BareState>;

export class BareRoom extends Room<{ state: BareState }> {
  override onCreate() {
    this.autoDispose = true;
    this.setState(new BareState());
    this.onMessage("inc", (client: Client) => {
      this.state.counters.set(client.sessionId, (this.state.counters.get(client.sessionId) ?? 0) + 1);
    });
  }
  override onJoin(client: Client) {
    this.state.counters.set(client.sessionId, 0);
  }
}
