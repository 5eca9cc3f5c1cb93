// Which hard-set images the kiosk's decoder misses, and whether the frame still holds the code at all:
// `npx tsx bench/qr-misses-main.ts [dir]` — dir from bench/qr-hard-set-main.ts (or `qr-decode-rate-main.ts --keep`),
// else rendered afresh. For every image it samples the code at its true geometry (bench/qr/module-errors.ts) and
// prints the misses and the images with the most wrong modules, read or not, with their Reed–Solomon margin.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeOurs, prepareZxingWasm, rgbaFromGray } from './qr/decode-ours.js';
import { loadHardSet, planHardSet, writeHardSet } from './qr/hard-set.js';
import { moduleErrors, type ModuleErrors } from './qr/module-errors.js';
import { encodeQr } from './qr/qr-matrix.js';
import { EC_LEVEL } from './qr/shots.js';

const SHOWN = 12;

const arg = process.argv[2];
const images = arg ? loadHardSet(resolve(arg)) : writeHardSet(mkdtempSync(join(tmpdir(), 'esik-qr-misses-')), planHardSet());
await prepareZxingWasm();

const rows: { id: string; recipe: string; read: boolean; line: string; errors: ModuleErrors }[] = [];
for (const image of images) {
  const pixels = readFileSync(image.grayPath);
  const read = (await decodeOurs(rgbaFromGray(image.width, image.height, pixels))) === image.shot.payload;
  const errors = moduleErrors({ width: image.width, height: image.height, pixels }, image.codeCorners, encodeQr(image.shot.payload, EC_LEVEL), image.shot.look.inverted);
  const worst = Math.max(...errors.wrongCodewordsPerBlock);
  const line = [
    image.shot.id,
    image.shot.recipe.padEnd(18),
    `${image.shot.pose.modulePx.toFixed(2)} px/module`,
    image.shot.jpegQscale === undefined ? 'no JPEG  ' : `JPEG q${String(image.shot.jpegQscale).padStart(2)}  `,
    `wrong modules ${String(errors.wrongModules).padStart(3)}/${errors.modules} (${((100 * errors.wrongModules) / errors.modules).toFixed(1)} %)`,
    `wrong codewords per block [${errors.wrongCodewordsPerBlock.join(', ')}], fixable ${errors.correctablePerBlock}${worst > errors.correctablePerBlock ? ' — BEYOND' : ''}`,
    read ? 'read' : 'MISSED',
  ].join('  ');
  rows.push({ id: image.shot.id, recipe: image.shot.recipe, read, line, errors });
}

const misses = rows.filter((row) => !row.read);
console.log(`ours misses ${misses.length} of ${rows.length}:`);
for (const row of misses) console.log(`  ${row.line}`);
console.log(`the ${SHOWN} images with the most wrong modules at the true geometry (sampled at the true module centres, as no decoder can know them):`);
for (const row of [...rows].sort((a, b) => b.errors.wrongModules - a.errors.wrongModules).slice(0, SHOWN)) console.log(`  ${row.line}`);
const beyond = rows.filter((row) => Math.max(...row.errors.wrongCodewordsPerBlock) > row.errors.correctablePerBlock);
console.log(`images with a block beyond its error correction even at the true geometry: ${beyond.map((row) => row.id).join(', ') || 'none'}`);
