// Puts back this kiosk's own events that the city holds beyond the kiosk's newest one: after a restore from an older
// copy, what was recorded and pushed since that copy is still at the city. Page by page, each page checked whole
// (chain-page-check.ts) before any of it is written; a fork or a record that cannot be ours writes nothing and stands
// in the sync status for the admins. Runs in the sync worker, before the push.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { MAX_CHAIN_PAGE, type ChainHead } from '../../../../shared/sync/protocol.js';
import type { RecoveryProblemCode } from '../../../../shared/sync/sync-status.js';
import { GENESIS_HASH, type WalkStart } from '../../ledger/event-chain.js';
import { RecoveredEvents } from '../../ledger/recovered-events.js';
import { SYNC_KEYS, SyncStateStore } from '../../ledger/sync-state.js';
import type { CityClient } from '../city-client.js';
import { FULL_SPEED, type PushPacing } from '../../pacing/push-pacing.js';
import { SyncError } from '../sync-error.js';
import { ChainPageCheck } from './chain-page-check.js';
import { RecoveryState } from './recovery-state.js';

/** 750 pages hold five years of a large kindergarten; past this many in one round, the next round goes on. */
const MAX_PAGES_PER_RUN = 1_000;

export interface ChainRecoveryOptions {
  db: Database;
  client: Pick<CityClient, 'chainPage'>;
  now?: () => number;
  log?: (line: string) => void;
  /** Records asked for per page; MAX_CHAIN_PAGE unless a test pages in smaller steps. */
  pageSize?: number;
  /** Rests between pages while the door is in use, as the push does. */
  pacing?: PushPacing;
  /** Events were put back: the chain's new end, for the anchor the core keeps. */
  onPutBack?: (head: WalkStart) => void;
}

/** done: nothing more to put back for now (or refused until the next start); again: try again next round. */
export type RecoveryRun = 'done' | 'again';

const StoredMismatchSchema = z.object({ theirs: z.object({ deviceSeq: z.number().int().nonnegative(), hash: z.string() }) });

export class ChainRecovery {
  private readonly deviceId: string;
  private readonly newestStmt: Statement<[string], { device_seq: number; hash: string }>;
  private readonly hashAtStmt: Statement<[string, number], { hash: string }>;
  private readonly check: ChainPageCheck;
  private readonly events: RecoveredEvents;
  private readonly recovery: RecoveryState;
  private readonly sync: SyncStateStore;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private readonly pageSize: number;
  private readonly pacing: PushPacing;
  private unsupportedSaid = false;

