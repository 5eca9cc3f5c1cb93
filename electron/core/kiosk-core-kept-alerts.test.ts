// Staff alerts kept until handled, through the whole core on a real SQLite file and a fixed clock: a refused pick-up is
// one alert however often it is tried that day, it is there again after a restart, and a staff member's handling (in
// their name, audited) takes it off the list while the records keep it.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result.js';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';

const quiet = { log: () => undefined };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}

async function signIn(core: KioskCore, staffId = 'staff-duty', pin = '1234'): Promise<string> {
  const signedIn = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin }));
  if (signedIn.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in`);
  return signedIn.session.sessionId;
}

/** Гүлнар brings Ерасыл and Інжу in the morning; she may not collect them. */
function morningWithNanny(core: KioskCore): void {
  const offer = value(core.handlers.identifyCard({ raw: demoCards.nannyMayNotCollect, source: 'keyboard-wedge' }));
  if (offer.kind !== 'choose') throw new Error(`expected a choice, got ${offer.kind}`);
  value(core.handlers.confirmOffer({ offerId: offer.offerId, childIds: offer.children.map((c) => c.id), answers: { leavingNow: [] } }));
}

const refuse = (core: KioskCore) => value(core.handlers.identifyCard({ raw: demoCards.nannyMayNotCollect, source: 'keyboard-wedge' }));

describe('kept staff alerts', () => {
  it('are one alert per companion, children and day, with a count and the last time, kept across a restart until handled', async () => {
    const dataDir = tempDataDir();
    const clock = manualClock('2026-11-23T03:10:00.000Z'); // 08:10 in Almaty
    let core = new KioskCore({ dataDir, demo: true, clock, ...quiet });
    const counts: number[] = [];
    core.onEvent((name, payload) => {
      if (name === 'keptAlertsChanged') counts.push((payload as { kept: number }).kept);
    });
    morningWithNanny(core);
    clock.set('2026-11-23T12:00:00.000Z'); // 17:00
    refuse(core);
    clock.set('2026-11-23T12:16:00.000Z'); // 17:16: she tries again
    refuse(core);
    expect(counts).toEqual([1, 1]);
    expect(value(core.handlers.getStaffAlerts({})).kept).toBe(1);
    const listed = value(core.handlers.staffKeptAlerts({ sessionId: await signIn(core) })).alerts;
    expect(listed).toEqual([
      {
        id: expect.any(String) as string,
        kind: 'pickup-not-allowed',
        companionFirstName: 'Гүлнар',
        childFirstNames: ['Ерасыл', 'Інжу'],
        localDate: '2026-11-23',
        firstAt: '17:00',
        lastAt: '17:16',
        count: 2,
      },
    ]);
    core.close();
    await core.closed();

    // A restart (or a reload) shows it again.
    core = new KioskCore({ dataDir, demo: true, clock, ...quiet });
    expect(value(core.handlers.getStaffAlerts({})).kept).toBe(1);
    // Handled by Айгерім: off the list, in her name in the audit, and the alert itself still in the records.
    clock.set('2026-11-23T12:20:00.000Z');
    let sessionId = await signIn(core);
    const [alert] = value(core.handlers.staffKeptAlerts({ sessionId })).alerts;
    expect(alert?.count).toBe(2);
    value(core.handlers.staffHandleAlert({ sessionId, alertId: alert?.id ?? '' }));
    expect(value(core.handlers.staffKeptAlerts({ sessionId })).alerts).toEqual([]);
    expect(value(core.handlers.getStaffAlerts({})).kept).toBe(0);
    // Handled twice (two screens): nothing more is written.
    value(core.handlers.staffHandleAlert({ sessionId, alertId: alert?.id ?? '' }));

    // Tried again after it was handled: a new alert, the staff must hear of it again.
    clock.set('2026-11-23T12:30:00.000Z');
    refuse(core);
    sessionId = await signIn(core);
    expect(value(core.handlers.staffKeptAlerts({ sessionId })).alerts).toMatchObject([{ firstAt: '17:30', count: 1 }]);
    core.close();
    await core.closed();

    const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT staff_id, subject_id, detail FROM staff_audit WHERE action = 'staff-alert-handled'").all()).toEqual([
        { staff_id: 'staff-duty', subject_id: alert?.id, detail: JSON.stringify({ kind: 'pickup-not-allowed', sightings: 2 }) },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM staff_alerts').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });

  it('counts a new day, and a refusal of other children, as another alert', async () => {
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock, ...quiet });
    morningWithNanny(core);
    clock.set('2026-11-23T12:00:00.000Z');
    refuse(core);
    clock.set('2026-11-24T03:10:00.000Z'); // the next morning
    morningWithNanny(core);
    clock.set('2026-11-24T12:00:00.000Z');
    refuse(core);
    const alerts = value(core.handlers.staffKeptAlerts({ sessionId: await signIn(core) })).alerts;
    expect(alerts.map((a) => [a.localDate, a.count])).toEqual([
      ['2026-11-24', 1],
      ['2026-11-23', 1],
    ]);
    core.close();
  });

  it('are the staff\'s only: the list needs a signed-in member', () => {
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock: manualClock('2026-11-23T03:10:00.000Z'), ...quiet });
    expect(core.handlers.staffKeptAlerts({ sessionId: '7b1f1c2e-0000-4000-8000-000000000001' })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    core.close();
  });
});
