// The relay outbox (table relay_outbox, migration 0027; docs/peers.md §5 "Exactly once to the city"): another
// machine's city-bound records this machine pushes under that machine's own token. One queue per relayed door over the
// one table (its origin_device_id), with the calls of this machine's own outbox, so the same push engine drains it.
import type { Database, Statement } from 'better-sqlite3';
import { settleOutcomes, type PendingRow, type PushQueue, type QueueState, type RecordOutcome, type RejectedRow } from './outbox-store.js';

export const RELAY_OUTBOX_SQL = {
  // INSERT OR IGNORE by record id: a record that comes again (by LAN, then on a stick) is queued once.
  enqueue: 'INSERT OR IGNORE INTO relay_outbox (origin_device_id, record_id, record_type, queued_ms) VALUES (?, ?, ?, ?)',
  enqueueBody: 'INSERT INTO relay_outbox_body (seq, body) VALUES (?, ?)',
  nextPending: `SELECT o.seq, o.record_id, b.body FROM relay_outbox o JOIN relay_outbox_body b ON b.seq = o.seq
                 WHERE o.origin_device_id = ? AND o.state = 'pending' AND o.seq > ? ORDER BY o.seq LIMIT ?`,
  countPending: "SELECT count(*) AS n FROM relay_outbox WHERE origin_device_id = ? AND state = 'pending'",
  countRejected: "SELECT count(*) AS n FROM relay_outbox WHERE origin_device_id = ? AND state = 'rejected'",
  sentFrom: "SELECT seq, record_id FROM relay_outbox WHERE origin_device_id = ? AND state = 'sent' AND seq >= ? ORDER BY seq LIMIT ?",
  newestSeq: 'SELECT max(seq) AS seq FROM relay_outbox WHERE origin_device_id = ?',
  markSent: `UPDATE relay_outbox SET state = 'sent', sent_ms = ?, attempts = attempts + 1, last_error = NULL
              WHERE seq IN (SELECT value FROM json_each(?)) AND state = 'pending'`,
  markRejected:
    "UPDATE relay_outbox SET state = 'rejected', rejected_reason = ?, attempts = attempts + 1, last_error = NULL WHERE seq = ? AND state = 'pending'",
  noteFailure:
    "UPDATE relay_outbox SET attempts = attempts + 1, last_error = ? WHERE origin_device_id = ? AND state = 'pending' AND seq BETWEEN ? AND ?",
  requeue: "UPDATE relay_outbox SET state = 'pending', sent_ms = NULL WHERE origin_device_id = ? AND record_id = ? AND state = 'sent'",
  rejected: "SELECT record_id, rejected_reason, queued_ms FROM relay_outbox WHERE origin_device_id = ? AND state = 'rejected' ORDER BY seq LIMIT ?",
  rowOf: 'SELECT seq, state FROM relay_outbox WHERE origin_device_id = ? AND record_id = ?',
  // Acknowledged by the city through another machine's push (a city-acks record): settled without a push of ours.
  markSentById: `UPDATE relay_outbox SET state = 'sent', sent_ms = ?, last_error = NULL
                  WHERE origin_device_id = ? AND record_id IN (SELECT value FROM json_each(?)) AND state = 'pending'`,
} as const;

type Statements = { [K in keyof typeof RELAY_OUTBOX_SQL]: Statement };

const prepared = new WeakMap<Database, Statements>();

function statementsOf(db: Database): Statements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = Object.fromEntries(Object.entries(RELAY_OUTBOX_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as Statements;
    prepared.set(db, s);
  }
  return s;
}

/**
 * Queues one relayed record, inside the caller's transaction (the import's): the body as its origin queued it, so
 * the city gets the same record whoever pushes it. Answers whether it was new here.
 */
export function enqueueRelayed(db: Database, origin: string, record: { id: string; type: string; body: string }, nowMs: number): boolean {
  const s = statementsOf(db);
  const { changes, lastInsertRowid } = s.enqueue.run(origin, record.id, record.type, nowMs);
  if (changes === 0) return false;
  s.enqueueBody.run(lastInsertRowid, record.body);
  return true;
}

/** Marks a door's queued records sent because the city acknowledged them to another machine (city-acks). */
export function markRelayedSent(db: Database, origin: string, recordIds: readonly string[], nowMs: number): number {
  if (recordIds.length === 0) return 0;
  return statementsOf(db).markSentById.run(nowMs, origin, JSON.stringify(recordIds)).changes;
}

/** One relayed door's rows of relay_outbox as a queue the push engine drains. */
export class RelayOutboxStore implements PushQueue {
  private readonly s: Statements;

  constructor(
    private readonly db: Database,
    readonly origin: string,
  ) {
    this.s = statementsOf(db);
  }

  nextPending(limit: number, afterSeq = 0): PendingRow[] {
    return this.s.nextPending.all(this.origin, afterSeq, limit) as PendingRow[];
  }

  pendingCount(): number {
    return (this.s.countPending.get(this.origin) as { n: number }).n;
  }

  rejectedCount(): number {
    return (this.s.countRejected.get(this.origin) as { n: number }).n;
  }

  rejected(limit = 100): RejectedRow[] {
    return this.s.rejected.all(this.origin, limit) as RejectedRow[];
  }

  sentFrom(fromSeq: number, limit: number): { seq: number; record_id: string }[] {
    return this.s.sentFrom.all(this.origin, fromSeq, limit) as { seq: number; record_id: string }[];
  }

  newestSeq(): number {
    return (this.s.newestSeq.get(this.origin) as { seq: number | null }).seq ?? 0;
  }

  settle(outcomes: readonly RecordOutcome[], nowMs: number): void {
    settleOutcomes(this.db, this.s, outcomes, nowMs);
  }

  noteFailure(fromSeq: number, toSeq: number, errorCode: string): void {
    this.s.noteFailure.run(errorCode, this.origin, fromSeq, toSeq);
  }

  requeue(ids: readonly string[]): number {
    return this.db.transaction(() => ids.reduce((n, id) => n + this.s.requeue.run(this.origin, id).changes, 0)).immediate();
  }

  rowOf(recordId: string): { seq: number; state: QueueState } | undefined {
    return this.s.rowOf.get(this.origin, recordId) as { seq: number; state: QueueState } | undefined;
  }
}
