// The admin's transfers of working days (table calendar_transfers): read per month for the табель, set and cleared
// by an admin, each change kept in the admin audit trail.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Transfer } from '../../../shared/admin/admin-contract.js';
import { lastDateOf, type TransferKind } from '../../../shared/admin/work-calendar.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { TransferBodySchema } from '../../../shared/peers/peer-record.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import { appendRegisterEdit } from '../ledger/peer-registers.js';

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

  /**
   * Sets the date's transfer (kind) or clears it (null). Each change is also a `transfer` record (docs/peers.md §6),
   * based on the date's winner as this machine sees it, so every machine of the kindergarten writes the same row.
   */
  set(staffId: string, date: string, kind: TransferKind | null, note: string | null, at: LocalTime): void {
    // An empty note is none: the record carries '' for both, and every machine stores null for it.
    const kept = note === null || note === '' ? null : note;
    this.db
      .transaction(() => {
        const body: TransferBody = { date, kind, note: kept ?? '', staffId, setAt: at.iso, setMs: at.ms };
        if (kind === null) {
          const removed = writeTransfer(this.db, body);
          if (!removed) return;
          this.audit.record('transfer-cleared', staffId, at, { date });
        } else {
          writeTransfer(this.db, body);
          this.audit.record('transfer-set', staffId, at, { date, kind, note: kept });
        }
        appendRegisterEdit(this.db, { kind: 'transfer', body }, at.ms);
      })
      .immediate();
  }
}

export type TransferBody = z.infer<typeof TransferBodySchema>;

/**
 * The date's row as a transfer body says (admin/peer-apply.ts writes the decided one the same way): set, or cleared
 * for a null kind. True when the table changed.
 */
export function writeTransfer(db: Database, body: TransferBody): boolean {
  if (body.kind === null) return db.prepare('DELETE FROM calendar_transfers WHERE date = ?').run(body.date).changes > 0;
  db.prepare(
    `INSERT INTO calendar_transfers (date, kind, note, staff_id, set_at, set_ms) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, note = excluded.note, staff_id = excluded.staff_id,
       set_at = excluded.set_at, set_ms = excluded.set_ms`,
  ).run(body.date, body.kind, body.note === '' ? null : body.note, body.staffId, body.setAt, body.setMs);
  return true;
}
