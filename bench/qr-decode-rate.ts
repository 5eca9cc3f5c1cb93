// Decode rate of QR decoders on a generated hard set of webcam-like frames, side by side in one run:
// ours (zxing-cpp via zxing-wasm, in the passes and with the options the kiosk ships: shared/qr/read-passes.ts),
// html5-qrcode's default decoder (zxing-js, in Chromium) and zbar, all on the same images. A decode counts only
// if the text equals the payload exactly. Our time is also measured on frames without a code, which run every
// retry pass: most of the camera loop's frames are those.
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { renderEmptyFrames, scanRegionOfFrame } from './qr/empty-frames.js';
import { planHardSet, writeHardSet } from './qr/hard-set.js';
import { runHtml5Qrcode, runOurs, runZbar, timeOursOnEmptyFrames } from './qr/runs.js';
import { countLines, rateTables, ratePercent } from './qr/tally.js';
import { percentile, report } from './stats.js';

export async function benchQrDecodeRate(workDir: string): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  let started = performance.now();
  const shots = planHardSet();
  const images = writeHardSet(workDir, shots);
  const empty = renderEmptyFrames(shots);
  for (const line of countLines(images)) console.log(line);
  console.log(`QR hard set and ${empty.length} frames without a code rendered in ${((performance.now() - started) / 1000).toFixed(1)} s into ${workDir}`);

  // The times below are wall-clock: other work on the machine shows in them, so say how busy it was.
  console.log(`QR timing starts at a 1-minute load average of ${(loadavg()[0] ?? 0).toFixed(2)} on ${availableParallelism()} cores`);
  started = performance.now();
  const ours = await runOurs(images);
  const emptyTimes = await timeOursOnEmptyFrames(empty.map(scanRegionOfFrame));
  const zbar = await runZbar(images);
  const html5 = await runHtml5Qrcode(images);
  console.log(`QR decoders ran in ${((performance.now() - started) / 1000).toFixed(1)} s; html5-qrcode answered with: ${[...html5.decoders].join(', ') || 'nothing'}`);

  const runs = [ours, html5, zbar];
  for (const line of rateTables(images, runs)) console.log(line);
  const mean = (ms: readonly number[]): number => ms.reduce((sum, v) => sum + v, 0) / ms.length;
  const emptyMean = mean(emptyTimes.wallMs);
  console.log(
    `QR mean ms per image: ours ${ours.meanMs.toFixed(2)} (every pass it needed, from RGBA pixels; CPU ${(ours.meanCpuMs ?? NaN).toFixed(2)}), html5-qrcode ${html5.meanMs.toFixed(2)} (scanFileV2 in page), zbar ${zbar.meanMs.toFixed(2)} (one process each)`,
  );
  const region = empty[0] ? scanRegionOfFrame(empty[0]) : undefined;
  console.log(
    `QR ms per frame without a code (ours, every pass, the kiosk's ${region ? `${region.width}×${region.height}` : ''} scan region; ${empty.length} frames × ${emptyTimes.wallMs.length / empty.length}): mean ${emptyMean.toFixed(2)}, p95 ${percentile(emptyTimes.wallMs, 95).toFixed(2)}, max ${Math.max(...emptyTimes.wallMs).toFixed(2)}, CPU mean ${mean(emptyTimes.cpuMs).toFixed(2)}`,
  );
  // Wall time above minus CPU time is time spent waiting for a core: other work on this machine, not the decoder.
  console.log(`QR timing ends at a 1-minute load average of ${(loadavg()[0] ?? 0).toFixed(2)}`);
  report('qr_decode_rate_ours', ratePercent(ours, images), '%');
  report('qr_decode_ms_ours', ours.meanMs, 'ms');
  report('qr_decode_cpu_ms_ours', ours.meanCpuMs ?? NaN, 'ms');
  report('qr_decode_ms_empty_frame', emptyMean, 'ms');
  report('qr_decode_cpu_ms_empty_frame', mean(emptyTimes.cpuMs), 'ms');
  report('qr_decode_rate_html5qrcode_default', ratePercent(html5, images), '%');
  report('qr_decode_rate_zbar', ratePercent(zbar, images), '%');
}
