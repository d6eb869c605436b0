// Copies the rules' plain state into the synced schema state. Only what
// changed is touched: the rules share unchanged objects between states, so an
// identity check per team and per player is enough to skip untouched parts.
import { ArraySchema } from "@colyseus/schema";
import type { Pack } from "../shared/scenario.js";
import type { GameState, GameSummary, Player, Team, Vote } from "../shared/rules/types.js";
import { displayIndexOf, orderFor } from "../shared/rules/order.js";
import { PRIMES } from "../shared/vuca.js";
import { encodeCard, encodeReveal, encodeVote, LOCK_CAUSES, type CardView, type RevealWire, type TextsMessage } from "../shared/protocol/wire.js";
import { GameRoomState, MemberState, TeamState } from "./state.js";

/**
 * The card of `round` as the console receives it: options in the round's
 * display order, with the condition, the Primes and the facilitator notes.
 * Every other page gets publicOnly() of it (shared/protocol/wire.ts).
 */
export function cardView(pack: Pack, round: number, settings: GameState["settings"] | null = null): CardView | null {
  const card = pack.events[round];
  if (!card) return null;
  const order = settings ? orderFor(settings, round, card.options.length) : undefined;
  return encodeCard(card, round, order, settings?.showCondition !== true);
}

/** The reveal of the round just played, compactly: the card's texts were sent at the briefing (see shared/protocol/wire.ts). */
export function revealView(pack: Pack, game: GameState): RevealWire | null {
  const record = game.history[game.history.length - 1];
  if (!record || record.skipped || record.round !== game.round) return null;
  const card = pack.events[record.round];
  if (!card) return null;
  return encodeReveal(record.round, card, record.results, orderFor(game.settings, record.round, card.options.length));
}

export function timeLeftOf(game: GameState, now: number): number {
  const { timer } = game;
  const ms = timer.deadline !== null ? Math.max(0, timer.deadline - now) : timer.remainingMs;
  return Math.min(65535, Math.ceil(ms / 1000));
}

function syncMember(target: MemberState, player: Player): void {
  if (target.id !== player.id) target.id = player.id;
  if (target.name !== player.name) target.name = player.name;
  const roles = player.roles.join(",");
  if (target.roles !== roles) target.roles = roles;
  if (target.connected !== player.connected) target.connected = player.connected;
}

/**
 * Seats in join order. Joins append and leaves remove in place, so the synced
 * array is patched (push/splice), never rebuilt: a rebuild would resend every
 * seat to every client on each join.
 */
function syncSeats(target: TeamState, ids: readonly string[]): void {
  const members = target.members;
  if (members.length === ids.length && ids.every((id, i) => members[i]?.id === id)) return;
  const keep = new Set(ids);
  for (let i = members.length - 1; i >= 0; i--) if (!keep.has(members[i]!.id)) members.splice(i, 1);
  const inOrder = members.length <= ids.length && members.every((m, i) => m.id === ids[i]);
  if (inOrder) {
    for (let i = members.length; i < ids.length; i++) {
      const seat = new MemberState();
      seat.id = ids[i]!;
      members.push(seat);
    }
    return;
  }
  // reordered (not something the rules do today): rebuild, keeping the instances
  const byId = new Map<string, MemberState>();
  members.forEach((m) => byId.set(m.id, m));
  target.members = new ArraySchema<MemberState>(...ids.map((id) => byId.get(id) ?? new MemberState()));
}

/**
 * One team. `before` is the same team as last synced (undefined on the first
 * sync): with it a vote only touches the vote that changed, instead of
 * re-reading every seat and vote of the team. `everyMember` asks for every seat
 * to be re-read (players changed).
 */
