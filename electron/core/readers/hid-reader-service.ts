// Reads the configured HID data-mode readers: opens each one, decodes its reports into cards, notices
// when it is unplugged and plugged in again, and tells the core about every card and every state change.
import type { ReaderState } from '../../../shared/api/contract.js';
import { normalizeCardNumber, readingText } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { DecodedEvent, ReportDecoder } from './decoded-event.js';
import { errorMessage, HidUnavailableError, type HidAccess, type HidConnection, type HidDeviceInfo } from './hid-access.js';
import { readerId, type HidReaderConfig } from '../../../shared/readers/reader-config.js';
import { createReportDecoder } from './report-decoder.js';

/** What a reading the reader's format cannot hold is passed on as: identifyCard refuses it as unreadable. */
export const UNREADABLE_PREFIX = 'unreadable:';
const MAX_RAW = 64;
const MAX_DETAIL = 500;

export interface HidReaderServiceOptions {
  access: HidAccess;
  readers: readonly HidReaderConfig[];
  /** A whole card: `raw` goes to identifyCard with source 'hid' as it is; `format` is the one it was read with. */
  onCard: (raw: string, reader: ReaderState, format: ReaderFormat) => void;
  onReaders: (readers: ReaderState[]) => void;
  log?: (line: string) => void;
  now?: () => number;
  platform?: NodeJS.Platform;
  /** First wait before looking for a missing reader again; doubles while nothing turns up. */
  pollMs?: number;
  maxPollMs?: number;
  /** The same card from the same reader within this much of its last read is one tap (readers repeat while a card lies on them). */
  repeatMs?: number;
}

interface Slot {
  config: HidReaderConfig;
  state: ReaderState;
  decoder: ReportDecoder;
  connection: HidConnection | null;
  lastRead: { raw: string; atMs: number } | null;
}

export class HidReaderService {
  private readonly slots: Slot[];
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  /** Looks in a row that connected nothing: each one doubles the wait before the next (2, 4, 8, 10, 10 s). */
  private failedPolls = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private stopped = false;
  /** node-hid cannot load: no point looking for devices again. */
  private unavailable = false;

  constructor(private readonly options: HidReaderServiceOptions) {
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? (() => performance.now());
    this.slots = options.readers.map((config) => ({
      config,
      state: { id: readerId(config), name: config.name, state: 'disconnected', detail: 'looking for the reader' },
      decoder: createReportDecoder(config.report, config.reportId),
      connection: null,
      lastRead: null,
    }));
  }

  start(): void {
    for (const slot of this.slots) {
      if (slot.config.format === 'auto') {
        this.log(`[readers] ${slot.state.name} has no card number format: its cards are read by the first guess only (docs/card-numbers.md)`);
      }
    }
    void this.poll();
  }

  states(): ReaderState[] {
    return this.slots.map((slot) => slot.state);
  }

