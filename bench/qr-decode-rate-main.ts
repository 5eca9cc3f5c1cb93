// Runs the QR decode-rate benchmark alone: `npx tsx bench/qr-decode-rate-main.ts [--keep]`.
// The images go to a temporary folder, removed afterwards unless --keep (then its path is printed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchQrDecodeRate } from './qr-decode-rate.js';

const keep = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'esik-bench-qr-'));
try {
  await benchQrDecodeRate(dir);
} finally {
  if (keep) console.log(`QR hard set kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
