import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoStaffCard } from './demo-staff.js';
import { SECRETS_FOLDER } from '../files/secret-store.js';
import { staffKit, value } from './testing/staff-kit.js';

type Audit = { action: string; staff_id: string | null; detail: string };

describe('staff sign-in', () => {
  it('signs in by name and PIN, and records who signed in', async () => {
    const kit = staffKit();
    const outcome = value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-nurse' }, pin: '1357' }));
    expect(outcome).toMatchObject({ outcome: 'signed-in', session: { staff: { id: 'staff-nurse', firstName: 'Раиса', role: 'staff' }, idleSeconds: 60 } });
    expect(kit.read<Audit>('SELECT action, staff_id FROM staff_audit')).toEqual([{ action: 'sign-in', staff_id: 'staff-nurse' }]);
  });

  it('signs in with the staff card and PIN', async () => {
    const kit = staffKit();
    const outcome = value(await kit.call('staffSignIn', { who: { kind: 'card', raw: `${demoStaffCard.card}\r`, source: 'keyboard-wedge' }, pin: '1234' }));
    expect(outcome).toMatchObject({ outcome: 'signed-in', session: { staff: { id: 'staff-duty' } } });
  });

  it("refuses a companion's card and logs the attempt without a staff member", async () => {
    const kit = staffKit();
    expect(value(await kit.call('staffSignIn', { who: { kind: 'card', raw: '0004512345', source: 'keyboard-wedge' }, pin: '1234' }))).toEqual({ outcome: 'unknown' });
    expect(kit.read<Audit>('SELECT action, staff_id, detail FROM staff_audit')).toEqual([
      { action: 'sign-in-failed', staff_id: null, detail: JSON.stringify({ why: 'unknown-card', card: '4512345' }) },
    ]);
  });

  it('never stores the PIN: only a 32-byte scrypt hash keyed with the pepper kept in the secret store (0600)', () => {
    const kit = staffKit();
    const rows = kit.read<{ hash: Buffer; salt: Buffer; params: string }>('SELECT hash, salt, params FROM staff_pins');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.hash).toHaveLength(32);
      expect(row.params).toBe('scrypt:N=16384,r=8,p=1');
      expect(row.hash.toString('latin1')).not.toContain('1234');
    }
    // Two staff with PINs never share a salt.
    expect(new Set(rows.map((r) => r.salt.toString('hex'))).size).toBe(3);
    if (process.platform !== 'win32') expect(statSync(join(kit.dataDir, SECRETS_FOLDER, 'pin-pepper')).mode & 0o777).toBe(0o600);
  });

  it('locks after five wrong PINs for a minute, logs every failure and the lock, and refuses even the right PIN meanwhile', async () => {
    const kit = staffKit();
    const attempt = async (pin: string) => value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin }));
    const firstFour = [];
    for (let i = 0; i < 4; i++) firstFour.push(await attempt('0000'));
    expect(firstFour).toEqual([4, 3, 2, 1].map((attemptsLeft) => ({ outcome: 'wrong-pin', attemptsLeft })));
    expect(await attempt('0000')).toEqual({ outcome: 'locked', until: '08:11' });
    expect(await attempt('1234')).toEqual({ outcome: 'locked', until: '08:11' });
    const audit = kit.read<Audit>('SELECT action, staff_id, detail FROM staff_audit ORDER BY occurred_ms, id');
    expect(audit.map((a) => a.action)).toEqual([...Array<string>(5).fill('sign-in-failed'), 'account-locked', 'sign-in-failed']);
    expect(JSON.parse(audit[5]!.detail)).toMatchObject({ lockSeconds: 60, lockNumber: 1 });
    expect(JSON.parse(audit[6]!.detail)).toMatchObject({ why: 'locked' });

    kit.clock.advance(61_000);
    expect(await attempt('1234')).toMatchObject({ outcome: 'signed-in' });
  });

  it('doubles the lock each time until a right PIN clears it', async () => {
    const kit = staffKit();
    const attempt = async (pin: string) => value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin }));
    const lockOnce = async () => {
      for (let i = 0; i < 4; i++) await attempt('9999');
      return await attempt('9999');
    };
    expect(await lockOnce()).toEqual({ outcome: 'locked', until: '08:11' });
    kit.clock.advance(61_000);
    expect(await lockOnce()).toEqual({ outcome: 'locked', until: '08:13' });
    kit.clock.advance(121_000);
    expect(await lockOnce()).toEqual({ outcome: 'locked', until: '08:17' });
    kit.clock.advance(241_000);
    expect(await attempt('1234')).toMatchObject({ outcome: 'signed-in' });
    // After a good PIN the next lock is a minute again.
    expect(await lockOnce()).toEqual({ outcome: 'locked', until: '08:18' });
    const locks = kit.read<Audit>(`SELECT detail FROM staff_audit WHERE action = 'account-locked' ORDER BY occurred_ms`).map((a) => JSON.parse(a.detail) as { lockSeconds: number });
    expect(locks.map((l) => l.lockSeconds)).toEqual([60, 120, 240, 60]);
  });

  it('in card-only mode refuses a sign-in by name', async () => {
    const kit = staffKit();
    kit.settings.set('staffSignInMode', 'card-only');
    expect(value(kit.call('staffSignInOptions', {}))).toEqual({ mode: 'card-only', staff: [], needsFirstAdmin: false });
    expect(value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-duty' }, pin: '1234' }))).toEqual({ outcome: 'unknown' });
  });

  it('lists the staff with PINs for the name buttons', () => {
    const kit = staffKit();
    const options = value(kit.call('staffSignInOptions', {}));
    expect(options.staff.map((s) => [s.firstName, s.role])).toEqual([
      ['Жанна', 'admin'],
      ['Айгерім', 'staff'],
      ['Раиса', 'staff'],
    ]);
  });
});

