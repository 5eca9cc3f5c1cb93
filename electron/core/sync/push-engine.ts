// The push engine: takes the outbox's pending records in order, in batches, sends them with this kiosk's chain
// head, and marks each by the city's answer. Only an answer that was read whole and parsed settles anything: a
// timeout, a dropped connection, a lost or malformed acknowledgement leaves the rows pending, and the next try
// gets "duplicate" for what the city already holds. After an outage it asks the city which sent ids it lacks.
import type { Database, Statement } from 'better-sqlite3';
import { setImmediate } from 'node:timers/promises';
import { z } from 'zod';
import {
  ChainHeadSchema,
  MAX_MISSING_IDS,
  MAX_PUSH_RECORDS,
  type ChainHead,
  type PushReply,
} from '../../../shared/sync/protocol.js';
import { queuedRecords, type CityClient, type CityReply, type QueuedRecords } from './city-client.js';
import { OutboxStore, type PendingRow, type PushQueue, type QueueState, type RecordOutcome } from '../ledger/outbox-store.js';
import { appendCityAcks } from '../ledger/city-acks.js';
import { FULL_SPEED, type PushPacing } from '../pacing/push-pacing.js';
import { SyncError } from './sync-error.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

/**
 * What one engine pushes: a queue, the state keys it keeps its progress under, and the device whose chain the records
 * are (docs/peers.md §5 "The relay engine"). This machine's own by default; a relayed door's from sync/relay-push.ts.
 */
export interface PushSource {
  outbox: PushQueue;
  state: SyncStateStore;
  deviceId: string;
}

/** This machine's own outbox, sync_state keys and device id. */
export function ownPushSource(db: Database): PushSource {
  return {
    outbox: new OutboxStore(db),
    state: new SyncStateStore(db),
    deviceId: db.prepare<[], { id: string }>('SELECT id FROM device').get()?.id ?? '',
  };
}

export interface PushEngineOptions {
  /** A connection to the kiosk's database: the worker's own, or the core's. */
  db: Database;
  /** What to push; this machine's own outbox unless told. */
  source?: PushSource;
  client: Pick<CityClient, 'push' | 'missing' | 'hello'>;
  /** The device id the city enrolled this kiosk under; pushes are refused for any other. */
  cityDeviceId: string;
  now?: () => number;
  /** Records per push, at most MAX_PUSH_RECORDS. Small batches make a push shorter, not cheaper. */
  batchSize?: number;
  log?: (line: string) => void;
  /** A reply was read and understood: the city is reachable. */
  onReply?: () => void;
  /** After each batch is settled. */
  onBatch?: () => void;
  /** How hard to push: full speed unless told (the kiosk slows down while its door is in use). */
  pacing?: PushPacing;
}

export interface DrainResult {
  batches: number;
  sent: number;
  rejected: number;
}

/** The city's answer to a batch, and what it says of each row. */
interface Answered {
  reply: CityReply<PushReply>;
  outcomes: RecordOutcome[];
}

type ExchangeOutcome = { ok: true; reply: CityReply<PushReply> } | { ok: false; error: unknown };

/** Rows read from the outbox, in queue order, and their records ready to go. */
interface Batch {
  rows: PendingRow[];
  records: QueuedRecords;
}

const lastSeq = ({ rows }: Batch): number => rows.at(-1)?.seq ?? 0;

/**
 * A settle is a synchronous transaction: run before the next request has left, it would hold that request back.
 * node:http hands a 400 KB push to the OS within a turn or two of the event loop (within one in 59 of 60 tries here).
 */
async function requestOnItsWay(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await setImmediate();
}

/**
 * How the city's chain head disagrees with this kiosk's log. diverged: the city holds another event at its head's seq
 * (or one this kiosk never had): the history was rewritten. city-behind: the outbox is empty, yet the city's head
 * (null: it holds none) is short of this kiosk's newest event: records were lost on the city's side.
 */
