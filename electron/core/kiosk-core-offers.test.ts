// The door's rules held by the core, whatever calls it: offers confirmed through KioskApi with no screen in between.
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { readerConfig } from './readers/testing/reader-harness.js';
import { loadRecordedStream } from './readers/testing/recorded-stream.js';
import { ReplayHid } from './readers/testing/replay-hid.js';
import { DoorOffers } from './door/door-offers.js';
import { SettingsStore } from './ledger/settings-store.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';

const quiet = { log: () => undefined };

function kiosk(startIso = '2026-11-23T03:10:00.000Z') {
  const clock = manualClock(startIso); // 08:10 in Almaty
  const dataDir = tempDataDir();
  const core = new KioskCore({ dataDir, demo: true, clock, ...quiet });
  const tap = (raw: string) => core.handlers.identifyCard({ raw, source: 'keyboard-wedge' });
  const confirm = (offerId: string, childIds: string[], leavingNow: string[] = []) => core.handlers.confirmOffer({ offerId, childIds, answers: { leavingNow } });
  const query = <T>(sql: string): T[] => {
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  const events = () => query<{ child_id: string; kind: string }>('SELECT child_id, kind FROM attendance_events ORDER BY device_seq').map((e) => [e.child_id, e.kind]);
  const refused = () => query<{ presented: string; reason: string; seen_count: number }>('SELECT presented, reason, seen_count FROM refused_attempts ORDER BY occurred_ms, id');
  return { core, clock, dataDir, tap, confirm, events, refused };
}

function offerOf(result: Result<ScanOutcome>) {
  if (!result.ok || result.value.kind !== 'choose') throw new Error(`expected an offer, got ${JSON.stringify(result)}`);
  return result.value;
}

describe('offers and their confirmation, through KioskApi', () => {
  it('records an arrival, not an arrival and a departure, when two identifications of one card are both confirmed', () => {
    const { tap, confirm, clock, events } = kiosk();
    const first = offerOf(tap(demoCards.grandmotherTwoGroups));
    const second = offerOf(tap(demoCards.grandmotherTwoGroups));
    expect(confirm(first.offerId, ['ch0001', 'ch0002'])).toMatchObject({ ok: true });
    clock.advance(2_000);
    expect(confirm(second.offerId, ['ch0001', 'ch0002'])).toMatchObject({ ok: false, error: { code: 'ALREADY_RECORDED' } });
    // Past the repeat window the second offer still proposes arrivals, which are no longer right: refused, not swapped.
    clock.advance(20_000);
    expect(confirm(second.offerId, ['ch0001', 'ch0002'])).toMatchObject({ ok: false, error: { code: 'OFFER_STALE' } });
    expect(events()).toEqual([
      ['ch0001', 'arrival'],
      ['ch0002', 'arrival'],
    ]);
  });

  it('records a confirmed offer once: a second confirm of it records nothing', () => {
    const { tap, confirm, events } = kiosk();
    const offer = offerOf(tap(demoCards.grandmotherTwoGroups));
    expect(confirm(offer.offerId, ['ch0001'])).toMatchObject({ ok: true });
    expect(confirm(offer.offerId, ['ch0001'])).toMatchObject({ ok: false, error: { code: 'OFFER_USED' } });
    expect(confirm(offer.offerId, ['ch0002'])).toMatchObject({ ok: false, error: { code: 'OFFER_USED' } });
    expect(events()).toEqual([['ch0001', 'arrival']]);
  });

  it('records a departure soon after the arrival only with the companion\'s yes to "is the child leaving?"', () => {
    const { tap, confirm, clock, events } = kiosk('2026-11-23T03:44:00.000Z');
    expect(tap(demoCards.motherOneChild)).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    clock.advance(2 * 60_000);
    const offer = offerOf(tap(demoCards.motherOneChild));
    expect(offer.questions).toEqual([{ kind: 'leaving-soon-after-arrival', childId: 'ch0003', arrivedAt: '08:44' }]);
    expect(confirm(offer.offerId, ['ch0003'])).toMatchObject({ ok: false, error: { code: 'LEAVING_NOT_CONFIRMED' } });
    expect(events()).toEqual([['ch0003', 'arrival']]);
    // The offer stays open for the answer.
    expect(confirm(offer.offerId, ['ch0003'], ['ch0003'])).toMatchObject({ ok: true, value: { entries: [{ kind: 'departure', at: '08:46' }] } });
    expect(events()).toEqual([
      ['ch0003', 'arrival'],
      ['ch0003', 'departure'],
    ]);
  });

  it('refuses to confirm an offer whose card was revoked since, and keeps the attempt for admins', () => {
    const { core, tap, confirm, events, refused } = kiosk();
    const offer = offerOf(tap(demoCards.grandmotherTwoGroups));
    const db = new BetterSqlite3(core.databasePath);
    db.prepare("UPDATE credentials SET revoked_at = '2026-11-23T08:10:30+05:00' WHERE kind = 'rfid' AND value = '4512345'").run();
    db.close();
    expect(confirm(offer.offerId, ['ch0001', 'ch0002'])).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } });
    expect(events()).toEqual([]);
    expect(refused()).toEqual([{ presented: '4512345', reason: 'revoked-card', seen_count: 1 }]);
    // Nor is it kept to be tried again.
    expect(confirm(offer.offerId, ['ch0001'])).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
  });

  it('refuses an offer the world overtook (another companion checked the child in) and renews it from the same card', () => {
    const { core, tap, confirm, clock, events } = kiosk('2026-11-23T03:30:00.000Z');
    const nanny = offerOf(tap(demoCards.nannyMayNotCollect));
    expect(nanny.children.map((c) => [c.id, c.action])).toEqual([
      ['ch0004', 'arrival'],
      ['ch0005', 'arrival'],
    ]);
    const father = offerOf(tap(demoCards.fatherTwoGroups));
    expect(confirm(father.offerId, ['ch0004'])).toMatchObject({ ok: true });
    clock.advance(5_000);
    expect(confirm(nanny.offerId, ['ch0004', 'ch0005'])).toMatchObject({ ok: false, error: { code: 'OFFER_STALE' } });
    expect(confirm(nanny.offerId, ['ch0005'])).toMatchObject({ ok: false, error: { code: 'OFFER_STALE' } });
    expect(events()).toEqual([['ch0004', 'arrival']]);
    const renewed = offerOf(core.handlers.renewOffer({ offerId: nanny.offerId }));
    expect(renewed.children.map((c) => [c.id, c.action, c.allowed])).toEqual([
      ['ch0004', 'departure', false],
      ['ch0005', 'arrival', true],
    ]);
    expect(renewed.questions).toEqual([{ kind: 'may-not-collect', childId: 'ch0004' }]);
    expect(core.handlers.renewOffer({ offerId: nanny.offerId })).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    expect(confirm(renewed.offerId, ['ch0005'])).toMatchObject({ ok: true });
    expect(events()).toEqual([
      ['ch0004', 'arrival'],
      ['ch0005', 'arrival'],
    ]);
  });

  it('records nothing for an unknown offer id, a lapsed offer, or a cancelled one', () => {
    const { core, tap, confirm, clock, events } = kiosk();
    expect(confirm(randomUUID(), ['ch0001'])).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    const lapsing = offerOf(tap(demoCards.grandmotherTwoGroups));
    clock.advance(60_000);
    expect(confirm(lapsing.offerId, ['ch0001'])).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    const cancelled = offerOf(tap(demoCards.grandmotherTwoGroups));
    core.handlers.cancelOffer({ offerId: cancelled.offerId });
    expect(confirm(cancelled.offerId, ['ch0001'])).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    expect(events()).toEqual([]);
  });

  it('refuses a child the offer did not propose', () => {
    const { tap, confirm, events } = kiosk();
    const offer = offerOf(tap(demoCards.grandmotherTwoGroups));
    expect(confirm(offer.offerId, ['ch0003'])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(events()).toEqual([]);
  });

  it('keeps offers bounded in number: the oldest goes first', () => {
    const offers = new DoorOffers({ ttlMs: 60_000, max: 3 });
    const offer = { who: { companionId: 'c', credentialId: null, repeatKey: 'k', roster: null }, method: 'rfid' as const, presented: '1', companionFirstName: 'A', children: new Map() };
    const ids = [1, 2, 3, 4].map((n) => offers.add(offer, n));
    expect(offers.size).toBe(3);
    expect(offers.get(ids[0] ?? '', 5)).toBeNull();
    expect(offers.get(ids[3] ?? '', 5)).not.toBeNull();
    expect(offers.get(ids[3] ?? '', 60_004)).toBeNull();
  });
});

