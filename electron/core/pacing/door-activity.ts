// How the door tells sync that people are at it: the time of the last scan, confirmation or staff action, kept in a
// SharedArrayBuffer that the sync worker reads without a message. Both threads read the same wall clock; a worker
// started (or restarted) in the middle of the morning rush sees at once that the door is in use.
export class DoorActivity {
  private readonly lastUse: BigInt64Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT)) {
    this.lastUse = new BigInt64Array(buffer);
  }

  /** Someone acted at the door at `nowMs`. */
  markUse(nowMs: number = Date.now()): void {
    Atomics.store(this.lastUse, 0, BigInt(Math.trunc(nowMs)));
  }

  /** Epoch ms of the last use, or null when the door has not been used since the kiosk started. */
  lastUseMs(): number | null {
    const value = Number(Atomics.load(this.lastUse, 0));
    return value === 0 ? null : value;
  }
}