const ChainHeadMismatchSchema = z.union([
  z.object({ kind: z.literal('city-behind'), theirs: ChainHeadSchema.nullable(), ours: ChainHeadSchema }),
  // Stored before city-behind was told apart: no kind.
  z.object({ kind: z.literal('diverged').default('diverged'), theirs: ChainHeadSchema, oursAtTheirSeq: z.string().nullable() }),
]);
export type ChainHeadMismatch = z.infer<typeof ChainHeadMismatchSchema>;

export class PushEngine {
  readonly outbox: PushQueue;
  readonly state: SyncStateStore;
  /** The device whose records and chain this engine pushes. */
  private readonly localDeviceId: string;
  private readonly ownHead: Statement<[string], { device_seq: number; hash: string }>;
  private readonly hashAt: Statement<[string, number], { hash: string }>;
  private readonly firstEventAfter: Statement<[string, number], { id: string }>;
  /** Set when a push of the current drain found the city's head short of ours: the city's head seq. */
  private cityBehindAt: number | null = null;
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly log: (line: string) => void;
  private readonly pacing: PushPacing;
  private replies = 0;

  constructor(private readonly options: PushEngineOptions) {
    const { db } = options;
    const source = options.source ?? ownPushSource(db);
    this.outbox = source.outbox;
    this.state = source.state;
    this.localDeviceId = source.deviceId;
    this.ownHead = db.prepare('SELECT device_seq, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1');
    this.hashAt = db.prepare('SELECT hash FROM attendance_events WHERE device_id = ? AND device_seq = ?');
    this.firstEventAfter = db.prepare('SELECT id FROM attendance_events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq LIMIT 1');
    this.now = options.now ?? Date.now;
    this.batchSize = Math.max(1, Math.min(options.batchSize ?? MAX_PUSH_RECORDS, MAX_PUSH_RECORDS));
    this.log = options.log ?? (() => undefined);
    this.pacing = options.pacing ?? FULL_SPEED;
  }

  /**
   * Pushes until nothing is pending, one exchange at a time: a batch is sent only once the one before it is answered
   * (its answer may still be being written down), and carries the kiosk's newest chain head at that moment, so the
   * city's answer can be compared with it.
   * Throws the SyncError of the first exchange that fails; what was settled stays settled. While the door is in use
   * the pacing makes the batches small, with a rest after each.
   *
   * When the outbox is empty and the city's chain head is still short of this kiosk's newest event (a city restored
   * from a backup), the city is asked which records after its head it lacks, and those are pushed again.
   */
  async drain(stopping: () => boolean = () => false): Promise<DrainResult> {
    if (this.localDeviceId !== this.options.cityDeviceId) {
      throw new SyncError('SYNC_DEVICE_MISMATCH', `the log is chained as ${this.localDeviceId}, the city enrolled ${this.options.cityDeviceId}`);
    }
    const total: DrainResult = { batches: 0, sent: 0, rejected: 0 };
    this.cityBehindAt = null;
    let askedWhatTheCityLacks = false;
    for (;;) {
      // Each pass walks the queue once in order; a record the city left unanswered is pending again for the next pass.
      while (!stopping() && this.outbox.pendingCount() > 0) await this.pass(total, stopping);
      // Once per drain, and only when a push of this drain found the city behind: if it still lacks records after
      // being asked, the mismatch stays raised for staff.
      const behindAt = this.cityBehindAt;
      if (stopping() || askedWhatTheCityLacks || behindAt === null || this.outbox.pendingCount() > 0) break;
      askedWhatTheCityLacks = true;
      if ((await this.askWhatTheCityLacks(behindAt, stopping)) === 0) break;
    }
    return total;
  }

