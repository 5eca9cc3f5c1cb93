// Runs each decoder over the whole set and records, per image, whether it returned exactly the payload.
import { readFileSync } from 'node:fs';
import { type ReaderOptions } from 'zxing-wasm/reader';
import { openHtml5QrcodeSession } from './decode-html5-qrcode.js';
import { decodeOurs, prepareZxingWasm, rgbaFromGray } from './decode-ours.js';
import { decodeZbar } from './decode-zbar.js';
import { type HardSetImage } from './hard-set.js';

export interface DecoderRun {
  readonly name: string;
  /** Image id → decoded exactly. */
  readonly ok: ReadonlyMap<string, boolean>;
  /** Mean milliseconds per image, where the measure means something (see each run). */
  readonly meanMs: number;
}

const WARM_UP = 10;

/** Decode time is readBarcodes alone, on pixels already in memory, after WARM_UP untimed decodes. */
export async function runOurs(images: readonly HardSetImage[], options: ReaderOptions, name = 'ours'): Promise<DecoderRun> {
  await prepareZxingWasm();
  const frames = images.map((image) => rgbaFromGray(image.width, image.height, readFileSync(image.grayPath)));
  for (const frame of frames.slice(0, WARM_UP)) await decodeOurs(frame, options);
  const ok = new Map<string, boolean>();
  let total = 0;
  for (const [i, image] of images.entries()) {
    const started = performance.now();
    const texts = await decodeOurs(frames[i] as ImageData, options);
    total += performance.now() - started;
    ok.set(image.shot.id, texts.includes(image.shot.payload));
  }
  return { name, ok, meanMs: total / images.length };
}

/** Time per image is wall time of one zbarimg process (start-up included), two at a time. */
export async function runZbar(images: readonly HardSetImage[]): Promise<DecoderRun> {
  const ok = new Map<string, boolean>();
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < images.length) {
      const image = images[next++] as HardSetImage;
      ok.set(image.shot.id, (await decodeZbar(image.pngPath)) === image.shot.payload);
    }
  };
  await Promise.all([worker(), worker()]);
  return { name: 'zbar', ok, meanMs: ((performance.now() - started) * 2) / images.length };
}

/** Time per image is scanFileV2 inside the page (image load, canvas draw and decode). */
export async function runHtml5Qrcode(images: readonly HardSetImage[]): Promise<DecoderRun & { decoders: ReadonlySet<string> }> {
  const session = await openHtml5QrcodeSession();
  try {
    const ok = new Map<string, boolean>();
    const decoders = new Set<string>();
    let total = 0;
    for (const image of images) {
      const outcome = await session.decode(image.pngPath);
      total += outcome.ms;
      if (outcome.decoder) decoders.add(outcome.decoder);
      ok.set(image.shot.id, outcome.text === image.shot.payload);
    }
    return { name: 'html5-qrcode', ok, meanMs: total / images.length, decoders };
  } finally {
    await session.close();
  }
}