function syncTeam(
  target: TeamState,
  team: Team,
  before: Team | undefined,
  everyMember: boolean,
  players: Record<string, Player>,
  codeOf: (vote: Vote) => string,
): void {
  if (target.index !== team.index) target.index = team.index;
  const ids = team.members;
  const seatsChanged = !before || before.members !== ids;
  if (seatsChanged) syncSeats(target, ids);
  if (seatsChanged || everyMember) {
    ids.forEach((id, i) => {
      const player = players[id];
      const member = target.members[i];
      if (player && member) syncMember(member, player);
    });
  }
  const captain = team.captain ?? "";
  if (target.captain !== captain) target.captain = captain;
  if (!before || before.votes !== team.votes || seatsChanged) {
    const sent = ids.reduce((n, id) => (team.votes[id] ? n + 1 : n), 0);
    if (target.sent !== sent) target.sent = sent;
  }
  if (target.locked !== team.locked) target.locked = team.locked;
  const lockedBy = team.lockedBy ? LOCK_CAUSES.indexOf(team.lockedBy) + 1 : 0;
  if (target.lockedBy !== lockedBy) target.lockedBy = lockedBy;
  if (target.score !== team.score) target.score = team.score;
  if (target.totalLockMs !== team.totalLockMs) target.totalLockMs = team.totalLockMs;
  if (target.reason !== team.reason) target.reason = team.reason;
  // Votes (secret: a .view() field). Every member has an entry for as long as
  // they sit in the team, "" until they send: a vote, and the new round that
  // clears it, then change a two-character value, where adding and deleting
  // entries would send the member's id to every phone of the team each time.
  const votes = target.votes;
  const full = !before || seatsChanged;
  if (!full && before.votes === team.votes) return;
  if (full) {
    const keep = new Set(ids);
    for (const id in team.votes) keep.add(id);
    votes.forEach((_v, id) => {
      if (!keep.has(id)) votes.delete(id);
    });
    for (const id of keep) if (!votes.has(id)) votes.set(id, "");
  } else {
    // a voter who is not a member keeps no entry once their vote is gone
    for (const id in before.votes) if (!team.votes[id] && !ids.includes(id)) votes.delete(id);
  }
  const setCode = (id: string) => {
    const vote = team.votes[id];
    if (!full && before!.votes[id] === vote) return;
    const code = vote ? codeOf(vote) : "";
    if (votes.get(id) !== code) votes.set(id, code);
  };
  for (const id of ids) setCode(id);
  for (const id in team.votes) if (!ids.includes(id)) setCode(id);
}

/** Bring `state` in line with `game`. `prev` is the game state last synced (null on the first sync). */
export function syncState(
  state: GameRoomState,
  game: GameState,
  prev: GameState | null,
  now: number,
  pack?: Pack,
): void {
  if (state.phase !== game.phase) state.phase = game.phase;
  if (state.round !== game.round) state.round = game.round;
  if (state.paused !== game.timer.paused) state.paused = game.timer.paused;
  if (state.roomLocked !== game.roomLocked) state.roomLocked = game.roomLocked;
  const timeLeft = timeLeftOf(game, now);
  if (state.timeLeft !== timeLeft) state.timeLeft = timeLeft;

  while (state.teams.length < game.teams.length) state.teams.push(new TeamState());
  const playersChanged = !prev || prev.players !== game.players;
  const codeOf = voteCoder(game, pack);
  game.teams.forEach((team, i) => {
    const target = state.teams[i]!;
    const before = prev?.teams[i];
    const membersTouched =
      playersChanged && (!prev || team.members.some((id) => prev.players[id] !== game.players[id]));
    if (!before || before !== team || membersTouched) syncTeam(target, team, before, membersTouched, game.players, codeOf);
  });
}

/**
 * A vote as its code on the wire: the option's display letter this round (not
 * its Prime), the diagnosis and the commitment (shared/protocol/wire.ts encodeVote).
 */
export function voteCoder(game: GameState, pack: Pack | undefined): (vote: Vote) => string {
  const card = pack?.events[game.round];
  // drawn on the first vote to encode: most syncs (a join, a tick) encode none
  let order: number[] | null = null;
  return (vote) => {
    if (card && !order) order = orderFor(game.settings, game.round, card.options.length);
    const option = card && order ? displayIndexOf(card, order, vote.prime) : PRIMES.indexOf(vote.prime);
    return encodeVote(option, vote.diagnosis ?? null, vote.commit);
  };
}

/** The round's texts as they stand: the card from the briefing to the scoreboard, the reveal from the reveal on, the summary at the end. */
export function textsOf(game: GameState, pack: Pack, summarise: (game: GameState, pack: Pack) => GameSummary): TextsMessage {
  const texts: TextsMessage = {};
  const card = game.round >= 0 && game.phase !== "final" && game.phase !== "lobby" ? cardView(pack, game.round, game.settings) : null;
  if (card) texts.card = card;
  const reveal = game.phase === "reveal" || game.phase === "scoreboard" ? revealView(pack, game) : null;
  if (reveal) texts.reveal = reveal;
  if (game.phase === "final") texts.summary = summarise(game, pack);
  return texts;
}
