// The registers' store on one machine (docs/peers.md §6): an edit names the winner it saw as its base, a concurrent
// edit from another machine is decided by the rule of its kind and listed, and the machine whose head lost writes the
// follow-up that leaves the register one head with the decided value.
import { describe, expect, it } from 'vitest';
import { decideRegister } from './merge-rules.js';
import { migrations } from '../db/migrations/index.js';
import { migratedDatabase } from '../db/migrations/testing/migration-kit.js';
import { PeerLog } from './peer-log.js';
import { appendRegisterEdit, registerBase, registerRecordOf, settleRegister } from './peer-registers.js';
import { bindTestPeerLog, seededSigningKey } from './testing/peer-log-kit.js';

const T0 = 1_795_403_523_000;
const account = (firstName: string, role: 'staff' | 'admin', active = true) => ({ kind: 'staff-account' as const, body: { staffId: 's1', firstName, lastName: 'Ким', role, active, origin: 'local' as const } });

function setUp() {
  const db = migratedDatabase(migrations);
  let ms = T0;
  const wall = () => ms;
  const door = bindTestPeerLog(db, 'door-1', wall, 0x21);
  // Another machine's rows, as an import stores them beside this one's.
  const office = new PeerLog(db, 'office', seededSigningKey(0x22), wall);
  const tick = (by = 1000) => (ms += by);
  const all = () => db.prepare('SELECT device_id, seq, kind, record_id, hlc, base, body FROM peer_log').all() as Parameters<typeof registerRecordOf>[0][];
  return { db, door, office, tick, all };
}

describe('peer registers', () => {
  it("names the winner it saw as an edit's base, and makes each edit made here the winner", () => {
    const { db, tick } = setUp();
    expect(registerBase(db, account('Раиса', 'staff'))).toBeNull();
    const first = db.transaction(() => appendRegisterEdit(db, account('Раиса', 'staff'), T0))();
    tick();
    const second = db.transaction(() => appendRegisterEdit(db, account('Раиса', 'admin'), T0))();
    expect(second?.decision.winner.base).toBe(first?.decision.winner.id);
    expect(registerBase(db, account('x', 'staff'))).toBe(second?.decision.winner.id);
    expect(second?.decision.value).toMatchObject({ role: 'admin' });
    expect(db.prepare('SELECT count(*) FROM peer_conflicts').pluck().get()).toBe(0);
  });

  it('decides a concurrent edit by its rule, lists the pair, and has the losing machine restate the decision', () => {
    const { db, office, tick, all } = setUp();
    const base = db.transaction(() => appendRegisterEdit(db, account('Раиса', 'admin'), T0))();
    tick();
    // Both edit having seen the same record: this door demotes, the office renames (later by HLC).
    const demoted = db.transaction(() => appendRegisterEdit(db, account('Раиса', 'staff'), T0))();
    expect(demoted?.followUps).toEqual([]);
    tick();
    const renamed = db.transaction(() => office.append('staff-account', 'o-1', { body: JSON.stringify(account('Раиса Ли', 'admin').body) }, base?.decision.winner.id ?? null))();
    // Taken in here: the register is settled as an applier settles it.
    const settled = db.transaction(() => settleRegister(db, account('x', 'staff'), { nowMs: T0 }))();
    expect(settled.ownLosses).toEqual([{ rule: 'demotion-wins', winnerId: renamed.record_id, loserId: demoted?.decision.winner.id, loserDeviceId: 'door-1' }]);
    expect(settled.followUps.map((r) => [r.kind, r.base])).toEqual([['staff-account', renamed.record_id]]);
    expect(JSON.parse(settled.followUps[0]?.body ?? 'null')).toEqual(account('Раиса Ли', 'staff').body);
    expect(db.prepare('SELECT rule, kept_record_id FROM peer_conflicts').all()).toEqual([{ rule: 'demotion-wins', kept_record_id: renamed.record_id }]);
    // One head again, with the decided value; settling once more writes nothing.
    const again = decideRegister(all().flatMap((r) => registerRecordOf(r) ?? []));
    expect(again.conflicts).toEqual([]);
    expect(again.value).toEqual(account('Раиса Ли', 'staff').body);
    expect(registerBase(db, account('x', 'staff'))).toBe(settled.followUps[0]?.record_id);
    expect(db.transaction(() => settleRegister(db, account('x', 'staff'), { nowMs: T0 }))().followUps).toEqual([]);
  });

  it('ranks what a joiner wrote up to the seq it brought below the group, whatever the HLC (§9), owing no restatement', () => {
    const { db, office, tick } = setUp();
    const setting = (value: string) => ({ kind: 'setting' as const, body: { key: 'closingTime', value } });
    // This door ran on its own: its setting, written later by HLC than the office's, and its seq 1 is what it brought.
    tick();
    const officeEdit = db.transaction(() => office.append('setting', 'o-1', { body: JSON.stringify(setting('18:30').body) }, null))();
    tick();
    const own = db.transaction(() => appendRegisterEdit(db, setting('19:00'), T0))();
    expect(own?.decision.value).toEqual(setting('19:00').body);
    const member = (deviceId: string, brought: number | null) =>
      db.prepare(`INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id, brought_seq)
                  VALUES (?, ?, 'door', randomblob(32), randomblob(32), 'k', randomblob(32), 't', ?, ?)`).run(deviceId, deviceId, `m-${deviceId}`, brought);
    member('office', null);
    member('door-1', own?.decision.winner.seq ?? 0);
    const settled = db.transaction(() => settleRegister(db, setting('x'), { nowMs: T0 }))();
    expect(settled.ownLosses).toEqual([{ rule: 'group-first', winnerId: officeEdit.record_id, loserId: own?.decision.winner.id, loserDeviceId: 'door-1' }]);
    expect(settled.decision.value).toEqual(setting('18:30').body);
    expect(registerBase(db, setting('x'))).toBe(officeEdit.record_id);
    // No restatement: written now, in a catch-up, it would stand against the office's later edits it had not seen.
    expect(settled.followUps).toEqual([]);
    tick();
    const later = db.transaction(() => office.append('setting', 'o-2', { body: JSON.stringify(setting('18:45').body) }, officeEdit.record_id))();
    expect(db.transaction(() => settleRegister(db, setting('x'), { nowMs: T0 }))()).toMatchObject({ followUps: [], decision: { winner: { id: later.record_id }, value: setting('18:45').body } });
    // An edit made here after joining names the group's winner and is an edit like any other.
    tick();
    expect(db.transaction(() => appendRegisterEdit(db, setting('20:00'), T0))()).toMatchObject({ decision: { value: setting('20:00').body, conflicts: [] } });
  });
});
