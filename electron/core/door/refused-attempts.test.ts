import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toLocalTime, type LocalTime } from '../../../shared/domain/local-time.js';
import { migrations } from '../db/migrations/index.js';
import { migratedDatabase } from '../db/migrations/testing/migration-kit.js';
import { REFUSED_LIMITS, RefusedAttempts } from './refused-attempts.js';

const START = Date.parse('2026-11-23T08:00:00.000+05:00');
const at = (ms: number): LocalTime => toLocalTime(new Date(ms), 300);

interface Row {
  presented: string;
  reason: string;
  seen_count: number;
  occurred_at: string;
  last_at: string | null;
}

const rows = (db: Database): Row[] =>
  db.prepare<[], Row>('SELECT presented, reason, seen_count, occurred_at, last_at FROM refused_attempts ORDER BY occurred_ms, id').all();

describe('refused attempts', () => {
  it('keeps the same card refused again and again as one row with a count and the time last seen', () => {
    const db = migratedDatabase(migrations);
    const refused = new RefusedAttempts(db);
    for (let i = 0; i < 2_000; i++) refused.record('rfid', '9100001', 'unknown-card', at(START + i * 100));
    // Counted in memory between writes (at most one a second); the door's close writes the rest.
    expect(rows(db)[0]?.seen_count).toBeLessThan(2_000);
    refused.stop();
    expect(rows(db)).toEqual([{ presented: '9100001', reason: 'unknown-card', seen_count: 2_000, occurred_at: at(START).iso, last_at: at(START + 1_999 * 100).iso }]);
  });

  it('starts a new row after a quiet window, on a new day, for another reason or method', () => {
    const db = migratedDatabase(migrations);
    const refused = new RefusedAttempts(db);
    refused.record('rfid', '9100001', 'unknown-card', at(START));
    refused.record('rfid', '9100001', 'unknown-card', at(START + REFUSED_LIMITS.coalesceMs));
    // More than the window since it was last seen: a new row.
    refused.record('rfid', '9100001', 'unknown-card', at(START + 2 * REFUSED_LIMITS.coalesceMs + 1));
    refused.record('rfid', '9100001', 'revoked-card', at(START + 2 * REFUSED_LIMITS.coalesceMs + 2));
    refused.record('qr', '9100001', 'unknown-card', at(START + 2 * REFUSED_LIMITS.coalesceMs + 3));
    // 23:59 and 00:01 are two days, each in its own day's list.
    const lateMs = Date.parse('2026-11-23T23:59:00.000+05:00');
    refused.record('rfid', '9100002', 'unknown-card', at(lateMs));
    refused.record('rfid', '9100002', 'unknown-card', at(lateMs + 120_000));
    expect(rows(db).map((r) => [r.presented, r.reason, r.seen_count, r.occurred_at.slice(0, 10)])).toEqual([
      ['9100001', 'unknown-card', 2, '2026-11-23'],
      ['9100001', 'unknown-card', 1, '2026-11-23'],
      ['9100001', 'revoked-card', 1, '2026-11-23'],
      ['9100001', 'unknown-card', 1, '2026-11-23'],
      ['9100002', 'unknown-card', 1, '2026-11-23'],
      ['9100002', 'unknown-card', 1, '2026-11-24'],
    ]);
  });

  it('writes a bounded number of rows for 2,000 different unknown cards in a second, and counts every one', () => {
    const db = migratedDatabase(migrations);
    const refused = new RefusedAttempts(db);
    for (let i = 0; i < 2_000; i++) refused.record('rfid', String(9_200_000 + i), 'unknown-card', at(START + Math.floor(i / 2)));
    refused.stop();
    const kept = rows(db);
    expect(kept).toHaveLength(REFUSED_LIMITS.burst + 1);
    expect(kept.filter((r) => r.reason === 'unknown-card')).toHaveLength(REFUSED_LIMITS.burst);
    expect(kept.find((r) => r.reason === 'too-many')).toMatchObject({ presented: '', seen_count: 2_000 - REFUSED_LIMITS.burst });
    expect(kept.reduce((n, r) => n + r.seen_count, 0)).toBe(2_000);
  });

  it('keeps the table to its newest rows however long the door runs', () => {
    const db = migratedDatabase(migrations);
    const refused = new RefusedAttempts(db, { limits: { maxRows: 50, pruneSlack: 10 } });
    // A new card every minute: never coalesced, never rate-limited, 500 rows' worth.
    for (let i = 0; i < 500; i++) refused.record('rfid', String(9_300_000 + i), 'unknown-card', at(START + i * 60_000));
    const kept = rows(db);
    expect(kept.length).toBeGreaterThanOrEqual(50);
    expect(kept.length).toBeLessThanOrEqual(60);
    expect(kept.at(-1)?.presented).toBe('9300499');
    expect(kept[0]?.presented).toBe(String(9_300_000 + 500 - kept.length));
    // A door started on a full table counts its rows and keeps bounding them.
    const again = new RefusedAttempts(db, { limits: { maxRows: 50, pruneSlack: 10 } });
    for (let i = 500; i < 520; i++) again.record('rfid', String(9_300_000 + i), 'unknown-card', at(START + i * 60_000));
    expect(rows(db).length).toBeLessThanOrEqual(60);
  });

  it('stores control and bidi characters escaped, never raw', () => {
    const db = migratedDatabase(migrations);
    const refused = new RefusedAttempts(db);
    refused.record('rfid', '45\u0000\u001B[2J\u202E12', 'unreadable-card', at(START));
    expect(rows(db)[0]?.presented).toBe('45\\u{0}\\u{1B}[2J\\u{202E}12');
    expect(db.prepare('SELECT count(*) AS n FROM refused_attempts WHERE instr(presented, char(27)) > 0 OR instr(presented, char(8238)) > 0').get()).toEqual({ n: 0 });
  });
});
