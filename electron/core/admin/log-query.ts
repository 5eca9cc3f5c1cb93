// The admin's log of attendance events: pages newest first, keyset-paginated, any mix of filters, and a name search
// that finds "Әлихан" from "алихан". Each page is read in two steps: the keys of the page, walked on one index per
// stream (log-sql.ts), then the page's rows with everything shown beside them (names, the override's reason, the
// correction that withdrew the event, the sync state), by primary key.
import type { Database, Statement } from 'better-sqlite3';
import type { LogCursor, LogEntry, LogFilter, LogSyncState } from '../../../shared/admin/admin-contract.js';
import type { EventKind, EventMethod } from '../../../shared/domain/attendance.js';
import { hhmmOf } from '../../../shared/domain/local-time.js';
import type { OverrideReason } from '../../../shared/staff/staff-domain.js';
import { LOG_DETAILS_SQL, logKeysSql, type LogConditions, type LogDriver } from './log-sql.js';
import { NameSearch } from './name-search.js';

export interface LogTuning {
  /** A name search matching at most this many people walks each one's own index; more, and one walk checks them all. */
  maxSearchStreams: number;
  /** A rare sync state (pending, rejected) with at most this many events is read from the outbox and sorted. */
  sparseSyncRows: number;
}

const DEFAULT_TUNING: LogTuning = { maxSearchStreams: 24, sparseSyncRows: 5_000 };

interface Key {
  ms: number;
  id: string;
}

interface DetailRow {
  id: string;
  occurred_at: string;
  occurred_ms: number;
  local_date: string;
  kind: EventKind;
  method: EventMethod;
  device_id: string;
  child_id: string;
  child_first: string;
  child_last: string;
  group_name: string;
  companion_id: string | null;
  companion_first: string | null;
  companion_last: string | null;
  staff_id: string | null;
  staff_first: string | null;
  staff_last: string | null;
  override_reason: OverrideReason | null;
  override_note: string | null;
  companion_name: string | null;
  correction_id: string | null;
  correction_reason: string | null;
  correction_at: string | null;
  corrector_first: string | null;
  corrector_last: string | null;
  sync_state: 'pending' | 'sent' | 'rejected' | null;
  /** Set for a day entered later from the paper list (the kiosk was down): when it was entered. */
  entered_at: string | null;
}

export interface LogPage {
  entries: LogEntry[];
  nextCursor: LogCursor | null;
}

const newestFirst = (a: Key, b: Key): number => b.ms - a.ms || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const fullName = (first: string | null, last: string | null): string => `${first ?? ''} ${last ?? ''}`.trim();

export class LogQuery {
  private readonly names: NameSearch;
  /** Prepared statements by SQL text: the filters make a few dozen shapes, each prepared once. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly ownDeviceId: string,
    private readonly tuning: LogTuning = DEFAULT_TUNING,
  ) {
    this.names = new NameSearch(db);
  }

  page(filter: LogFilter, cursor: LogCursor | null, limit: number): LogPage {
    const keys = this.keys(filter, cursor, limit + 1);
    const shown = keys.slice(0, limit);
    const last = shown[shown.length - 1];
    return { entries: this.details(shown), nextCursor: keys.length > limit && last ? { ms: last.ms, id: last.id } : null };
  }

  /** The keys of the page (and one more, to know whether another page follows), merged over the streams. */
  private keys(filter: LogFilter, cursor: LogCursor | null, take: number): Key[] {
    const conditions: LogConditions = {
      from: filter.from,
      to: filter.to,
      groupId: filter.groupId,
      childId: filter.childId,
      companionId: filter.companionId,
      method: filter.method,
      staffId: filter.staffId,
      syncState: filter.syncState,
    };
    const search = filter.search?.trim() ?? '';
    if (search === '') return this.walk(conditions, this.driverFor(conditions), cursor, take);

    const found = this.names.find(search);
    const childIds = found.childIds.filter((id) => filter.childId === undefined || id === filter.childId);
    const companionIds = found.companionIds.filter((id) => filter.companionId === undefined || id === filter.companionId);
    if (childIds.length + companionIds.length > this.tuning.maxSearchStreams) {
      const broad = { ...conditions, people: { childIds, companionIds } };
      return this.walk(broad, this.driverFor(broad), cursor, take);
    }
    // One walk per person found, each on that person's index, merged: an event of a child and of a companion who
    // both match is one entry.
    const streams: LogDriver[] = [...childIds.map((id) => ({ kind: 'child', id }) as const), ...companionIds.map((id) => ({ kind: 'companion', id }) as const)];
    const merged = new Map<string, Key>();
    for (const driver of streams) for (const key of this.walk(conditions, driver, cursor, take)) merged.set(key.id, key);
    return [...merged.values()].sort(newestFirst).slice(0, take);
  }

