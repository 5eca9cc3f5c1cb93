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
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toEqual({ step: 'admin', before: { language: 'ru', name: 'Детский сад № 7 «Балапан»', timeZone: 'Asia/Almaty' } });

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
