// The kiosk's HID data-mode readers over the life of the core: opened from the door's settings when the records open,
// replaced when an admin changes the list (the old ones closed first, without a restart), closed with the records.
import type { ReaderState } from '../../../shared/api/contract.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { HidReaderConfig } from '../../../shared/readers/reader-config.js';
import type { HidAccess } from './hid-access.js';
import { HidReaderService } from './hid-reader-service.js';
import { NodeHidAccess } from './node-hid-access.js';

export interface HidReadersOptions {
  /** How the readers are reached; node-hid unless a test replays recorded devices. */
  access?: HidAccess | undefined;
  /** A whole card read (HidReaderService.onCard), and the format its reader is set to. */
  onCard: (raw: string, format: ReaderFormat) => void;
  /** The readers' states, at every change. */
  onReaders: (readers: ReaderState[]) => void;
  /** Whether the records are open: a replacement that finishes after they closed opens nothing. */
  isOpen: () => boolean;
  log: (line: string) => void;
}

export class HidReaders {
  private service: HidReaderService | null = null;

  constructor(private readonly options: HidReadersOptions) {}

  /** Opens the configured readers (keyboard-mode ones are read by the UI); nothing starts when none are configured. */
  start(readers: readonly HidReaderConfig[]): void {
    if (readers.length === 0 || this.service) return;
    this.service = new HidReaderService({
      access: this.options.access ?? new NodeHidAccess(),
      readers,
      onCard: (raw, _reader, format) => this.options.onCard(raw, format),
      onReaders: (states) => this.options.onReaders(states),
      log: this.options.log,
    });
    this.service.start();
  }

  /** The admin changed the list: the old readers close, then the new list opens. */
  restart(readers: readonly HidReaderConfig[]): void {
    const old = this.service;
    this.service = null;
    this.options.onReaders([]);
    void (old?.stop() ?? Promise.resolve()).then(() => {
      if (this.options.isOpen() && this.service === null) this.start(readers);
    });
  }

  states(): ReaderState[] {
    return this.service?.states() ?? [];
  }

  /** Stops reporting at once; the devices close in the background. */
  stop(): void {
    void this.service?.stop();
    this.service = null;
  }
}
