// "This computer is… the door / the office" (docs/peers.md §2) through KioskApi on real files: asked at the first run
// and kept, audited once its admin exists, refused after the first run; changed later from the console with the
// admin's PIN again, on record as machine-role-set.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { tempDataDir } from '../testing/fixtures.js';
import { auditRows, firstAdmin, readyOf, startCore, value } from './testing/setup-kit.js';

describe('the role asked at the first run', () => {
  it('is stored, leaves the readers out of an office\'s steps, and is kept across a restart', async () => {
    const dataDir = tempDataDir();
    const core = startCore(dataDir, false);
    expect(readyOf(core).machineRole).toBe('door');
    value(core.handlers.setupSetLanguage({ language: 'kk' }));
    const view = value(core.handlers.setupSetRole({ machineRole: 'office' }));
    expect(view.machineRole).toBe('office');
    expect(view.steps.map((s) => s.step)).toEqual(['language', 'role', 'name', 'timeZone', 'admin', 'roster', 'checklist']);
    expect(view.steps.find((s) => s.step === 'role')?.done).toBe(true);
    expect(readyOf(core).machineRole).toBe('office');
    // Before the first admin nobody is there to put it under: the admin's creation records it with the rest.
    expect(auditRows(core.databasePath)).toEqual([]);
    const sessionId = await firstAdmin(core);
    const [created] = auditRows(core.databasePath);
    expect(JSON.parse(created?.detail ?? '{}')).toMatchObject({ step: 'admin', before: { machineRole: 'office' } });

    // From now on the step is the admin's, audited under their name.
    expect(core.handlers.setupSetRole({ machineRole: 'door' })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    expect(value(core.handlers.setupSetRole({ sessionId, machineRole: 'door' })).steps.map((s) => s.step)).toContain('readers');
    value(core.handlers.setupSetRole({ sessionId, machineRole: 'office' }));
    expect(auditRows(core.databasePath).slice(1).map((r) => [r.action, JSON.parse(r.detail) as unknown])).toEqual([
      ['setup-step', { step: 'role', machineRole: 'door' }],
      ['setup-step', { step: 'role', machineRole: 'office' }],
    ]);

    // Finished, the step no longer changes it: that is the console's This computer page, with the PIN again.
    value(core.handlers.setupChooseOwn({ sessionId }));
    value(core.handlers.setupFinish({ sessionId }));
    const admin = auditRows(core.databasePath)[0]?.staff_id ?? '';
    const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: admin }, pin: '864213' }));
    if (signedIn.outcome !== 'signed-in') throw new Error('the admin could not sign in');
    expect(core.handlers.setupSetRole({ sessionId: signedIn.session.sessionId, machineRole: 'door' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });

    core.close();
    await core.closed();
    const again = startCore(dataDir, false);
    expect(readyOf(again)).toMatchObject({ machineRole: 'office', setup: false });
  });

  it('is taken as answered, a door, on a kiosk set up before the question', async () => {
    const dataDir = tempDataDir();
    const first = startCore(dataDir, false);
    const sessionId = await firstAdmin(first);
    value(first.handlers.setupSetName({ sessionId, name: 'Ақбота' }));
    value(first.handlers.setupFinish({ sessionId }));
    first.close();
    await first.closed();
    // What an earlier version stored: no roleChosen, no machineRole.
    const db = openDatabase(`${dataDir}/esik.sqlite`);
    db.prepare("UPDATE settings SET value = ? WHERE key = 'firstRunSetup'").run(JSON.stringify({ languageChosen: true, timeZone: 'Asia/Almaty', roster: 'own', readerTest: null, cameraTest: null, finished: true }));
    db.prepare("DELETE FROM settings WHERE key = 'machineRole'").run();
    db.close();
    const core = startCore(dataDir, false);
    const view = value(core.handlers.setupStatus({}));
    expect(view).toMatchObject({ needed: false, machineRole: 'door' });
    expect(view.steps.find((s) => s.step === 'role')?.done).toBe(true);
  });
});

describe('the role changed from the console', () => {
  it('asks the admin\'s PIN again, records machine-role-set with what it was, and records nothing for the same role', async () => {
    const core = startCore(tempDataDir(), true);
    const signIn = async (staffId: string, pin: string) => {
      const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin }));
      if (signedIn.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in`);
      return signedIn.session.sessionId;
    };
    const roleSets = () => auditRows(core.databasePath).filter((r) => r.action === 'machine-role-set');

    // Not for staff who are not admins.
    const nurse = await signIn('staff-nurse', '1357');
    expect(await core.handlers.adminSetMachineRole({ sessionId: nurse, pin: '1357', machineRole: 'office' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });

    const sessionId = await signIn('staff-admin', '2468');
    expect(value(await core.handlers.adminSetMachineRole({ sessionId, pin: '1111', machineRole: 'office' }))).toMatchObject({ outcome: 'wrong-pin' });
    expect(readyOf(core).machineRole).toBe('door');
    expect(roleSets()).toEqual([]);

    expect(value(await core.handlers.adminSetMachineRole({ sessionId, pin: '2468', machineRole: 'office' }))).toEqual({ outcome: 'set', machineRole: 'office' });
    expect(readyOf(core).machineRole).toBe('office');
    expect(value(await core.handlers.adminSetMachineRole({ sessionId, pin: '2468', machineRole: 'office' }))).toEqual({ outcome: 'set', machineRole: 'office' });
    expect(value(await core.handlers.adminSetMachineRole({ sessionId, pin: '2468', machineRole: 'door' }))).toEqual({ outcome: 'set', machineRole: 'door' });
    expect(roleSets().map((r) => [r.staff_id, JSON.parse(r.detail) as unknown])).toEqual([
      ['staff-admin', { from: 'door', to: 'office' }],
      ['staff-admin', { from: 'office', to: 'door' }],
    ]);

    // The stored value itself: a door-only setting in the settings table, never anything else.
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'machineRole'").pluck().get()).toBe('"door"');
    db.close();
  });
});
