// A few integers shared between the door's thread and a backup's threads (one SharedArrayBuffer, read and written with
// Atomics, so no message has to wait for either thread's event loop). The door counts the requests it has in flight;
// the backup, between its steps, waits until that count is back to zero (never longer than it is told), so a tap's
// commit does not queue behind a copy step's writes and sync nor share the CPU with a verification step. The backup
// also says which part of the job it is in, which the diagnostics and the bench read.

/** The parts of a backup job, in order; 'none' between jobs. */
export const BACKUP_PHASES = ['none', 'starting', 'copy', 'verify', 'placing'] as const;
export type BackupPhase = (typeof BACKUP_PHASES)[number];

const DOOR_BUSY = 0;
const PHASE = 1;
/** How many times the backup waited for the door, and for how long in all (µs). */
const YIELDS = 2;
const YIELDED_US = 3;
const SLOTS = 4;

export class BackupSignal {
  private readonly slots: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT)) {
    if (buffer.byteLength < SLOTS * Int32Array.BYTES_PER_ELEMENT) throw new Error('a backup signal needs 16 bytes');
    this.slots = new Int32Array(buffer, 0, SLOTS);
  }

  /** The door starts a request; the function it gets back ends it (call it once, in a finally). */
  doorEnters(): () => void {
    Atomics.add(this.slots, DOOR_BUSY, 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      Atomics.sub(this.slots, DOOR_BUSY, 1);
      Atomics.notify(this.slots, DOOR_BUSY);
    };
  }

  /** Requests the door has in flight now. */
  doorBusy(): number {
    return Atomics.load(this.slots, DOOR_BUSY);
  }

  phase(): BackupPhase {
    return BACKUP_PHASES[Atomics.load(this.slots, PHASE)] ?? 'none';
  }

  setPhase(phase: BackupPhase): void {
    Atomics.store(this.slots, PHASE, BACKUP_PHASES.indexOf(phase));
  }

  /**
   * Between two steps of a backup: waits while the door has a request in flight, at most `maxMs` (a door stuck on
   * something never holds the backup for longer). Answers the milliseconds waited. Only a worker thread may block:
   * in the door's own thread (a job run in line, tests) nothing is in flight while this runs, and it returns at once.
   */
  yieldToDoor(maxMs: number, canBlock: boolean): number {
    if (!canBlock || Atomics.load(this.slots, DOOR_BUSY) === 0) return 0;
    const started = performance.now();
    for (let busy = Atomics.load(this.slots, DOOR_BUSY); busy > 0; busy = Atomics.load(this.slots, DOOR_BUSY)) {
      const left = maxMs - (performance.now() - started);
      if (left <= 0) break;
      Atomics.wait(this.slots, DOOR_BUSY, busy, left);
    }
    const waited = performance.now() - started;
    Atomics.add(this.slots, YIELDS, 1);
    Atomics.add(this.slots, YIELDED_US, Math.round(waited * 1000));
    return waited;
  }

  /** How often the backup waited for the door so far, and for how long in all. */
  yielded(): { count: number; ms: number } {
    return { count: Atomics.load(this.slots, YIELDS), ms: Atomics.load(this.slots, YIELDED_US) / 1000 };
  }
}
