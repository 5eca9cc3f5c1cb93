// The SQL of the admin's log, built per filter so that every page walks one index in the page's order
// (occurred_ms DESC, id DESC) from the cursor on, and stops after `limit` rows: never OFFSET, never a sort of the
// whole table. One filter drives the walk (the most selective one given); the others are checked on each row, with
// a unary + on their columns so SQLite cannot pick their index instead and sort. The migration test runs EXPLAIN
// QUERY PLAN over every driver (0005-admin.test.ts).
import type { EventMethod } from '../../../shared/domain/attendance.js';
import type { LogCursor, LogSyncState } from '../../../shared/admin/admin-contract.js';

/** Which index walks the log: the time index, or one filter's own index, or (for a rare sync state) the outbox. */
export type LogDriver =
  | { kind: 'time' }
  | { kind: 'child'; id: string }
  | { kind: 'companion'; id: string }
  | { kind: 'staff'; id: string }
  | { kind: 'method'; method: EventMethod }
  | { kind: 'outbox'; state: 'pending' | 'rejected' };

/** The filters, as the SQL checks them. */
export interface LogConditions {
  from?: string | undefined;
  to?: string | undefined;
  groupId?: string | undefined;
  childId?: string | undefined;
  companionId?: string | undefined;
  method?: EventMethod | undefined;
  staffId?: string | undefined;
  syncState?: Exclude<LogSyncState, 'not-queued'> | undefined;
  /** A name search that matched too many people to walk each one's index: the event's child or companion is one of them. */
  people?: { childIds: readonly string[]; companionIds: readonly string[] } | undefined;
}

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

const HOUR_MS = 3_600_000;
/** A local day spans UTC offsets from −12 h to +14 h: the time bounds are wide by that much, the day check exact. */
export function msBounds(from: string | undefined, to: string | undefined): { lowMs: number; highMs: number } {
  return {
    lowMs: from === undefined ? Number.MIN_SAFE_INTEGER : Date.parse(`${from}T00:00:00Z`) - 14 * HOUR_MS,
    highMs: to === undefined ? Number.MAX_SAFE_INTEGER : Date.parse(`${to}T00:00:00Z`) + 36 * HOUR_MS,
  };
}

/** The keys (occurred_ms, id) of at most `limit` events older than the cursor, newest first. */
export function logKeysSql(conditions: LogConditions, driver: LogDriver, cursor: LogCursor | null, limit: number, ownDeviceId: string): SqlQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    params.push(...values);
  };

  // The driver's own equality comes first, on its indexed column.
  if (driver.kind === 'child') add('e.child_id = ?', driver.id);
  if (driver.kind === 'companion') add('e.companion_id = ?', driver.id);
  if (driver.kind === 'staff') add('e.staff_id = ?', driver.id);
  if (driver.kind === 'method') add('e.method = ?', driver.method);
  if (driver.kind === 'outbox') add('o.state = ?', driver.state);

  const { lowMs, highMs } = msBounds(conditions.from, conditions.to);
  // The cursor, or the top of the date range, as one row-value bound the index range starts from.
  // With no cursor the bound is the range's top and an id above every id (ids are ASCII).
  add('(e.occurred_ms, e.id) < (?, ?)', cursor ? cursor.ms : highMs, cursor ? cursor.id : '\u{10FFFF}');
  add('e.occurred_ms >= ?', lowMs);
  if (conditions.from !== undefined) add('+e.local_date >= ?', conditions.from);
  if (conditions.to !== undefined) add('+e.local_date <= ?', conditions.to);

  if (conditions.childId !== undefined && driver.kind !== 'child') add('+e.child_id = ?', conditions.childId);
  if (conditions.companionId !== undefined && driver.kind !== 'companion') add('+e.companion_id = ?', conditions.companionId);
  if (conditions.staffId !== undefined && driver.kind !== 'staff') add('+e.staff_id = ?', conditions.staffId);
  if (conditions.method !== undefined && driver.kind !== 'method') add('+e.method = ?', conditions.method);
  if (conditions.groupId !== undefined) add('EXISTS (SELECT 1 FROM children c WHERE c.id = e.child_id AND c.group_id = ?)', conditions.groupId);
  if (conditions.syncState !== undefined && driver.kind !== 'outbox') {
    if (conditions.syncState === 'other-kiosk') {
      add('+e.device_id <> ? AND NOT EXISTS (SELECT 1 FROM sync_outbox q WHERE q.record_id = e.id)', ownDeviceId);
    } else {
      add('EXISTS (SELECT 1 FROM sync_outbox q WHERE q.record_id = e.id AND q.state = ?)', conditions.syncState);
    }
  }
  if (conditions.people) {
    add(
      '(+e.child_id IN (SELECT value FROM json_each(?)) OR +e.companion_id IN (SELECT value FROM json_each(?)))',
      JSON.stringify(conditions.people.childIds),
      JSON.stringify(conditions.people.companionIds),
    );
  }

  // CROSS JOIN keeps the outbox as the outer loop when it drives; otherwise the events table is alone.
  const from = driver.kind === 'outbox' ? 'sync_outbox o CROSS JOIN attendance_events e ON e.id = o.record_id' : 'attendance_events e';
  return {
    sql: `SELECT e.occurred_ms AS ms, e.id AS id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY e.occurred_ms DESC, e.id DESC LIMIT ?`,
    params: [...params, limit],
  };
}

