// The month's count of children who never come, for the city (issue 16 §3): once a month has ended, the first check on
// or after the next month's first day draws the list as of its last day (never-come-list.ts) and queues one
// 'never-come-count' record — per group, the count and the children's ids, no names — in the same transaction as its
// never_come_counts row (migration 0023). The month is that row's key, so the count is drawn and queued once however
// often the kiosk starts or checks. A kiosk not enrolled with a city keeps nothing: its roster is not the city's (the
// demo, a roster of its own), and a count queued would land on enrollment naming children the city never had.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { addDays, lastDateOf, shiftMonth } from '../../../shared/admin/work-calendar.js';
import type { NeverComeChild } from '../../../shared/admin/never-come-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { NeverComeCountRecord } from '../../../shared/sync/protocol.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

/** How often the kiosk looks whether a month's count is due: a count is a day's business, not a minute's. */
export const NEVER_COME_CHECK_MS = 10 * 60_000;

export interface NeverComeCountsDeps {
  db: Database;
  deviceId: string;
  /** The list as of a day (NeverComeFinder.list): counted back from `through`, `asOf` the first day not over. */
  list: (through: string, asOf: string) => NeverComeChild[];
  afterDays: () => number;
  /** The first day the kiosk kept records (TabelService.recordsSince): a month before it has nothing to count. */
  recordsSince: () => string;
  /**
   * Whether this computer is a door: only doors draw the count (docs/peers.md §2), each its own as today; the office
   * draws none. Asked at each check, since an admin may change the role.
   */
  isDoor: () => boolean;
}

export class NeverComeCounts {
  private readonly outbox: OutboxWriter;
  private readonly sync: SyncStateStore;
  private readonly held: Statement<[string], { month: string }>;
  private readonly activeGroups: Statement<[], { id: string }>;
  private readonly insert: Statement<[string, string, number, string, string, number]>;
  /** The month already settled (counted, or nothing to count): the check after it costs nothing until the next. */
  private settled = '';
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: NeverComeCountsDeps) {
    const { db } = deps;
    this.outbox = new OutboxWriter(db);
    this.sync = new SyncStateStore(db);
    this.held = db.prepare('SELECT month FROM never_come_counts WHERE month = ?');
    this.activeGroups = db.prepare('SELECT id FROM groups WHERE active = 1 ORDER BY id');
    this.insert = db.prepare('INSERT OR IGNORE INTO never_come_counts (month, record_id, after_days, groups, counted_at, counted_ms) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** The month before `at`'s, counted and queued if it is due and not yet counted; answers the record queued, or null. */
  countIfDue(at: LocalTime): NeverComeCountRecord | null {
    const month = shiftMonth(at.localDate.slice(0, 7), -1);
    if (this.settled === month) return null;
    // Not settled either: a computer made a door again this month still draws it.
    if (!this.deps.isDoor()) return null;
    // Not settled: enrolled later this month, the count is still drawn then.
    if (this.sync.get(SYNC_KEYS.serverUrl) === null) return null;
    const through = lastDateOf(month);
    if (this.held.get(month) || this.deps.recordsSince() > through) {
      this.settled = month;
      return null;
    }
    const listed = this.deps.list(through, addDays(through, 1));
    const groupIds = [...new Set([...this.activeGroups.all().map((g) => g.id), ...listed.map((c) => c.groupId)])].sort();
    const groups = groupIds.map((groupId) => {
      const childIds = listed.filter((c) => c.groupId === groupId).map((c) => c.childId);
      return { groupId, count: childIds.length, childIds };
    });
    const record: NeverComeCountRecord = {
      type: 'never-come-count',
      id: uuidv7(),
      deviceId: this.deps.deviceId,
      month,
      afterDays: this.deps.afterDays(),
      groups,
      occurredAt: at.iso,
      occurredMs: at.ms,
    };
    const { db } = this.deps;
    const queued = db
      .transaction(() => {
        // Another connection may have counted the month meanwhile: the row's key decides, and only its writer queues.
        if (this.insert.run(month, record.id, record.afterDays, JSON.stringify(groups), at.iso, at.ms).changes === 0) return false;
        this.outbox.enqueue(record, at.ms);
        return true;
      })
      .immediate();
    this.settled = month;
    return queued ? record : null;
  }

  /** Checks now and then every NEVER_COME_CHECK_MS; unref'd, so it never keeps a process alive. */
  start(now: () => LocalTime, report: (line: string) => void, everyMs = NEVER_COME_CHECK_MS): void {
    if (this.timer) return;
    const run = (): void => {
      try {
        this.countIfDue(now());
      } catch (error) {
        report(`[never-come] the month's count failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
    run();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
