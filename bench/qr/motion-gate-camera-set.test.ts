// The motion gate on the camera set's real pictures (codes from 1.3 px a module to held right up to the camera): in
// a still doorway, the very frame a code appears in is decoded because it moved — not by waiting for the gate's
// occasional still-picture decode — with the thumbnail taken as the kiosk takes it, from video-range luma.
import { describe, expect, it } from 'vitest';
import { lumaThumbnail, MotionGate } from '../../renderer/src/camera/motion-gate.js';
import { MOTION_GATE } from '../../renderer/src/camera/scan-config.js';
import { renderCameraSet } from './camera-set.js';
import { FRAME } from './shots.js';

/** What the camera hands over: luma in video range (e2e/support/qr-video.ts writes it the same way). */
function cameraThumbnail(picture: Uint8Array): Uint8Array {
  const data = Uint8Array.from(picture, (grey) => 16 + Math.round((grey * 219) / 255));
  return lumaThumbnail({ width: FRAME.width, height: FRAME.height, data }, MOTION_GATE.thumbWidth, MOTION_GATE.thumbHeight);
}

describe('the motion gate on the camera set', () => {
  const set = renderCameraSet(Array.from({ length: 4 }, (_, i) => `ESK1:motion-gate-${String(i)}-${'x'.repeat(60)}`));

  it.each(set.map((shot, i) => [i, shot.recipe, shot] as const))('shot %i (%s): the first frame with the code is decoded', (_i, _recipe, shot) => {
    const gate = new MotionGate(MOTION_GATE);
    const empty = cameraThumbnail(shot.empty);
    // The doorway still for longer than the hold after the first frame, and the code coming well before the next
    // still-picture decode: only motion can open the gate.
    let t = 0;
    for (; t <= MOTION_GATE.holdMs + 1_000; t += 100) gate.shouldDecode(Uint8Array.from(empty), t);
    expect(t).toBeLessThan(MOTION_GATE.stillDecodeEveryMs);
    expect(gate.shouldDecode(Uint8Array.from(empty), t)).toBe(false);
    expect(gate.shouldDecode(cameraThumbnail(shot.picture), t + 100)).toBe(true);
  });
});
