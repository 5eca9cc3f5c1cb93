// A kiosk web host whose HID data-mode reader is a recorded device: the real core, web host and built screen, with the
// reader's exact input reports (electron/core/readers/fixtures) played in one card at a time, each when a line arrives
// on stdin. Test-only: the kiosk itself (dist/web/cli.mjs) reads real devices through node-hid and has no such seam.
// Bundled and run by e2e/hid-card.spec.ts: `node hid-kiosk-host.mjs <data-dir> <fixture file> <renderer folder>`; with
// `--no-demo` after them, a fresh kiosk on its first-run setup (e2e/first-run-hid.spec.ts).
import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { SettingsStore } from '../../electron/core/ledger/settings-store.js';
import type { HidAccess } from '../../electron/core/readers/hid-access.js';
import { readerConfig } from '../../electron/core/readers/testing/reader-harness.js';
import { parseRecordedStream, type RecordedStep } from '../../electron/core/readers/testing/recorded-stream.js';
import { LINK_FILE_NAME } from '../../electron/web/request-checks.js';
import { startWebHost } from '../../electron/web/web-host.js';

const [dataDir, fixture, rendererDir, mode] = process.argv.slice(2);
const demo = mode !== '--no-demo';
if (!dataDir || !fixture || !rendererDir) throw new Error('usage: hid-kiosk-host.mjs <data-dir> <fixture file> <renderer folder>');

/** HID usage of Enter in a boot keyboard report's first key slot: a card ends with it (and the release after). */
const ENTER = 0x28;

/** The recorded reports cut into cards: each ends with the all-keys-up report after its Enter. */
function cards(steps: readonly RecordedStep[]): Buffer[][] {
  const out: Buffer[][] = [];
  let card: Buffer[] = [];
  let enterDown = false;
  for (const step of steps) {
    if (step.kind !== 'report') throw new Error('this host plays cards, not unplugs');
    card.push(step.bytes);
    if (enterDown && step.bytes.every((b) => b === 0)) {
      out.push(card);
      card = [];
    }
    enterDown = step.bytes[2] === ENTER;
  }
  return out;
}

const held = cards(parseRecordedStream(readFileSync(fixture, 'utf8')));
const device = { vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw-recorded', product: 'Recorded EM-Marine reader' };
let deliver: ((report: Buffer) => void) | null = null;
const access: HidAccess = {
  list: () => Promise.resolve([device]),
  open: () =>
    Promise.resolve({
      start: ({ data }) => {
        deliver = data;
        console.log('HID_READER_OPEN');
      },
      close: () => Promise.resolve(),
    }),
};

// The demo kindergarten (or a fresh kiosk) with the reader configured, as an admin leaves it in the door settings.
new KioskCore({ dataDir, demo, log: () => undefined }).close();
const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'));
SettingsStore.of(db).set('hidReaders', [readerConfig({ format: 'em-decimal' })]);
db.close();

const core = new KioskCore({ dataDir, demo, hid: access, cityPullIntervalMs: 0 });
const linkFile = join(dataDir, LINK_FILE_NAME);
const host = await startWebHost({ core, rendererDir, linkFile });
console.log(`ESIK_URL ${host.origin}/`);
console.log(`ESIK_LINK_FILE ${linkFile}`);

// Each line on stdin: the next card, one report per macrotask as node-hid's read thread hands them over.
createInterface({ input: process.stdin }).on('line', () => {
  const reports = held.shift();
  if (!deliver || !reports) return console.log('HID_NOTHING_TO_PLAY');
  const send = deliver;
  const next = (): void => {
    const report = reports.shift();
    if (report) {
      send(report);
      setImmediate(next);
    }
  };
  next();
});

process.on('SIGTERM', () => {
  void host.close().finally(() => {
    core.close();
    process.exit(0);
  });
});
