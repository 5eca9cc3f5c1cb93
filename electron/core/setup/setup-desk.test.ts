// The first-run setup and "start afresh" through KioskApi, on real files (and a real city on loopback for enrollment).
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import { tempDataDir } from '../testing/fixtures.js';
import { auditRows, firstAdmin, readyOf, startCore, value } from './testing/setup-kit.js';

describe('the first-run setup', () => {
  it('a fresh kiosk without the demo opens on the setup; the steps are kept by the core, audited once the admin exists', async () => {
    const dataDir = tempDataDir();
    const core = startCore(dataDir, false);
    expect(readyOf(core)).toMatchObject({ setup: true, demo: false, kindergartenName: '' });
    expect(value(core.handlers.setupStatus({})).steps.every((s) => !s.done)).toBe(true);

    // Before the first admin: no session needed (there can be none).
    value(core.handlers.setupSetLanguage({ language: 'ru' }));
    value(core.handlers.setupSetRole({ machineRole: 'door' }));
    value(core.handlers.setupSetName({ name: '  Детский сад № 7 «Балапан»  ' }));
    // Validated at the edge (dispatch) and against this machine's zones in the core.
    expect(await dispatch(core.handlers, 'setupSetTimeZone', { timeZone: 'Almaty' }, () => undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(core.handlers.setupSetTimeZone({ timeZone: 'Asia/Nowhere' })).toMatchObject({ ok: false, error: { code: 'SETUP_BAD_TIME_ZONE' } });
    value(core.handlers.setupSetTimeZone({ timeZone: 'Asia/Almaty' }));
    expect(readyOf(core)).toMatchObject({ setup: true, language: 'ru', defaultLanguage: 'ru', kindergartenName: 'Детский сад № 7 «Балапан»' });

    // A weak PIN is refused and makes nobody.
    expect(value(await core.handlers.setupCreateAdmin({ firstName: 'Гүлмира', lastName: 'Ахметова', pin: '1234' }))).toMatchObject({ outcome: 'weak' });
    const sessionId = await firstAdmin(core);

    // From now on every step is the admin's.
    expect(core.handlers.setupSetName({ name: 'Чужой' })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    value(core.handlers.setupSetName({ sessionId, name: 'Детский сад № 7 «Балапан»' }));
    value(core.handlers.setupChooseOwn({ sessionId }));
    expect(core.handlers.setupReaderTest({ sessionId, raw: 'hello', source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'SETUP_NOT_A_CARD' } });
    expect(value(core.handlers.setupReaderTest({ sessionId, raw: '0006762840', source: 'keyboard-wedge' }))).toEqual({ canonical: '6762840', kind: 'em', partial: false, source: 'keyboard-wedge', readerFormat: 'auto' });

    const before = value(core.handlers.setupStatus({}));
    expect(before.steps.filter((s) => !s.done).map((s) => s.step)).toEqual(['checklist']);
    expect(before).toMatchObject({ needed: true, roster: { mode: 'own', enrolled: false, children: 0 }, readerTest: { canonical: '6762840' } });
    const after = value(core.handlers.setupFinish({ sessionId }));
    expect(after).toMatchObject({ needed: false, finished: true });
    expect(readyOf(core).setup).toBe(false);

    const rows = auditRows(core.databasePath);
    expect(rows.map((r) => r.action)).toEqual(['setup-step', 'setup-step', 'setup-step', 'setup-step', 'setup-step']);
    expect(new Set(rows.map((r) => r.staff_id)).size).toBe(1);
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toEqual({ step: 'admin', before: { language: 'ru', machineRole: 'door', name: 'Детский сад № 7 «Балапан»', timeZone: 'Asia/Almaty' } });

    // Kept across a restart: the door opens normally, and a demo shell does not fill this kindergarten with the demo.
    core.close();
    await core.closed();
    const again = startCore(dataDir, true);
    expect(readyOf(again)).toMatchObject({ setup: false, demo: false, kindergartenName: 'Детский сад № 7 «Балапан»' });
  });

  it('reloading mid-setup finds the steps where they were', async () => {
    const dataDir = tempDataDir();
    const core = startCore(dataDir, false);
    value(core.handlers.setupSetLanguage({ language: 'kk' }));
    value(core.handlers.setupSetName({ name: 'Ақбота' }));
    core.close();
    await core.closed();
    const again = startCore(dataDir, false);
    const view = value(again.handlers.setupStatus({}));
    expect(view.steps.map((s) => [s.step, s.done])).toEqual([
      ['language', true],
      ['role', false],
      ['name', true],
      ['timeZone', false],
      ['admin', false],
      ['roster', false],
      ['readers', false],
      ['checklist', false],
    ]);
    expect(readyOf(again).setup).toBe(true);
  });
});

describe('start afresh', () => {
  it('puts the demo aside with the admin PIN again, opens empty with a new device id on the setup, and never makes the demo there again', async () => {
    const dataDir = tempDataDir();
    const core = startCore(dataDir, true);
    const demo = readyOf(core);
    expect(demo).toMatchObject({ demo: true, setup: false });
    const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' }));
    if (signedIn.outcome !== 'signed-in') throw new Error('demo admin could not sign in');
    const { sessionId } = signedIn.session;

    expect(value(await core.handlers.adminStartAfresh({ sessionId, pin: '9999' }))).toMatchObject({ outcome: 'wrong-pin' });
    expect(readyOf(core)).toMatchObject({ demo: true, deviceId: demo.deviceId });

    const started = value(await core.handlers.adminStartAfresh({ sessionId, pin: '2468' }));
    if (started.outcome !== 'started') throw new Error('not started');
    const fresh = readyOf(core);
    expect(fresh).toMatchObject({ demo: false, setup: true, kindergartenName: '' });
    expect(fresh.deviceId).not.toBe(demo.deviceId);
    // The demo's session went with its records.
    expect(core.handlers.setupChooseOwn({ sessionId })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });

    // Kept, not deleted: the demo's file, with the admin's act in its own trail.
    const folder = join(dataDir, started.setAside);
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['esik.sqlite', 'set-aside.json']));
    const old = new BetterSqlite3(join(folder, 'esik.sqlite'), { readonly: true });
    expect(old.prepare('SELECT demo FROM kindergarten').pluck().get()).toBe(1);
    expect(old.prepare("SELECT staff_id FROM admin_audit WHERE action = 'start-afresh'").pluck().all()).toEqual(['staff-admin']);
    old.close();

    // A shell that asks for the demo (npm start) does not make it again here.
    core.close();
    await core.closed();
    const again = startCore(dataDir, true);
    expect(readyOf(again)).toMatchObject({ demo: false, setup: true, deviceId: fresh.deviceId });
    expect(existsSync(join(dataDir, 'esik.sqlite'))).toBe(true);
  });

  it('is refused on a kindergarten own records', async () => {
    const core = startCore(tempDataDir(), false);
    const sessionId = await firstAdmin(core);
    expect(await core.handlers.adminStartAfresh({ sessionId, pin: '864213' })).toMatchObject({ ok: false, error: { code: 'AFRESH_NOT_DEMO' } });
  });
});

