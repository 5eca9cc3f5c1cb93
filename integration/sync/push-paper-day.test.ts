// A day the kiosk was down, entered later from the paper list (issue 16 §7), reaches the reference city server over
// loopback: each arrival once, with both the day it describes (occurredAt, localDate) and when it was entered
// (lateEntry.recordedAt), and a repeat push answers duplicate. An older server's schema, which knows no lateEntry,
// still takes the event (it drops the field).
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AttendanceRecordSchema, LateEntrySchema } from '../../shared/sync/protocol.js';
import { CITY_DB_FILE } from '../../city-server/src/store/open-store.js';
import { demoChildren, staffKit, value } from '../../electron/core/staff/testing/staff-kit.js';
import { cityForKiosk } from './fixtures.js';

describe('a paper-list day pushed to the reference city server', () => {
  it('arrives once per child with the day described and the time it was entered', async () => {
    // Installed on Monday 2 November; entered on Monday 23 November at 10:15 for Friday 20 November.
    const kit = staffKit('2026-11-02T03:10:00.000Z');
    kit.clock.set('2026-11-23T05:15:00.000Z');
    const { city, cityDir, engine } = await cityForKiosk(kit.db, kit.log.deviceId);

    const sessionId = await kit.signIn('staff-admin', '2468');
    const [alisa] = kit.read<{ group_id: string }>('SELECT group_id FROM children WHERE id = ?', demoChildren.alisa);
    const roll = value(kit.call('staffPaperDay', { sessionId, groupId: alisa?.group_id, date: '2026-11-20' }));
    if (roll.state !== 'open') throw new Error(roll.state);
    const present = roll.children.slice(1).map((c) => c.id);
    expect(value(kit.call('staffSavePaperDay', { sessionId, groupId: alisa?.group_id, date: '2026-11-20', present })).outcome).toBe('saved');
    const ids = kit.read<{ id: string }>('SELECT id FROM attendance_events ORDER BY device_seq').map((r) => r.id);
    expect(ids).toHaveLength(present.length);

    expect(await engine.drain()).toEqual({ batches: 1, sent: present.length, rejected: 0 });
    expect(engine.chainHeadMismatch()).toBeNull();
    const cityDb = new BetterSqlite3(join(cityDir, CITY_DB_FILE), { readonly: true });
    onTestFinished(() => {
      cityDb.close();
    });
    const held = () => cityDb.prepare<[], { id: string; local_date: string; body: string }>("SELECT id, local_date, body FROM records WHERE type = 'attendance'").all();
    expect(held().map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const row of held()) {
      const record = AttendanceRecordSchema.parse(JSON.parse(row.body));
      expect(row.local_date).toBe('2026-11-20');
      expect(record).toMatchObject({ method: 'override', staffId: 'staff-admin', occurredAt: '2026-11-20T09:00:00.000+05:00', localDate: '2026-11-20' });
      expect(record.lateEntry).toEqual({ reason: 'kiosk-down', recordedAt: '2026-11-23T10:15:00.000+05:00', recordedMs: Date.parse('2026-11-23T05:15:00.000Z') });
    }

    // Pushed again (a lost acknowledgement): duplicates, each still held once.
    expect(engine.outbox.requeue(ids)).toBe(ids.length);
    expect(await engine.drain()).toEqual({ batches: 1, sent: ids.length, rejected: 0 });
    expect(city.recordCount()).toBe(ids.length);
  });

  it('is taken by an older server that knows no lateEntry: its schema strips the field and the hash still matches', () => {
    const record = {
      reason: 'kiosk-down',
      recordedAt: '2026-11-23T10:15:00.000+05:00',
      recordedMs: Date.parse('2026-11-23T05:15:00.000Z'),
    };
    expect(LateEntrySchema.parse(record)).toEqual(record);
    const olderServer = AttendanceRecordSchema.omit({ lateEntry: true });
    const pushed = {
      type: 'attendance',
      id: '0196f3b0-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
      deviceId: 'dev-door-1',
      deviceSeq: 2,
      childId: 'ch0002',
      kind: 'arrival',
      method: 'override',
      companionId: null,
      credentialId: null,
      staffId: 'st0001',
      occurredAt: '2026-11-20T09:00:00.000+05:00',
      occurredMs: Date.parse('2026-11-20T04:00:00.000Z'),
      localDate: '2026-11-20',
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
      clockOffsetMs: null,
      lateEntry: record,
    };
    const taken = olderServer.safeParse(pushed);
    expect(taken.success).toBe(true);
    expect(taken.data).not.toHaveProperty('lateEntry');
  });
});
