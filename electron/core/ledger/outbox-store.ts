// The durable outbox (table sync_outbox, migration 0003): records queue here in their own transaction and leave
// the queue only on the city's answer. Every statement the push engine runs is here, so the migration test can
// check each one's query plan.
import type { Database, Statement } from 'better-sqlite3';
import type { SyncRecord } from '../../../shared/sync/protocol.js';
import { peerLogOf } from './peer-log.js';
import type { RegisterContent } from './merge-rules.js';
import { registerBase, settleRegister } from './peer-registers.js';

export const OUTBOX_SQL = {
  enqueue: 'INSERT INTO sync_outbox (record_id, record_type, queued_ms) VALUES (?, ?, ?)',
  enqueueBody: 'INSERT INTO sync_outbox_body (seq, body) VALUES (?, ?)',
  nextPending: `SELECT o.seq, o.record_id, b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq
                 WHERE o.state = 'pending' AND o.seq > ? ORDER BY o.seq LIMIT ?`,
  countPending: "SELECT count(*) AS n FROM sync_outbox WHERE state = 'pending'",
  countRejected: "SELECT count(*) AS n FROM sync_outbox WHERE state = 'rejected'",
  sentFrom: "SELECT seq, record_id FROM sync_outbox WHERE state = 'sent' AND seq >= ? ORDER BY seq LIMIT ?",
  newestSeq: 'SELECT max(seq) AS seq FROM sync_outbox',
  // The seqs as one JSON array: a batch of a thousand rows is one statement, not a thousand.
  markSent: `UPDATE sync_outbox SET state = 'sent', sent_ms = ?, attempts = attempts + 1, last_error = NULL
              WHERE seq IN (SELECT value FROM json_each(?)) AND state = 'pending'`,
  markRejected:
    "UPDATE sync_outbox SET state = 'rejected', rejected_reason = ?, attempts = attempts + 1, last_error = NULL WHERE seq = ? AND state = 'pending'",
  noteFailure: "UPDATE sync_outbox SET attempts = attempts + 1, last_error = ? WHERE state = 'pending' AND seq BETWEEN ? AND ?",
  requeue: "UPDATE sync_outbox SET state = 'pending', sent_ms = NULL WHERE record_id = ? AND state = 'sent'",
  rowOf: 'SELECT seq, state FROM sync_outbox WHERE record_id = ?',
  rejected: "SELECT record_id, rejected_reason, queued_ms FROM sync_outbox WHERE state = 'rejected' ORDER BY seq LIMIT ?",
  // The oldest acknowledged rows first (sync_outbox_by_state walks 'sent' by seq, and rows are sent in about seq order,
  // so a batch reads little more than it deletes); bodies go with them (ON DELETE CASCADE). The delete triggers of
  // migration 0003 refuse any row that is not 'sent', whatever this says.
  pruneSent: `DELETE FROM sync_outbox WHERE seq IN (
                SELECT seq FROM sync_outbox WHERE state = 'sent' AND sent_ms < ? ORDER BY seq LIMIT ?)`,
} as const;

export interface PendingRow {
  seq: number;
  record_id: string;
  /** The record's JSON exactly as queued. */
  body: string;
}

export interface RejectedRow {
  record_id: string;
  rejected_reason: string;
  queued_ms: number;
}

/** What happened to each pushed record (by its outbox seq), as the city said. */
export type RecordOutcome = { seq: number; status: 'sent' } | { seq: number; status: 'rejected'; reason: string };

/**
 * A push's answer written to a queue (this machine's outbox, or a relayed door's in relay_outbox): the rows the city
 * took marked sent at once, each refused one with its reason, in one transaction (the caller's, if one is open).
 * Only pending rows change; the statements take (sentMs, JSON array of seqs) and (reason, seq).
 */
export function settleOutcomes(db: Database, marks: { markSent: Statement; markRejected: Statement }, outcomes: readonly RecordOutcome[], nowMs: number): void {
  const sent = outcomes.filter((o) => o.status === 'sent').map((o) => o.seq);
  db.transaction(() => {
    if (sent.length > 0) marks.markSent.run(nowMs, JSON.stringify(sent));
    for (const o of outcomes) if (o.status === 'rejected') marks.markRejected.run(o.reason.slice(0, 500), o.seq);
  }).immediate();
}

/** Where a queued record stands. */
export type QueueState = 'pending' | 'sent' | 'rejected';

/**
 * A queue the push engine drains (sync/push-engine.ts): this machine's own outbox (OutboxStore), or a relayed door's
 * rows of relay_outbox (relay-outbox-store.ts). The same calls, so one engine serves both (docs/peers.md §5).
 */