  /**
   * One walk through the queue, batch after batch, one exchange at a time. While the door is quiet the kiosk's own work
   * hides behind the city's: the next batch is read and joined while this one is at the city, and a batch's answer is
   * settled once the next batch has gone out, so the city never waits for the kiosk's disk. While the door is in use
   * each batch is settled as soon as it is answered, then the push rests.
   */
  private async pass(total: DrainResult, stopping: () => boolean): Promise<void> {
    let batch = this.nextBatch(0);
    /** A batch the city answered whose rows are not settled yet: at most one, and only while the next is out. */
    let answered: Answered | null = null;
    while (batch !== null && !stopping()) {
      const started = performance.now();
      const exchange = this.send(batch);
      if (answered) {
        await requestOnItsWay();
        const settling = answered;
        answered = null;
        try {
          this.settle(settling, total);
        } catch (error) {
          // Nothing goes beside an exchange still under way, not even the next round's retry.
          await exchange;
          throw error;
        }
      }
      const readAhead = this.pacing.doorInUse() ? undefined : this.nextBatch(lastSeq(batch));
      const outcome = await exchange;
      if (!outcome.ok) throw outcome.error;
      // A reply that cannot be trusted stops the walk before anything more is sent.
      answered = { reply: outcome.reply, outcomes: this.outcomesFor(batch.rows, outcome.reply) };
      if (this.pacing.doorInUse()) {
        this.settle(answered, total);
        answered = null;
        batch = this.nextBatch(lastSeq(batch));
        // No rest after the last batch.
        if (batch !== null) await this.pacing.rest(performance.now() - started);
      } else {
        batch = readAhead === undefined ? this.nextBatch(lastSeq(batch)) : readAhead;
      }
    }
    if (answered) this.settle(answered, total);
  }

  /** The next pending rows after a seq, or null when there are none. */
  private nextBatch(afterSeq: number): Batch | null {
    const rows = this.outbox.nextPending(this.pacing.batchSize(this.batchSize), afterSeq);
    return rows.length === 0 ? null : { rows, records: queuedRecords(rows.map((r) => r.body)) };
  }

  /**
   * The city's head is short of ours with nothing left to send: the records after its head are checked with the
   * "missing" call (reconcile, from the outbox row of the first event after the city's head) and what it lacks goes
   * back into the queue. Returns how many did.
   */
  private async askWhatTheCityLacks(theirSeq: number, stopping: () => boolean): Promise<number> {
    const fromSeq = this.outboxRowAfter(theirSeq)?.seq;
    if (fromSeq === undefined) return 0;
    const current = this.state.getInt(SYNC_KEYS.reconcileFromSeq) ?? 0;
    this.state.setInt(SYNC_KEYS.reconcileFromSeq, Math.min(current, fromSeq));
    const requeued = await this.reconcile(stopping);
    this.log(`[sync] the city's chain head is seq ${theirSeq}, behind this kiosk's: ${requeued} records it lacks queued again`);
    return requeued;
  }

  /**
   * Asks the city about every record sent since the last check and queues again those it lacks (a city restored
   * from a backup, an acknowledgement from a proxy). Returns how many went back into the queue.
   */
  async reconcile(stopping: () => boolean = () => false): Promise<number> {
    let from = this.state.getInt(SYNC_KEYS.reconcileFromSeq) ?? 0;
    let requeued = 0;
    // Progress is kept page by page (reconcileFromSeq), so a stop between pages loses nothing.
    while (!stopping()) {
      const started = performance.now();
      const limit = this.pacing.batchSize(MAX_MISSING_IDS);
      const rows = this.outbox.sentFrom(from, limit);
      const last = rows.at(-1);
      if (!last) return requeued;
      const asked = new Set(rows.map((r) => r.record_id));
      const reply = await this.options.client.missing([...asked]);
      this.replied();
      const missing = reply.value.missing;
      if (missing.some((id) => !asked.has(id))) throw new SyncError('SYNC_MALFORMED', 'the city named a missing id it was not asked about');
      requeued += this.outbox.requeue(missing);
      from = last.seq + 1;
      this.state.setInt(SYNC_KEYS.reconcileFromSeq, from);
      this.state.setInt(SYNC_KEYS.lastSuccessMs, this.now());
      if (missing.length > 0) this.log(`[sync] the city lacked ${missing.length} sent records: queued again`);
      // A short page was the last: no rest after it.
      if (rows.length < limit) return requeued;
      await this.pacing.rest(performance.now() - started);
    }
    return requeued;
  }

