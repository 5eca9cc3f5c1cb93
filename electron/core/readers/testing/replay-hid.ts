// A test double for HidAccess that replays a recorded byte stream exactly, report by report. It exists
// only because there is no HID hardware where the tests run; production uses NodeHidAccess.
import type { HidAccess, HidConnection, HidDeviceInfo } from '../hid-access.js';
import type { RecordedStep } from './recorded-stream.js';

export class ReplayHid implements HidAccess {
  plugged: boolean;
  /** Set to make open() fail the way a device without permission does. */
  openFailure: Error | null = null;
  opened = 0;
  closed = 0;
  private cursor = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly device: HidDeviceInfo,
    private readonly steps: readonly RecordedStep[],
    options: { plugged?: boolean } = {},
  ) {
    this.plugged = options.plugged ?? true;
  }

  /** The device is plugged in again; the stream goes on after the unplug that ended the last connection. */
  plugIn(): void {
    this.plugged = true;
  }

  /** Resolves once every step of the stream has been delivered. */
  drained(): Promise<void> {
    return this.cursor >= this.steps.length ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  list(): Promise<HidDeviceInfo[]> {
    return Promise.resolve(this.plugged ? [this.device] : []);
  }

  open(device: HidDeviceInfo): Promise<HidConnection> {
    if (!this.plugged || device.path !== this.device.path) return Promise.reject(new Error(`cannot open device with path ${device.path ?? '?'}`));
    if (this.openFailure) return Promise.reject(this.openFailure);
    this.opened += 1;
    return Promise.resolve(this.connection());
  }

  private connection(): HidConnection {
    let open = true;
    return {
      start: ({ data, error }) => {
        // One report per macrotask, as reads arrive from node-hid's read thread.
        const next = (): void => {
          const step = this.steps[this.cursor];
          if (!open || !step) return;
          this.cursor += 1;
          if (this.cursor >= this.steps.length) for (const resolve of this.waiting.splice(0)) setImmediate(resolve);
          if (step.kind === 'unplug') {
            this.plugged = false;
            error(new Error(step.message));
            return;
          }
          data(step.bytes);
          setImmediate(next);
        };
        setImmediate(next);
      },
      close: () => {
        if (open) this.closed += 1;
        open = false;
        return Promise.resolve();
      },
    };
  }
}
