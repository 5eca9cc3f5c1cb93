// The kept alerts on their own: the clock off the city's is one alert a day with the newest measure, and a key tells
// one companion's refusal from another's.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { dedupKey, StaffAlertBook, type KeepableAlert } from './staff-alert-book.js';
import { StaffAudit } from './staff-audit.js';

function book() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  const told: number[] = [];
  return { book: new StaffAlertBook({ db, audit: new StaffAudit(db), changed: (n) => told.push(n) }), told };
}

describe('the kept alerts', () => {
  it('keep one clock alert a day, saying the newest measure', () => {
    const { book: alerts, told } = book();
    alerts.keep({ id: 'x1', kind: 'clock-drift', driftMinutes: 4, at: '09:00' }, localTimeOn('2026-12-04', '09:00', 300));
    alerts.keep({ id: 'x2', kind: 'clock-drift', driftMinutes: -7, at: '11:30' }, localTimeOn('2026-12-04', '11:30', 300));
    expect(alerts.open()).toEqual([{ id: expect.any(String) as string, kind: 'clock-drift', driftMinutes: -7, localDate: '2026-12-04', firstAt: '09:00', lastAt: '11:30', count: 2 }]);
    alerts.keep({ id: 'x3', kind: 'clock-drift', driftMinutes: 3, at: '08:00' }, localTimeOn('2026-12-05', '08:00', 300));
    expect(alerts.open().map((a) => a.localDate)).toEqual(['2026-12-05', '2026-12-04']);
    expect(told).toEqual([1, 1, 2]);
  });

  it('tell companions apart by their id, and the same children in any order as the same', () => {
    const base: KeepableAlert = { id: 'a', kind: 'pickup-not-allowed', companionFirstName: 'Гүлнар', childFirstNames: ['Ерасыл', 'Інжу'], at: '17:00' };
    const key = (extra: { companionId: string; childIds: string[] }) => dedupKey({ ...base, ...extra }, '2026-12-04');
    expect(key({ companionId: 'cp1', childIds: ['ch4', 'ch5'] })).toBe(key({ companionId: 'cp1', childIds: ['ch5', 'ch4'] }));
    expect(key({ companionId: 'cp1', childIds: ['ch4', 'ch5'] })).not.toBe(key({ companionId: 'cp2', childIds: ['ch4', 'ch5'] }));
    expect(key({ companionId: 'cp1', childIds: ['ch4'] })).not.toBe(key({ companionId: 'cp1', childIds: ['ch4', 'ch5'] }));
    expect(dedupKey(base, '2026-12-04')).not.toBe(dedupKey(base, '2026-12-05'));
  });

  it('refuse to handle an alert that does not exist', () => {
    const { book: alerts } = book();
    expect(alerts.handle('nope', 'staff-duty', localTimeOn('2026-12-04', '09:00', 300))).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