  /** Replies read and understood so far: lets the loop tell whether a round talked to the city at all. */
  get exchanges(): number {
    return this.replies;
  }

  /** Asks the city only whether it is there (and what time it is): for a round that had nothing to push. */
  async probe(): Promise<void> {
    await this.options.client.hello();
    this.replied();
  }

  private replied(): void {
    this.replies += 1;
    this.options.onReply?.();
  }

  /** The city's last disagreeing chain head, or null when it agrees (or never said). */
  chainHeadMismatch(): ChainHeadMismatch | null {
    const raw = this.state.get(SYNC_KEYS.chainHeadMismatch);
    if (raw === null) return null;
    try {
      const parsed = ChainHeadMismatchSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable: still a disagreement staff must see.
    }
    return { kind: 'diverged', theirs: { deviceSeq: 0, hash: '0'.repeat(64) }, oursAtTheirSeq: null };
  }

  /**
   * Sends one batch, its rows as the JSON text they were queued as (the city checks each record and rejects a bad one
   * with its reason), with this kiosk's chain head as it is now. Never rejects: a failure is noted on the batch's rows,
   * which stay pending, and returned.
   */
  private async send(batch: Batch): Promise<ExchangeOutcome> {
    try {
      const reply = await this.options.client.push({ deviceId: this.options.cityDeviceId, records: batch.records, chainHead: this.chainHead() });
      this.replied();
      return { ok: true, reply };
    } catch (error) {
      try {
        this.outbox.noteFailure(batch.rows[0]?.seq ?? 0, lastSeq(batch), error instanceof SyncError ? error.code : 'SYNC_NETWORK');
      } catch (noteError) {
        // A disk that refuses even this note is the news: the loop backs off until it takes writes again.
        return { ok: false, error: noteError };
      }
      return { ok: false, error };
    }
  }

  /** What the city's answer says of each row sent. One that acknowledges none of the batch settles nothing. */
  private outcomesFor(rows: readonly PendingRow[], reply: CityReply<PushReply>): RecordOutcome[] {
    const outcomes = outcomesOf(reply.value, new Map(rows.map((r) => [r.record_id, r.seq])));
    if (outcomes.length === 0) {
      this.outbox.noteFailure(rows[0]?.seq ?? 0, rows.at(-1)?.seq ?? 0, 'SYNC_MALFORMED');
      throw new SyncError('SYNC_MALFORMED', 'the city acknowledged none of the records pushed');
    }
    return outcomes;
  }

  /**
   * Settles an answered batch in one short write transaction (a single UPDATE for the rows sent). Only an answer read
   * whole and parsed gets here.
   */
  private settle({ reply, outcomes }: Answered, total: DrainResult): void {
    // A door commit waiting for the write lock meanwhile retries after SQLite's busy sleep (1, 2, 5… ms): the
    // transaction is kept short, and while the door is in use the batch is small (push-pacing.ts).
    this.options.db
      .transaction(() => {
        this.outbox.settle(outcomes, this.now());
        this.state.setInt(SYNC_KEYS.lastSuccessMs, this.now());
        this.checkChainHead(reply.value.chainHead);
        // Every machine of the kindergarten learns what the city holds (docs/peers.md §5): the door marks its rows
        // sent when the acks of a relayed push reach it, and the office stops relaying a door that pushes itself.
        appendCityAcks(this.options.db, this.localDeviceId, reply.value, this.now());
      })
      .immediate();
    this.options.onBatch?.();
    const rejected = outcomes.filter((o) => o.status === 'rejected').length;
    if (rejected > 0) this.log(`[sync] the city rejected ${rejected} records (kept for staff)`);
    total.batches += 1;
    total.sent += outcomes.length - rejected;
    total.rejected += rejected;
  }

