// The month's never-come count reaches the reference city server with the month's records, exactly once: drawn when
// the kiosk's check first runs after the month ended, pushed beside the attendance records, not drawn again by a
// kiosk started anew, and a repeated push answered duplicate.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CITY_DB_FILE } from '../../city-server/src/store/open-store.js';
import { toLocalTime } from '../../shared/domain/local-time.js';
import { NeverComeCounts } from '../../electron/core/admin/never-come-counts.js';
import { NeverComeFinder } from '../../electron/core/admin/never-come-list.js';
import { monthCountsOf } from '../../electron/core/admin/tabel-service.js';
import { staffKit } from '../../electron/core/staff/testing/staff-kit.js';
import { cityForKiosk } from './fixtures.js';

const ALISA = 'ch0003';
const INZHU = 'ch0005';

describe('the never-come count at the city', () => {
  it('is held once, beside the month\'s attendance, however often the kiosk checks or starts', async () => {
    // The kiosk started on Monday 23 November 2026 (the staff kit's morning): six school days to the month's end.
    const kit = staffKit();
    const { cityDir, engine } = await cityForKiosk(kit.db, kit.log.deviceId);
    kit.settings.set('neverComeAfterDays', 6);

    // Monday 30 November: every child of the demo kindergarten comes but Алиса and Інжу.
    const children = kit.read<{ id: string; groupId: string }>('SELECT id, group_id AS groupId FROM children ORDER BY id');
    const came = children.filter((c) => c.id !== ALISA && c.id !== INZHU);
    kit.log.append(came.map((c) => ({ childId: c.id, kind: 'arrival' as const, method: 'override' as const, companionId: null, credentialId: null, staffId: 'staff-duty' })), toLocalTime(new Date('2026-11-30T08:30:00.000+05:00'), 300));

    const counts = () => {
      const tabels = monthCountsOf(kit.db, () => 300);
      const finder = new NeverComeFinder({ db: kit.db, tabels, afterDays: () => kit.settings.get('neverComeAfterDays') });
      return new NeverComeCounts({ db: kit.db, deviceId: kit.log.deviceId, list: (t, a) => finder.list(t, a), afterDays: () => kit.settings.get('neverComeAfterDays'), recordsSince: () => tabels.recordsSince(), isDoor: () => true });
    };
    const reports: string[] = [];
    const now = () => toLocalTime(new Date('2026-12-01T00:30:00.000+05:00'), 300);
    // The kiosk's background check, as it runs at start: once at once, then on its timer (stopped here).
    const first = counts();
    first.start(now, (line) => reports.push(line), 60_000);
    first.stop();
    expect(reports).toEqual([]);

    expect(await engine.drain()).toEqual({ batches: 1, sent: came.length + 1, rejected: 0 });
    const cityDb = new BetterSqlite3(join(cityDir, CITY_DB_FILE), { readonly: true });
    onTestFinished(() => {
      cityDb.close();
    });
    const held = () => cityDb.prepare<[], { id: string; body: string }>("SELECT id, body FROM records WHERE type = 'never-come-count'").all();
    expect(held()).toHaveLength(1);
    const record = JSON.parse(held()[0]?.body ?? '{}') as { month: string; afterDays: number; groups: { groupId: string; count: number; childIds: string[] }[] };
    expect(record.month).toBe('2026-11');
    expect(record.afterDays).toBe(6);
    const groupOf = (id: string) => children.find((c) => c.id === id)?.groupId;
    expect(record.groups.filter((g) => g.count > 0)).toEqual(
      [...new Set([groupOf(ALISA), groupOf(INZHU)])].sort().map((groupId) => {
        const childIds = [ALISA, INZHU].filter((id) => groupOf(id) === groupId);
        return { groupId, count: childIds.length, childIds };
      }),
    );
    expect(record.groups).toHaveLength(12);

    // The kiosk started again later on the 1st, and checked all month: nothing more is drawn or sent.
    const again = counts();
    expect(again.countIfDue(toLocalTime(new Date('2026-12-01T09:00:00.000+05:00'), 300))).toBeNull();
    expect(again.countIfDue(toLocalTime(new Date('2026-12-31T18:00:00.000+05:00'), 300))).toBeNull();
    expect(await engine.drain()).toEqual({ batches: 0, sent: 0, rejected: 0 });
    // A lost acknowledgement: the same record pushed again is a duplicate, still held once.
    const id = held()[0]?.id ?? '';
    expect(engine.outbox.requeue([id])).toBe(1);
    expect(await engine.drain()).toEqual({ batches: 1, sent: 1, rejected: 0 });
    expect(held()).toHaveLength(1);
    expect(engine.outbox.rejected()).toEqual([]);
  });
});
