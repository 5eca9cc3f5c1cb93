import { describe, expect, it } from 'vitest';
import { fullRangeLuma } from './video-frame-luma.js';

describe('fullRangeLuma', () => {
  it('stretches video-range luma (16–235) to 0–255, clamping what lies beyond', () => {
    const image = { width: 6, height: 1, data: Uint8Array.of(0, 16, 125, 126, 235, 255) };
    expect([...fullRangeLuma({ image, videoRange: true }).data]).toEqual([0, 0, 127, 128, 255, 255]);
    // A copy: the camera's frame buffer is reused for the next frame.
    expect([...image.data]).toEqual([0, 16, 125, 126, 235, 255]);
  });

  it('leaves full-range luma as it is', () => {
    const image = { width: 2, height: 1, data: Uint8Array.of(3, 250) };
    expect(fullRangeLuma({ image, videoRange: false })).toBe(image);
  });
});
