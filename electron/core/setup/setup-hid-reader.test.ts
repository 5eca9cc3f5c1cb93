// The readers step's live test with a reader in HID data mode: the reader's exact input reports go into a fresh
// kiosk's core on the setup, which hands the card to the screen's test instead of identifying it at the door.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { KioskCore } from '../kiosk-core.js';
import { readerConfig } from '../readers/testing/reader-harness.js';
import { loadRecordedStream } from '../readers/testing/recorded-stream.js';
import { ReplayHid } from '../readers/testing/replay-hid.js';
import { tempDataDir } from '../testing/fixtures.js';
import { watchedCore } from '../testing/watched-core.js';
import { firstAdmin, value } from './testing/setup-kit.js';

const device = { vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3' };

describe('the readers step with an HID data-mode reader', () => {
  it('a card tapped on the setup goes to the live test with its number and kind, never to the door', async () => {
    const dataDir = tempDataDir();
    new KioskCore({ dataDir, demo: false, log: () => undefined }).close();
    const db = openDatabase(`${dataDir}/esik.sqlite`);
    SettingsStore.of(db).set('hidReaders', [readerConfig({ format: 'em-decimal' })]);
    db.close();

    // Two cards, 8-byte boot keyboard reports: 0004512346, then 0006762840.
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const { core, payloads, until } = watchedCore({ dataDir, demo: false, hid, log: () => undefined, cityPullIntervalMs: 0 });
    try {
      await until(() => payloads('cardRead').length + payloads('cardIdentified').length === 2);
      expect(payloads('cardIdentified')).toEqual([]);
      expect(payloads('cardRead')).toEqual([
        { raw: '4512346', source: 'hid' },
        { raw: '6762840', source: 'hid' },
      ]);

      const sessionId = await firstAdmin(core);
      const [first] = payloads('cardRead');
      if (!first) throw new Error('no card read');
      expect(value(core.handlers.setupReaderTest({ sessionId, ...first }))).toEqual({ canonical: '4512346', kind: 'em', partial: false, source: 'hid', readerFormat: 'em-decimal' });
      expect(value(core.handlers.setupStatus({})).steps.find((s) => s.step === 'readers')).toEqual({ step: 'readers', done: true });
    } finally {
      core.close();
      await core.closed();
    }
  });
});
