// peer_members from member and member-revoked records: the projection's rules with examples, order-free, and the
// applier and own writes over a real SQLite file.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../db/open-database.js';
import { tempDataDir } from '../testing/fixtures.js';
import { memberAppliers, memberFactsOf, projectMemberFromLog, writeMemberRow } from './member-apply.js';
import { projectMember, type MemberFact } from './member-projection.js';
import { bindTestPeerLog } from './testing/peer-log-kit.js';

const D2 = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02';
const key = (n: number): string => Buffer.alloc(32, n).toString('base64url');

function memberBody(name: string, n = 1, deviceId = D2): string {
  return JSON.stringify({ deviceId, name, role: 'door', signPub: key(n), dhPub: key(n + 1), qrKeyId: `k${n}`, qrPub: key(n + 2), addrs: [`10.0.0.${n}:47620`], pairedBy: 's1', pairedAt: '2026-11-23T08:00:00+05:00' });
}
function revokedBody(cut: number, deviceId = D2): string {
  return JSON.stringify({ deviceId, acceptUpToSeq: cut, reason: 'stolen', staffId: 's1' });
}
function fact(kind: MemberFact['kind'], recordId: string, hlcMs: number, body: string, origin = 'office'): MemberFact {
  return { kind, recordId, origin, hlc: `${hlcMs}-0000`, body };
}

const T = 1_795_403_523_000;

describe('projectMember', () => {
  const joined = fact('member', 'r1', T, memberBody('Door 2'));
  const renamed = fact('member', 'r3', T + 3000, memberBody('Door 2 (hall)', 9), 'door1');
  const revoked = fact('member-revoked', 'r2', T + 1000, revokedBody(40));
  const revokedHigher = fact('member-revoked', 'r4', T + 2000, revokedBody(55), 'door1');

  it('pins the first record’s keys, takes the name and addresses from the newest', () => {
    const row = projectMember(D2, [renamed, joined]);
    expect(row).toMatchObject({ name: 'Door 2 (hall)', addrs: ['10.0.0.9:47620'], signPub: key(1), qrKeyId: 'k1', memberRecordId: 'r3', revokedAt: null, acceptUpToSeq: null });
  });

  it('takes the seq a joiner brought from its first member record (§9), never from a later one; a founder has none', () => {
    const brought = fact('member', 'r1', T, JSON.stringify({ ...(JSON.parse(memberBody('Door 2')) as object), broughtSeq: 412 }));
    const later = fact('member', 'r5', T + 5000, JSON.stringify({ ...(JSON.parse(memberBody('Door 2 (hall)')) as object), broughtSeq: 9000 }));
    expect(projectMember(D2, [later, renamed, brought])).toMatchObject({ broughtSeq: 412, name: 'Door 2 (hall)', memberRecordId: 'r5' });
    expect(projectMember(D2, [joined, renamed])).toMatchObject({ broughtSeq: null });
  });

  it('a revocation wins over a member record made after it', () => {
    const row = projectMember(D2, [joined, revoked, renamed]);
    expect(row).toMatchObject({ name: 'Door 2 (hall)', revokedAt: new Date(T + 1000).toISOString(), acceptUpToSeq: 40 });
  });

  it('the highest cut wins among revocations, and the first revocation dates it', () => {
    expect(projectMember(D2, [revokedHigher, joined, revoked])).toMatchObject({ revokedAt: new Date(T + 1000).toISOString(), acceptUpToSeq: 55 });
  });

  it('gives the same row for every order of the same records', () => {
    const all = [joined, revoked, renamed, revokedHigher];
    const expected = projectMember(D2, all);
    const orders = [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]];
    for (const order of orders) expect(projectMember(D2, order.map((i) => all[i] as MemberFact))).toEqual(expected);
  });

  it('has no row while only a revocation names the device, and ignores records naming another', () => {
    expect(projectMember(D2, [revoked])).toBeNull();
    expect(projectMember(D2, [fact('member', 'rx', T, memberBody('Other', 5, 'other-device'))])).toBeNull();
  });
});

