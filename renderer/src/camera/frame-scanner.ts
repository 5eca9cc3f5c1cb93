// Scans a playing <video> for QR codes: looks at a frame at most every SAMPLE_EVERY_MS, asks the motion gate whether
// it is worth decoding, and decodes the scan region of those that are. One frame at a time: a slow decode lowers the
// rate rather than piling frames up.
import { MotionGate } from './motion-gate.js';
import { readQrFromImage } from './read-qr.js';
import { MOTION_GATE, SAMPLE_EVERY_MS, scanRegion } from './scan-config.js';

/** Starts scanning; returns the function that stops it. */
export function scanVideo(video: HTMLVideoElement, onCode: (text: string) => void): () => void {
  const gate = new MotionGate(MOTION_GATE);
  const thumbCanvas = document.createElement('canvas');
  thumbCanvas.width = MOTION_GATE.thumbWidth;
  thumbCanvas.height = MOTION_GATE.thumbHeight;
  const frameCanvas = document.createElement('canvas');
  // Read back on every decoded frame: keep the canvases in memory rather than on the GPU.
  const thumbContext = thumbCanvas.getContext('2d', { willReadFrequently: true });
  const frameContext = frameCanvas.getContext('2d', { willReadFrequently: true });
  let live = true;
  let busy = false;
  let lastSampleMs = Number.NEGATIVE_INFINITY;
  let failureLogged = false;
  let handle = 0;

  const thumbnail = (context: CanvasRenderingContext2D): Uint8Array => {
    context.drawImage(video, 0, 0, MOTION_GATE.thumbWidth, MOTION_GATE.thumbHeight);
    const rgba = context.getImageData(0, 0, MOTION_GATE.thumbWidth, MOTION_GATE.thumbHeight).data;
    const grey = new Uint8Array(rgba.length / 4);
    // The green channel is grey enough to see motion by.
    for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4 + 1] as number;
    return grey;
  };

  const decode = async (context: CanvasRenderingContext2D, nowMs: number): Promise<void> => {
    const region = scanRegion(video.videoWidth, video.videoHeight);
    if (frameCanvas.width !== region.width || frameCanvas.height !== region.height) {
      frameCanvas.width = region.width;
      frameCanvas.height = region.height;
    }
    context.drawImage(video, region.left, region.top, region.width, region.height, 0, 0, region.width, region.height);
    const text = await readQrFromImage(context.getImageData(0, 0, region.width, region.height));
    if (text === null || !live) return;
    gate.codeSeen(nowMs);
    onCode(text);
  };

  const sample = async (nowMs: number): Promise<void> => {
    if (!thumbContext || !frameContext || video.videoWidth === 0 || video.videoHeight === 0) return;
    if (gate.shouldDecode(thumbnail(thumbContext), nowMs)) await decode(frameContext, nowMs);
  };

  const onFrame = (nowMs: number): void => {
    if (!live) return;
    // Frames come with some jitter: a 10 fps camera's next frame 99 ms later still counts as the next sample.
    if (!busy && nowMs - lastSampleMs >= SAMPLE_EVERY_MS * 0.8) {
      lastSampleMs = nowMs;
      busy = true;
      sample(nowMs)
        .catch((error: unknown) => {
          // Once per camera start: a decoder that cannot load fails on every frame.
          if (!failureLogged) console.error('[camera] a frame could not be scanned', error);
          failureLogged = true;
        })
        .finally(() => {
          busy = false;
        });
    }
    handle = video.requestVideoFrameCallback(onFrame);
  };
  handle = video.requestVideoFrameCallback(onFrame);
  return () => {
    live = false;
    video.cancelVideoFrameCallback(handle);
  };
}
