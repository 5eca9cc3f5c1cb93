// After enrollment: roster deltas (a revocation refused at the door), the other door's records ("here since"),
// and the clock offset with its drift alert — the kiosk core against the reference city server over loopback.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttendanceRecord } from '../../shared/sync/protocol.js';
import { demoCards, demoQrCredentials } from '../../electron/core/demo/demo-roster.js';
import { mintDemoQr } from '../../electron/core/demo/demo-qr.js';
import { eventHash, GENESIS_HASH, type ChainedFields } from '../../electron/core/ledger/event-chain.js';
import { MAX_CLOCK_DRIFT_MS } from '../../electron/core/sync/clock-offset.js';
import { SYNC_KEYS } from '../../electron/core/ledger/sync-state.js';
import { manualClock } from '../../electron/core/testing/fixtures.js';
import { enrolled, MORNING, startCity, startKiosk, value } from './fixtures.js';

/** Another kiosk's arrival of Ерасыл (ch0004), brought by Нұрлан at the second entrance, as that kiosk pushed it. */
function otherDoorArrival(seq = 1, prevHash = GENESIS_HASH): AttendanceRecord {
  const fields: ChainedFields = {
    id: `0193a1b2-0000-7000-8000-00000000000${seq}`,
    device_id: 'dev-second-entrance',
    device_seq: seq,
    child_id: 'ch0004',
    kind: 'arrival',
    method: 'rfid',
    companion_id: 'cp0003',
    credential_id: 'cr00003',
    staff_id: null,
    occurred_at: '2026-11-23T08:12:00.000+05:00',
    occurred_ms: Date.parse('2026-11-23T08:12:00.000+05:00'),
    local_date: '2026-11-23',
    prev_hash: prevHash,
  };
  return {
    type: 'attendance',
    id: fields.id,
    deviceId: fields.device_id,
    deviceSeq: fields.device_seq,
    childId: fields.child_id,
    kind: 'arrival',
    method: 'rfid',
    companionId: fields.companion_id,
    credentialId: fields.credential_id,
    staffId: null,
    occurredAt: fields.occurred_at,
    occurredMs: fields.occurred_ms,
    localDate: fields.local_date,
    prevHash: fields.prev_hash,
    hash: eventHash(fields),
    clockOffsetMs: 1200,
  };
}

