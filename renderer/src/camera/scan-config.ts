// How html5-qrcode scans at the door: its defaults (2 fps, whole frame, a flipped second decode of every miss) are
// slow; these are tuned for a fixed, non-mirrored webcam and an old PC.
import type { Html5QrcodeCameraScanConfig } from 'html5-qrcode';

export const SCAN_CONFIG: Omit<Html5QrcodeCameraScanConfig, 'videoConstraints'> = {
  // The library's default of 2 makes people wait. A frame's decode is ~5 ms on the test machine (bench p95),
  // several times that on an old PC: 10 a second still leaves it most of its time.
  fps: 10,
  // Decode the middle of the picture only: less work per frame, and it is where people hold the code.
  qrbox: (width: number, height: number) => {
    const side = Math.max(50, Math.floor(Math.min(width, height) * 0.8));
    return { width: side, height: side };
  },
  // The camera is not mirrored: no second, flipped decode of every frame without a code.
  disableFlip: true,
};

export function videoConstraints(deviceId: string | null): MediaTrackConstraints {
  // 640×480 is plenty for a code held at the door, and keeps each frame's decode cheap on an old PC.
  const size = { width: { ideal: 640 }, height: { ideal: 480 } };
  return deviceId === null ? size : { ...size, deviceId: { exact: deviceId } };
}
