// peer_members as a function of the member and member-revoked records naming one device (docs/peers.md §6, row
// "members"): pure, so the applier of a foreign record, the writer of an own one and the joiner taking a sponsor's
// welcome compute the same row from the same records, whatever order they came in.
import { MemberBodySchema, MemberRevokedBodySchema, type MachineRole } from '../../../shared/peers/peer-record.js';

/** One member or member-revoked record as the peer log holds it: where it sits, its HLC, its body's JSON text. */
export interface MemberFact {
  kind: 'member' | 'member-revoked';
  recordId: string;
  /** The origin that wrote it (not the device it names). */
  origin: string;
  hlc: string;
  body: string;
}

export interface MemberProjection {
  deviceId: string;
  name: string;
  role: MachineRole;
  /** Raw keys as base64url, as the member body carries them. */
  signPub: string;
  dhPub: string;
  qrKeyId: string;
  qrPub: string;
  addrs: string[];
  pairedBy: string | null;
  pairedAt: string;
  /** The newest member record: the one whose name and addresses stand. */
  memberRecordId: string;
  /** The first revocation's moment (its HLC's wall clock, ISO), or null while none. */
  revokedAt: string | null;
  /** The highest cut among the revocations; null while none. */
  acceptUpToSeq: number | null;
  /**
   * The last seq of its own log it brought when it was paired (§9 "Joining with history"): its register records up
   * to it rank below the group's. From the first member record, as the keys; null for a founder.
   */
  broughtSeq: number | null;
}

/** The one total order of records (§6): the HLC, then the origin's device id, then the record id. */
export function factOrder(a: MemberFact, b: MemberFact): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.origin !== b.origin) return a.origin < b.origin ? -1 : 1;
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}

/** A body's JSON, or undefined for text that is none (bodies are checked before they are stored; this never throws). */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function hlcIso(hlc: string): string {
  return new Date(Number(hlc.slice(0, 13))).toISOString();
}

/**
 * The row for `deviceId`, or null while no member record names it (a revocation that came first waits for it). The
 * keys are the first member record's: a key once pinned is never replaced, a machine comes back only as a new device
 * (§3), and so is the seq it brought (§9). The newest member record gives the name, role and addresses. Any revocation wins over every member record,
 * earlier or later; the highest cut among them stands.
 */
export function projectMember(deviceId: string, facts: readonly MemberFact[]): MemberProjection | null {
  const ordered = [...facts].sort(factOrder);
  const members = ordered.flatMap((f) => {
    if (f.kind !== 'member') return [];
    const body = MemberBodySchema.safeParse(jsonOf(f.body));
    return body.success && body.data.deviceId === deviceId ? [{ fact: f, body: body.data }] : [];
  });
  const revocations = ordered.flatMap((f) => {
    if (f.kind !== 'member-revoked') return [];
    const body = MemberRevokedBodySchema.safeParse(jsonOf(f.body));
    return body.success && body.data.deviceId === deviceId ? [{ fact: f, body: body.data }] : [];
  });
  const first = members[0];
  const newest = members.at(-1);
  if (first === undefined || newest === undefined) return null;
  const firstRevocation = revocations[0];
  return {
    deviceId,
    name: newest.body.name,
    role: newest.body.role,
    signPub: first.body.signPub,
    dhPub: first.body.dhPub,
    qrKeyId: first.body.qrKeyId,
    qrPub: first.body.qrPub,
    addrs: newest.body.addrs,
    pairedBy: first.body.pairedBy,
    pairedAt: first.body.pairedAt,
    memberRecordId: newest.fact.recordId,
    revokedAt: firstRevocation === undefined ? null : hlcIso(firstRevocation.fact.hlc),
    acceptUpToSeq: firstRevocation === undefined ? null : Math.max(...revocations.map((r) => r.body.acceptUpToSeq)),
    broughtSeq: first.body.broughtSeq ?? null,
  };
}