describe('HID reads identified by the core', () => {
  it('identifies and records a tap with no page attached: the arrival, and the refused card exactly once', async () => {
    const dataDir = tempDataDir();
    new KioskCore({ dataDir, demo: true, ...quiet }).close();
    const settingsDb = new BetterSqlite3(`${dataDir}/esik.sqlite`);
    SettingsStore.of(settingsDb).set('hidReaders', [readerConfig({ format: 'em-decimal' })]);
    settingsDb.close();
    const hid = new ReplayHid({ vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3' }, loadRecordedStream('keyboard-em-decimal.hex'));
    // Nobody listens to this core's events: no page is attached.
    // A morning tap: from the evening hour a first tap of the day is a pick-up (docs/pickup-check.md).
    const core = new KioskCore({ dataDir, demo: true, hid, clock: manualClock('2026-11-23T03:10:00.000Z'), ...quiet });
    await hid.drained();
    await new Promise((resolve) => setImmediate(resolve));
    core.close();
    const db = new BetterSqlite3(`${dataDir}/esik.sqlite`, { readonly: true });
    expect(db.prepare('SELECT child_id, kind, method FROM attendance_events').all()).toEqual([{ child_id: 'ch0003', kind: 'arrival', method: 'rfid' }]);
    expect(db.prepare('SELECT reason, seen_count FROM refused_attempts').all()).toEqual([{ reason: 'unknown-card', seen_count: 1 }]);
    db.close();
  });
});
