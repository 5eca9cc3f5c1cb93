// The records' cannot-record state: set when the disk refuses a write (full, read-only or failing), with the staff
// alert that says so, and a probe every few seconds that finds out when writes work again, so nobody has to press
// anything when space returns.
import type { StaffAlert, StorageProblem } from '../../shared/api/contract.js';
import { toLocalTime } from '../../shared/domain/local-time.js';
import { zoneOf, type Clock } from './time/clock.js';

/** The records refuse writes: since when, why, and the staff alert that says so. */
export interface CannotRecord {
  problem: StorageProblem;
  /** Local "HH:MM". */
  since: string;
  detail: string;
  alertId: string;
}

export interface CannotRecordOptions {
  clock: Clock;
  probeMs: number;
  /** One probe (a small write): it tells failed() or works() what it found. */
  probe: () => void;
  /** The state changed: the status shown follows. */
  changed: () => void;
  alert: (alert: StaffAlert) => void;
  cleared: (alertId: string) => void;
  log: (line: string) => void;
}

export class CannotRecordState {
  private current: CannotRecord | null = null;
  private probe: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: CannotRecordOptions) {}

  /** Why and since when the records cannot be written now; null while they can. */
  now(): CannotRecord | null {
    return this.current;
  }

  /** A write failed for lack of space (or a read-only or failing disk): the door stops saying "ready", staff hear of it. */
  failed(problem: StorageProblem, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    if (this.current) {
      if (this.current.problem === problem) return;
      this.current = { ...this.current, problem, detail };
    } else {
      const now = this.options.clock.now();
      const since = toLocalTime(now, zoneOf(this.options.clock)).hhmm;
      this.current = { problem, since, detail, alertId: `cannot-record-${now.getTime()}` };
      this.options.log(`[core] cannot record: ${problem}: ${detail}`);
    }
    this.options.changed();
    this.options.alert({ id: this.current.alertId, kind: 'cannot-record', problem: this.current.problem, at: this.current.since });
    this.startProbe();
  }

  /** Writes work again: the alert is withdrawn (the caller tells the new status). */
  works(): void {
    const was = this.current;
    if (!was) return;
    this.current = null;
    this.stopProbe();
    this.options.log(`[core] recording again after ${was.problem} since ${was.since}`);
    this.options.cleared(was.alertId);
  }

  stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }

  private startProbe(): void {
    if (this.probe) return;
    this.probe = setInterval(() => {
      try {
        this.options.probe();
      } catch (error) {
        // Not about the disk (a busy lock, say): no answer this time; the next probe asks again.
        this.options.log(`[core] storage probe failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, this.options.probeMs);
    this.probe.unref();
  }
}
