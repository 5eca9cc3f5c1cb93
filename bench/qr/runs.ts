// Runs each decoder over the whole set and records, per image, whether it returned exactly the payload.
import { readFileSync } from 'node:fs';
import { type RgbaFrame } from '../../shared/qr/luma.js';
import { QR_PASSES, type QrPass } from '../../shared/qr/read-passes.js';
import { openHtml5QrcodeSession } from './decode-html5-qrcode.js';
import { decodeOurs, prepareZxingWasm, rgbaFromGray } from './decode-ours.js';
import { decodeZbar } from './decode-zbar.js';
import { type EmptyFrame, scanRegionOf } from './empty-frames.js';
import { type HardSetImage } from './hard-set.js';

export interface DecoderRun {
  readonly name: string;
  /** Image id → decoded exactly. */
  readonly ok: ReadonlyMap<string, boolean>;
  /** Mean milliseconds per image, where the measure means something (see each run). */
  readonly meanMs: number;
  /** Ours only: mean CPU milliseconds of this process per image (see cpuMsSince). */
  readonly meanCpuMs?: number;
}

/**
 * CPU time this process spent since `start` (a process.cpuUsage()), in ms. Wall time on a 2-core machine shared
 * with other work also counts the time the decoder waited for a core; CPU time does not. It does count V8's
 * garbage-collector threads, which run beside the decode (so it can exceed the wall time), and in this virtual
 * machine it grows under load too (cores shared below it): a hint of how busy the machine was, not a clean figure.
 */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export interface FrameTimes {
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
}

const WARM_UP = 10;
const EMPTY_ROUNDS = 3;

/** Untimed: every pass of the first WARM_UP frames, so the retry passes' JavaScript is compiled too (in the
 * kiosk's camera loop it always is: every frame without a code runs them). */
async function warmUp(frames: readonly RgbaFrame[], passes: readonly QrPass[]): Promise<void> {
  await prepareZxingWasm();
  for (const frame of frames.slice(0, WARM_UP)) for (const pass of passes) await decodeOurs(frame, [pass]);
}

/**
 * Time per image is the kiosk's whole read of a frame (shared/qr/read-passes.ts: grey conversion, each pass
 * tried and its filtering), from RGBA pixels already in memory — what a canvas's getImageData hands over — of the
 * region the kiosk scans (scanRegionOf): a code outside it counts as missed, as it is at the door.
 */
export async function runOurs(images: readonly HardSetImage[], passes: readonly QrPass[] = QR_PASSES, name = 'ours'): Promise<DecoderRun> {
  const frames = images.map((image) => {
    const region = scanRegionOf(image.width, image.height, readFileSync(image.grayPath));
    return rgbaFromGray(region.width, region.height, region.pixels);
  });
  await warmUp(frames, passes);
  const ok = new Map<string, boolean>();
  let total = 0;
  let totalCpu = 0;
  for (const [i, image] of images.entries()) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const text = await decodeOurs(frames[i] as RgbaFrame, passes);
    total += performance.now() - started;
    totalCpu += cpuMsSince(cpu);
    ok.set(image.shot.id, text === image.shot.payload);
  }
  return { name, ok, meanMs: total / images.length, meanCpuMs: totalCpu / images.length };
}

/**
 * Milliseconds of the kiosk's read of each frame without a code (every pass runs), after the same warm-up;
 * each frame EMPTY_ROUNDS times, as one frame takes only ~20 ms and timing on a 2-core machine wobbles by a few.
 */
export async function timeOursOnEmptyFrames(frames: readonly EmptyFrame[], passes: readonly QrPass[] = QR_PASSES): Promise<FrameTimes> {
  const rgba = frames.map((frame) => rgbaFromGray(frame.width, frame.height, frame.pixels));
  await warmUp(rgba, passes);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let round = 0; round < EMPTY_ROUNDS; round++) {
    for (const frame of rgba) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const text = await decodeOurs(frame, passes);
      wallMs.push(performance.now() - started);
      cpuMs.push(cpuMsSince(cpu));
      if (text !== null) throw new Error(`a code read in a frame without one: ${text}`);
    }
  }
  return { wallMs, cpuMs };
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
