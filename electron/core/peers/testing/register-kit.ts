// Register records for the merge rules' tests: each machine numbers its own rows and keeps a hybrid clock, as a real
// peer log would, so `base`, seq and HLC relate the way the rules expect.
import type { RegisterRecord } from '../../ledger/merge-rules.js';
import { hlcAt } from './peer-chain-kit.js';

type Kinded = Pick<RegisterRecord, 'kind' | 'body'>;

/** One machine's writer of register records. */
export class RegisterMachine {
  private seq = 0;
  private ms: number;

  constructor(
    readonly deviceId: string,
    startMs = 1_795_403_523_000,
    /** Its records count as written before it joined (§9) until `join()`. */
    private preJoin = false,
  ) {
    this.ms = startMs;
  }

  join(): void {
    this.preJoin = false;
  }

  /** Takes in another machine's clock, as an HLC does on every record heard. */
  hear(records: readonly RegisterRecord[]): void {
    for (const r of records) this.ms = Math.max(this.ms, Number(r.hlc.slice(0, 13)));
  }

  /** The next record; `at` sets the wall clock (ms) when the test needs two HLCs in a given order. */
  write(content: Kinded, base: RegisterRecord | string | null = null, at?: number): RegisterRecord {
    this.seq += 1;
    this.ms = at ?? this.ms + 1;
    const id = `${this.deviceId}-${String(this.seq).padStart(6, '0')}`;
    return { ...content, id, deviceId: this.deviceId, seq: this.seq, hlc: hlcAt(this.ms), base: typeof base === 'string' || base === null ? base : base.id, preJoin: this.preJoin } as RegisterRecord;
  }
}

const b64 = (byte: number, n: number): string => Buffer.alloc(n, byte).toString('base64url');

/** Bodies of every register kind, on one fixed entity each (companion c1, child k1, staff s1, group g1…). */
export const registerBodies = {
  setting: (value: string, key = 'closingTime'): Kinded => ({ kind: 'setting', body: { key, value } }),
  transfer: (kind: 'day-off' | 'working-day' | null): Kinded => ({ kind: 'transfer', body: { date: '2026-12-31', kind, note: '', staffId: 's1', setAt: '2026-11-20T10:00:00+05:00', setMs: 1_795_413_600_000 } }),
  link: (mayBring: boolean, mayCollect: boolean, blocked: boolean): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'link', link: { companionId: 'c1', childId: 'k1', mayBring, mayCollect, blocked } } } }),
  linkRemoved: (): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'link-removed', companionId: 'c1', childId: 'k1' } } }),
  child: (groupId: string, firstName = 'Әлихан'): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'child', child: { id: 'k1', groupId, firstName, lastName: 'Серікұлы' } } } }),
  childLeft: (lastDay = '2026-11-30'): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'child-left', childId: 'k1', lastDay } } }),
  companion: (firstName: string): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'companion', companion: { id: 'c1', firstName, lastName: 'Ахметова', relation: 'grandmother' } } } }),
  companionRemoved: (): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'companion-removed', companionId: 'c1' } } }),
  group: (name: string): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'group', group: { id: 'g1', name, sortOrder: 1 } } } }),
  groupClosed: (): Kinded => ({ kind: 'roster-change', body: { change: { kind: 'group-closed', groupId: 'g1' } } }),
  staffAccount: (firstName: string, role: 'staff' | 'admin', active: boolean): Kinded => ({ kind: 'staff-account', body: { staffId: 's1', firstName, lastName: 'Иванова', role, active, origin: 'local' } }),
  pin: (byte: number): Kinded => ({ kind: 'staff-pin', body: { staffId: 's1', hash: b64(byte, 32), salt: b64(byte, 16), params: { N: 16384, r: 8, p: 1 }, setAt: '2026-11-20T10:04:00+05:00', setBy: null } }),
  lock: (untilMs: number | null): Kinded => ({ kind: 'staff-lock', body: { staffId: 's1', channel: 'name', untilMs } }),
  paperDay: (staffId: string): Kinded => ({ kind: 'paper-day', body: { groupId: 'g1', date: '2026-11-16', eventIds: [], staffId, recordedAt: '2026-11-20T10:00:00+05:00' } }),
  card: (action: 'enrol' | 'revoke', credentialId = 'cr1', value = '0004512400'): Kinded => ({ kind: 'credential-change', body: { credentialId, companionId: 'c1', kind: 'rfid', value, action } }),
  staffCard: (revoked: boolean): Kinded => ({ kind: 'staff-card', body: { cardId: 'sc1', staffId: 's1', value: '0004512999', revokedAt: revoked ? '2026-11-20T10:00:00+05:00' : null } }),
  member: (name: string): Kinded => ({ kind: 'member', body: { deviceId: 'door-9', name, role: 'door', signPub: b64(9, 32), dhPub: b64(9, 32), qrKeyId: 'qr-9', qrPub: b64(9, 32), addrs: [], pairedBy: null, pairedAt: '2026-11-20T08:00:00+05:00' } }),
  memberRevoked: (acceptUpToSeq: number): Kinded => ({ kind: 'member-revoked', body: { deviceId: 'door-9', acceptUpToSeq, reason: 'stolen', staffId: 's1' } }),
};
