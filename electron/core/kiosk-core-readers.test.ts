import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/open-database.js';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { NodeHidAccess } from './readers/node-hid-access.js';
import type { HidReaderConfig } from '../../shared/readers/reader-config.js';
import { readerConfig } from './readers/testing/reader-harness.js';
import { loadRecordedStream } from './readers/testing/recorded-stream.js';
import { ReplayHid } from './readers/testing/replay-hid.js';
import { SettingsStore } from './ledger/settings-store.js';
import { tempDataDir } from './testing/fixtures.js';
import { watchedCore } from './testing/watched-core.js';

const device = { vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3' };
const quiet = { log: () => undefined };

/** A data folder whose kiosk has these HID readers configured. */
function dataDirWithReaders(readers: HidReaderConfig[]): string {
  const dir = tempDataDir();
  new KioskCore({ dataDir: dir, demo: true, ...quiet }).close();
  const db = openDatabase(`${dir}/esik.sqlite`);
  SettingsStore.of(db).set('hidReaders', readers);
  db.close();
  return dir;
}

describe('KioskCore with HID readers', () => {
  it('identifies a card from an HID reader itself and pushes the outcome: never the card for a page to send back', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const { core, payloads, until } = watchedCore({ dataDir: dataDirWithReaders([readerConfig({ format: 'em-decimal' })]), demo: true, hid, ...quiet });
    await until(() => payloads('cardIdentified').length === 2);
    expect(payloads('readersChanged')[0]?.readers).toEqual([{ id: 'hid:ffff:0035', name: 'Entrance reader', state: 'connected', detail: null }]);
    expect(core.handlers.getReaders({})).toEqual({ ok: true, value: { readers: [expect.objectContaining({ state: 'connected' })] } });
    const [mother, unknown] = payloads('cardIdentified');
    expect(mother).toMatchObject({ ok: true, value: { kind: 'recorded', receipt: { companionFirstName: 'Елена' } } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    expect(payloads('cardRead')).toEqual([]);
    core.close();
    expect(hid.closed).toBe(1);
  });

  it('reports a reader unplugged mid-card as disconnected and pushes no half card', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-unplug-mid-card.hex'));
    const { core, payloads, until } = watchedCore({ dataDir: dataDirWithReaders([readerConfig({ format: 'em-decimal' })]), demo: true, hid, ...quiet });
    await until(() => payloads('readersChanged').some((e) => e.readers[0]?.state === 'disconnected'));
    expect(payloads('cardIdentified')).toEqual([{ ok: true, value: expect.objectContaining({ kind: 'recorded' }) as unknown }]);
    expect(core.handlers.getReaders({})).toMatchObject({ value: { readers: [{ state: 'disconnected' }] } });
    core.close();
  });

  it('keeps the door working when node-hid cannot load: the reader shows an error, typed cards still check in', async () => {
    const hid = new NodeHidAccess(() => Promise.reject(new Error("Cannot find module '../build/Release/HID_hidraw.node'")));
    const { core, payloads, until } = watchedCore({ dataDir: dataDirWithReaders([readerConfig()]), demo: true, hid, ...quiet });
    await until(() => payloads('readersChanged').length > 0);
    expect(payloads('readersChanged')[0]?.readers[0]).toMatchObject({ state: 'error', detail: expect.stringContaining('node-hid cannot be loaded') as unknown });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    core.close();
  });

  it('starts no reader when none is configured', async () => {
    const hid = new ReplayHid(device, []);
    let listed = 0;
    const counting = { list: () => ((listed += 1), hid.list()), open: hid.open.bind(hid) };
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, hid: counting, ...quiet });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listed).toBe(0);
    expect(core.handlers.getReaders({})).toEqual({ ok: true, value: { readers: [] } });
    core.close();
  });

  it('finds a card enrolled by its 10-digit number through a W26 reader, and refuses a W26 reading two cards fit', () => {
    const dir = dataDirWithReaders([]);
    const db = openDatabase(`${dir}/esik.sqlite`);
    SettingsStore.of(db).set('keyboardReader', { format: 'em-w26', displayFormat: 'em-w26' });
    const companion = db.prepare<[], { id: string }>('SELECT id FROM companions LIMIT 1').get()?.id;
    const enrol = db.prepare("INSERT INTO credentials (id, companion_id, kind, value) VALUES (?, ?, 'rfid', ?)");
    // Two cards whose numbers differ only above the low 24 bits: a W26 reader cannot tell them apart.
    enrol.run('twin-1', companion, String(123 + 2 ** 24));
    enrol.run('twin-2', companion, String(123 + 2 ** 25));
    db.close();
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    // 4512346 (Елена's card) is 0x44DA5A: facility 68, number 55898.
    expect(core.handlers.identifyCard({ raw: '068,55898', source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    expect(core.handlers.identifyCard({ raw: '000,00123', source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    core.close();
    const after = openDatabase(`${dir}/esik.sqlite`);
    expect(after.prepare('SELECT presented, reason FROM refused_attempts').all()).toEqual([{ presented: '000,00123', reason: 'ambiguous-card' }]);
    after.close();
  });

  it('reads a typed card with the keyboard readers\' format', () => {
    const dir = dataDirWithReaders([]);
    const db = openDatabase(`${dir}/esik.sqlite`);
    SettingsStore.of(db).set('keyboardReader', { format: 'em-hex', displayFormat: 'canonical' });
    db.close();
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    // 0044DA5A is 4512346, Елена's card, as an 8H10D reader types it.
    expect(core.handlers.identifyCard({ raw: '0044DA5A', source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    core.close();
  });
});
