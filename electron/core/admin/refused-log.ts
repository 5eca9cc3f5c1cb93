// The credentials the door refused (unknown, revoked, forged, a nanny who may not collect…), newest first, in pages.
import type { Database } from 'better-sqlite3';
import type { LogCursor, RefusedAttempt, RefusedFilter } from '../../../shared/admin/admin-contract.js';
import { hhmmOf } from '../../../shared/domain/local-time.js';
import { visibleText } from '../../../shared/text/visible-text.js';
import { refusedKeysSql } from './log-sql.js';
import type { RefusedCards } from './refused-card.js';

/** The reasons a refused RFID attempt's `presented` is a canonical card number (not raw reader text). */
const CARD_REASONS: ReadonlySet<string> = new Set(['unknown-card', 'ambiguous-card', 'revoked-card', 'no-children', 'pickup-not-allowed']);

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
  constructor(
    private readonly db: Database,
    private readonly cards: RefusedCards,
  ) {}

  page(filter: RefusedFilter, cursor: LogCursor | null, limit: number): { attempts: RefusedAttempt[]; nextCursor: LogCursor | null } {
    const { sql, params } = refusedKeysSql(filter, cursor, limit + 1);
    const rows = this.db.prepare<unknown[], RefusedRow>(sql).all(...params);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      attempts: shown.map((r) => {
        const isCard = r.method === 'rfid' && CARD_REASONS.has(r.reason);
        return {
        id: r.id,
        occurredAt: r.occurred_at,
        occurredMs: r.occurred_ms,
        at: hhmmOf(r.occurred_at),
        method: r.method,
        // Rows kept before presented text was made visible at the door may still hold raw control characters.
        presented: visibleText(r.presented),
        card: isCard ? visibleText(this.cards.printed(r.presented)) : null,
        holder: isCard ? this.cards.holder(r.presented) : null,
        reason: r.reason,
        count: r.seen_count,
        lastAt: r.last_at,
      };
      }),
      nextCursor: rows.length > limit && last ? { ms: last.occurred_ms, id: last.id } : null,
    };
  }
}
