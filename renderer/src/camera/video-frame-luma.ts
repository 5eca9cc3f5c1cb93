// The grey picture of a camera frame, taken straight from its VideoFrame: webcams hand Chromium YUV frames (I420, NV12),
// whose first plane is the luma the QR decoder reads, so no canvas, no RGBA round trip and no GPU readback are needed.
// Frames in an RGB form (some drivers) are converted by copyTo itself and turned grey as zxing-wasm would.
// Luma in video range (16–235, what most cameras send) is stretched to 0–255 before decoding, as drawing the frame
// into a canvas did: zxing-cpp's binarizer takes too flat a block for blank, and a small, low-contrast code loses
// what little contrast it has when a seventh of the range is never used.
import { lumaOf, type LumaImage } from '../../../shared/qr/luma.js';

/** Pixel formats whose plane 0 is 8-bit luma, one byte a pixel. */
const LUMA_FIRST = new Set<VideoPixelFormat>(['I420', 'I420A', 'I422', 'I444', 'NV12']);

export interface FrameLuma {
  readonly image: LumaImage;
  /** Luma in video range (16–235) rather than 0–255 (VideoColorSpace.fullRange false or unknown). */
  readonly videoRange: boolean;
}

/** 16 → 0, 235 → 255, clamped beyond: BT.601/709 video range to full range. */
const VIDEO_TO_FULL = Uint8Array.from({ length: 256 }, (_, y) => Math.min(255, Math.max(0, Math.round(((y - 16) * 255) / 219))));

/** The image in full range: a fresh copy, or the image itself when it already is. */
export function fullRangeLuma(luma: FrameLuma): LumaImage {
  if (!luma.videoRange) return luma.image;
  const { width, height, data } = luma.image;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = VIDEO_TO_FULL[data[i] as number] as number;
  return { width, height, data: out };
}

/** Reused between frames: a 640×480 frame is 460 KB, and a new buffer at every frame is garbage at every frame. */
export class VideoFrameLuma {
  private buffer = new Uint8Array(0);
  private packed = new Uint8Array(0);

  /** Copies the frame's visible luma; the frame may be closed as soon as the promise settles. The image's data lives
   * in this reader's buffers and holds until the next read: the scanner looks at one frame at a time, and copies what
   * it decodes (fullRangeLuma) or decodes it before reading the next. */
  async read(frame: VideoFrame): Promise<FrameLuma> {
    const rect = frame.visibleRect;
    const width = rect?.width ?? frame.codedWidth;
    const height = rect?.height ?? frame.codedHeight;
    const lumaFirst = frame.format !== null && LUMA_FIRST.has(frame.format);
    const options: VideoFrameCopyToOptions = lumaFirst ? {} : { format: 'RGBA' };
    const size = frame.allocationSize(options);
    if (this.buffer.byteLength < size) this.buffer = new Uint8Array(size);
    const [plane] = await frame.copyTo(this.buffer, options);
    if (!plane) throw new Error(`a ${String(frame.format)} camera frame with no planes`);
    if (!lumaFirst) return { image: lumaOf({ width, height, data: new Uint8ClampedArray(this.buffer.buffer, plane.offset, width * height * 4) }), videoRange: false };
    // Rows without padding (the usual 640-wide plane) are the image as they lie; padded ones are packed.
    let data: Uint8Array;
    if (plane.stride === width) {
      data = this.buffer.subarray(plane.offset, plane.offset + width * height);
    } else {
      if (this.packed.length !== width * height) this.packed = new Uint8Array(width * height);
      data = this.packed;
      for (let y = 0; y < height; y++) data.set(this.buffer.subarray(plane.offset + y * plane.stride, plane.offset + y * plane.stride + width), y * width);
    }
    return { image: { width, height, data }, videoRange: frame.colorSpace.fullRange !== true };
  }
}
