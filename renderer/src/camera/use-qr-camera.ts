// Runs the webcam scanner while mounted, on the camera from the status, and hands each presented code (once per
// presentation) to onText. Retries by itself when cameras come and go.
import { useEffect, useEffectEvent, useState } from 'react';
import { markNow } from '../perf/marks.js';
import type { CameraProblem } from './camera-problem.js';
import { PresentationFilter } from './presentation-filter.js';
import { QrCamera } from './qr-camera.js';

export interface QrCameraState {
  problem: CameraProblem | null;
  /** The viewfinder sleeps in a still doorway (viewfinder-sleep.ts); codes are read all the same. */
  asleep: boolean;
}

export function useQrCamera(deviceId: string | null, onText: (text: string) => void): QrCameraState {
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [asleep, setAsleep] = useState(false);
  const deliver = useEffectEvent((text: string) => {
    markNow('esik:qr-decoded');
    onText(text);
  });

  useEffect(() => {
    const filter = new PresentationFilter();
    const camera = new QrCamera({
      onCode: (text) => {
        if (filter.accept(text, performance.now())) deliver(text);
      },
      onProblem: setProblem,
      onViewfinderAsleep: setAsleep,
    });
    camera.use(deviceId);
    // A camera plugged in (or back): try again. Unplugging is noticed by the track itself ending.
    const onDeviceChange = (): void => {
      camera.retry();
    };
    navigator.mediaDevices?.addEventListener('devicechange', onDeviceChange);
    return () => {
      navigator.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
      void camera.dispose();
    };
  }, [deviceId]);

  return { problem, asleep };
}
