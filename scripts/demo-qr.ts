// Prints the demo kindergarten's QR codes (signed with the committed demo city key) and, when qrencode is
// installed, writes each as a PNG to show a webcam or print. Usage: npx tsx scripts/demo-qr.ts [--out dir]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintDemoQr, type DemoQrKind } from '../electron/core/demo/demo-qr.js';

const shown: [DemoQrKind, string][] = [
  ['valid', 'Елена\'s printed card: Алиса is recorded at once'],
  ['phone', 'Нұрлан\'s phone code (valid 60 s from now): choose Ерасыл and Інжу'],
  ['nanny-phone', 'Гүлнар\'s phone code (valid 60 s): may bring, may not collect'],
  ['revoked', 'Асқар\'s withdrawn card: QR_REVOKED'],
  ['expired', 'a phone code from five minutes ago (a screenshot): QR_EXPIRED'],
  ['not-yet-valid', 'a phone with its clock five minutes fast: QR_NOT_YET_VALID'],
  ['too-long-lived', 'a phone code made valid for ten minutes: QR_EXPIRED'],
  ['forged', 'Елена\'s card with one signature bit flipped: QR_FORGED'],
  ['foreign', 'a card of another kindergarten: QR_FOREIGN'],
];

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(tmpdir(), 'esik-demo-qr'));
const hasQrencode = spawnSync('qrencode', ['--version']).error === undefined;
if (hasQrencode) mkdirSync(out, { recursive: true });

const now = new Date();
console.log(`Demo QR codes, issued ${now.toISOString()} (they work only in a kiosk running the demo kindergarten):\n`);
for (const [kind, what] of shown) {
  const text = mintDemoQr(kind, now);
  console.log(`${kind}: ${what}\n  ${text}`);
  if (!hasQrencode) continue;
  const png = join(out, `${kind}.png`);
  // Level M, as printed cards should be; the text is all alphanumeric, so qrencode picks the dense mode itself.
  const run = spawnSync('qrencode', ['-l', 'M', '-s', '8', '-m', '4', '-o', png, text], { encoding: 'utf8' });
  console.log(run.status === 0 ? `  → ${png}` : `  qrencode failed: ${run.stderr.trim()}`);
}
if (!hasQrencode) console.log('\nqrencode is not installed (apt-get install qrencode): no PNGs written.');
console.log('\nShow a PNG to the kiosk\'s webcam, or read it with a USB 2D scanner in keyboard mode.');
