import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

function kiosk(startIso = '2026-11-23T03:10:00.000Z') {
  const clock = manualClock(startIso); // 08:10 in Almaty
  const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock, log: () => undefined });
  const tap = (raw: string) => core.handlers.identifyCard({ raw, source: 'keyboard-wedge' });
  const events = () => {
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      return db.prepare('SELECT child_id, kind, method, companion_id, credential_id, occurred_at, local_date FROM attendance_events ORDER BY device_seq').all() as {
        child_id: string;
        kind: string;
        method: string;
        companion_id: string;
        credential_id: string;
        occurred_at: string;
        local_date: string;
      }[];
    } finally {
      db.close();
    }
  };
  const refused = () => {
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      return db.prepare('SELECT presented, reason FROM refused_attempts ORDER BY occurred_ms, id').all();
    } finally {
      db.close();
    }
  };
  /** The kept staff alerts' sightings, oldest first: what the staff screens will say, and when. */
  const kept = () => {
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      return db.prepare<[], { at: string; body: string }>('SELECT at, body FROM staff_alert_sightings ORDER BY id').all().map((row) => ({ at: row.at, ...(JSON.parse(row.body) as object) }));
    } finally {
      db.close();
    }
  };
  /** What the pages hear: a kept alert only as a count, never its names. */
  const heard = () => {
    const out: { name: string; payload: unknown }[] = [];
    core.onEvent((name, payload) => {
      if (name === 'staffAlert' || name === 'keptAlertsChanged') out.push({ name, payload });
    });
    return out;
  };
  return { core, clock, tap, events, refused, kept, heard };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

function choose(outcome: ScanOutcome) {
  if (outcome.kind !== 'choose') throw new Error(`expected choose, got ${outcome.kind}`);
  return outcome;
}

