// The credentials the door refused (unknown, revoked, forged, a nanny who may not collect…), newest first, in pages.
import type { Database } from 'better-sqlite3';
import type { LogCursor, RefusedAttempt, RefusedFilter } from '../../../shared/admin/admin-contract.js';
import { hhmmOf } from '../../../shared/domain/local-time.js';
import { visibleText } from '../../../shared/text/visible-text.js';
import { refusedKeysSql } from './log-sql.js';

interface RefusedRow {
  id: string;
  occurred_at: string;
  occurred_ms: number;
  method: 'rfid' | 'qr';
  presented: string;
  reason: string;
  seen_count: number;
  last_at: string;
}

export class RefusedLog {
  constructor(private readonly db: Database) {}

  page(filter: RefusedFilter, cursor: LogCursor | null, limit: number): { attempts: RefusedAttempt[]; nextCursor: LogCursor | null } {
    const { sql, params } = refusedKeysSql(filter, cursor, limit + 1);
    const rows = this.db.prepare<unknown[], RefusedRow>(sql).all(...params);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      attempts: shown.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        occurredMs: r.occurred_ms,
        at: hhmmOf(r.occurred_at),
        method: r.method,
        // Rows kept before presented text was made visible at the door may still hold raw control characters.
        presented: visibleText(r.presented),
        reason: r.reason,
        count: r.seen_count,
        lastAt: r.last_at,
      })),
      nextCursor: rows.length > limit && last ? { ms: last.occurred_ms, id: last.id } : null,
    };
  }
}
