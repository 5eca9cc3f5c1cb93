// Watches the disk the records live on, off the door's path (a timer, a statfs and a stat, microseconds): warns the
// admins with a standing alert well before the disk is full (free-space-threshold.ts), clears it when space returns,
// and notices when the records file the core holds open is no longer reachable by its path (records-file-identity.ts).
import { statfsSync } from 'node:fs';
import type { StaffAlert } from '../../../shared/api/contract.js';
import type { DiskWarning } from '../../../shared/admin/diagnostics-contract.js';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { zoneOf, type Clock } from '../time/clock.js';
import { lowOnSpace, warnBelowBytes } from './free-space-threshold.js';
import { goneBecause, identityOf, type FileIdentity } from './records-file-identity.js';
import { folderBytes, UsageHistory } from './usage-history.js';

export const DISK_CHECK_MS = 5_000;

export interface DiskWatchOptions {
  dataDir: string;
  clock: Clock;
  /** How often the disk is looked at; DISK_CHECK_MS by default. */
  checkMs?: number;
  alert: (alert: Extract<StaffAlert, { kind: 'disk-low' }>) => void;
  cleared: (alertId: string) => void;
  /** The records file the core holds is no longer the one its path names. */
  gone: (detail: string) => void;
  log: (line: string) => void;
}

export class DiskWatch {
  private readonly usage: UsageHistory;
  private timer: ReturnType<typeof setInterval> | null = null;
  private low: { alertId: string; sinceMs: number } | null = null;
  private watched: { path: string; identity: FileIdentity } | null = null;
  private last: DiskWarning | null = null;

  constructor(private readonly options: DiskWatchOptions) {
    this.usage = new UsageHistory(options.dataDir, options.log);
  }

  start(): void {
    if (this.timer) return;
    // The first look comes with the first tick, not at start: the door's first taps come before a walk of the folder.
    this.timer = setInterval(() => this.check(), this.options.checkMs ?? DISK_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The records file just opened: from now on its path must keep naming it. */
  watchRecords(path: string): void {
    const identity = identityOf(path);
    this.watched = identity === null ? null : { path, identity };
  }

  unwatchRecords(): void {
    this.watched = null;
  }

  /** Why the records file held open cannot be reached by its path now, or null while it can. */
  recordsGone(): string | null {
    return this.watched === null ? null : goneBecause(this.watched.path, this.watched.identity);
  }

  /** The disk as last looked at, for the diagnostics page; null before the first look or when statfs cannot tell. */
  report(): DiskWarning | null {
    return this.last;
  }

  /** One look at the disk (the timer's; tests call it directly). */
  check(): void {
    try {
      const gone = this.recordsGone();
      if (gone !== null) this.options.gone(gone);
      this.checkSpace();
    } catch (error) {
      // Never let a look at the disk end the kiosk: the next look asks again.
      this.options.log(`[disk] the disk check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private checkSpace(): void {
    const nowMs = this.options.clock.now().getTime();
    let total: number;
    let free: number;
    try {
      const fs = statfsSync(this.options.dataDir);
      total = fs.blocks * fs.bsize;
      free = fs.bavail * fs.bsize;
    } catch {
      this.last = null;
      return;
    }
    this.usage.sample(nowMs, () => folderBytes(this.options.dataDir));
    const growth = this.usage.growthPerDay();
    const warnBelow = warnBelowBytes({ totalBytes: total, growthBytesPerDay: growth });
    const isLow = lowOnSpace(free, warnBelow, this.low !== null);
    if (isLow && this.low === null) {
      this.low = { alertId: `disk-low-${nowMs}`, sinceMs: nowMs };
      this.options.log(`[disk] DISK_LOW: ${free} bytes free of ${total}, warning below ${warnBelow} (growth ${growth === null ? 'not known yet' : `${Math.round(growth)} bytes a day`})`);
      const at = toLocalTime(new Date(nowMs), zoneOf(this.options.clock)).hhmm;
      this.options.alert({ id: this.low.alertId, kind: 'disk-low', freeBytes: free, warnBelowBytes: warnBelow, at });
    } else if (!isLow && this.low !== null) {
      this.options.log(`[disk] space again: ${free} bytes free, warning below ${warnBelow}`);
      this.options.cleared(this.low.alertId);
      this.low = null;
    }
    this.last = { freeBytes: free, totalBytes: total, warnBelowBytes: warnBelow, growthBytesPerDay: growth === null ? null : Math.round(growth), lowSinceMs: this.low?.sinceMs ?? null };
  }
}
