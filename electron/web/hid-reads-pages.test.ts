// A card from an HID reader with two kiosk pages attached: identified once by the core, its outcome told to both.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type WebSocket from 'ws';
import { KioskCore } from '../core/kiosk-core.js';
import type { HidAccess } from '../core/readers/hid-access.js';
import { readerConfig } from '../core/readers/testing/reader-harness.js';
import { loadRecordedStream } from '../core/readers/testing/recorded-stream.js';
import { ReplayHid } from '../core/readers/testing/replay-hid.js';
import { SettingsStore } from '../core/ledger/settings-store.js';
import { manualClock, tempDataDir } from '../core/testing/fixtures.js';
import { openClient, redeem } from './testing/test-host.js';
import { startWebHost } from './web-host.js';

/** The recorded reader, whose cards start to flow only once the test lets them (the pages are attached by then). */
function heldReader(): { access: HidAccess; release: () => void; replay: ReplayHid } {
  const replay = new ReplayHid({ vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3' }, loadRecordedStream('keyboard-em-decimal.hex'));
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const access: HidAccess = {
    list: () => replay.list(),
    open: async (device) => {
      const connection = await replay.open(device);
      return { start: (handlers) => void released.then(() => connection.start(handlers)), close: () => connection.close() };
    },
  };
  return { access, release, replay };
}

/** Every message a page receives, parsed. */
function received(ws: WebSocket): Record<string, unknown>[] {
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>));
  return messages;
}

describe('HID reads with pages attached', () => {
  it('identifies each card once with two pages attached, and tells both the outcome; no page sends anything', async () => {
    const dataDir = tempDataDir();
    new KioskCore({ dataDir, demo: true, log: () => undefined }).close();
    const settingsDb = new BetterSqlite3(join(dataDir, 'esik.sqlite'));
    SettingsStore.of(settingsDb).set('hidReaders', [readerConfig({ format: 'em-decimal' })]);
    settingsDb.close();
    const reader = heldReader();
    // A morning door: from the evening hour a first tap of the day is a pick-up (docs/pickup-check.md).
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const core = new KioskCore({ dataDir, demo: true, hid: reader.access, clock, log: () => undefined, cityPullIntervalMs: 0 });
    const rendererDir = join(tempDataDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Esik</title>');
    const host = await startWebHost({ core, rendererDir, log: () => undefined });
    onTestFinished(async () => {
      await host.close();
      core.close();
    });
    const port = new URL(host.origin).port;
    const headers = async (): Promise<Record<string, string>> => ({ Host: `127.0.0.1:${port}`, Origin: host.origin, Cookie: (await redeem(host.launchUrl())) ?? '' });
    const url = `ws://127.0.0.1:${port}/api`;
    const pages = [await openClient(url, await headers()), await openClient(url, await headers())];
    const inboxes = pages.map(received);
    const identified = () => inboxes.map((inbox) => inbox.filter((m) => m.type === 'event' && m.name === 'cardIdentified').map((m) => m.payload));

    reader.release();
    await reader.replay.drained();
    const deadline = Date.now() + 10_000;
    while (identified().some((list) => list.length < 2) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));

    const expected = [
      { ok: true, value: expect.objectContaining({ kind: 'recorded' }) as unknown },
      { ok: false, error: { code: 'UNKNOWN_CARD' } },
    ];
    expect(identified()).toEqual([expected, expected]);
    expect(inboxes.flat().filter((m) => m.type === 'event' && m.name === 'cardRead')).toEqual([]);
    // Closing writes any refusal count still held back (it is written at most once a second).
    await host.close();
    core.close();
    const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
    expect(db.prepare('SELECT child_id, kind FROM attendance_events').all()).toEqual([{ child_id: 'ch0003', kind: 'arrival' }]);
    expect(db.prepare('SELECT reason, seen_count FROM refused_attempts').all()).toEqual([{ reason: 'unknown-card', seen_count: 1 }]);
    db.close();
  });
});
