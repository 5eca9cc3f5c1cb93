// Keeps the credentials the door refused, so admins can see who tried what and enrol a card that should work. Not an
// attendance record: a flood must not grow it without end, nor hold the door up with a disk write per card. The same
// credential refused again within a window is one row with a count and the time last seen, its count written at most
// once a second; new rows are rate-limited (past the limit, one row counts the rest); the table keeps its newest rows
// only; and what was presented is stored with invisible and display-steering characters made visible
// (shared/text/visible-text.ts).
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { StorageProblem } from '../../../shared/api/contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { boundedVisibleText } from '../../../shared/text/visible-text.js';
import type { QrRefusalReason } from '../credentials/qr-verifier.js';
import { storageProblemOf } from '../db/storage-failure.js';
import { TokenBucket } from './token-bucket.js';

export type RefusalReason =
  | 'unknown-card'
  | 'unreadable-card'
  | 'revoked-card'
  /** A reading that fits several enrolled cards (a W26 reading, an unconfigured reader's guesses): refused, not guessed. */
  | 'ambiguous-card'
  | 'no-children'
  | 'pickup-not-allowed'
  /** Refusals past the rate limit, counted in one row instead of kept one by one (presented is empty). */
  | 'too-many'
  | QrRefusalReason;

interface Attempt {
  method: 'rfid' | 'qr';
  presented: string;
  reason: RefusalReason;
  at: LocalTime;
}

export interface RefusedLimits {
  /** The same credential refused again within this time of its last refusal (the same local day) counts in its row. */
  coalesceMs: number;
  /** New rows in a burst, then one more per `newRowEveryMs`. */
  burst: number;
  newRowEveryMs: number;
  /** Rows kept; the oldest go once the table holds `maxRows + pruneSlack`, so pruning is one statement now and then. */
  maxRows: number;
  pruneSlack: number;
}

/**
 * A morning at the door refuses a handful of credentials; these leave room for a bad day (a reader that misreads,
 * a family without cards yet) and stop a flood at about a hundred rows, and years of refusals at about 10,000 rows.
 */
export const REFUSED_LIMITS: RefusedLimits = { coalesceMs: 10 * 60_000, burst: 100, newRowEveryMs: 6_000, maxRows: 10_000, pruneSlack: 500 };

/** What was presented is cut to this many characters before it is made visible. */
const MAX_PRESENTED = 128;

/** Attempts held in memory while the disk refuses them, written when it takes writes again; the oldest go first. */
const MAX_HELD = 200;

/** Repeats counted in memory are written at most this often (and with any new row, and when the door closes). */
const REPEATS_WRITE_MS = 1_000;

/** Repeats of one row not written yet: how many, and the last of them. */
interface Repeats {
  count: number;
  lastAt: string;
  lastMs: number;
}

interface NewestRow {
  id: string;
  occurred_at: string;
  seen_ms: number;
}

export interface RefusedAttemptsOptions {
  /** Told when the disk refused a write: the door's answer stays "refused", the door itself cannot record. */
  onStorageProblem?: (problem: StorageProblem, error: unknown) => void;
  log?: (line: string) => void;
  limits?: Partial<RefusedLimits>;
}

export class RefusedAttempts {
  private readonly insert: Statement<[string, string, number, string, string, string]>;
  private readonly newest: Statement<[string, string, string], NewestRow>;
  private readonly seenAgain: Statement<[number, string, number, string]>;
  private readonly prune: Statement<[number]>;
  private readonly limits: RefusedLimits;
  private readonly newRows: TokenBucket;
  private readonly held: Attempt[] = [];
  /** Repeats counted but not written yet, by row id. */
  private readonly repeats = new Map<string, Repeats>();
  private repeatsWrittenMs = Number.NEGATIVE_INFINITY;
  /** Writes the last repeats of a burst that then stopped. */
  private repeatsTimer: ReturnType<typeof setTimeout> | null = null;
  /** Rows in the table, counted once at start and kept up to date here (the door is the only writer). */
  private rows: number;
  /** New-row tokens taken by the write under way, given back if the disk refuses it. */
  private tokensTaken = 0;

  constructor(
    private readonly db: Database,
    private readonly options: RefusedAttemptsOptions = {},
  ) {
    this.limits = { ...REFUSED_LIMITS, ...options.limits };
    this.newRows = new TokenBucket(this.limits.burst, this.limits.newRowEveryMs);
    this.insert = db.prepare(
      'INSERT INTO refused_attempts (id, occurred_at, occurred_ms, method, presented, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.newest = db.prepare(
      `SELECT id, occurred_at, coalesce(last_ms, occurred_ms) AS seen_ms FROM refused_attempts
        WHERE method = ? AND presented = ? AND reason = ? ORDER BY occurred_ms DESC LIMIT 1`,
    );
    this.seenAgain = db.prepare('UPDATE refused_attempts SET seen_count = seen_count + ?, last_at = ?, last_ms = ? WHERE id = ?');
    this.prune = db.prepare('DELETE FROM refused_attempts WHERE id IN (SELECT id FROM refused_attempts ORDER BY occurred_ms, id LIMIT ?)');
    this.rows = (db.prepare('SELECT count(*) AS n FROM refused_attempts').get() as { n: number }).n;
  }