export interface PushQueue {
  nextPending(limit: number, afterSeq?: number): PendingRow[];
  pendingCount(): number;
  rejectedCount(): number;
  rejected(limit?: number): RejectedRow[];
  sentFrom(fromSeq: number, limit: number): { seq: number; record_id: string }[];
  newestSeq(): number;
  settle(outcomes: readonly RecordOutcome[], nowMs: number): void;
  noteFailure(fromSeq: number, toSeq: number, errorCode: string): void;
  requeue(ids: readonly string[]): number;
  /** A record's row in this queue (its seq and state), if queued. */
  rowOf(recordId: string): { seq: number; state: QueueState } | undefined;
}

/**
 * Queues records. Runs inside the caller's transaction (the event's own), so it holds only the inserts: the outbox row
 * and, where the database has a peer log bound (every kiosk's, kiosk-core.ts), the record's own peer-log row
 * (docs/peers.md §5), with the very body text the outbox keeps. An attendance row carries its event's hash instead.
 */
export class OutboxWriter {
  private readonly insert: Statement<[string, string, number]>;
  private readonly insertBody: Statement<[number | bigint, string]>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(OUTBOX_SQL.enqueue);
    this.insertBody = db.prepare(OUTBOX_SQL.enqueueBody);
  }

  enqueue(record: SyncRecord, nowMs: number): void {
    const body = JSON.stringify(record);
    const { lastInsertRowid } = this.insert.run(record.id, record.type, nowMs);
    this.insertBody.run(lastInsertRowid, body);
    // A card or roster edit is a register record (docs/peers.md §6): its base is the register's winner, and it is settled.
    if (record.type === 'credential-change' || record.type === 'roster-change') {
      const log = peerLogOf(this.db);
      if (log === null) return;
      const content: RegisterContent = record.type === 'credential-change' ? { kind: record.type, body: record } : { kind: record.type, body: { change: record.change } };
      log.append(record.type, record.id, { body }, registerBase(this.db, content));
      // An edit made here names the winner it saw, so it is the register's one head: it never owes a follow-up itself.
      settleRegister(this.db, content, { nowMs, followUp: () => undefined });
      return;
    }
    // Looked up at each write, not kept: a restore reopens the file, and the core binds the new one.
    peerLogOf(this.db)?.append(record.type, record.id, record.type === 'attendance' ? { eventHash: record.hash } : { body });
  }
}

export class OutboxStore implements PushQueue {
  private readonly s: { [K in keyof typeof OUTBOX_SQL]: Statement };

  constructor(private readonly db: Database) {
    this.s = Object.fromEntries(Object.entries(OUTBOX_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as OutboxStore['s'];
  }

  /** The oldest pending rows after a seq (0: from the start), in queue order. */
  nextPending(limit: number, afterSeq = 0): PendingRow[] {
    return this.s.nextPending.all(afterSeq, limit) as PendingRow[];
  }

  pendingCount(): number {
    return (this.s.countPending.get() as { n: number }).n;
  }

  rejectedCount(): number {
    return (this.s.countRejected.get() as { n: number }).n;
  }

  /** The rejected records with the city's reasons, oldest first: kept for the staff, never retried blindly. */
  rejected(limit = 100): RejectedRow[] {
    return this.s.rejected.all(limit) as RejectedRow[];
  }

  /** Sent records from seq on, in order: the ids to ask the city about after an outage. */
  sentFrom(fromSeq: number, limit: number): { seq: number; record_id: string }[] {
    return this.s.sentFrom.all(fromSeq, limit) as { seq: number; record_id: string }[];
  }

  /** The newest seq ever queued (0 when none): where a reconciliation can stop. */
  newestSeq(): number {
    return (this.s.newestSeq.get() as { seq: number | null }).seq ?? 0;
  }

  /** Marks each record by the city's answer, in one transaction (the caller's, if one is open). Only pending rows change. */
  settle(outcomes: readonly RecordOutcome[], nowMs: number): void {
    settleOutcomes(this.db, this.s, outcomes, nowMs);
  }

  /** A push that got no usable answer: the rows stay pending; only the attempt and its error are noted. */
  noteFailure(fromSeq: number, toSeq: number, errorCode: string): void {
    this.s.noteFailure.run(errorCode, fromSeq, toSeq);
  }

  /**
   * Deletes up to `limit` rows the city acknowledged before `sentBeforeMs`, in one short transaction: the outbox's copy
   * only (the event stays in attendance_events, so the chain and the табель are untouched). Answers how many went.
   */
  pruneSent(sentBeforeMs: number, limit: number): number {
    return this.db.transaction(() => this.s.pruneSent.run(sentBeforeMs, limit).changes).immediate();
  }

  rowOf(recordId: string): { seq: number; state: QueueState } | undefined {
    return this.s.rowOf.get(recordId) as { seq: number; state: QueueState } | undefined;
  }

  /** Records the city says it lacks go back into the queue. */
  requeue(ids: readonly string[]): number {
    return this.db
      .transaction(() => ids.reduce((n, id) => n + this.s.requeue.run(id).changes, 0))
      .immediate();
  }
}
