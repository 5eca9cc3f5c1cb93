// Which edits of one register nobody has seen yet (docs/peers.md §6 "The general rule"): the heads the merge rules
// decide between. Pure, and free of the order the records came in.

/** What every register record carries, whatever its kind. */
export interface RecordMeta {
  id: string;
  deviceId: string;
  /** Its place in its origin's peer log. */
  seq: number;
  hlc: string;
  base: string | null;
  /** Written by its origin at a seq up to the broughtSeq of its `member` record, before it joined (§9 "the group first"). */
  preJoin: boolean;
}

/** The total order "by HLC, then device id" (then id, so that no two records ever tie). */
export function byHlc(a: RecordMeta, b: RecordMeta): number {
  return compareText(a.hlc, b.hlc) || compareText(a.deviceId, b.deviceId) || compareText(a.id, b.id);
}

/**
 * "Earlier" where the group comes first (§9): a record its origin wrote before joining comes after every record of a
 * machine already a member, whatever the HLCs; between two alike, byHlc. For one card number on two cards.
 */
export function groupFirst(a: RecordMeta, b: RecordMeta): number {
  if (a.preJoin !== b.preJoin) return a.preJoin ? 1 : -1;
  return byHlc(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function latest<R extends RecordMeta>(records: readonly R[]): R {
  return pick(records, (a, b) => byHlc(a, b) > 0);
}

export function earliest<R extends RecordMeta>(records: readonly R[]): R {
  return pick(records, (a, b) => byHlc(a, b) < 0);
}

/** The record `better` prefers over every other; the order of `records` does not matter as long as `better` is a strict total order. */
export function pick<R>(records: readonly R[], better: (a: R, b: R) => boolean): R {
  const [first, ...rest] = records;
  if (first === undefined) throw new RangeError('no record to pick from');
  return rest.reduce((kept, r) => (better(r, kept) ? r : kept), first);
}

/**
 * The heads of one register's records: those no other record has seen. A record has seen its `base` (the winner its
 * editor saw) and every earlier record its own machine wrote in the same register (a machine knows what it wrote), and
 * all that those had seen. So a record seen by anyone is named as a base, or is not its machine's last in the register.
 *
 * With `saysSame` (the kind's "these two say the same"), a stale restatement is no head either. A restatement says what
 * its base says (the follow-up of a lost head does; so does an edit that changed nothing); it is stale when a record
 * it has not seen had seen that base and says something else, and is an edit or restates what it had not seen (and is
 * not a record its machine wrote before joining, where `h` is a member's): the
 * base was changed by someone who knew it, and the restatement has nothing to add. Written in the middle of a
 * catch-up, before the page holding the base's machine's later edit, it would otherwise be concurrent with that edit
 * and could undo it (docs/peers.md §6).
 */
export function headsOf<R extends RecordMeta>(records: readonly R[], saysSame?: (a: R, b: R) => boolean): R[] {
  const lastOfDevice = new Map<string, R>();
  const named = new Set<string>();
  for (const r of records) {
    const last = lastOfDevice.get(r.deviceId);
    if (last === undefined || r.seq > last.seq) lastOfDevice.set(r.deviceId, r);
    if (r.base !== null && r.base !== r.id) named.add(r.base);
  }
  const lasts = [...lastOfDevice.values()].sort(byHlc);
  const heads = lasts.filter((r) => !named.has(r.id));
  // Only bases that name each other in a ring leave none; an honest editor cannot name a record written after its own.
  if (heads.length === 0) return lasts;
  if (saysSame === undefined || heads.length < 2) return heads;
  const graph = new SeenGraph(records);
  const restatedBy = (r: R): R | null => {
    const base = r.base === null ? undefined : graph.byId.get(r.base);
    return base !== undefined && saysSame(r, base) ? base : null;
  };
  const stale = (h: R): boolean => {
    const base = restatedBy(h);
    if (base === null) return false;
    const seen = graph.seenBy(h);
    return graph.seers(base).some((x) => {
      // What a machine wrote before it joined gives way to the group's (§9): it never puts a member's record behind.
      if (x === h || seen.has(x.id) || saysSame(x, base) || (x.preJoin && !h.preJoin)) return false;
      const restated = restatedBy(x);
      return restated === null || !seen.has(restated.id);
    });
  };
  const kept = heads.filter((h) => !stale(h));
  // Never none: a ring of restatements each made stale by another's past is no honest history; decide as before.
  return kept.length > 0 ? kept : heads;
}

/** "Has seen" over one register's records, both ways: what a record has seen, and which records have seen one. */
class SeenGraph<R extends RecordMeta> {
  readonly byId: ReadonlyMap<string, R>;
  private readonly parents = new Map<R, R[]>();
  private readonly children = new Map<R, R[]>();

  constructor(records: readonly R[]) {
    this.byId = new Map(records.map((r) => [r.id, r]));
    // A record's parents: its base, and its own machine's record just before it (whose own parents carry the rest).
    const ofDevice = new Map<string, R[]>();
    for (const r of records) ofDevice.set(r.deviceId, [...(ofDevice.get(r.deviceId) ?? []), r]);
    for (const run of ofDevice.values()) run.sort((a, b) => a.seq - b.seq);
    for (const r of records) {
      const run = ofDevice.get(r.deviceId) ?? [];
      const before = run[run.indexOf(r) - 1];
      const base = r.base === null ? undefined : this.byId.get(r.base);
      const parents = [before, base].filter((p): p is R => p !== undefined && p !== r);
      this.parents.set(r, parents);
      for (const p of parents) this.children.set(p, [...(this.children.get(p) ?? []), r]);
    }
  }

  /** The ids `record` has seen (a base not held included). */
  seenBy(record: R): Set<string> {
    const seen = new Set<string>(record.base === null ? [] : [record.base]);
    for (const r of this.walk(record, this.parents)) {
      seen.add(r.id);
      if (r.base !== null) seen.add(r.base);
    }
    return seen;
  }

  /** The records that have seen `record`. */
  seers(record: R): R[] {
    return this.walk(record, this.children);
  }

  /** Every record reachable from `from` along `edges`, `from` aside; each visited once, so bounded by the register. */
  private walk(from: R, edges: ReadonlyMap<R, R[]>): R[] {
    const found = new Set<R>();
    const stack = [...(edges.get(from) ?? [])];
    while (stack.length > 0) {
      const r = stack.pop();
      if (r === undefined || found.has(r) || r === from) continue;
      found.add(r);
      stack.push(...(edges.get(r) ?? []));
    }
    return [...found];
  }
}