describe('the own roster in the setup', () => {
  it('the setup admin\'s session reaches the roster spreadsheet: the import is allowed and the template is written', async () => {
    const core = startCore(tempDataDir(), false);
    const sessionId = await firstAdmin(core);
    value(core.handlers.setupChooseOwn({ sessionId }));
    expect(value(core.handlers.adminRosterImportInfo({ sessionId }))).toMatchObject({ allowed: true });
    const template = value(await core.handlers.adminRosterSpreadsheet({ sessionId, language: 'kk', filled: false }));
    expect(existsSync(template.path)).toBe(true);
  });
});

describe('the setup revisited from the console', () => {
  it('after the first run every step is the signed-in admin\'s again, audited under their name, and the door stays open', async () => {
    const core = startCore(tempDataDir(), false);
    value(core.handlers.setupSetLanguage({ language: 'kk' }));
    value(core.handlers.setupSetName({ name: 'Ақбота' }));
    value(core.handlers.setupSetTimeZone({ timeZone: 'Asia/Almaty' }));
    const setupSession = await firstAdmin(core);
    value(core.handlers.setupChooseOwn({ sessionId: setupSession }));
    value(core.handlers.setupReaderTest({ sessionId: setupSession, raw: '0006762840', source: 'keyboard-wedge' }));
    value(core.handlers.setupFinish({ sessionId: setupSession }));
    // The setup's own session ended with it: the door opens with nobody signed in.
    expect(core.handlers.staffKeepAlive({ sessionId: setupSession })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    const admin = auditRows(core.databasePath)[0]?.staff_id ?? '';
    const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: admin }, pin: '864213' }));
    if (signedIn.outcome !== 'signed-in') throw new Error('the admin could not sign in');
    const { sessionId } = signedIn.session;
    const finishedRows = auditRows(core.databasePath).length;

    value(core.handlers.setupSetLanguage({ sessionId, language: 'ru' }));
    value(core.handlers.setupSetName({ sessionId, name: 'Детский сад «Ақбота»' }));
    value(core.handlers.setupSetTimeZone({ sessionId, timeZone: 'Asia/Qostanay' }));
    expect(value(core.handlers.setupReaderTest({ sessionId, raw: '4512346', source: 'hid' }))).toMatchObject({ canonical: '4512346', kind: 'em', source: 'hid' });
    // The camera's live test: a problem the camera repeats is kept once; a code read makes it working.
    value(core.handlers.setupCameraTest({ sessionId, outcome: 'noCamera' }));
    value(core.handlers.setupCameraTest({ sessionId, outcome: 'noCamera' }));
    expect(value(core.handlers.setupCameraTest({ sessionId, outcome: 'working' })).cameraTest).toBe('working');
    expect(readyOf(core)).toMatchObject({ setup: false, language: 'ru', kindergartenName: 'Детский сад «Ақбота»' });
    expect(value(core.handlers.setupStatus({}))).toMatchObject({ needed: false, finished: true, timeZone: 'Asia/Qostanay', cameraTest: 'working' });

    const revisits = auditRows(core.databasePath).slice(finishedRows);
    expect(revisits.map((r) => [r.action, (JSON.parse(r.detail) as { step: string }).step])).toEqual([
      ['setup-step', 'language'],
      ['setup-step', 'name'],
      ['setup-step', 'timeZone'],
      ['setup-step', 'readers'],
      ['setup-step', 'camera'],
      ['setup-step', 'camera'],
    ]);
    expect(revisits.every((r) => r.staff_id === admin)).toBe(true);

    // Nobody's session, or one that ended, changes nothing.
    expect(core.handlers.setupSetTimeZone({ timeZone: 'Asia/Almaty' })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    value(core.handlers.staffSignOut({ sessionId, why: 'button' }));
    expect(core.handlers.setupSetName({ sessionId, name: 'Чужой' })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    expect(readyOf(core)).toMatchObject({ kindergartenName: 'Детский сад «Ақбота»' });
  });

  it('is refused to staff who are not admins', async () => {
    const core = startCore(tempDataDir(), true);
    const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-nurse' }, pin: '1357' }));
    if (signedIn.outcome !== 'signed-in') throw new Error('demo nurse could not sign in');
    const { sessionId } = signedIn.session;
    const name = readyOf(core).kindergartenName;
    expect(core.handlers.setupSetName({ sessionId, name: 'Чужой' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(core.handlers.setupSetLanguage({ sessionId, language: 'en' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(core.handlers.setupReaderTest({ sessionId, raw: '0006762840', source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(readyOf(core)).toMatchObject({ kindergartenName: name });
  });
});