describe('staff sessions', () => {
  it('end after the idle time, with a timeout on record, and refuse further requests', async () => {
    const kit = staffKit();
    kit.settings.set('staffIdleSeconds', 30);
    const sessionId = await kit.signIn();
    kit.clock.advance(29_000);
    expect(kit.call('staffGroups', { sessionId }).ok).toBe(true);
    // Each request restarts the idle time.
    kit.clock.advance(29_000);
    expect(kit.call('staffGroups', { sessionId }).ok).toBe(true);
    kit.clock.advance(31_000);
    expect(kit.call('staffGroups', { sessionId })).toEqual({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    expect(kit.read<Audit>('SELECT action FROM staff_audit ORDER BY occurred_ms, id').map((a) => a.action)).toEqual(['sign-in', 'session-timeout']);
  });

  it('stay open while the screen is in use without other requests (the keep-alive)', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    for (let i = 0; i < 3; i++) {
      kit.clock.advance(50_000);
      expect(kit.call('staffKeepAlive', { sessionId })).toEqual({ ok: true, value: {} });
    }
    kit.desk.tick();
    expect(kit.call('staffGroups', { sessionId }).ok).toBe(true);
  });

  it('are ended by the clock-driven job too, so an abandoned session is on record without another request', async () => {
    const kit = staffKit();
    await kit.signIn();
    kit.clock.advance(61_000);
    kit.desk.tick();
    expect(kit.read<Audit>(`SELECT action, staff_id FROM staff_audit WHERE action = 'session-timeout'`)).toEqual([{ action: 'session-timeout', staff_id: 'staff-duty' }]);
  });

  it("of an admin last the console's limit, while staff keep the door's, and the clock-driven job ends each by its own", async () => {
    const kit = staffKit();
    const admin = await kit.desk.signIn({ kind: 'staff', staffId: 'staff-admin' }, '2468');
    const duty = await kit.desk.signIn({ kind: 'staff', staffId: 'staff-duty' }, '1234');
    if (admin.outcome !== 'signed-in' || duty.outcome !== 'signed-in') throw new Error('sign-in failed');
    expect(admin.session).toMatchObject({ idleSeconds: 60, consoleIdleSeconds: 600 });
    expect(duty.session).toMatchObject({ idleSeconds: 60, consoleIdleSeconds: null });
    kit.clock.advance(61_000);
    kit.desk.tick();
    expect(kit.call('staffGroups', { sessionId: duty.session.sessionId }).ok).toBe(false);
    expect(kit.call('staffGroups', { sessionId: admin.session.sessionId }).ok).toBe(true);
    kit.clock.advance(601_000);
    kit.desk.tick();
    expect(kit.call('staffGroups', { sessionId: admin.session.sessionId }).ok).toBe(false);
    expect(kit.read<Audit>(`SELECT staff_id FROM staff_audit WHERE action = 'session-timeout' ORDER BY occurred_ms`).map((a) => a.staff_id)).toEqual(['staff-duty', 'staff-admin']);
  });

  it('end with the button and log the sign-out once', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    kit.call('staffSignOut', { sessionId, why: 'button' });
    kit.call('staffSignOut', { sessionId, why: 'idle' });
    expect(kit.read<Audit>('SELECT action FROM staff_audit ORDER BY occurred_ms, id').map((a) => a.action)).toEqual(['sign-in', 'sign-out']);
    expect(kit.call('staffGroups', { sessionId }).ok).toBe(false);
  });
});

describe('the first admin', () => {
  it('is created only while no admin has a PIN, and signed in at once', async () => {
    const kit = staffKit();
    kit.db.prepare(`DELETE FROM staff_pins WHERE staff_id = 'staff-admin'`).run();
    expect(value(kit.call('staffSignInOptions', {})).needsFirstAdmin).toBe(true);
    const created = value(await kit.call('staffCreateFirstAdmin', { firstName: 'Гүлмира', lastName: 'Ахметова', pin: '864213' }));
    if (created.outcome !== 'created') throw new Error(`expected the first admin created, got ${created.outcome}`);
    const { session } = created;
    expect(session.staff).toMatchObject({ firstName: 'Гүлмира', role: 'admin' });
    expect(await kit.call('staffCreateFirstAdmin', { firstName: 'Екінші', lastName: 'Әкімші', pin: '1111' })).toEqual({ ok: false, error: { code: 'STAFF_SETUP_DONE' } });
    expect(value(await kit.call('staffSignIn', { who: { kind: 'staff', staffId: session.staff.id }, pin: '864213' })).outcome).toBe('signed-in');
  });

  it.each([
    ['5555', 'repeat'],
    ['1212', 'repeat'],
    ['123456', 'sequence'],
  ] as const)('is refused the weak PIN %s (%s): nobody is made, and the setup stays open', async (pin, weakness) => {
    const kit = staffKit();
    kit.db.prepare(`DELETE FROM staff_pins WHERE staff_id = 'staff-admin'`).run();
    expect(value(await kit.call('staffCreateFirstAdmin', { firstName: 'Гүлмира', lastName: 'Ахметова', pin }))).toEqual({ outcome: 'weak', weakness });
    expect(kit.read(`SELECT id FROM staff WHERE first_name = 'Гүлмира'`)).toEqual([]);
    expect(kit.read(`SELECT action FROM staff_audit WHERE action IN ('first-admin-created', 'sign-in')`)).toEqual([]);
    expect(value(kit.call('staffSignInOptions', {})).needsFirstAdmin).toBe(true);
    expect(value(await kit.call('staffCreateFirstAdmin', { firstName: 'Гүлмира', lastName: 'Ахметова', pin: '864213' })).outcome).toBe('created');
  });
});
