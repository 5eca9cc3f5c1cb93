// After a restore the copy's chain ends before the records this kiosk pushed since it was taken. Until the sync worker
// has put those back from the city (recovery/chain-recovery.ts), a tap would take a chain place the city already
// holds: the city refuses it as a fork and the pushed records never come back. So the door waits for one round of
// the worker, the first one that ends, whatever it ends with, or for a bounded time, since the door must work offline.
import type { SyncStatus } from '../../../shared/sync/sync-status.js';

/**
 * The longest the door waits for the city after a restore. A round that reaches the city puts back ~1,000 records per
 * page in well under a second each; an unreachable city ends the round at once with a network error. 60 s covers a
 * slow link putting back a day's taps, and is short enough for staff to bridge on paper.
 */
export const CITY_RECOVERY_WAIT_MS = 60_000;

/**
 * The first round of the worker is over: it reached the city (recovery ran before the push, so what the city held is
 * back), it failed to (unreachable: the door records offline, as without a restore), recovery was refused with a code,
 * sync halted, or the kiosk is not enrolled after all.
 */
export function recoveryRoundOver(status: SyncStatus): boolean {
  return status.state !== 'offline' || status.lastErrorCode !== null || status.recoveryProblem !== null || status.halted !== null;
}

export interface CityRecoveryWaitOptions {
  waitMs: number;
  /** The wait is over (once): the door records again. */
  over: (why: string) => void;
}

export class CityRecoveryWait {
  private timer: ReturnType<typeof setTimeout> | null;
  private done = false;

  constructor(private readonly options: CityRecoveryWaitOptions) {
    this.timer = setTimeout(() => this.end(`no answer from the city within ${options.waitMs} ms`), options.waitMs);
    this.timer.unref();
  }

  /** Every sync status while waiting. */
  status(status: SyncStatus): void {
    if (this.done || !recoveryRoundOver(status)) return;
    const why = status.recoveryProblem
      ? `recovery refused: ${status.recoveryProblem.code}`
      : status.state === 'online'
        ? 'the city was reached and what it held is back'
        : `the city is unreachable (${status.lastErrorCode ?? status.halted ?? status.state})`;
    this.end(why);
  }

  /** The records closed meanwhile: nothing more to wait for. */
  stop(): void {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private end(why: string): void {
    if (this.done) return;
    this.stop();
    this.options.over(why);
  }
}