  /** Never throws for a full, read-only or failing disk: a refused card is refused whether or not it can be kept. */
  record(method: 'rfid' | 'qr', presented: string, reason: RefusalReason, at: LocalTime): void {
    this.held.push({ method, presented: boundedVisibleText(presented, MAX_PRESENTED), reason, at });
    if (this.held.length > MAX_HELD) this.held.shift();
    this.flush(at.ms);
  }

  /**
   * Writes what waits: attempts the disk refused before (the core calls this once it takes writes again) and repeats
   * counted in memory. `nowMs`, the door's time, decides whether repeats are due; without it, all are written.
   */
  flush(nowMs?: number): void {
    if (this.held.length === 0 && this.repeats.size === 0) return;
    const rowsBefore = this.rows;
    const repeatsBefore = new Map(this.repeats);
    this.tokensTaken = 0;
    try {
      this.db.transaction(() => {
        let added = false;
        for (const a of this.held) added = this.place(a) || added;
        // Only repeats, before their time: nothing is written, and a transaction that only read costs no fsync.
        if (added || nowMs === undefined || nowMs - this.repeatsWrittenMs >= REPEATS_WRITE_MS) this.writeRepeats(nowMs);
        if (this.rows > this.limits.maxRows + this.limits.pruneSlack) {
          this.prune.run(this.rows - this.limits.maxRows);
          this.rows = this.limits.maxRows;
        }
      })();
      this.held.length = 0;
    } catch (error) {
      // Undone: the rows, the repeats and the rate limit are as before, for the retry.
      this.rows = rowsBefore;
      this.newRows.giveBack(this.tokensTaken);
      this.repeats.clear();
      for (const [id, r] of repeatsBefore) this.repeats.set(id, r);
      const problem = storageProblemOf(error);
      if (problem === null) {
        // Not the disk: holding the attempts would only fail the same way again.
        this.held.length = 0;
        throw error;
      }
      this.options.onStorageProblem?.(problem, error);
    }
    this.scheduleRepeats();
  }

  /** The door closes: repeats still in memory are written. */
  stop(): void {
    if (this.repeatsTimer) clearTimeout(this.repeatsTimer);
    this.repeatsTimer = null;
    this.flushQuietly();
  }

  /** Counts the attempt in its credential's newest row, or adds a row (rate-limited); true when a row was added. */
  private place(a: Attempt): boolean {
    if (this.countRepeat(a.method, a.presented, a.reason, a.at)) return false;
    if (this.newRows.take(a.at.ms)) {
      this.tokensTaken += 1;
      this.add(a);
      return true;
    }
    // Past the limit (a flood of different cards): one row per window counts them all.
    if (this.countRepeat(a.method, '', 'too-many', a.at)) return false;
    this.add({ ...a, presented: '', reason: 'too-many' });
    return true;
  }

  /** A repeat when the credential's newest row was last seen within the window, the same local day. */
  private countRepeat(method: Attempt['method'], presented: string, reason: RefusalReason, at: LocalTime): boolean {
    const row = this.newest.get(method, presented, reason);
    if (!row || row.occurred_at.slice(0, 10) !== at.localDate) return false;
    const waiting = this.repeats.get(row.id);
    if (at.ms - (waiting?.lastMs ?? row.seen_ms) > this.limits.coalesceMs) return false;
    this.repeats.set(row.id, { count: (waiting?.count ?? 0) + 1, lastAt: at.iso, lastMs: at.ms });
    return true;
  }

  private add({ method, presented, reason, at }: Attempt): void {
    this.insert.run(uuidv7(), at.iso, at.ms, method, presented, reason);
    this.rows += 1;
  }

  private writeRepeats(nowMs: number | undefined): void {
    for (const [id, r] of this.repeats) this.seenAgain.run(r.count, r.lastAt, r.lastMs, id);
    this.repeats.clear();
    if (nowMs !== undefined) this.repeatsWrittenMs = nowMs;
  }

  private scheduleRepeats(): void {
    if (this.repeats.size === 0 || this.repeatsTimer) return;
    this.repeatsTimer = setTimeout(() => {
      this.repeatsTimer = null;
      this.flushQuietly();
    }, REPEATS_WRITE_MS);
    this.repeatsTimer.unref();
  }

  /** From a timer, the core's storage probe or at close: nobody to throw to, so a failure is logged (a full disk is already reported). */
  flushQuietly(): void {
    try {
      this.flush();
    } catch (error) {
      this.options.log?.(`[refused] could not write repeated refusals: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
