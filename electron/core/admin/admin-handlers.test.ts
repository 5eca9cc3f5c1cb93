import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminRequests, type AdminRequestName } from '../../../shared/admin/admin-contract.js';
import { writeExport as writeExportFile } from './export/exports-dir.js';
import { adminKit, at, STAFF_PIN, value } from './testing/admin-kit.js';


/** An export already in the exports folder, for the save-as request. */
const KIT_EXPORT = 'kit-export.csv';

/** A valid request of every admin kind, for the given session. */
function everyRequest(sessionId: string): { [K in AdminRequestName]: unknown } {
  return {
    adminLogOptions: { sessionId },
    adminLog: { sessionId, filter: {} },
    adminRefused: { sessionId, filter: {} },
    adminToday: { sessionId },
    adminTabel: { sessionId, groupId: 'g1', month: '2026-12', language: 'kk' },
    adminExportTabel: { sessionId, groupId: 'g1', month: '2026-12', format: 'csv', language: 'ru' },
    adminExportAct: { sessionId, month: '2026-12', format: 'xlsx', language: 'kk' },
    adminExportWholeTabel: { sessionId, month: '2026-12', format: 'xlsx', language: 'kk' },
    adminTransfers: { sessionId, month: '2026-12' },
    adminSetTransfer: { sessionId, date: '2026-12-31', kind: 'day-off' },
    adminQrCardHolders: { sessionId },
    adminPrintQrCards: { sessionId, companionIds: ['nurlan'], language: 'kk' },
    adminSettings: { sessionId },
    adminSetSettings: { sessionId, change: { unexcusedDaysPerMonth: 4 } },
    adminDoorSettings: { sessionId },
    adminMealSettings: { sessionId },
    adminSetMealSettings: { sessionId, change: { mealFeeTengePerDay: 900 } },
    adminExportMealInvoices: { sessionId, month: '2026-12', format: 'xlsx', language: 'ru' },
    adminSaveExport: { sessionId, fileName: KIT_EXPORT },
    adminSetDoorSettings: { sessionId, change: { sound: 'off' } },
    adminCardsInfo: { sessionId },
    adminFindCompanions: { sessionId, query: 'елена' },
    adminCompanionCards: { sessionId, companionId: 'elena' },
    adminEnrolCard: { sessionId, companionId: 'elena', raw: '0004512400', source: 'keyboard-wedge' },
    adminRevokeCard: { sessionId, credentialId: 'cr-elena', reason: 'Lost' },
    adminArchive: { sessionId },
    adminRoster: { sessionId },
    adminEditRoster: { sessionId, changes: [{ kind: 'link-removed', companionId: 'elena', childId: 'no-such-child' }] },
    adminArchiveYear: { sessionId, year: 2020, pin: '2468' },
    adminVerifyArchive: { sessionId, year: 2020 },
    adminClock: { sessionId },
    adminSetTimeZone: { sessionId, zone: 'Asia/Almaty' },
    adminRosterImportInfo: { sessionId },
    adminRosterSpreadsheet: { sessionId, language: 'kk', filled: true },
    adminRosterImportBegin: { sessionId, fileName: 'roster.xlsx', bytes: 10 },
    adminRosterImportChunk: { sessionId, uploadId: randomUUID(), offset: 0, data: 'AAAA' },
    adminRosterImportPreview: { sessionId, uploadId: randomUUID(), skipProblemRows: false },
    adminRosterImportApply: {
      sessionId,
      uploadId: randomUUID(),
      skipProblemRows: false,
      expected: Object.fromEntries(['groups', 'children', 'companions', 'cards', 'links'].map((k) => [k, { added: 0, changed: 0, removed: 0 }])),
    },
    adminKioskShell: { sessionId },
    adminLeaveKiosk: { sessionId, pin: '2468' },
    adminSetStartAtLogin: { sessionId, on: false },
    adminNeverCome: { sessionId },
  };
}