describe('peer_members on a real file', () => {
  function machine() {
    const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
    let tick = 0;
    const log = bindTestPeerLog(db, 'office', () => T + tick++);
    return { db, log };
  }
  const row = (db: ReturnType<typeof machine>['db']) =>
    db.prepare<[string], { name: string; revoked_at: string | null; accept_up_to_seq: number | null; member_record_id: string }>(
      'SELECT name, revoked_at, accept_up_to_seq, member_record_id FROM peer_members WHERE device_id = ?',
    ).get(D2);

  it('an own revocation written before the member record arrives is folded in when it does', () => {
    const { db, log } = machine();
    db.transaction(() => {
      log.append('member-revoked', '0193a1f0-0000-7000-8000-000000000002', { body: revokedBody(7) });
      expect(projectMemberFromLog(db, D2)).toBe('none');
    })();
    expect(row(db)).toBeUndefined();
    db.transaction(() => {
      log.append('member', '0193a1f0-0000-7000-8000-000000000003', { body: memberBody('Door 2') });
      expect(projectMemberFromLog(db, D2)).toBe('written');
    })();
    expect(row(db)).toMatchObject({ name: 'Door 2', accept_up_to_seq: 7 });
    expect(row(db)?.revoked_at).not.toBeNull();
  });

  it('the appliers project the device the record names', () => {
    const { db, log } = machine();
    const appended = db.transaction(() => log.append('member', '0193a1f0-0000-7000-8000-000000000004', { body: memberBody('Door 2') }))();
    const record = { deviceId: 'office', seq: appended.seq, kind: 'member' as const, id: appended.record_id, hlc: appended.hlc, base: null, prevHash: appended.prev_hash, hash: appended.hash, contentHash: appended.content_hash, body: appended.body };
    expect(db.transaction(() => memberAppliers.member?.(db, record))()).toEqual({ outcome: 'applied' });
    expect(row(db)?.name).toBe('Door 2');
    expect(memberAppliers['member-revoked']?.(db, { ...record, kind: 'member-revoked', body: '{}' })).toMatchObject({ outcome: 'refused', code: 'PEER_BAD_RECORD' });
  });

  it('a row taken from a welcome keeps its name until the record behind it arrives, and never loses its revocation', () => {
    const { db, log } = machine();
    const newest = fact('member', 'welcome-newest', T + 9000, memberBody('Door 2 (hall)'));
    const revocation = fact('member-revoked', 'welcome-revoked', T + 9500, revokedBody(12));
    const welcomed = projectMember(D2, [newest, revocation]);
    if (welcomed === null) throw new Error('no projection');
    db.transaction(() => writeMemberRow(db, welcomed, [newest, revocation]))();
    // An older member record of the same device comes in first through the catch-up: neither the name nor the cut goes back.
    db.transaction(() => {
      log.append('member', '0193a1f0-0000-7000-8000-000000000005', { body: memberBody('Door 2') });
      projectMemberFromLog(db, D2);
    })();
    expect(row(db)).toMatchObject({ name: 'Door 2 (hall)', accept_up_to_seq: 12, member_record_id: 'welcome-newest' });
    expect(memberFactsOf(db, D2)).toHaveLength(1);
  });

  it('never gives a key another device holds to a second device', () => {
    const { db } = machine();
    const first = fact('member', 'a', T, memberBody('Door 2', 1));
    const thief = fact('member', 'b', T, memberBody('Door 3', 1, 'door-3'));
    db.transaction(() => {
      const a = projectMember(D2, [first]);
      const b = projectMember('door-3', [thief]);
      if (a === null || b === null) throw new Error('no projection');
      expect(writeMemberRow(db, a, [first])).toBe('written');
      expect(writeMemberRow(db, b, [thief])).toBe('key-taken');
    })();
    expect(db.prepare('SELECT count(*) AS n FROM peer_members').get()).toEqual({ n: 1 });
  });
});