  /** Stops at once (no more cards or states are reported); the devices close in the background of the promise. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all(
      this.slots.map(async (slot) => {
        const connection = slot.connection;
        slot.connection = null;
        await connection?.close().catch(() => undefined);
      }),
    );
  }

  private async poll(): Promise<void> {
    this.timer = null;
    if (this.stopped || this.polling) return;
    this.polling = true;
    try {
      await this.connectMissing();
    } finally {
      this.polling = false;
    }
    this.scheduleNextPoll();
  }

  private async connectMissing(): Promise<void> {
    const missing = this.slots.filter((slot) => !slot.connection);
    if (missing.length === 0) return;
    let devices: HidDeviceInfo[];
    try {
      devices = await this.options.access.list();
    } catch (error) {
      if (error instanceof HidUnavailableError) this.unavailable = true;
      this.log(`[readers] ${errorMessage(error)}`);
      for (const slot of missing) this.setState(slot, 'error', errorMessage(error));
      this.failedPolls += 1;
      return;
    }
    let connected = false;
    for (const slot of missing) {
      if (this.stopped) return;
      const device = devices.find((d) => d.vendorId === slot.config.vendorId && d.productId === slot.config.productId);
      if (!device) {
        this.setState(slot, 'disconnected', 'not plugged in');
        continue;
      }
      connected = (await this.connect(slot, device)) || connected;
    }
    this.failedPolls = connected ? 0 : this.failedPolls + 1;
  }

  private async connect(slot: Slot, device: HidDeviceInfo): Promise<boolean> {
    let connection: HidConnection;
    try {
      connection = await this.options.access.open(device);
    } catch (error) {
      const detail = this.openFailure(slot, device, error);
      this.log(`[readers] ${slot.state.name} (${slot.state.id}): ${detail}`);
      this.setState(slot, 'error', detail);
      return false;
    }
    if (this.stopped) {
      await connection.close().catch(() => undefined);
      return false;
    }
    slot.connection = connection;
    this.logDrops(slot, slot.decoder.reset());
    this.setState(slot, 'connected', null);
    this.log(`[readers] ${slot.state.name} (${slot.state.id}) connected`);
    connection.start({
      // A late report or error of a connection already given up on must not touch the new one.
      data: (report) => {
        if (slot.connection === connection && !this.stopped) this.onReport(slot, report);
      },
      error: (error) => {
        if (slot.connection === connection && !this.stopped) this.onFailure(slot, connection, error);
      },
    });
    return true;
  }

  private onReport(slot: Slot, report: Buffer): void {
    try {
      for (const event of slot.decoder.push(report, this.now())) {
        if (event.kind === 'card') this.onCardText(slot, event.text);
        else this.logDrops(slot, [event]);
      }
    } catch (error) {
      // node-hid turns a throw in a data handler into the device's 'error' event, which reads as an
      // unplug: a failing listener must not disconnect the reader.
      this.log(`[readers] ${slot.state.name}: handling a report failed: ${errorMessage(error)}`);
    }
  }

  private onCardText(slot: Slot, text: string): void {
    const card = normalizeCardNumber(text, slot.config.format);
    if (!card) this.log(`[readers] ${slot.state.name}: a reading (${maskedReading(text)}) is not a card number in format ${slot.config.format}`);
    // identifyCard does not know the reader's format: the card goes in the notation it reads as 'canonical'.
    const raw = (card ? readingText(card) : UNREADABLE_PREFIX + text).slice(0, MAX_RAW);
    const atMs = this.now();
    const last = slot.lastRead;
    slot.lastRead = { raw, atMs };
    if (last && last.raw === raw && atMs - last.atMs < (this.options.repeatMs ?? 1500)) return;
    this.options.onCard(raw, slot.state, slot.config.format);
  }

  private onFailure(slot: Slot, connection: HidConnection, error: Error): void {
    slot.connection = null;
    this.logDrops(slot, slot.decoder.reset());
    void connection.close().catch(() => undefined);
    this.log(`[readers] ${slot.state.name} (${slot.state.id}) lost: ${error.message}`);
    this.setState(slot, 'disconnected', `unplugged or failed: ${error.message}`);
    // Staff usually plug it straight back in: look again soon.
    this.failedPolls = 0;
    this.scheduleNextPoll();
  }

  private scheduleNextPoll(): void {
    if (this.stopped || this.unavailable || this.polling || this.timer) return;
    if (this.slots.every((slot) => slot.connection)) return;
    const baseMs = this.options.pollMs ?? 2000;
    const delayMs = Math.min(baseMs * 2 ** Math.max(0, this.failedPolls - 1), this.options.maxPollMs ?? 10_000);
    this.timer = setTimeout(() => void this.poll(), delayMs);
    // Looking for readers must not keep a process alive that has nothing else to do (tests, the CLI).
    this.timer.unref();
  }

  private openFailure(slot: Slot, device: HidDeviceInfo, error: unknown): string {
    const message = errorMessage(error);
    const platform = this.options.platform ?? process.platform;
    if (platform === 'win32' && slot.config.report === 'keyboard') {
      return `${message}. Windows does not let programs open keyboard-mode readers: switch the reader to HID data mode, or remove it from the HID readers (typing cards, it still works as a keyboard reader)`;
    }
    if (platform === 'linux') {
      return `${message} (${device.path ?? 'no path'}). Give the kiosk user access with resources/udev/99-esik-rfid.rules (docs/rfid-readers.md)`;
    }
    return message;
  }

  private logDrops(slot: Slot, events: readonly DecodedEvent[]): void {
    for (const event of events) {
      if (event.kind === 'dropped') this.log(`[readers] ${slot.state.name}: dropped a card read in part (${event.reason}, ${maskedReading(event.partial)})`);
    }
  }

  private setState(slot: Slot, state: ReaderState['state'], detail: string | null): void {
    const bounded = detail === null ? null : detail.slice(0, MAX_DETAIL);
    if (this.stopped || (slot.state.state === state && slot.state.detail === bounded)) return;
    slot.state = { ...slot.state, state, detail: bounded };
    this.options.onReaders(this.states());
  }
}

/** A card reading as the log may show it: its length and last two characters, never the number whole. */
export function maskedReading(text: string): string {
  return `${text.length} characters, ending "${text.slice(-2)}"`;
}
