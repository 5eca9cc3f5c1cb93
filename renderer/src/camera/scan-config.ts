// How html5-qrcode scans at the door: its defaults (2 fps, whole frame, a flipped second decode of every miss) are
// slow; these are tuned for a fixed, non-mirrored webcam and an old PC.
import type { Html5QrcodeCameraScanConfig } from 'html5-qrcode';

export const SCAN_CONFIG: Omit<Html5QrcodeCameraScanConfig, 'videoConstraints'> = {
  // The library's default of 2 makes people wait. On the test machine a frame of this scan box with a code decodes
  // in a few ms; one without runs the upscaled retry too, ~10 ms (qr_decode_ms_empty_frame: the whole 640×480
  // frame, ~20 ms); several times that on an old PC. html5-qrcode waits 1/fps after each decode ends, so a slow
  // decode lowers the rate rather than piling up: 10 a second still leaves the PC most of its time.
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
  // 640×480 is plenty for a code held at the door, and keeps each frame's decode cheap on an old PC. The hard set's
  // scenes rendered at 1280×960 read 100 % in one pass, but at ~18 ms a frame on the test machine (and the
  // viewfinder's CSS width would have to grow too, or html5-qrcode shrinks the scan box back); at 640×480 the
  // upscaled retry reads 98.7 %, and only frames the first pass reads nothing in pay for it.
  const size = { width: { ideal: 640 }, height: { ideal: 480 } };
  return deviceId === null ? size : { ...size, deviceId: { exact: deviceId } };
}
