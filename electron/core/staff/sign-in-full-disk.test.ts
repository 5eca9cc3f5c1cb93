// A full disk (a real SQLITE_FULL: the database may not grow by a page) must not keep staff from signing in and
// seeing who is inside — the manual check-in is what is left when the door cannot record — nor open the door to
// guessing: the wrong-PIN lock holds from memory, and every attempt is written once the disk has room again.
import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { StaffAudit } from '../ledger/staff-audit.js';
import { FILLER_SUBJECT, fillDatabase } from './testing/filled-database.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

type Kit = ReturnType<typeof staffKit>;

const trail = (kit: Kit) =>
  kit.read<{ action: string; staff_id: string; detail: string }>(
    `SELECT action, staff_id, detail FROM staff_audit WHERE subject_id IS NOT '${FILLER_SUBJECT}' ORDER BY occurred_ms, id`,
  );

describe('staff sign-in on a full disk', () => {
  it('signs in with the right PIN and shows who is inside, though nothing can be written', async () => {
    const kit = staffKit();
    expect(value(kit.checkin.identifyCard(demoCards.motherOneChild)).kind).toBe('recorded');
    fillDatabase(kit.db);
    expect(() => new StaffAudit(kit.db).record('sign-in', 'staff-duty', kit.desk.now())).toThrow(/full/);

    const signedIn = value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin: '1234' }));
    if (signedIn.outcome !== 'signed-in') throw new Error(`expected a sign-in, got ${signedIn.outcome}`);
    const { sessionId } = signedIn.session;

    const { live } = value(kit.call('staffHeadcount', { sessionId }));
    expect(live.groups.flatMap((g) => g.presentNames)).toEqual([expect.stringMatching(/^Алиса /)]);
    const alisa = value(kit.call('staffChildDetail', { sessionId, childId: demoChildren.alisa }));
    expect(alisa.child.state).toBe('present');
    expect(value(kit.call('staffChildren', { sessionId, groupId: alisa.child.groupId })).children.find((c) => c.id === demoChildren.alisa)?.state).toBe('present');
    expect(kit.desk.heldWhileDiskFull()).toEqual({ locks: 0, auditRows: 1 });
  });

  it('still locks after five wrong PINs, and writes every attempt and the lock once the disk has room', async () => {
    const kit = staffKit();
    const giveRoom = fillDatabase(kit.db);
    const before = trail(kit).length;
    const attempt = async (pin: string) => value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-nurse' }, pin }));
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await attempt('0000')).outcome);
    expect(outcomes).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
    // The lock lives in memory only, and holds: the right PIN is refused unchecked.
    expect(await attempt('1357')).toEqual({ outcome: 'locked', until: '08:11' });
    expect(trail(kit)).toHaveLength(before);
    expect(kit.read('SELECT lock_count, locked_until_ms FROM staff_pins WHERE staff_id = ?', 'staff-nurse')).toEqual([{ lock_count: 0, locked_until_ms: null }]);

    giveRoom();
    kit.desk.tick();
    expect(kit.desk.heldWhileDiskFull()).toEqual({ locks: 0, auditRows: 0 });
    const written = trail(kit).slice(before);
    expect(written.map((r) => [r.action, (JSON.parse(r.detail) as { why?: string }).why])).toEqual([
      ...Array.from({ length: 5 }, () => ['sign-in-failed', 'wrong-pin']),
      ['account-locked', 'wrong-pin'],
      ['sign-in-failed', 'locked'],
    ]);
    const [pins] = kit.read<{ lock_count: number; locked_until_ms: number }>('SELECT lock_count, locked_until_ms FROM staff_pins WHERE staff_id = ?', 'staff-nurse');
    expect(pins?.lock_count).toBe(1);
    expect(pins?.locked_until_ms).toBe(kit.clock.now().getTime() + 60_000);
  });
});
