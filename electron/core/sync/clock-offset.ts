// How far the kiosk's clock is from the city's, from the Date header of the pulls' replies (one tracker, CityLink's):
// stored in sync_state (each new event is stamped with it by AttendanceLog.append) and raised to staff when it passes two minutes, since a wrong
// kiosk clock puts arrivals on the wrong side of the 09:00 cut-off and QR codes out of their validity windows.
import { SYNC_KEYS, type SyncStateStore } from '../ledger/sync-state.js';
import { isDrift } from '../time/clock-checks.js';

// The limit lives beside the admin screens' other clock checks; the drift alert uses the same one.
export { isDrift, MAX_CLOCK_DRIFT_MS } from '../time/clock-checks.js';

/** What one exchange with the city tells about the clocks (the fields CityClient's replies carry). */
export interface TimedReply {
  /** The city's Date header in epoch ms, or null when absent or unreadable. */
  serverDateMs: number | null;
  /** Kiosk epoch ms when the request started and when the reply was complete. */
  startedMs: number;
  finishedMs: number;
}

/**
 * City clock minus kiosk clock, in ms, or null when the reply had no usable Date header. The header is written while
 * the reply is made, somewhere between the request's start and its end on the kiosk's clock: the midpoint is the
 * best guess. It is truncated to the second, so the city's true time was half a second later on average.
 */
export function clockOffsetOf(reply: TimedReply): number | null {
  if (reply.serverDateMs === null || !Number.isFinite(reply.serverDateMs)) return null;
  if (reply.finishedMs < reply.startedMs) return null; // the kiosk clock jumped back mid-request: no honest estimate
  const kioskMidpoint = (reply.startedMs + reply.finishedMs) / 2;
  return Math.round(reply.serverDateMs + 500 - kioskMidpoint);
}

export class ClockOffsetTracker {
  /** Whether the staff were told of the current drift: once per episode, again only after the clock was fine. */
  private alerted = false;

  constructor(
    private readonly state: SyncStateStore,
    /** Told when the offset first passes the limit (and again after it was back within it). */
    private readonly onDrift: (offsetMs: number) => void,
  ) {}

  /** The offset last stored, or null before the kiosk first heard the city. */
  current(): number | null {
    return this.state.getInt(SYNC_KEYS.clockOffsetMs);
  }

  /** Takes one reply's measurement; returns the new offset, or null when the reply could not tell. */
  observe(reply: TimedReply): number | null {
    const offset = clockOffsetOf(reply);
    if (offset === null) return null;
    this.state.setInt(SYNC_KEYS.clockOffsetMs, offset);
    if (!isDrift(offset)) this.alerted = false;
    else if (!this.alerted) {
      this.alerted = true;
      this.onDrift(offset);
    }
    return offset;
  }
}