describe('check-in at the door', () => {
  it('offers both siblings from different groups preselected, and records both on confirm', () => {
    const { core, tap, events } = kiosk();
    const scan = choose(value(tap(`${demoCards.grandmotherTwoGroups}\r\n`)));
    expect(scan.companionFirstName).toBe('Бибігүл');
    expect(scan.children.map((c) => [c.firstName, c.groupName, c.action, c.allowed])).toEqual([
      ['Әлихан', 'Балапан', 'arrival', true],
      ['Айару', 'Жұлдыз', 'arrival', true],
    ]);
    expect(events()).toHaveLength(0);

    const receipt = value(core.handlers.confirmOffer({ offerId: scan.offerId, childIds: scan.children.map((c) => c.id), answers: { leavingNow: [] } }));
    expect(receipt.entries.map((e) => [e.firstName, e.kind, e.at])).toEqual([
      ['Әлихан', 'arrival', '08:10'],
      ['Айару', 'arrival', '08:10'],
    ]);
    const stored = events();
    expect(stored.map((e) => [e.child_id, e.kind, e.method, e.local_date])).toEqual([
      ['ch0001', 'arrival', 'rfid', '2026-11-23'],
      ['ch0002', 'arrival', 'rfid', '2026-11-23'],
    ]);
    expect(stored[0]?.occurred_at).toBe('2026-11-23T08:10:00.000+05:00');
    expect(stored[0]?.companion_id).toBeTruthy();
    expect(stored[0]?.credential_id).toBeTruthy();
  });

  it('records only the children left selected', () => {
    const { core, tap, events } = kiosk();
    const scan = choose(value(tap(demoCards.grandmotherTwoGroups)));
    value(core.handlers.confirmOffer({ offerId: scan.offerId, childIds: ['ch0002'], answers: { leavingNow: [] } }));
    expect(events().map((e) => e.child_id)).toEqual(['ch0002']);
  });

  it('records one child at once: the tap is the check-in', () => {
    const { tap, events } = kiosk();
    const outcome = value(tap(demoCards.motherOneChild));
    expect(outcome.kind).toBe('recorded');
    expect(events().map((e) => [e.child_id, e.kind])).toEqual([['ch0003', 'arrival']]);
  });

  it('shows the earlier receipt, and writes nothing, when the same card comes again within seconds', () => {
    const { tap, clock, events } = kiosk();
    value(tap(demoCards.motherOneChild));
    clock.advance(4_000);
    const again = value(tap(demoCards.motherOneChild));
    expect(again.kind).toBe('repeat');
    expect(events()).toHaveLength(1);
  });

  it('turns a later tap into a departure, showing since when the child is here', () => {
    const { core, tap, clock, events } = kiosk();
    const morning = choose(value(tap(demoCards.grandmotherTwoGroups)));
    value(core.handlers.confirmOffer({ offerId: morning.offerId, childIds: ['ch0001', 'ch0002'], answers: { leavingNow: [] } }));
    clock.set('2026-11-23T12:40:00.000Z'); // 17:40
    const evening = choose(value(tap(demoCards.grandmotherTwoGroups)));
    expect(evening.children.map((c) => [c.action, c.presentSince])).toEqual([
      ['departure', '08:10'],
      ['departure', '08:10'],
    ]);
    value(core.handlers.confirmOffer({ offerId: evening.offerId, childIds: ['ch0001', 'ch0002'], answers: { leavingNow: [] } }));
    expect(events().map((e) => e.kind)).toEqual(['arrival', 'arrival', 'departure', 'departure']);
  });

  it('starts each day afresh: the next morning is an arrival again', () => {
    const { tap, clock, events } = kiosk();
    value(tap(demoCards.motherOneChild));
    clock.set('2026-11-24T03:05:00.000Z');
    const next = value(tap(demoCards.motherOneChild));
    expect(next.kind === 'recorded' && next.receipt.entries[0]?.kind).toBe('arrival');
    expect(events().map((e) => e.local_date)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('lets a nanny bring the children but not collect them', () => {
    const { core, tap, clock, events } = kiosk();
    const morning = choose(value(tap(demoCards.nannyMayNotCollect)));
    expect(morning.children.every((c) => c.allowed && c.action === 'arrival')).toBe(true);
    value(core.handlers.confirmOffer({ offerId: morning.offerId, childIds: morning.children.map((c) => c.id), answers: { leavingNow: [] } }));
    clock.set('2026-11-23T12:00:00.000Z');
    const evening = choose(value(tap(demoCards.nannyMayNotCollect)));
    expect(evening.children.map((c) => [c.action, c.allowed])).toEqual([
      ['departure', false],
      ['departure', false],
    ]);
    const refused = core.handlers.confirmOffer({ offerId: evening.offerId, childIds: evening.children.map((c) => c.id), answers: { leavingNow: [] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PICKUP_NOT_ALLOWED' } });
    expect(events().filter((e) => e.kind === 'departure')).toHaveLength(0);
  });

  it('alerts staff, and keeps the attempt, when someone tries to collect a child they may not take', () => {
    const { core, tap, clock, refused, kept, heard } = kiosk();
    const pages = heard();
    const morning = choose(value(tap(demoCards.nannyMayNotCollect)));
    value(core.handlers.confirmOffer({ offerId: morning.offerId, childIds: morning.children.map((c) => c.id), answers: { leavingNow: [] } }));
    expect(kept()).toEqual([]);
    clock.set('2026-11-23T12:00:00.000Z');
    value(tap(demoCards.nannyMayNotCollect));
    // Kept for the staff screens; the pages hear only the count.
    expect(kept()).toEqual([{ at: '17:00', kind: 'pickup-not-allowed', companionFirstName: 'Гүлнар', childFirstNames: ['Ерасыл', 'Інжу'] }]);
    expect(pages).toEqual([{ name: 'keptAlertsChanged', payload: { kept: 1 } }]);
    expect(value(core.handlers.getStaffAlerts({}))).toEqual({ alerts: [], kept: 1 });
    expect(refused()).toEqual([{ presented: '4512348', reason: 'pickup-not-allowed' }]);
  });

  it('does not turn a second tap soon after the arrival into a departure: it asks, and records only on a confirm', () => {
    const { core, tap, clock, events } = kiosk('2026-11-23T03:44:00.000Z'); // 08:44
    expect(value(tap(demoCards.motherOneChild)).kind).toBe('recorded');
    clock.advance(2 * 60_000); // 08:46: Елена taps again by mistake
    const again = choose(value(tap(demoCards.motherOneChild)));
    expect(again.children.map((c) => [c.firstName, c.action, c.allowed, c.presentSince])).toEqual([['Алиса', 'departure', true, '08:44']]);
    expect(again.questions).toEqual([{ kind: 'leaving-soon-after-arrival', childId: 'ch0003', arrivedAt: '08:44' }]);
    expect(events().map((e) => e.kind)).toEqual(['arrival']);
    // Nobody answers: the scan lapses and nothing was written.
    clock.advance(61_000);
    expect(core.handlers.confirmOffer({ offerId: again.offerId, childIds: ['ch0003'], answers: { leavingNow: [] } })).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    expect(events().map((e) => e.kind)).toEqual(['arrival']);
    // She really is leaving, and says so.
    const leaving = choose(value(tap(demoCards.motherOneChild)));
    const receipt = value(core.handlers.confirmOffer({ offerId: leaving.offerId, childIds: ['ch0003'], answers: { leavingNow: ['ch0003'] } }));
    expect(receipt.entries.map((e) => [e.firstName, e.kind, e.at])).toEqual([['Алиса', 'departure', '08:47']]);
    expect(events().map((e) => e.kind)).toEqual(['arrival', 'departure']);
  });

  it('records a departure by the tap alone once the guard time after the arrival has passed', () => {
    const { tap, clock, events } = kiosk('2026-11-23T03:44:00.000Z');
    value(tap(demoCards.motherOneChild));
    clock.advance(29 * 60_000 + 59_000);
    expect(choose(value(tap(demoCards.motherOneChild))).questions.map((q) => q.kind)).toEqual(['leaving-soon-after-arrival']);
    clock.advance(1_000); // 09:14, thirty minutes after the arrival
    const outcome = value(tap(demoCards.motherOneChild));
    expect(outcome.kind === 'recorded' && outcome.receipt.entries.map((e) => e.kind)).toEqual(['departure']);
    expect(events().map((e) => e.kind)).toEqual(['arrival', 'departure']);
  });

  it('takes the guard time from the door settings (0: no guard)', () => {
    const { core, tap, clock, events } = kiosk();
    const db = new BetterSqlite3(core.databasePath);
    SettingsStore.of(db).set('departureGuardMinutes', 0);
    db.close();
    value(tap(demoCards.motherOneChild));
    clock.advance(60_000);
    expect(value(tap(demoCards.motherOneChild)).kind).toBe('recorded');
    expect(events().map((e) => e.kind)).toEqual(['arrival', 'departure']);
  });

  it('keeps an ordinary arrival preselected beside a guarded departure in the same tap', () => {
    const { core, tap, clock, events } = kiosk();
    const first = choose(value(tap(demoCards.grandmotherTwoGroups)));
    value(core.handlers.confirmOffer({ offerId: first.offerId, childIds: ['ch0001'], answers: { leavingNow: [] } })); // Әлихан in at 08:10
    clock.advance(3 * 60_000);
    const second = choose(value(tap(demoCards.grandmotherTwoGroups)));
    expect(second.children.map((c) => [c.firstName, c.action, c.allowed])).toEqual([
      ['Әлихан', 'departure', true],
      ['Айару', 'arrival', true],
    ]);
    expect(second.questions).toEqual([{ kind: 'leaving-soon-after-arrival', childId: 'ch0001', arrivedAt: '08:10' }]);
    expect(second.autoConfirmMs).toBe(5_000);
    // What the auto-confirm sends (the preselected ones) records Айару's arrival and leaves Әлихан in.
    value(core.handlers.confirmOffer({ offerId: second.offerId, childIds: ['ch0002'], answers: { leavingNow: [] } }));
    expect(events().map((e) => [e.child_id, e.kind])).toEqual([
      ['ch0001', 'arrival'],
      ['ch0002', 'arrival'],
    ]);
  });

  it('raises no alert when a nanny brings one child while the one she may not collect is already in', () => {
    const { core, tap, clock, events, refused, kept, heard } = kiosk('2026-11-23T03:30:00.000Z'); // 08:30
    const pages = heard();
    const father = choose(value(tap(demoCards.fatherTwoGroups)));
    value(core.handlers.confirmOffer({ offerId: father.offerId, childIds: ['ch0004'], answers: { leavingNow: [] } })); // Ерасыл in
    clock.set('2026-11-23T03:47:00.000Z'); // 08:47: Гүлнар brings Інжу
    const nanny = choose(value(tap(demoCards.nannyMayNotCollect)));
    expect(nanny.children.map((c) => [c.firstName, c.action, c.allowed])).toEqual([
      ['Ерасыл', 'departure', false],
      ['Інжу', 'arrival', true],
    ]);
    value(core.handlers.confirmOffer({ offerId: nanny.offerId, childIds: ['ch0005'], answers: { leavingNow: [] } }));
    expect(kept()).toEqual([]);
    expect(pages).toEqual([]);
    expect(refused()).toEqual([]);
    expect(events().map((e) => [e.child_id, e.kind])).toEqual([
      ['ch0004', 'arrival'],
      ['ch0005', 'arrival'],
    ]);
  });

  it('refuses the whole confirm, and alerts staff, when a disallowed child is confirmed anyway', () => {
    const { core, tap, clock, events, refused, kept } = kiosk('2026-11-23T03:30:00.000Z');
    const father = choose(value(tap(demoCards.fatherTwoGroups)));
    value(core.handlers.confirmOffer({ offerId: father.offerId, childIds: ['ch0004'], answers: { leavingNow: [] } }));
    clock.set('2026-11-23T03:47:00.000Z');
    const nanny = choose(value(tap(demoCards.nannyMayNotCollect)));
    expect(kept()).toEqual([]);
    expect(core.handlers.confirmOffer({ offerId: nanny.offerId, childIds: ['ch0004', 'ch0005'], answers: { leavingNow: [] } })).toMatchObject({
      ok: false,
      error: { code: 'PICKUP_NOT_ALLOWED' },
    });
    expect(kept()).toEqual([{ kind: 'pickup-not-allowed', companionFirstName: 'Гүлнар', childFirstNames: ['Ерасыл'], at: '08:47' }]);
    expect(refused()).toEqual([{ presented: '4512348', reason: 'pickup-not-allowed' }]);
    expect(events().map((e) => [e.child_id, e.kind])).toEqual([['ch0004', 'arrival']]);
    // What she may do is still open: Інжу's arrival alone.
    value(core.handlers.confirmOffer({ offerId: nanny.offerId, childIds: ['ch0005'], answers: { leavingNow: [] } }));
    expect(events().map((e) => [e.child_id, e.kind])).toEqual([
      ['ch0004', 'arrival'],
      ['ch0005', 'arrival'],
    ]);
  });

  it('refuses an unknown card, records nothing, and keeps the attempt for admins', () => {
    const { tap, events, refused } = kiosk();
    expect(tap('0009999999')).toEqual({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    expect(tap('garbage!')).toEqual({ ok: false, error: { code: 'CARD_UNREADABLE' } });
    expect(tap(demoCards.revoked)).toEqual({ ok: false, error: { code: 'CARD_REVOKED' } });
    expect(events()).toHaveLength(0);
    expect(refused()).toEqual([
      { presented: '9999999', reason: 'unknown-card' },
      { presented: 'garbage!', reason: 'unreadable-card' },
      { presented: '4512349', reason: 'revoked-card' },
    ]);
  });

  it('records a scan once however often it is confirmed', () => {
    const { core, tap, events } = kiosk();
    const scan = choose(value(tap(demoCards.grandmotherTwoGroups)));
    const first = value(core.handlers.confirmOffer({ offerId: scan.offerId, childIds: ['ch0001', 'ch0002'], answers: { leavingNow: [] } }));
    const second = core.handlers.confirmOffer({ offerId: scan.offerId, childIds: ['ch0001', 'ch0002'], answers: { leavingNow: [] } });
    expect(first.entries).toHaveLength(2);
    expect(second).toMatchObject({ ok: false, error: { code: 'OFFER_USED' } });
    expect(events()).toHaveLength(2);
  });

  it('refuses a child the scan did not offer, and a scan that has expired', () => {
    const { core, tap, clock, events } = kiosk();
    const scan = choose(value(tap(demoCards.grandmotherTwoGroups)));
    expect(core.handlers.confirmOffer({ offerId: scan.offerId, childIds: ['ch0003'], answers: { leavingNow: [] } })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    clock.advance(61_000);
    expect(core.handlers.confirmOffer({ offerId: scan.offerId, childIds: ['ch0001'], answers: { leavingNow: [] } })).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    expect(events()).toHaveLength(0);
  });
});
