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
 */
export function headsOf<R extends RecordMeta>(records: readonly R[]): R[] {
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
  return heads.length > 0 ? heads : lasts;
}
