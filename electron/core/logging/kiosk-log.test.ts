// The log files a real flow writes (staff sign-in with a PIN, card taps typed and from an HID reader, QR codes) are
// grepped for every secret and name that flow used: none may be there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import { mintDemoQr } from '../demo/demo-qr.js';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { openDatabase } from '../db/open-database.js';
import { readerConfig } from '../readers/testing/reader-harness.js';
import { loadRecordedStream } from '../readers/testing/recorded-stream.js';
import { ReplayHid } from '../readers/testing/replay-hid.js';
import { tempDataDir } from '../testing/fixtures.js';
import { watchedCore } from '../testing/watched-core.js';
import { openKioskLog } from './kiosk-log.js';

const hidDevice = { vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3' };
/** The two cards the recorded HID stream types (keyboard-em-decimal.hex). */
const hidCards = ['0004512346', '0006762840'];

function logText(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

describe('the kiosk log', () => {
  it('holds no PIN, card number, QR payload or name after a sign-in, taps and QR codes, and redacts them in structured lines', async () => {
    const dataDir = tempDataDir();
    const log = openKioskLog({ dataDir, proc: 'web', echo: false });
    // A reader set to a format its cards are not in: each reading is logged as unreadable.
    new KioskCore({ dataDir, demo: true, log: log.line }).close();
    const setup = openDatabase(join(dataDir, 'esik.sqlite'));
    SettingsStore.of(setup).set('hidReaders', [readerConfig({ format: 'em-w26' })]);
    setup.close();

    const hid = new ReplayHid(hidDevice, loadRecordedStream('keyboard-em-decimal.hex'));
    const { core, payloads, until } = watchedCore({ dataDir, demo: true, hid, log: log.line });
    const call = (name: string, args: unknown) => dispatch(core.handlers, name, args, log.line);
    await until(() => payloads('cardIdentified').length === 2);

    expect(await call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-admin' }, pin: '9753' })).toMatchObject({ ok: true, value: { outcome: 'wrong-pin' } });
    expect(await call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' })).toMatchObject({ ok: true, value: { outcome: 'signed-in' } });
    const offer = call('identifyCard', { raw: demoCards.grandmotherTwoGroups, source: 'keyboard-wedge' });
    if (offer instanceof Promise || !offer.ok) throw new Error(`no offer: ${JSON.stringify(offer)}`);
    const { offerId } = offer.value as { offerId: string };
    expect(call('confirmOffer', { offerId, childIds: ['ch0001', 'ch0002'], answers: { leavingNow: [] } })).toMatchObject({ ok: true });
    const qrCodes = [mintDemoQr('valid'), mintDemoQr('forged')];
    for (const text of qrCodes) await call('identifyQr', { text });
    await call('identifyCard', { raw: demoCards.revoked, source: 'keyboard-wedge' });
    log.logger.warn({ component: 'test', pin: '2468', card: demoCards.motherOneChild, detail: { qr: qrCodes[0], firstName: 'Әлихан' } }, 'a structured line');

    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    const names = db
      .prepare<[], { first_name: string; last_name: string }>('SELECT first_name, last_name FROM children UNION ALL SELECT first_name, last_name FROM companions')
      .all()
      .flatMap((row) => [row.first_name, row.last_name])
      .filter((name) => name.length > 2);
    db.close();
    core.close();
    log.close();

    const text = logText(log.dir);
    // Not vacuous: the flow was logged, the HID readings among it, and the structured secrets were replaced.
    expect(text).toContain('"component":"readers"');
    expect(text).toContain('is not a card number in format em-w26');
    expect(text).toContain('"pin":"[redacted]"');
    expect(text).toContain('"qr":"[redacted]"');
    for (const pin of ['2468', '9753']) expect(text).not.toMatch(new RegExp(`(?<!\\d)${pin}(?!\\d)`));
    for (const card of [...Object.values(demoCards), ...hidCards]) expect(text).not.toContain(card);
    for (const qr of qrCodes) expect(text).not.toContain(qr);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(text).not.toContain(name);
  });
});