  /** The outbox row of this kiosk's first event after a seq (its seq in the queue and its state), if any. */
  private outboxRowAfter(deviceSeq: number): { seq: number; state: QueueState } | undefined {
    const next = this.firstEventAfter.get(this.localDeviceId, deviceSeq);
    return next ? this.outbox.rowOf(next.id) : undefined;
  }

  private chainHead(): ChainHead {
    const head = this.ownHead.get(this.localDeviceId);
    return head ? { deviceSeq: head.device_seq, hash: head.hash } : { deviceSeq: 0, hash: '0'.repeat(64) };
  }

  /**
   * The city's head must be an event of our own log: same seq, same hash; anything else is a rewritten history. With
   * nothing left to send (read in this same transaction, so a tap cannot slip in between), it must be our newest
   * event: a shorter head means the city lost records (drain then asks it which).
   */
  private checkChainHead(theirs: ChainHead | null): void {
    const nothingLeft = this.outbox.pendingCount() === 0;
    // Holding none of our chain yet is normal while records are still on their way; it says nothing either way.
    if (theirs === null && !nothingLeft) return;
    let mismatch: ChainHeadMismatch | null = null;
    const ours = theirs === null ? null : (this.hashAt.get(this.localDeviceId, theirs.deviceSeq)?.hash ?? null);
    if (theirs !== null && ours !== theirs.hash) {
      mismatch = { kind: 'diverged', theirs, oursAtTheirSeq: ours };
      this.log(`[sync] CHAIN HEAD MISMATCH: the city holds seq ${theirs.deviceSeq} as ${theirs.hash}, this kiosk ${ours ?? 'has no such event'}`);
    } else if (nothingLeft) {
      const head = this.chainHead();
      const theirSeq = theirs?.deviceSeq ?? 0;
      // A record the city refused is one it can never link past: that is already before staff, with its reason.
      if (head.deviceSeq > theirSeq && this.outboxRowAfter(theirSeq)?.state !== 'rejected') {
        this.cityBehindAt = theirSeq;
        mismatch = { kind: 'city-behind', theirs, ours: head };
        this.log(`[sync] CITY BEHIND: with nothing left to send, the city's chain head is ${theirs ? `seq ${theirs.deviceSeq}` : 'empty'}, this kiosk's seq ${head.deviceSeq}`);
      }
    }
    if (mismatch === null) this.state.delete(SYNC_KEYS.chainHeadMismatch);
    else this.state.set(SYNC_KEYS.chainHeadMismatch, JSON.stringify(mismatch));
  }
}

/**
 * Reads the city's per-record results against what was sent. A result for a record not sent, or two different
 * answers for one record, make the whole reply untrustworthy: nothing is settled. A record without a result stays
 * pending and goes again.
 */
export function outcomesOf(reply: PushReply, sent: ReadonlyMap<string, number>): RecordOutcome[] {
  const byId = new Map<string, RecordOutcome>();
  for (const result of reply.results) {
    const seq = sent.get(result.id);
    if (seq === undefined) throw new SyncError('SYNC_MALFORMED', `the city answered for record ${result.id}, which was not sent`);
    const outcome: RecordOutcome = result.status === 'rejected' ? { seq, status: 'rejected', reason: result.reason } : { seq, status: 'sent' };
    const earlier = byId.get(result.id);
    if (earlier && earlier.status !== outcome.status) throw new SyncError('SYNC_MALFORMED', `the city gave record ${result.id} two different answers`);
    byId.set(result.id, outcome);
  }
  return [...byId.values()];
}
