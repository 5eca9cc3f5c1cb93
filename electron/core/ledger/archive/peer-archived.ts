// The peer log's side of an archived year (docs/peers.md §5 "Archived years", migration 0034): the archive moves the
// events and keeps every peer_log row, so an origin's chain stays whole and its other kinds (accounts, PINs, the roster,
// absences) still travel; an attendance row whose event is archived travels "link-only" (its links and hashes, no
// event), and only up to the origin's signed head kept in peer_archived, which every page carrying such rows names.
import type { Database } from 'better-sqlite3';
import type { SignedHead } from '../../../../shared/peers/peer-record.js';
import { yearEnd } from './archive-plan.js';

interface HeadRow {
  device_id: string;
  through_seq: number;
  hash: string;
  sig: Buffer;
}

const headOf = (r: HeadRow): SignedHead => ({ deviceId: r.device_id, seq: r.through_seq, hash: r.hash, sig: r.sig.toString('base64url') });

/** The origin's archived head here, or null: every attendance row of it held here has its event (or waits for it). */
export function archivedHeadOf(db: Database, deviceId: string): SignedHead | null {
  const row = db.prepare<[string], HeadRow>('SELECT device_id, through_seq, hash, sig FROM peer_archived WHERE device_id = ?').get(deviceId);
  return row === undefined ? null : headOf(row);
}

/** Keeps an origin's archived head, or a later one in place of the one kept; an earlier one changes nothing. */
export function keepArchivedHead(db: Database, head: SignedHead, nowMs: number): void {
  db.prepare(
    `INSERT INTO peer_archived (device_id, through_seq, hash, sig, recorded_ms) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET through_seq = excluded.through_seq, hash = excluded.hash, sig = excluded.sig, recorded_ms = excluded.recorded_ms
     WHERE excluded.through_seq > peer_archived.through_seq`,
  ).run(head.deviceId, head.seq, head.hash, Buffer.from(head.sig, 'base64url'), Math.trunc(nowMs));
}

/**
 * Inside the archive's transaction, before the events go: for every origin with a peer-log row naming an event the
 * archive moves (this device's seqs of the year, the other kiosks' events dated in it or before), its signed head at
 * the first signed row at or after the newest such row. One always exists: the newest row held of any origin is signed
 * (a live append signs, a backfill signs its last, an import keeps the signature of each page's last row).
 */
export function recordArchivedPeerRows(db: Database, segment: { deviceId: string; firstSeq: number; lastSeq: number; year: number }, nowMs: number): SignedHead[] {
  const newest = db
    .prepare<{ own: string; first: number; last: number; end: string }, { device_id: string; seq: number }>(
      `SELECT p.device_id, max(p.seq) AS seq FROM attendance_events e JOIN peer_log p ON p.record_id = e.id AND p.kind = 'attendance'
        WHERE (e.device_id = :own AND e.device_seq BETWEEN :first AND :last) OR (e.device_id <> :own AND e.local_date <= :end)
        GROUP BY p.device_id`,
    )
    .all({ own: segment.deviceId, first: segment.firstSeq, last: segment.lastSeq, end: yearEnd(segment.year) });
  const signedFrom = db.prepare<[string, number], HeadRow>(
    'SELECT device_id, seq AS through_seq, hash, sig FROM peer_log WHERE device_id = ? AND seq >= ? AND sig IS NOT NULL ORDER BY seq LIMIT 1',
  );
  return newest.map(({ device_id, seq }) => {
    const row = signedFrom.get(device_id, seq);
    // Undone whole by the archive's transaction: a year whose rows could not be served again is not moved.
    if (row === undefined) throw new Error(`no signed peer-log row of ${device_id} at or after seq ${seq}`);
    const head = headOf(row);
    keepArchivedHead(db, head, nowMs);
    return head;
  });
}
