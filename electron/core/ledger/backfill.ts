// The ledger's part of the one-time backfill (docs/peers.md §9 "Backfill, once"; peers/backfill.ts runs it): this
// device's own attendance events, by seq, each row carrying its event's esik-event-v1 hash (the event's row is the
// body, §5). Another device's events (the city's peers feed) are their origin's and stay out. Read in pages by seq,
// since six years are some 750,000 events and one connection cannot read and write at once.
import type { BackfillPiece } from './backfill-writer.js';

const PAGE = 5000;

export const attendanceBackfill: BackfillPiece = (db, out) => {
  const page = db.prepare<[string, number, number], { id: string; device_seq: number; hash: string }>(
    'SELECT id, device_seq, hash FROM attendance_events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq LIMIT ?',
  );
  let after = 0;
  // Bounded by the events held: each page moves `after` past its last seq, and an empty page ends it.
  for (;;) {
    const rows = page.all(out.deviceId, after, PAGE);
    for (const e of rows) out.fact('attendance', e.id, { eventHash: e.hash });
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return;
    after = last.device_seq;
  }
};

/**
 * Override reasons, only while the outbox keeps the record it queued: the table keys a reason by its event and keeps
 * no record id, and a new id would be a second record of it at the city.
 */
export const overrideReasonBackfill: BackfillPiece = (db, out) => {
  const queued = db.prepare<[], { record_id: string; body: string }>(
    `SELECT o.record_id, b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'override-reason' ORDER BY o.seq`,
  );
  for (const r of queued.all()) out.fact('override-reason', r.record_id, { body: r.body });
};
