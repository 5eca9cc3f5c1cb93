// Webcams send MJPEG; a low-quality round trip through ffmpeg's JPEG encoder adds the 8×8 block and
// ringing artefacts a real frame carries. ffmpeg is one of the Debian packages .ci/run installs.
import { execFileSync } from 'node:child_process';
import { type GrayImage, fromBytes, toBytes } from './gray-image.js';

/** qscale 2 (best) … 31 (worst), ffmpeg's mjpeg scale. */
export function jpegRoundTrip(image: GrayImage, qscale: number): GrayImage {
  const size = `${image.width}x${image.height}`;
  const common = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
  const jpeg = execFileSync(
    'ffmpeg',
    [...common, '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', size, '-i', 'pipe:0', '-frames:v', '1', '-pix_fmt', 'yuvj420p', '-c:v', 'mjpeg', '-q:v', String(qscale), '-f', 'mjpeg', 'pipe:1'],
    { input: toBytes(image), timeout: 30_000, maxBuffer: 16 << 20 },
  );
  const raw = execFileSync('ffmpeg', [...common, '-f', 'mjpeg', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], {
    input: jpeg,
    timeout: 30_000,
    maxBuffer: 16 << 20,
  });
  return fromBytes(image.width, image.height, new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
}
