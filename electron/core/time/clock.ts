/** The core never reads Date directly, so tests can set the day and the hour. */
export interface Clock {
  now(): Date;
  /** Minutes east of UTC for local dates and times; undefined means the machine's own zone. */
  readonly offsetMinutes?: number;
}

export const systemClock: Clock = { now: () => new Date() };
