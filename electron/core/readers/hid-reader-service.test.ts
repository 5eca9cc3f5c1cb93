import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NodeHidAccess } from './node-hid-access.js';
import { UNREADABLE_PREFIX } from './hid-reader-service.js';
import { readerConfig, startReaders, type ReaderHarness } from './testing/reader-harness.js';
import { loadRecordedStream } from './testing/recorded-stream.js';
import { ReplayHid } from './testing/replay-hid.js';

const device = { vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3', product: 'SYC ID&IC USB Reader' };
let running: ReaderHarness | null = null;

/** The error a missing native module gives: a require that fails. */
function missingModuleError(): Error {
  try {
    createRequire(import.meta.url)('esik-missing-native-module');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  return new Error('esik-missing-native-module was found');
}
const start = (...args: Parameters<typeof startReaders>): ReaderHarness => (running = startReaders(...args));

afterEach(async () => {
  await running?.service.stop();
  running = null;
});

describe('HidReaderService', () => {
  it('passes each card read once, in canonical notation for a configured reader', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const readers = start(hid, readerConfig({ format: 'em-decimal' }));
    await readers.until(() => readers.state() === 'connected');
    await hid.drained();
    expect(readers.cards).toEqual(['4512346', '6762840']);
  });

  it('drops the half card when the reader is unplugged, reports it disconnected, and reads again once plugged back in', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-unplug-mid-card.hex'));
    const readers = start(hid, readerConfig({ format: 'em-decimal' }));
    await readers.until(() => readers.state() === 'disconnected' && hid.opened === 1);
    expect(readers.cards).toEqual(['4512346']);
    expect(readers.detail()).toContain('device disconnected');
    expect(hid.closed).toBe(1);
    expect(readers.log.some((line) => line.includes('dropped a card read in part (unplugged, 6 characters, ending "76")'))).toBe(true);

    hid.plugIn();
    await readers.until(() => readers.state() === 'connected');
    await hid.drained();
    expect(readers.cards).toEqual(['4512346', '6762840']);
    expect(hid.opened).toBe(2);
  });

  it('passes one read for a card lying on the reader, W26 readings as facility,number', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('length-ascii-64.hex'));
    const readers = start(hid, readerConfig({ report: 'length-ascii' }));
    await readers.until(() => readers.state() === 'connected');
    await hid.drained();
    expect(readers.cards).toEqual(['6762840', '103,12632']);
  });

  it('reads UID frames behind a report ID, byte order fixed by the reader format, across an unplug', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('length-uid-16.hex'));
    const readers = start(hid, readerConfig({ report: 'length-uid', reportId: 2, format: 'mifare-hex-reversed' }));
    await readers.until(() => readers.state() === 'disconnected' && hid.opened === 1);
    expect(readers.cards).toEqual(['04:A2:1B:7C']);
    hid.plugIn();
    await readers.until(() => readers.cards.length === 2);
    expect(readers.cards).toEqual(['04:A2:1B:7C', '04:52:7A:C2:3E:5D:80']);
  });

  it('passes a reading its format cannot hold as unreadable, so the door refuses it instead of guessing', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const readers = start(hid, readerConfig({ format: 'mifare-hex' }));
    await readers.until(() => readers.cards.length === 2);
    expect(readers.cards).toEqual([`${UNREADABLE_PREFIX}0004512346`, `${UNREADABLE_PREFIX}0006762840`]);
  });

  it('finds a reader plugged in after the start', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'), { plugged: false });
    const readers = start(hid, readerConfig({ format: 'em-decimal' }));
    await readers.until(() => readers.state() === 'disconnected');
    expect(readers.detail()).toBe('not plugged in');
    hid.plugIn();
    await readers.until(() => readers.cards.length === 2);
    expect(readers.state()).toBe('connected');
  });

  it('looks for a missing reader again with a doubling wait, capped, and from the start once it was unplugged', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const hid = new ReplayHid(device, loadRecordedStream('keyboard-unplug-mid-card.hex'), { plugged: false });
      let lists = 0;
      const counting = { list: () => ((lists += 1), hid.list()), open: hid.open.bind(hid) };
      const readers = start(counting, readerConfig({ format: 'em-decimal' }), { pollMs: 100, maxPollMs: 250 });
      const listsAfter = async (ms: number) => {
        await vi.advanceTimersByTimeAsync(ms);
        return lists;
      };
      expect(await listsAfter(0)).toBe(1);
      expect([await listsAfter(99), await listsAfter(1)]).toEqual([1, 2]); // 100 ms
      expect([await listsAfter(199), await listsAfter(1)]).toEqual([2, 3]); // 200 ms
      expect([await listsAfter(249), await listsAfter(1)]).toEqual([3, 4]); // 400 ms, capped at 250
      expect([await listsAfter(249), await listsAfter(1)]).toEqual([4, 5]);
      hid.plugIn();
      await listsAfter(250);
      await readers.until(() => readers.state() === 'disconnected' && hid.opened === 1 && readers.cards.length === 1);
      const atUnplug = lists;
      expect([await listsAfter(99), await listsAfter(1)]).toEqual([atUnplug, atUnplug + 1]); // back to 100 ms
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a reader it may not open as an error with the fix, and opens it once allowed', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    hid.openFailure = new Error('cannot open device with path /dev/hidraw3');
    const readers = start(hid, readerConfig(), { platform: 'linux' });
    await readers.until(() => readers.state() === 'error');
    expect(readers.detail()).toContain('99-esik-rfid.rules');
    hid.openFailure = null;
    await readers.until(() => readers.state() === 'connected');
  });

  it('tells Windows staff that a keyboard-mode reader cannot be opened there', async () => {
    const hid = new ReplayHid(device, []);
    hid.openFailure = new Error('cannot open device with path \\\\?\\hid#vid_ffff&pid_0035');
    const readers = start(hid, readerConfig(), { platform: 'win32' });
    await readers.until(() => readers.state() === 'error');
    expect(readers.detail()).toContain('switch the reader to HID data mode');
  });

  it('reports an unloadable node-hid as an error once and stops looking', async () => {
    const access = new NodeHidAccess(() => Promise.reject(missingModuleError()));
    let lists = 0;
    const counting = { list: () => ((lists += 1), access.list()), open: access.open.bind(access) };
    const readers = start(counting, readerConfig());
    await readers.until(() => readers.state() === 'error');
    expect(readers.detail()).toMatch(/^node-hid cannot be loaded.*esik-missing-native-module/);
    await new Promise((resolve) => setTimeout(resolve, 50)); // ten poll intervals: none may come
    expect(lists).toBe(1);
  });

  it('keeps the reader connected when the one told about a card throws', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const seen: string[] = [];
    const readers = start(hid, readerConfig({ format: 'em-decimal' }), {
      onCard: (raw) => {
        seen.push(raw);
        throw new Error('listener failed');
      },
    });
    await hid.drained();
    expect(seen).toEqual(['4512346', '6762840']);
    expect(readers.state()).toBe('connected');
  });

  it('stops reading at stop(): the device is closed and nothing more is reported', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const readers = start(hid, readerConfig({ format: 'em-decimal' }));
    await readers.until(() => readers.state() === 'connected');
    await readers.service.stop();
    expect(hid.closed).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30)); // the whole stream would have played by now
    expect(readers.cards).toEqual([]);
  });
});

describe('NodeHidAccess', () => {
  it('loads the real node-hid and lists devices without throwing', async () => {
    await expect(new NodeHidAccess().list()).resolves.toBeInstanceOf(Array);
  });
});
