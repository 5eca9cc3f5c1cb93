// The staff registers between two real staff machines (docs/peers.md §6): a PIN changed at A signs in at B, two PINs
// set apart end as the later on both whatever the order, a lock wins over an unlock made apart, and a page taken in
// again changes nothing.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importPage } from '../peers/record-import.js';
import { context, converge, machine, pageFor, pair, sync, type Machine } from './testing/peer-machines.js';
import { value } from './testing/staff-kit.js';

const pins = (db: Database) => db.prepare('SELECT staff_id, hash, salt, params, locked_until_ms FROM staff_pins ORDER BY staff_id').all();

async function setPin(m: Machine, staffId: string, pin: string): Promise<void> {
  const sessionId = await m.signIn('staff-admin', '2468');
  expect(value(await m.call('staffSetPin', { sessionId, staffId, pin }))).toEqual({ outcome: 'set' });
}

describe('staff registers between machines', () => {
  it('lets a PIN changed at A sign in at B, and tells B whose PIN changed', async () => {
    const a = machine(0x31);
    const b = machine(0x32);
    pair(a, b);
    converge(a, b);
    await setPin(a, 'staff-nurse', '8642');
    const imported = sync(a, b);
    expect(imported.staff).toContain('staff-nurse');
    expect(await b.signIn('staff-nurse', '8642')).toEqual(expect.any(String));
    expect(pins(b.db)).toEqual(pins(a.db));
    // The same page again: nothing stored, nothing changed.
    expect(importPage(b.db, pageFor(a), context(b))).toMatchObject({ ok: true, stored: 0 });
    expect(pins(b.db)).toEqual(pins(a.db));
  });

  it.each([
    ['A first', true],
    ['B first', false],
  ])('ends two PINs set apart as the later on both machines (%s)', async (_name, aFirst) => {
    const a = machine(0x33);
    const b = machine(0x34);
    pair(a, b);
    converge(a, b);
    await setPin(a, 'staff-nurse', '8642');
    b.clock.advance(60_000);
    await setPin(b, 'staff-nurse', '9753');
    if (aFirst) converge(a, b);
    else converge(b, a);
    expect(pins(a.db)).toEqual(pins(b.db));
    expect(await a.signIn('staff-nurse', '9753')).toEqual(expect.any(String));
  });

  it('keeps a lock made at A over an unlock made apart at B', async () => {
    const a = machine(0x35);
    const b = machine(0x36);
    pair(a, b);
    // Locked once at A, and the lock known at B.
    for (let i = 0; i < 5; i++) expect(value(await a.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-nurse' }, pin: '0000' })).outcome).not.toBe('signed-in');
    converge(a, b);
    const firstLock = (pins(b.db) as { staff_id: string; locked_until_ms: number | null }[]).find((p) => p.staff_id === 'staff-nurse')?.locked_until_ms;
    expect(firstLock).toEqual(expect.any(Number));
    // Apart: B's admin unlocks; A's lock runs out and the guesser locks it again.
    value(b.call('staffUnlock', { sessionId: await b.signIn('staff-admin', '2468'), staffId: 'staff-nurse' }));
    a.clock.advance(61_000);
    for (let i = 0; i < 5; i++) await a.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-nurse' }, pin: '0000' });
    converge(a, b);
    const locks = (m: Machine) => (pins(m.db) as { staff_id: string; locked_until_ms: number | null }[]).find((p) => p.staff_id === 'staff-nurse')?.locked_until_ms;
    expect(locks(a)).toEqual(expect.any(Number));
    expect(locks(b)).toBe(locks(a));
    expect(b.db.prepare("SELECT rule FROM peer_conflicts WHERE entity = 'staff-lock'").pluck().all()).toContain('lock-wins');
  });
});
