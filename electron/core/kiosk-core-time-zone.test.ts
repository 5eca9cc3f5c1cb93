// The kindergarten's time zone through the whole core: stored from the OS on the first start and kept from then on,
// changed only by an admin (audited), told to the screens in the status, and used for every local day and time.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineTimeZone } from '../../shared/domain/time-zones.js';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { tempDataDir } from './testing/fixtures.js';
import { watchedCore } from './testing/watched-core.js';

const quiet = { log: () => undefined };

async function signIn(core: KioskCore, staffId: string, pin: string): Promise<string> {
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in`);
  return signedIn.value.session.sessionId;
}

/** The kiosk's clock as it runs: no pinned offset, the zone from the setting. */
function kioskClock(startIso: string) {
  let now = Date.parse(startIso);
  return { now: () => new Date(now), set: (iso: string) => (now = Date.parse(iso)) };
}

describe("the kindergarten's time zone", () => {
  it("is the OS's on the first start, stored, and told to the screens", () => {
    const dataDir = tempDataDir();
    const core = new KioskCore({ dataDir, demo: true, ...quiet });
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', timeZone: machineTimeZone() } });
    core.close();
    const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'timeZone'").pluck().get()).toBe(JSON.stringify(machineTimeZone()));
    db.close();
  });

  it('is changed by an admin only, on record, and kept across a restart', async () => {
    const dataDir = tempDataDir();
    const { core, payloads } = watchedCore({ dataDir, demo: true, clock: kioskClock('2026-12-03T04:00:00.000Z'), ...quiet });
    const staff = await signIn(core, 'staff-duty', '1234');
    expect(core.handlers.adminSetTimeZone({ sessionId: staff, zone: 'Asia/Qostanay' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    core.handlers.staffSignOut({ sessionId: staff, why: 'button' });
    const admin = await signIn(core, 'staff-admin', '2468');
    expect(core.handlers.adminSetTimeZone({ sessionId: admin, zone: 'Mars/Olympus_Mons' })).toMatchObject({ ok: false, error: { code: 'TIME_ZONE_UNKNOWN' } });
    const before = machineTimeZone();
    const set = core.handlers.adminSetTimeZone({ sessionId: admin, zone: 'Asia/Qostanay' });
    expect(set).toMatchObject({ ok: true, value: { zone: 'Asia/Qostanay', zoneOffsetMinutes: 300, localNow: '2026-12-03T09:00:00.000+05:00' } });
    expect(payloads('statusChanged').at(-1)).toMatchObject({ timeZone: 'Asia/Qostanay' });
    // The same zone again is no change: nothing more in the audit.
    core.handlers.adminSetTimeZone({ sessionId: admin, zone: 'Asia/Qostanay' });
    core.close();
    const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
    const audit = db.prepare<[], { staff_id: string; detail: string }>("SELECT staff_id, detail FROM admin_audit WHERE action = 'time-zone-set'").all();
    db.close();
    expect(audit).toEqual([{ staff_id: 'staff-admin', detail: JSON.stringify({ from: before, to: 'Asia/Qostanay' }) }]);
    const again = new KioskCore({ dataDir, demo: true, ...quiet });
    expect(again.handlers.getStatus({})).toMatchObject({ value: { timeZone: 'Asia/Qostanay' } });
    again.close();
  });

  it('puts a tap at 23:30 +05 on 29 February 2024 in that day of the табель, and one at 00:30 on 1 March in March', async () => {
    const clock = kioskClock('2024-02-29T10:00:00.000Z');
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock, ...quiet });
    const admin = await signIn(core, 'staff-admin', '2468');
    expect(core.handlers.adminSetTimeZone({ sessionId: admin, zone: 'Asia/Almaty' })).toMatchObject({ ok: true, value: { zoneOffsetMinutes: 360 } });
    // Taps near midnight: the evening pick-up rule (docs/pickup-check.md) is not what is tested here.
    expect(core.handlers.adminSetSettings({ sessionId: admin, change: { collectCheckFrom: null } })).toMatchObject({ ok: true });
    core.handlers.staffSignOut({ sessionId: admin, why: 'button' });
    clock.set('2024-02-29T18:30:00.000Z'); // 23:30 +05, the hour the change repeated
    const first = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    expect(first).toMatchObject({ ok: true, value: { kind: 'recorded', receipt: { entries: [{ kind: 'arrival', at: '23:30' }] } } });
    const childId = first.ok && first.value.kind === 'recorded' ? first.value.receipt.entries[0]?.childId : undefined;
    clock.set('2024-02-29T19:30:00.000Z'); // 00:30 +05 on 1 March: a new day, so an arrival again
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({
      value: { kind: 'recorded', receipt: { entries: [{ kind: 'arrival', at: '00:30' }] } },
    });
    clock.set('2024-03-01T05:00:00.000Z');
    const session = await signIn(core, 'staff-admin', '2468');
    const marks = (month: string) => {
      const sheet = core.handlers.adminTabel({ sessionId: session, groupId: 'g10', month, language: 'ru' });
      if (!sheet.ok) throw new Error(sheet.error.code);
      return sheet.value.rows.find((r) => r.childId === childId)?.marks;
    };
    expect(marks('2024-02')?.[28]).toBe('present');
    expect(marks('2024-03')?.[0]).toBe('present');
    core.close();
  });
});

