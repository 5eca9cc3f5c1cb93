// The webcam's viewfinder in a corner of every screen (the next person may show a code while a receipt is up),
// or, when the camera cannot be used, why — cards keep working either way.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraOffIcon } from '../components/icons.js';
import type { CameraProblem } from './camera-problem.js';
import { VIEWFINDER_ID } from './qr-camera.js';
import { useQrCamera } from './use-qr-camera.js';

interface Props {
  deviceId: string | null;
  onText: (text: string) => void;
  /** Hears each change of why the camera is not scanning (the setup's camera test keeps it for its checklist). */
  onProblem?: (problem: CameraProblem | null) => void;
}

export function CameraDock({ deviceId, onText, onProblem }: Props) {
  const { t } = useTranslation();
  const { problem, asleep } = useQrCamera(deviceId, onText);
  useEffect(() => onProblem?.(problem), [problem, onProblem]);
  return (
    <aside className="camera-dock" data-testid="camera-dock" data-state={problem ?? 'scanning'} data-viewfinder={asleep ? 'asleep' : 'awake'}>
      {/* QrCamera owns what is inside (the camera's <video>): React renders it empty, once, and never touches it again. */}
      <div id={VIEWFINDER_ID} className="camera-viewfinder" data-testid="camera-viewfinder" />
      {asleep && !problem && (
        // Still, with no animation: a sleeping viewfinder must cost nothing to show.
        <p className="camera-asleep" data-testid="camera-asleep">
          {t('camera.showCodeHere')}
        </p>
      )}
      {problem && (
        <p className="camera-problem" data-testid="camera-problem" data-problem={problem} role="status">
          <CameraOffIcon />
          <span>{t(`camera.${problem}`)}</span>
        </p>
      )}
    </aside>
  );
}
