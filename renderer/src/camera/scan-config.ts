// How the kiosk scans its webcam for QR codes: which part of each frame is decoded, how often frames are looked at,
// and when a frame is worth decoding at all. Tuned for a fixed, non-mirrored 640×480 webcam and an old PC.

export interface ScanRegion {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The whole frame. A card held right up to the camera fills 400–480 px of a 640×480 frame; the centred 384×384 box
 * scanned before read none of those (bench/qr-decode-rate.ts, recipes 'near' and 'close'), and a code off to one
 * side is missed just the same. bench/qr-decode-rate.ts scores the decoder on exactly this region.
 */
export function scanRegion(frameWidth: number, frameHeight: number): ScanRegion {
  return { left: 0, top: 0, width: frameWidth, height: frameHeight };
}

/** The camera is asked for no more frames than this (10 a second): a code held up is in view for a second or more. */
export const SAMPLE_EVERY_MS = 100;

/**
 * When a looked-at frame is also decoded (motion-gate.ts). A decode of a whole frame without a code costs ~20 ms of
 * CPU on the test machine (it runs every retry pass): at 10 a second, a fifth of a core burnt all day in front of an
 * empty doorway. A code cannot appear without the picture changing, so every frame that differs from the one looked
 * at before is decoded, and so is every frame for a while after (a code held still after moving in).
 */
export const MOTION_GATE = {
  /** The frame is compared on a thumbnail this size: averaging into few pixels keeps sensor noise out of it. */
  thumbWidth: 64,
  thumbHeight: 48,
  /** A thumbnail pixel changed when its grey level moved by more than this. */
  pixelDelta: 12,
  /** A frame moved when at least this many thumbnail pixels changed: a 1.3 px-per-module code, the smallest read,
   * covers about 6 of them. */
  minChangedPixels: 3,
  /** After the last motion every frame is decoded for this long. */
  holdMs: 3_000,
  /** And in a still picture one frame this often, should a change have slipped under the thresholds. Every frame
   * is looked at (frame-scanner.ts), so a code moving in is seen in the frame it appears in; these decodes of an empty
   * doorway (~75 ms of CPU each in the kiosk's page with the retry pass, bench/idle-cpu.ts) are only the backstop,
   * and at one every 10 s they cost under 1 % of a core instead of the 3 % they cost every 2 s. */
  stillDecodeEveryMs: 10_000,
} as const;

/**
 * The viewfinder sleeps after this long without motion (viewfinder-sleep.ts): drawing the live picture is most of what
 * an empty doorway costs. Long enough that someone hesitating in front of the camera still sees themselves.
 * A page may set `esikViewfinderSleepMs` on window before it loads to shorten it (the end-to-end tests do).
 */
export const VIEWFINDER_SLEEP_AFTER_MS = 20_000;

export function viewfinderSleepAfterMs(): number {
  const set: unknown = Reflect.get(globalThis, 'esikViewfinderSleepMs');
  return typeof set === 'number' && Number.isFinite(set) && set > 0 ? set : VIEWFINDER_SLEEP_AFTER_MS;
}

export function videoConstraints(deviceId: string | null): MediaTrackConstraints {
  // 640×480 is plenty for a code at the door, and keeps each frame's decode cheap on an old PC. The hard set's scenes
  // rendered at 1280×960 read 100 % in one pass, but at ~18 ms a frame on the test machine; at 640×480 the upscaled
  // retry reads what the first pass misses, and only frames the first pass reads nothing in pay for it.
  // At most 10 frames a second, the rate frames are looked at: most webcams send 30, and Chromium would carry, show
  // and composite every one of them (it drops the rest at the source when asked this way; it does not refuse).
  const size = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { max: 1000 / SAMPLE_EVERY_MS } };
  return deviceId === null ? size : { ...size, deviceId: { exact: deviceId } };
}
