// Makes a fake-camera video for Chromium (--use-file-for-fake-video-capture): a .y4m at 640×480 of blank frames and
// QR codes, each code drawn by qrencode and turned into a frame by ffmpeg, each segment an exact number of frames,
// so the tests know when in the video each code appears. Chromium plays the file in a loop.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 480;
/** The largest code drawn: it must fit the scanner's box (80 % of the 480 px height) with its quiet zone. */
const MAX_CODE_PX = 360;

/** text null: a blank frame (an empty doorway); otherwise that text as a QR code in the middle — or, with
 * `picture`, that 640×480 grey picture, which shows the code `text` (a scene of bench/qr/render-shot.ts). */
export interface VideoSegment {
  text: string | null;
  seconds: number;
  picture?: Uint8Array;
}

export interface QrVideo {
  path: string;
  fps: number;
  /** Length of one loop. */
  seconds: number;
  /** Where each code segment starts, in the order given: the first frame that shows the code. */
  codes: { text: string; fromSeconds: number; toSeconds: number }[];
}

export function writeQrVideo(path: string, segments: readonly VideoSegment[], fps = 10): QrVideo {
  const workDir = join(dirname(path), 'qr-frames');
  mkdirSync(workDir, { recursive: true });
  const frames = new Map<string | Uint8Array, Buffer>();
  const frameOf = (segment: VideoSegment): Buffer => {
    const key = segment.picture ?? segment.text ?? '';
    let frame = frames.get(key);
    if (!frame) {
      frame = segment.picture ? greyFrame(segment.picture) : segment.text === null ? blankFrame() : qrFrame(segment.text, join(workDir, `code-${String(frames.size)}`));
      frames.set(key, frame);
    }
    return frame;
  };

  const fd = openSync(path, 'w');
  const codes: QrVideo['codes'] = [];
  let frameCount = 0;
  try {
    // What ffmpeg writes for yuv420p: Chromium's y4m reader takes this header.
    writeSync(fd, `YUV4MPEG2 W${String(VIDEO_WIDTH)} H${String(VIDEO_HEIGHT)} F${String(fps)}:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n`);
    for (const segment of segments) {
      const count = Math.round(segment.seconds * fps);
      if (segment.text !== null) codes.push({ text: segment.text, fromSeconds: frameCount / fps, toSeconds: (frameCount + count) / fps });
      const frame = frameOf(segment);
      for (let i = 0; i < count; i++) {
        writeSync(fd, 'FRAME\n');
        writeSync(fd, frame);
      }
      frameCount += count;
    }
  } finally {
    closeSync(fd);
  }
  return { path, fps, seconds: frameCount / fps, codes };
}

/** A light grey frame: no code, some light, like an empty doorway in front of the camera. */
function blankFrame(): Buffer {
  const luma = VIDEO_WIDTH * VIDEO_HEIGHT;
  const frame = Buffer.alloc(luma * 1.5, 128);
  frame.fill(190, 0, luma);
  return frame;
}

/** A grey picture as one raw yuv420p frame: its levels mapped to video range (16–235), as ffmpeg maps a PNG's. */
function greyFrame(picture: Uint8Array): Buffer {
  const luma = VIDEO_WIDTH * VIDEO_HEIGHT;
  if (picture.length !== luma) throw new Error(`a ${String(VIDEO_WIDTH)}×${String(VIDEO_HEIGHT)} picture has ${String(luma)} pixels, not ${String(picture.length)}`);
  const frame = Buffer.alloc(luma * 1.5, 128);
  for (let i = 0; i < luma; i++) frame[i] = 16 + Math.round(((picture[i] as number) * 219) / 255);
  return frame;
}

/** The code as one raw yuv420p frame: `qrencode -s 8 -m 4` (smaller modules if it would not fit), centred by ffmpeg. */
function qrFrame(text: string, base: string): Buffer {
  let scale = 8;
  for (;;) {
    execFileSync('qrencode', ['-o', `${base}.png`, '-s', String(scale), '-m', '4', text]);
    if (pngWidth(`${base}.png`) <= MAX_CODE_PX || scale === 2) break;
    scale--;
  }
  const pad = `pad=${String(VIDEO_WIDTH)}:${String(VIDEO_HEIGHT)}:(ow-iw)/2:(oh-ih)/2:color=0xbebebe`;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', `${base}.png`, '-vf', `${pad},format=yuv420p`, '-frames:v', '1', '-f', 'rawvideo', `${base}.yuv`]);
  return readFileSync(`${base}.yuv`);
}

function pngWidth(path: string): number {
  // The IHDR chunk follows the 8-byte signature: length, "IHDR", then the width as a big-endian uint32.
  return readFileSync(path).readUInt32BE(16);
}
