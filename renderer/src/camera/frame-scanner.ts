// Scans a camera track for QR codes: every frame comes to JavaScript as a VideoFrame (MediaStreamTrackProcessor, on a
// clone of the track the viewfinder shows), its luma is copied out and the frame handed back at once, a small
// thumbnail of it goes to the motion gate, and the frames the gate picks are decoded whole. Every frame is looked at,
// so the first one a code appears in is decoded; none is drawn into a canvas, and no per-frame callback makes the
// page render (requestVideoFrameCallback did, ten times a second, for a page that did not change).
// One frame at a time: a slow decode lets the frames in between go rather than piling them up.
import type { LumaImage } from '../../../shared/qr/luma.js';
import { lumaThumbnail, MotionGate } from './motion-gate.js';
import { readQrFromLuma } from './read-qr.js';
import { MOTION_GATE, scanRegion } from './scan-config.js';
import { fullRangeLuma, VideoFrameLuma, type FrameLuma } from './video-frame-luma.js';

/** Chromium's MediaStreamTrackProcessor (mediacapture-transform), not in TypeScript's DOM library. */
interface TrackProcessor {
  readonly readable: ReadableStream<VideoFrame>;
}
type TrackProcessorConstructor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => TrackProcessor;

function trackProcessor(): TrackProcessorConstructor {
  const found: unknown = Reflect.get(globalThis, 'MediaStreamTrackProcessor');
  if (typeof found !== 'function') throw new Error('this browser has no MediaStreamTrackProcessor to read camera frames with');
  return found as TrackProcessorConstructor;
}

export interface ScanEvents {
  /** Every frame the camera delivered (the watchdog's sign of life). */
  onFrame: () => void;
  /** Every looked-at frame, before it is decoded: whether it moved (the viewfinder's sleep, viewfinder-sleep.ts). */
  onLook: (moved: boolean, nowMs: number) => void;
  onCode: (text: string) => void;
}

/** The part of the frame the kiosk scans (scan-config.ts), as its own image. */
function regionOf(luma: LumaImage): LumaImage {
  const region = scanRegion(luma.width, luma.height);
  if (region.left === 0 && region.top === 0 && region.width === luma.width && region.height === luma.height) return luma;
  const data = new Uint8Array(region.width * region.height);
  for (let y = 0; y < region.height; y++) {
    const from = (region.top + y) * luma.width + region.left;
    data.set(luma.data.subarray(from, from + region.width), y * region.width);
  }
  return { width: region.width, height: region.height, data };
}

/** Starts scanning; returns the function that stops it. Throws when the browser cannot hand frames over. */
export function scanTrack(track: MediaStreamTrack, events: ScanEvents): () => void {
  const Processor = trackProcessor();
  // A clone of its own: the viewfinder keeps the original, and stopping the scan stops only this one.
  const own = track.clone();
  // One frame waiting at most: after a slow decode, the newest frame is the one worth looking at.
  const reader = new Processor({ track: own, maxBufferSize: 1 }).readable.getReader();
  const gate = new MotionGate(MOTION_GATE);
  const luma = new VideoFrameLuma();
  let live = true;
  let failureLogged = false;

  const look = async (frame: VideoFrame): Promise<void> => {
    let read: FrameLuma;
    try {
      read = await luma.read(frame);
    } finally {
      // Back to the camera's pool at once: a frame held open stalls the camera.
      frame.close();
    }
    const nowMs = performance.now();
    const decode = gate.shouldDecode(lumaThumbnail(read.image, MOTION_GATE.thumbWidth, MOTION_GATE.thumbHeight), nowMs);
    events.onLook(gate.moved, nowMs);
    if (!decode) return;
    const text = await readQrFromLuma(regionOf(fullRangeLuma(read)));
    if (text === null || !live) return;
    gate.codeSeen(nowMs);
    events.onCode(text);
  };

  void (async () => {
    for (;;) {
      const { value: frame, done } = await reader.read();
      if (done) return;
      if (!live) {
        frame.close();
        return;
      }
      events.onFrame();
      try {
        await look(frame);
      } catch (error: unknown) {
        // Once per camera start: a decoder that cannot load fails on every frame.
        if (!failureLogged) console.error('[camera] a frame could not be scanned', error);
        failureLogged = true;
      }
    }
  })().catch((error: unknown) => {
    // The stream errored (its track failed): the watchdog sees no more frames and restarts the camera.
    if (live) console.error('[camera] the camera frames stopped', error);
  });

  return () => {
    live = false;
    reader.cancel().catch(() => undefined);
    own.stop();
  };
}
