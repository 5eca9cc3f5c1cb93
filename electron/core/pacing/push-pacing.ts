// How hard the push may work. On a kiosk's two cores, a push at full speed (the worker's JSON and HTTP, the outbox
// writes, the disk) makes the door's taps wait: measured, any busy core stretched a tap's p95 by 1.5–2× here, even at
// the lowest CPU priority, through the door's fsync and wake-ups. So while people are at the door the push goes in
// small batches, one at a time, resting many times as long as each took; once the door has been quiet a while it
// goes at full speed again. A backlog still drains during the morning rush, in short exchanges between long rests.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DoorActivity } from './door-activity.js';

export interface PushPacing {
  /** Whether people are at the door now: the push then settles each batch before resting, overlapping nothing. */
  doorInUse(): boolean;
  /** Records per exchange now, given the engine's full-speed size. */
  batchSize(fullSpeed: number): number;
  /** Called between two exchanges with how long the last took, send to settled; resolves when the next may start. */
  rest(exchangeMs: number): Promise<void>;
}

export const FULL_SPEED: PushPacing = {
  doorInUse: () => false,
  batchSize: (fullSpeed) => fullSpeed,
  rest: () => Promise.resolve(),
};

export interface DoorAwarePacingOptions {
  /** The door counts as in use until it has been quiet this long. */
  quietAfterMs?: number;
  /** Records per exchange while the door is in use. */
  busyBatchSize?: number;
  /** The share of the time the push may be at work while the door is in use. */
  busyShare?: number;
  /** The longest rest, so a slow city (the rest grows with the exchange) still gets its records. */
  maxRestMs?: number;
  /** Epoch ms, the clock DoorActivity is marked with. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DOOR_PACING_DEFAULTS = { quietAfterMs: 20_000, busyBatchSize: 200, busyShare: 0.03, maxRestMs: 1_000 } as const;

export class DoorAwarePacing implements PushPacing {
  private readonly settings: Required<Omit<DoorAwarePacingOptions, 'now' | 'sleep'>>;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly door: DoorActivity, options: DoorAwarePacingOptions = {}) {
    const { now, sleep: sleeper, ...settings } = options;
    const merged = { ...DOOR_PACING_DEFAULTS, ...settings };
    // A batch of none would never finish a drain; a share of none or all would never rest or never stop resting.
    this.settings = { ...merged, busyBatchSize: Math.max(1, Math.floor(merged.busyBatchSize)), busyShare: Math.min(1, Math.max(0.001, merged.busyShare)) };
    this.now = now ?? Date.now;
    this.sleep = sleeper ?? ((ms) => sleep(ms));
  }

  /** Whether someone used the door within the quiet period. A use "in the future" (the clock was set back) is stale. */
  doorInUse(): boolean {
    const last = this.door.lastUseMs();
    if (last === null) return false;
    const since = this.now() - last;
    return since >= 0 && since < this.settings.quietAfterMs;
  }

  batchSize(fullSpeed: number): number {
    return this.doorInUse() ? Math.min(fullSpeed, this.settings.busyBatchSize) : fullSpeed;
  }

  async rest(exchangeMs: number): Promise<void> {
    if (!this.doorInUse()) return;
    const { busyShare, maxRestMs } = this.settings;
    await this.sleep(Math.min(maxRestMs, Math.max(0, exchangeMs) * (1 / busyShare - 1)));
  }
}