function query<T>(dataDir: string, sql: string): T[] {
  const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('pulling from the city', () => {
  it('refuses a card and a QR card at the door after the city revoked them (snapshot, then delta)', async () => {
    const kiosk = startKiosk();
    const city = await startCity({ now: () => kiosk.clock.now() });
    await enrolled(kiosk, city);
    const { core } = kiosk;
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true });

    city.revokeCredential('cr00002'); // Елена's card
    city.revokeCredential('cq001'); // Елена's printed QR card
    const outcome = await core.pullFromCity();
    expect(outcome.roster).toMatchObject({ kind: 'delta', upserted: 2 });

    kiosk.clock.advance(60_000); // past the repeat window
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } });
    expect(core.handlers.identifyQr({ text: mintDemoQr('valid', kiosk.clock.now()), source: 'camera' })).toMatchObject({ ok: false, error: { code: 'QR_REVOKED' } });
    expect(demoQrCredentials.motherCard).toBe('cq001');
  });

  it('shows a child who came in by the other door as here since 08:12, once, without pushing it back', async () => {
    const kiosk = startKiosk();
    const city = await startCity({ now: () => kiosk.clock.now() });
    await enrolled(kiosk, city);
    city.insertPeerRecord(otherDoorArrival());
    const first = await kiosk.core.pullFromCity();
    expect(first.peers.added).toBe(1);

    // The evening at this door: Нұрлан's card offers Ерасыл for departure, here since 08:12.
    kiosk.clock.set('2026-11-23T12:30:00.000Z');
    const scan = value(kiosk.core.handlers.identifyCard({ raw: demoCards.fatherTwoGroups, source: 'keyboard-wedge' }));
    if (scan.kind !== 'choose') throw new Error(`expected a choice, got ${scan.kind}`);
    expect(scan.children.find((c) => c.id === 'ch0004')).toMatchObject({ action: 'departure', presentSince: '08:12' });
    // His other child, seen nowhere today, is offered for pick-up too: in the evening the door cannot know they are not inside
    // (docs/pickup-check.md), so her companion is checked as one who collects.
    expect(scan.children.find((c) => c.id === 'ch0005')).toMatchObject({ action: 'departure', presentSince: null });
    kiosk.core.handlers.cancelOffer({ offerId: scan.offerId });

    // Pulled again (the same cursor replayed after a lost reply is the same thing): nothing new.
    await kiosk.core.pullFromCity();
    const rows = query<{ device_id: string; device_seq: number; hash: string; clock_offset_ms: number | null }>(
      kiosk.dataDir,
      "SELECT device_id, device_seq, hash, clock_offset_ms FROM attendance_events WHERE child_id = 'ch0004'",
    );
    expect(rows).toEqual([{ device_id: 'dev-second-entrance', device_seq: 1, hash: otherDoorArrival().hash, clock_offset_ms: 1200 }]);
    // Not queued for the city (it came from there), and this kiosk's chain check walks only its own events.
    expect(query(kiosk.dataDir, `SELECT record_id FROM sync_outbox WHERE record_id = '${otherDoorArrival().id}'`)).toEqual([]);
    kiosk.core.close();
    const again = startKiosk(kiosk.clock, kiosk.dataDir);
    expect(again.core.handlers.getStatus({})).toMatchObject({ value: { chain: { intact: true, events: 0 } } });
  });

  it('measures the clock offset from every reply, stamps new events with it, and tells staff about a drift', async () => {
    const kiosk = startKiosk(manualClock(MORNING));
    // The city's clock runs 5 minutes ahead of the kiosk's.
    const city = await startCity({ now: () => new Date(kiosk.clock.now().getTime() + 5 * 60_000) });
    await enrolled(kiosk, city);
    const offsets = query<{ value: string }>(kiosk.dataDir, `SELECT value FROM sync_state WHERE key = '${SYNC_KEYS.clockOffsetMs}'`);
    const offset = Number(offsets[0]?.value);
    expect(Math.abs(offset - 5 * 60_000)).toBeLessThanOrEqual(1_000);
    expect(offset).toBeGreaterThan(MAX_CLOCK_DRIFT_MS);
    // Kept for the staff screens until handled (the pages hear only the count of such alerts).
    const drift = () => query<{ at: string; body: string }>(kiosk.dataDir, 'SELECT at, body FROM staff_alert_sightings ORDER BY id');
    expect(drift()).toEqual([{ at: '08:12', body: JSON.stringify({ kind: 'clock-drift', driftMinutes: 5 }) }]);
    expect(kiosk.core.handlers.getStaffAlerts({})).toMatchObject({ ok: true, value: { kept: 1 } });

    // Still off at the next pull: the same episode, no second alert.
    await kiosk.core.pullFromCity();
    expect(drift()).toHaveLength(1);

    // A tap now carries the offset, for the city to correct this kiosk's clock.
    value(kiosk.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' }));
    const stamped = query<{ clock_offset_ms: number }>(kiosk.dataDir, "SELECT clock_offset_ms FROM attendance_events WHERE child_id = 'ch0003'");
    expect(stamped).toEqual([{ clock_offset_ms: offset }]);
  });

  it('raises no alert when the clocks agree', async () => {
    const kiosk = startKiosk();
    const city = await startCity({ now: () => kiosk.clock.now() });
    await enrolled(kiosk, city);
    await kiosk.core.pullFromCity();
    expect(kiosk.alerts).toEqual([]);
    expect(kiosk.core.handlers.getStaffAlerts({})).toMatchObject({ ok: true, value: { kept: 0 } });
  });
});