  constructor(private readonly options: ChainRecoveryOptions) {
    const { db } = options;
    this.deviceId = db.prepare<[], { id: string }>('SELECT id FROM device').get()?.id ?? '';
    this.newestStmt = db.prepare('SELECT device_seq, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1');
    this.hashAtStmt = db.prepare('SELECT hash FROM attendance_events WHERE device_id = ? AND device_seq = ?');
    this.check = new ChainPageCheck(db);
    this.events = new RecoveredEvents(db);
    this.recovery = new RecoveryState(db);
    this.sync = new SyncStateStore(db);
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => undefined);
    this.pageSize = Math.max(1, Math.min(options.pageSize ?? MAX_CHAIN_PAGE, MAX_CHAIN_PAGE));
    this.pacing = options.pacing ?? FULL_SPEED;
  }

  /**
   * Whether a push since showed the city holding this kiosk's chain beyond its newest event (a diverged chain head at a
   * place the kiosk never recorded) while no refusal stands: a fork or a bad page is asked about again only at the next
   * start, a roster that lacked someone at the next round.
   */
  wanted(): boolean {
    const problem = this.recovery.problem();
    if (problem !== null && problem.code !== 'RECOVERY_ROSTER_BEHIND') return false;
    const theirs = this.storedMismatch();
    return theirs !== null && theirs.deviceSeq > (this.newest()?.seq ?? 0);
  }

  /**
   * Asks the city for this kiosk's chain after its newest event and puts back what it returns, page by page. Throws the
   * SyncError of an exchange that fails (the round backs off and asks again before it pushes); a server without the
   * call (404) is logged once and recovery is skipped.
   */
  async run(stopping: () => boolean = () => false): Promise<RecoveryRun> {
    let putBack = 0;
    for (let pages = 0; pages < MAX_PAGES_PER_RUN; pages += 1) {
      if (stopping()) return 'again';
      const started = performance.now();
      const ours = this.newest();
      const after = ours ?? { seq: 0, hash: GENESIS_HASH };
      let reply;
      try {
        reply = (await this.options.client.chainPage(after.hash, this.pageSize)).value;
      } catch (error) {
        if (error instanceof SyncError && error.status === 404) return this.unsupported();
        throw error;
      }
      if (!reply.afterHeld) {
        if (this.cityBehindOrEmpty(reply.chainHead, after)) return this.finished(putBack);
        const theirs = reply.chainHead ? `seq ${reply.chainHead.deviceSeq}` : 'none';
        return this.refused('RECOVERY_FORK', `the city does not hold this kiosk's seq ${after.seq} and its chain head (${theirs}) is not in this kiosk's log`, putBack);
      }
      const checked = this.check.check(this.deviceId, after, reply.records);
      if (!checked.ok) return this.refused(checked.code, checked.detail, putBack);
      if (checked.events.length > 0) {
        const put = this.events.putBack(this.deviceId, ours, checked.events, this.now());
        if ('headMoved' in put) {
          return this.refused('RECOVERY_FORK', `this kiosk recorded seq ${put.headMoved?.seq ?? 0} meanwhile, where the city holds its own record`, putBack);
        }
        putBack += put.stored;
        this.recovery.noteRecovered({ events: putBack, throughSeq: put.head.seq, atMs: this.now() });
        this.options.onPutBack?.(put.head);
      }
      if (checked.stoppedBy) {
        this.refused(checked.stoppedBy.code, checked.stoppedBy.detail, putBack);
        return 'again';
      }
      if (reply.records.length < this.pageSize) return this.finished(putBack);
      await this.pacing.rest(performance.now() - started);
    }
    return 'again';
  }

  private newest(): WalkStart | null {
    const row = this.newestStmt.get(this.deviceId);
    return row ? { seq: row.device_seq, hash: row.hash } : null;
  }

  /** The city holds none of the chain, or its head is an earlier event of ours: nothing of ours for it to give back. */
  private cityBehindOrEmpty(theirs: ChainHead | null, ours: WalkStart): boolean {
    if (theirs === null) return true;
    return theirs.deviceSeq < ours.seq && this.hashAtStmt.get(this.deviceId, theirs.deviceSeq)?.hash === theirs.hash;
  }

  private finished(putBack: number): RecoveryRun {
    this.recovery.clearProblem();
    // A city head this kiosk now holds is no longer a disagreement (nor, at the next start, a sign of lost events).
    const theirs = this.storedMismatch();
    if (theirs !== null && this.hashAtStmt.get(this.deviceId, theirs.deviceSeq)?.hash === theirs.hash) this.sync.delete(SYNC_KEYS.chainHeadMismatch);
    if (putBack > 0) this.log(`[sync] put back ${putBack} of this kiosk's own events from the city, through seq ${this.newest()?.seq ?? 0}`);
    return 'done';
  }

  private refused(code: RecoveryProblemCode, detail: string, putBack: number): RecoveryRun {
    this.recovery.noteProblem(code, detail, this.now());
    this.log(`[sync] ${code}: ${detail}; ${putBack} events put back before it, nothing else written`);
    return 'done';
  }

  private unsupported(): RecoveryRun {
    if (!this.unsupportedSaid) this.log('[sync] the city server does not offer GET /v1/records/chain (404): nothing is put back from it');
    this.unsupportedSaid = true;
    return 'done';
  }

  private storedMismatch(): ChainHead | null {
    const raw = this.sync.get(SYNC_KEYS.chainHeadMismatch);
    if (raw === null) return null;
    try {
      const parsed = StoredMismatchSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data.theirs : null;
    } catch {
      return null;
    }
  }
}