describe('the admin requests', () => {
  it('refuse a staff member who is not an admin, and every session that is not live', async () => {
    const kit = adminKit();
    const staffSession = await kit.signIn('duty', STAFF_PIN);
    const ended = await kit.signIn();
    kit.staff.signOut(ended, 'button');
    const names = Object.keys(adminRequests) as AdminRequestName[];
    expect(names).toHaveLength(42);
    for (const [sessionId, code] of [
      [staffSession, 'STAFF_FORBIDDEN'],
      [ended, 'STAFF_SESSION_ENDED'],
      [randomUUID(), 'STAFF_SESSION_ENDED'],
    ] as const) {
      const requests = everyRequest(sessionId);
      for (const name of names) {
        const result = await kit.call(name, requests[name]);
        expect(result.ok, `${name} with ${code}`).toBe(false);
        if (!result.ok) expect(result.error.code, name).toBe(code);
      }
    }
    // Nothing was written by the refused requests.
    expect(kit.db.prepare('SELECT count(*) AS n FROM calendar_transfers').get()).toEqual({ n: 0 });
    expect(kit.settings.get('unexcusedDaysPerMonth')).toBe(3);
    expect(kit.db.prepare('SELECT count(*) AS n FROM admin_audit').get()).toEqual({ n: 0 });
    expect(kit.db.prepare('SELECT count(*) AS n FROM credential_changes').get()).toEqual({ n: 0 });
    // An idle admin session ends too, after the console's own limit (the head reads for minutes without a request).
    const admin = await kit.signIn();
    kit.clock.advance(kit.settings.get('staffIdleSeconds') * 1000 + 1);
    expect(kit.call('adminToday', { sessionId: admin }).ok).toBe(true);
    kit.clock.advance(kit.settings.get('consoleIdleSeconds') * 1000 + 1);
    const late = kit.call('adminToday', { sessionId: admin });
    expect(late.ok ? 'ok' : late.error.code).toBe('STAFF_SESSION_ENDED');
  });

  it('answers an admin', async () => {
    const kit = adminKit();
    writeExportFile(kit.dataDir, KIT_EXPORT, Buffer.from('a;b\n'));
    const sessionId = await kit.signIn();
    const requests = everyRequest(sessionId);
    // With no history, there is no year to archive: those two answer their coded refusal.
    // A roster file never announced is unknown.
    const refusedWithoutHistory: Partial<Record<AdminRequestName, string>> = {
      adminArchiveYear: 'ARCHIVE_YEAR_NOT_DUE',
      adminVerifyArchive: 'ARCHIVE_UNKNOWN_YEAR',
      adminRosterImportChunk: 'ROSTER_UPLOAD_UNKNOWN',
      adminRosterImportPreview: 'ROSTER_UPLOAD_UNKNOWN',
      adminRosterImportApply: 'ROSTER_UPLOAD_UNKNOWN',
    };
    for (const name of Object.keys(adminRequests) as AdminRequestName[]) {
      const result = await kit.call(name, requests[name]);
      const refusal = refusedWithoutHistory[name];
      if (refusal !== undefined) {
        expect(result.ok ? 'ok' : result.error.code, name).toBe(refusal);
        continue;
      }
      expect(result.ok, name).toBe(true);
      // What the core answers is what the contract promises the UI.
      if (result.ok) expect(adminRequests[name].result.safeParse(result.value).success, name).toBe(true);
    }
    expect(value(kit.call('adminLogOptions', { sessionId }))).toEqual({
      groups: [
        { id: 'g1', name: 'Балапан' },
        { id: 'g2', name: 'Жұлдыз' },
      ],
      staff: [
        { id: 'duty', name: 'Айгерім Омарова' },
        { id: 'head', name: 'Жанна Сейітова' },
      ],
    });
    const tabel = kit.call('adminTabel', { sessionId, groupId: 'nope', month: '2026-12', language: 'kk' });
    expect(tabel.ok ? 'ok' : tabel.error.code).toBe('INVALID_REQUEST');
  });

  it("changes the kiosk's rules, each change on record, within the stores' bounds", async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    expect(value(kit.call('adminSettings', { sessionId }))).toEqual({
      autoConfirmSeconds: 5,
      repeatWindowSeconds: 10,
      departureGuardMinutes: 30,
      staffIdleSeconds: 60,
      consoleIdleSeconds: 600,
      staffSignInMode: 'name-or-card',
      headcountCutOff: '09:00',
      closingTime: '19:00',
      collectCheckFrom: '15:00',
      summerHolidayDays: 31,
      winterHolidayDays: 31,
      sickDaysWithoutCertificate: 3,
      returnCheckAfterDays: 5,
      neverComeAfterDays: 10,
      unexcusedDaysPerMonth: 3,
      outboxKeepSentDays: 30,
      perCapitaNormTenge: 41197,
      actEarnedRule: 'attended',
      actCountedReasons: [],
    });
    const after = value(kit.call('adminSetSettings', { sessionId, change: { unexcusedDaysPerMonth: 5, headcountCutOff: '09:30', autoConfirmSeconds: 5, outboxKeepSentDays: 90 } }));
    expect(after).toMatchObject({ unexcusedDaysPerMonth: 5, headcountCutOff: '09:30', autoConfirmSeconds: 5, outboxKeepSentDays: 90 });
    // The outbox pruning reads the same key.
    expect(kit.settings.get('outboxKeepSentDays')).toBe(90);
    // The stores the door and the staff desk read say the same.
    expect(kit.settings.get('headcountCutOff')).toBe('09:30');
    const audit = kit.db.prepare<[], { action: string; staff_id: string; detail: string }>('SELECT action, staff_id, detail FROM admin_audit').all();
    expect(audit.map((a) => ({ ...a, detail: JSON.parse(a.detail) as unknown }))).toEqual([
      {
        action: 'settings-changed',
        staff_id: 'head',
        // An unchanged value (autoConfirmSeconds) is not on record.
        detail: { headcountCutOff: { from: '09:00', to: '09:30' }, unexcusedDaysPerMonth: { from: 3, to: 5 }, outboxKeepSentDays: { from: 30, to: 90 } },
      },
    ]);
    for (const change of [{ staffIdleSeconds: 1 }, { consoleIdleSeconds: 30 }, { departureGuardMinutes: -1 }, { departureGuardMinutes: 241 }, { closingTime: '25:00' }, { staffSignInMode: 'anyone' }, { outboxKeepSentDays: 0 }, { pepper: 'x' }]) {
      expect(adminRequests.adminSetSettings.args.safeParse({ sessionId, change }).success, JSON.stringify(change)).toBe(false);
    }
  });

  it('changes the departure guard and the console idle limit, on record, and the door and the sessions read them', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    expect(value(kit.call('adminSetSettings', { sessionId, change: { departureGuardMinutes: 45, consoleIdleSeconds: 900 } }))).toMatchObject({
      departureGuardMinutes: 45,
      consoleIdleSeconds: 900,
    });
    // The door's guard reads the same key.
    expect(kit.settings.get('departureGuardMinutes')).toBe(45);
    const audit = kit.db.prepare<[], { detail: string }>("SELECT detail FROM admin_audit WHERE action = 'settings-changed'").all();
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ departureGuardMinutes: { from: 30, to: 45 }, consoleIdleSeconds: { from: 600, to: 900 } }]);
    // The next admin session carries the new limit and lives by it.
    const next = await kit.signIn();
    kit.clock.advance(899_000);
    expect(kit.call('adminToday', { sessionId: next }).ok).toBe(true);
    kit.clock.advance(901_000);
    expect(kit.call('adminToday', { sessionId: next }).ok).toBe(false);
  });

  it("changes the school days away after which a return asks for the doctor's certificate, on record, between 1 and 60", async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    expect(value(kit.call('adminSetSettings', { sessionId, change: { returnCheckAfterDays: 7 } }))).toMatchObject({ returnCheckAfterDays: 7 });
    expect(kit.settings.get('returnCheckAfterDays')).toBe(7);
    const audit = kit.db.prepare<[], { detail: string }>("SELECT detail FROM admin_audit WHERE action = 'settings-changed'").all();
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ returnCheckAfterDays: { from: 5, to: 7 } }]);
    for (const bad of [{ returnCheckAfterDays: 0 }, { returnCheckAfterDays: 61 }]) {
      expect(adminRequests.adminSetSettings.args.safeParse({ sessionId, change: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('changes the school days that list a child as never coming, on record, between 1 and 120', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    expect(value(kit.call('adminSetSettings', { sessionId, change: { neverComeAfterDays: 15 } }))).toMatchObject({ neverComeAfterDays: 15 });
    expect(kit.settings.get('neverComeAfterDays')).toBe(15);
    expect(value(kit.call('adminNeverCome', { sessionId })).afterDays).toBe(15);
    const audit = kit.db.prepare<[], { action: string; staff_id: string; detail: string }>('SELECT action, staff_id, detail FROM admin_audit').all();
    expect(audit.map((a) => ({ ...a, detail: JSON.parse(a.detail) as unknown }))).toEqual([
      { action: 'settings-changed', staff_id: 'head', detail: { neverComeAfterDays: { from: 10, to: 15 } } },
    ]);
    for (const bad of [{ neverComeAfterDays: 0 }, { neverComeAfterDays: 121 }, { neverComeAfterDays: 2.5 }]) {
      expect(adminRequests.adminSetSettings.args.safeParse({ sessionId, change: bad }).success, JSON.stringify(bad)).toBe(false);
    }
    // A staff member may neither change it nor read the list.
    const staffSession = await kit.signIn('duty', STAFF_PIN);
    const refused = kit.call('adminSetSettings', { sessionId: staffSession, change: { neverComeAfterDays: 5 } });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('STAFF_FORBIDDEN');
    const list = kit.call('adminNeverCome', { sessionId: staffSession });
    expect(list.ok ? 'ok' : list.error.code).toBe('STAFF_FORBIDDEN');
    expect(kit.settings.get('neverComeAfterDays')).toBe(15);
  });

  it("changes the act's norm, rule and counted reasons, the same reasons in another order being no change", async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const change = { perCapitaNormTenge: 45000, actEarnedRule: 'enrolled' as const, actCountedReasons: ['vacation' as const, 'sick' as const] };
    expect(value(kit.call('adminSetSettings', { sessionId, change }))).toMatchObject(change);
    value(kit.call('adminSetSettings', { sessionId, change: { actCountedReasons: ['sick', 'vacation'] } }));
    expect(kit.db.prepare("SELECT count(*) AS n FROM admin_audit WHERE action = 'settings-changed'").get()).toEqual({ n: 1 });
    expect(kit.settings.get('actCountedReasons')).toEqual(['vacation', 'sick']);
    for (const bad of [{ perCapitaNormTenge: -1 }, { perCapitaNormTenge: 1.5 }, { actEarnedRule: 'guess' }, { actCountedReasons: ['family'] }, { actCountedReasons: ['sick', 'sick'] }]) {
      expect(adminRequests.adminSetSettings.args.safeParse({ sessionId, change: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("shows today: the headcount now, who is in since when, today's overrides and refused attempts", async () => {
    const kit = adminKit('2027-01-05T05:00:00.000Z');
    const duty = kit.accounts.member('duty');
    if (!duty) throw new Error('no duty');
    kit.event('alikhan', 'arrival', '2027-01-05T08:02:00.000+05:00');
    kit.event('alisa', 'arrival', '2027-01-05T08:15:00.000+05:00');
    kit.event('alisa', 'departure', '2027-01-05T09:40:00.000+05:00');
    kit.event('ayaru', 'arrival', '2027-01-04T08:00:00.000+05:00');
    value(kit.staff.override(duty, { childId: 'inzhu', kind: 'arrival', reason: 'no-phone', companionId: 'nurlan' }, at('2027-01-05T08:20:00.000+05:00')));
    kit.refused.record('rfid', '9999999', 'unknown-card', at('2027-01-05T08:30:00.000+05:00'));
    kit.refused.record('rfid', '9999999', 'unknown-card', at('2027-01-04T08:30:00.000+05:00'));
    const today = value(kit.call('adminToday', { sessionId: await kit.signIn() }));
    expect(today.localDate).toBe('2027-01-05');
    expect(today.groups.map((g) => [g.groupName, g.present, g.enrolled])).toEqual([
      ['Балапан', 1, 3],
      ['Жұлдыз', 1, 2],
    ]);
    expect(today.present.map((p) => [p.firstName, p.groupName, p.since])).toEqual([
      ['Әлихан', 'Балапан', '08:02'],
      ['Інжу', 'Жұлдыз', '08:20'],
    ]);
    expect(today.overrides).toMatchObject([{ child: { firstName: 'Інжу' }, override: { reason: 'no-phone' }, staff: { name: 'Айгерім Омарова' } }]);
    expect(today.refused).toMatchObject([{ presented: '9999999', reason: 'unknown-card', at: '08:30' }]);
  });
});
