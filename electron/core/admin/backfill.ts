// The admin folder's part of the one-time backfill (docs/peers.md §9 "Backfill, once"; peers/backfill.ts runs it).
// Transfers: one `transfer` per date in calendar_transfers, the body CalendarTransfers.set appends (who set it and
// when, an empty note as ''), so a joiner's табель and act count the same working days; a date whose register already
// has a record is not restated. A date cleared before the peer log existed has no row and needs no record: the joiner
// has none either. Never-come counts: each month's count under the id the city holds (never_come_counts.record_id),
// the outbox's text while kept, else rebuilt from the row.
import { TransferBodySchema } from '../../../shared/peers/peer-record.js';
import type { BackfillPiece } from '../ledger/backfill-writer.js';

interface TransferRow {
  date: string;
  kind: 'day-off' | 'working-day';
  note: string | null;
  staff_id: string;
  set_at: string;
  set_ms: number;
}

interface NeverComeRow {
  month: string;
  record_id: string;
  after_days: number;
  groups: string;
  counted_at: string;
  counted_ms: number;
}

export const transfersBackfill: BackfillPiece = (db, out) => {
  for (const t of db.prepare<[], TransferRow>('SELECT date, kind, note, staff_id, set_at, set_ms FROM calendar_transfers ORDER BY date').all()) {
    // A row the record's schema refuses (a note past 500 characters) stays local: another machine would refuse the page.
    const body = TransferBodySchema.safeParse({ date: t.date, kind: t.kind, note: t.note ?? '', staffId: t.staff_id, setAt: t.set_at, setMs: t.set_ms });
    if (body.success) out.register({ kind: 'transfer', body: body.data });
  }
};

export const neverComeCountsBackfill: BackfillPiece = (db, out) => {
  for (const n of db.prepare<[], NeverComeRow>('SELECT month, record_id, after_days, groups, counted_at, counted_ms FROM never_come_counts ORDER BY month').all()) {
    out.cityFact('never-come-count', n.record_id, () => ({
      type: 'never-come-count',
      id: n.record_id,
      deviceId: out.deviceId,
      month: n.month,
      afterDays: n.after_days,
      groups: JSON.parse(n.groups) as unknown,
      occurredAt: n.counted_at,
      occurredMs: n.counted_ms,
    }));
  }
};
