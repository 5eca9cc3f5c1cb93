// The admin's transfers of working days (table calendar_transfers): read per month for the табель, set and cleared
// by an admin, each change kept in the admin audit trail.
import type { Database } from 'better-sqlite3';
import type { Transfer } from '../../../shared/admin/admin-contract.js';
import { lastDateOf, type TransferKind } from '../../../shared/admin/work-calendar.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { AdminAudit } from '../ledger/admin-audit.js';

/** The month's transfers: all the табель and the month's counts need of them (the staff desk reads them too). */
export interface TransfersByMonth {
  inMonth(month: string): Transfer[];
}

/** Reads the transfers without the right to change them. */
export function transfersOf(db: Database): TransfersByMonth {
  const inMonth = db.prepare<[string, string], Transfer>('SELECT date, kind, note FROM calendar_transfers WHERE date BETWEEN ? AND ? ORDER BY date');
  return { inMonth: (month) => inMonth.all(`${month}-01`, lastDateOf(month)) };
}

export class CalendarTransfers implements TransfersByMonth {
  private readonly reader: TransfersByMonth;

  constructor(
    private readonly db: Database,
    private readonly audit: AdminAudit,
  ) {
    this.reader = transfersOf(db);
  }

  inMonth(month: string): Transfer[] {
    return this.reader.inMonth(month);
  }

  /** Sets the date's transfer (kind) or clears it (null). */
  set(staffId: string, date: string, kind: TransferKind | null, note: string | null, at: LocalTime): void {
    this.db
      .transaction(() => {
        if (kind === null) {
          const removed = this.db.prepare('DELETE FROM calendar_transfers WHERE date = ?').run(date);
          if (removed.changes > 0) this.audit.record('transfer-cleared', staffId, at, { date });
          return;
        }
        this.db
          .prepare(
            `INSERT INTO calendar_transfers (date, kind, note, staff_id, set_at, set_ms) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, note = excluded.note, staff_id = excluded.staff_id,
               set_at = excluded.set_at, set_ms = excluded.set_ms`,
          )
          .run(date, kind, note, staffId, at.iso, at.ms);
        this.audit.record('transfer-set', staffId, at, { date, kind, note });
      })
      .immediate();
  }
}
