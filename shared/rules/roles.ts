// Dealing the pentahelix role cards so that every team holds all five.
//   n < 5 members: each role is held by exactly one member, and members hold
//     floor(5/n) or ceil(5/n) roles.
//   n ≥ 5 members: each member holds exactly one role, and each role has
//     floor(n/5) or ceil(n/5) holders.
// Existing cards are kept where the invariant allows, so a join or a leave
// only moves the few cards it must. Ties are broken by the seeded source.
import { ROLES, type Role } from "../scenario.js";
import { shuffle } from "./random.js";

const byRoleOrder = (a: Role, b: Role) => ROLES.indexOf(a) - ROLES.indexOf(b);

export interface Deal {
  /** Roles per member id (every member of the team), in ROLES order. */
  roles: Record<string, Role[]>;
  seed: number;
}

/**
 * Deal roles to `members` (in join order) given what each holds now.
 * Pure: the same members, holdings and seed always give the same deal.
 */
export function dealRoles(members: readonly string[], current: (id: string) => readonly Role[], seed: number): Deal {
  const n = members.length;
  const roles: Record<string, Role[]> = {};
  if (n === 0) return { roles, seed };
  let s = seed;
  return n < 5 ? dealFew(members, current, s) : dealMany(members, current, s);

  function dealFew(ids: readonly string[], cur: (id: string) => readonly Role[], s0: number): Deal {
    s = s0;
    const q = Math.floor(5 / n);
    const r = 5 % n;
    const held: Role[][] = [];
    const taken = new Set<Role>();
    // Keep each member's cards, at most q+1, dropping duplicates and picking at random which to drop.
    for (const id of ids) {
      const mine: Role[] = [];
      for (const role of cur(id)) {
        if ((ROLES as readonly string[]).includes(role) && !taken.has(role) && !mine.includes(role)) mine.push(role);
      }
      let kept = mine;
      if (kept.length > q + 1) {
        const [order, ns] = shuffle(kept, s);
        s = ns;
        kept = order.slice(0, q + 1);
      }
      for (const role of kept) taken.add(role);
      held.push(kept);
    }
    // Only r members may hold q+1: the latest joiners give one back first.
    let big = held.filter((h) => h.length === q + 1).length;
    for (let i = held.length - 1; i >= 0 && big > r; i--) {
      const h = held[i] as Role[];
      if (h.length === q + 1) {
        const [order, ns] = shuffle(h, s);
        s = ns;
        const dropped = order[order.length - 1] as Role;
        held[i] = h.filter((x) => x !== dropped);
        taken.delete(dropped);
        big--;
      }
    }
    // Free cards go, in random order, to whoever holds fewest (earliest joiner on ties).
    const [free, ns] = shuffle(
      ROLES.filter((role) => !taken.has(role)),
      s,
    );
    s = ns;
    for (const role of free) {
      let best = 0;
      for (let i = 1; i < held.length; i++) if ((held[i] as Role[]).length < (held[best] as Role[]).length) best = i;
      held[best] = [...(held[best] as Role[]), role];
    }
    ids.forEach((id, i) => (roles[id] = (held[i] as Role[]).slice().sort(byRoleOrder)));
    return { roles, seed: s };
  }

  function dealMany(ids: readonly string[], cur: (id: string) => readonly Role[], s0: number): Deal {
    s = s0;
    const q = Math.floor(n / 5);
    const r = n % 5;
    const holder: (Role | null)[] = ids.map((id) => {
      const mine = cur(id).filter((role) => (ROLES as readonly string[]).includes(role));
      if (mine.length <= 1) return mine[0] ?? null;
      // A member leaving a small team's several cards keeps one of them at random.
      const [order, ns] = shuffle(mine, s);
      s = ns;
      return order[0] ?? null;
    });
    const count = (role: Role) => holder.filter((h) => h === role).length;
    // No role may have more than q+1 holders: the latest joiners give theirs back.
    for (const role of ROLES) {
      let c = count(role);
      for (let i = holder.length - 1; i >= 0 && c > q + 1; i--) {
        if (holder[i] === role) {
          holder[i] = null;
          c--;
        }
      }
    }
    // Only r roles may have q+1 holders: drop one holder of the excess ones, chosen at random.
    const [roleOrder, ns1] = shuffle(ROLES, s);
    s = ns1;
    let big = roleOrder.filter((role) => count(role) === q + 1).length;
    for (let k = roleOrder.length - 1; k >= 0 && big > r; k--) {
      const role = roleOrder[k] as Role;
      if (count(role) !== q + 1) continue;
      const i = holder.lastIndexOf(role);
      holder[i] = null;
      big--;
    }
    // Members without a card take the role with fewest holders (random order on ties).
    holder.forEach((h, i) => {
      if (h !== null) return;
      let best = roleOrder[0] as Role;
      for (const role of roleOrder) if (count(role) < count(best)) best = role;
      holder[i] = best;
    });
    ids.forEach((id, i) => (roles[id] = [holder[i] as Role]));
    return { roles, seed: s };
  }
}

/** True when a team's cards meet the dealing invariant (used by tests and the room's checks). */
export function rolesBalanced(holdings: readonly (readonly Role[])[]): boolean {
  const n = holdings.length;
  if (n === 0) return true;
  const holders = ROLES.map((role) => holdings.filter((h) => h.includes(role)).length);
  const sizes = holdings.map((h) => h.length);
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  if (holders.some((c) => c === 0)) return false;
  if (holdings.some((h) => new Set(h).size !== h.length)) return false;
  if (n < 5) return holders.every((c) => c === 1) && spread(sizes) <= 1;
  return sizes.every((c) => c === 1) && spread(holders) <= 1;
}