  private walk(conditions: LogConditions, driver: LogDriver, cursor: LogCursor | null, take: number): Key[] {
    const { sql, params } = logKeysSql(conditions, driver, cursor, take, this.ownDeviceId);
    return this.statement(sql).all(...params) as Key[];
  }

  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** The filter whose index narrows the walk most: a person, then a staff member, then the method, then time. */
  private driverFor(c: LogConditions): LogDriver {
    if (c.childId !== undefined) return { kind: 'child', id: c.childId };
    if (c.companionId !== undefined) return { kind: 'companion', id: c.companionId };
    if (c.staffId !== undefined) return { kind: 'staff', id: c.staffId };
    if ((c.syncState === 'pending' || c.syncState === 'rejected') && this.sparse(c.syncState)) return { kind: 'outbox', state: c.syncState };
    if (c.method !== undefined) return { kind: 'method', method: c.method };
    return { kind: 'time' };
  }

  /**
   * Few events in this state: read them from the outbox and sort. Many (a kiosk offline for weeks): they are dense
   * among the newest events, and the time walk finds a page of them quickly.
   */
  private sparse(state: 'pending' | 'rejected'): boolean {
    const row = this.statement('SELECT count(*) AS n FROM (SELECT 1 FROM sync_outbox WHERE state = ? LIMIT ?)').get(state, this.tuning.sparseSyncRows + 1) as
      | { n: number }
      | undefined;
    return (row?.n ?? 0) <= this.tuning.sparseSyncRows;
  }

  private details(keys: readonly Key[]): LogEntry[] {
    if (keys.length === 0) return [];
    const rows = new Map(
      (this.statement(LOG_DETAILS_SQL).all(JSON.stringify(keys.map((k) => k.id))) as DetailRow[]).map((r) => [r.id, r]),
    );
    return keys.flatMap((k) => {
      const row = rows.get(k.id);
      return row ? [this.entry(row)] : [];
    });
  }

  private entry(r: DetailRow): LogEntry {
    const syncState: LogSyncState = r.sync_state ?? (r.device_id === this.ownDeviceId ? 'not-queued' : 'other-kiosk');
    return {
      id: r.id,
      occurredAt: r.occurred_at,
      occurredMs: r.occurred_ms,
      localDate: r.local_date,
      at: hhmmOf(r.occurred_at),
      kind: r.kind,
      method: r.method,
      child: { id: r.child_id, firstName: r.child_first, lastName: r.child_last },
      groupName: r.group_name,
      companion: r.companion_id === null ? null : { id: r.companion_id, name: fullName(r.companion_first, r.companion_last) },
      companionNameSaid: r.companion_name,
      staff: r.staff_id === null ? null : { id: r.staff_id, name: fullName(r.staff_first, r.staff_last) },
      override: r.override_reason === null ? null : { reason: r.override_reason, note: r.override_note },
      enteredLater: r.entered_at === null ? null : { enteredAt: r.entered_at },
      correction:
        r.correction_id === null
          ? null
          : {
              id: r.correction_id,
              reason: r.correction_reason ?? '',
              staffName: fullName(r.corrector_first, r.corrector_last),
              occurredAt: r.correction_at ?? '',
            },
      syncState,
    };
  }
}
