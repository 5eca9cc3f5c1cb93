// Writes the QR hard set to a folder to look at: `npx tsx bench/qr-hard-set-main.ts [dir]`
// (default: a new temporary folder, printed). The benchmark renders the same images itself.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { planHardSet, writeHardSet } from './qr/hard-set.js';

const arg = process.argv[2];
const dir = arg ? resolve(arg) : mkdtempSync(join(tmpdir(), 'esik-qr-set-'));
mkdirSync(dir, { recursive: true });
const started = performance.now();
const images = writeHardSet(dir, planHardSet());
console.log(`${images.length} images in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