/** Everything a log entry shows, for the ids of one page (looked up by primary key). */
export const LOG_DETAILS_SQL = `
  SELECT e.id, e.occurred_at, e.occurred_ms, e.local_date, e.kind, e.method, e.device_id,
         c.id AS child_id, c.first_name AS child_first, c.last_name AS child_last, g.name AS group_name,
         p.id AS companion_id, p.first_name AS companion_first, p.last_name AS companion_last,
         s.id AS staff_id, s.first_name AS staff_first, s.last_name AS staff_last,
         r.reason AS override_reason, r.note AS override_note, r.companion_name,
         k.id AS correction_id, k.reason AS correction_reason, k.occurred_at AS correction_at,
         ks.first_name AS corrector_first, ks.last_name AS corrector_last,
         o.state AS sync_state, pd.entered_at
    FROM attendance_events e
    JOIN children c ON c.id = e.child_id
    JOIN groups g ON g.id = c.group_id
    LEFT JOIN companions p ON p.id = e.companion_id
    LEFT JOIN staff s ON s.id = e.staff_id
    LEFT JOIN override_reasons r ON r.event_id = e.id
    -- Two machines apart may each withdraw the same tap (docs/peers.md §6): the entry shows the first by id, once.
    LEFT JOIN corrections k ON k.id = (SELECT min(k1.id) FROM corrections k1 WHERE k1.target_type = 'attendance' AND k1.target_id = e.id)
    LEFT JOIN staff ks ON ks.id = k.staff_id
    LEFT JOIN sync_outbox o ON o.record_id = e.id
    LEFT JOIN paper_day_events pe ON pe.event_id = e.id
    LEFT JOIN paper_days pd ON pd.id = pe.paper_day_id
   WHERE e.id IN (SELECT value FROM json_each(?))`;

/** The refused attempts, newest first from the cursor. */
export function refusedKeysSql(filter: { from?: string | undefined; to?: string | undefined; method?: 'rfid' | 'qr' | undefined }, cursor: LogCursor | null, limit: number): SqlQuery {
  const { lowMs, highMs } = msBounds(filter.from, filter.to);
  const where = ['(r.occurred_ms, r.id) < (?, ?)', 'r.occurred_ms >= ?'];
  const params: unknown[] = [cursor ? cursor.ms : highMs, cursor ? cursor.id : '\u{10FFFF}', lowMs];
  // occurred_at is the local time with its offset: its first ten characters are the local day.
  if (filter.from !== undefined) {
    where.push('substr(r.occurred_at, 1, 10) >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('substr(r.occurred_at, 1, 10) <= ?');
    params.push(filter.to);
  }
  if (filter.method !== undefined) {
    where.push('+r.method = ?');
    params.push(filter.method);
  }
  return {
    sql: `SELECT r.id, r.occurred_at, r.occurred_ms, r.method, r.presented, r.reason, r.seen_count, coalesce(r.last_at, r.occurred_at) AS last_at FROM refused_attempts r
           WHERE ${where.join(' AND ')} ORDER BY r.occurred_ms DESC, r.id DESC LIMIT ?`,
    params: [...params, limit],
  };
}
