// Closing time on the door: once the configured closing time has passed and children are still checked in without a
// staff answer, the staff alert strip says so by itself — nobody has to open the Closing page to find out. The alert
// is raised again every RE_RAISE_MS while it stays so (a "Seen" is not a resolution, and a screen that connected
// later hears of it too), raised at once when the count changes, and cleared when no child is left unresolved.
import type { StaffAlert } from '../../../shared/api/contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { ClosingService } from './closing-service.js';
import type { SettingsStore } from '../ledger/settings-store.js';

/** Where staff alerts go: the kiosk core's staffAlert and staffAlertCleared events. */
export interface StaffAlertSink {
  raise: (alert: StaffAlert) => void;
  clear: (id: string) => void;
}

/** How often an alert nobody resolved comes back to the strip. */
export const RE_RAISE_MS = 10 * 60_000;

export class ClosingAlert {
  /** The alert on the strip now, if any: its id (one a day), the count it showed and when it was raised. */
  private shown: { id: string; count: number; raisedMs: number } | null = null;

  constructor(private readonly deps: { closing: ClosingService; settings: SettingsStore; sink: StaffAlertSink | null }) {}

  /** Called on the staff desk's clock tick. */
  check(at: LocalTime): void {
    const { sink } = this.deps;
    if (!sink) return;
    const closingTime = this.deps.settings.get('closingTime');
    const count = at.hhmm >= closingTime ? this.deps.closing.unresolvedCount(at.localDate) : 0;
    const id = `closing-time-${at.localDate}`;
    // A new day (or everyone resolved, or a later closing time set) ends yesterday's alert.
    if (this.shown && (count === 0 || this.shown.id !== id)) {
      sink.clear(this.shown.id);
      this.shown = null;
    }
    if (count === 0) return;
    if (this.shown && this.shown.count === count && at.ms - this.shown.raisedMs < RE_RAISE_MS) return;
    sink.raise({ id, kind: 'closing-time', count, closingTime, at: at.hhmm });
    this.shown = { id, count, raisedMs: at.ms };
  }
}
