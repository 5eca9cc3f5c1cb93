// Decode rate of QR decoders on a generated hard set of webcam-like frames, side by side in one run:
// ours (zxing-cpp via zxing-wasm, with the options the kiosk ships), html5-qrcode's default decoder
// (zxing-js, in Chromium) and zbar. A decode counts only if the text equals the payload exactly.
import { mkdirSync } from 'node:fs';
import { QR_DECODER_OPTIONS } from '../shared/qr/decoder-options.js';
import { planHardSet, writeHardSet } from './qr/hard-set.js';
import { runHtml5Qrcode, runOurs, runZbar } from './qr/runs.js';
import { countLines, rateTables, ratePercent } from './qr/tally.js';
import { report } from './stats.js';

export async function benchQrDecodeRate(workDir: string): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  let started = performance.now();
  const images = writeHardSet(workDir, planHardSet());
  for (const line of countLines(images)) console.log(line);
  console.log(`QR hard set rendered in ${((performance.now() - started) / 1000).toFixed(1)} s into ${workDir}`);

  started = performance.now();
  const ours = await runOurs(images, QR_DECODER_OPTIONS);
  const zbar = await runZbar(images);
  const html5 = await runHtml5Qrcode(images);
  console.log(`QR decoders ran in ${((performance.now() - started) / 1000).toFixed(1)} s; html5-qrcode answered with: ${[...html5.decoders].join(', ') || 'nothing'}`);

  const runs = [ours, html5, zbar];
  for (const line of rateTables(images, runs)) console.log(line);
  console.log(
    `QR mean ms per image: ours ${ours.meanMs.toFixed(2)} (decode only), html5-qrcode ${html5.meanMs.toFixed(2)} (scanFileV2 in page), zbar ${zbar.meanMs.toFixed(2)} (one process each)`,
  );
  report('qr_decode_rate_ours', ratePercent(ours, images), '%');
  report('qr_decode_ms_ours', ours.meanMs, 'ms');
  report('qr_decode_rate_html5qrcode_default', ratePercent(html5, images), '%');
  report('qr_decode_rate_zbar', ratePercent(zbar, images), '%');
}
