// Staff choose the webcam: a discreet camera button on the idle screen opens the list of cameras.
// TODO(staff PIN, later issue): open only after a staff login; until then it is merely out of the way.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraIcon, CloseIcon } from '../components/icons.js';

interface Props {
  current: string | null;
  onChoose: (deviceId: string | null) => void;
}

export function CameraPicker({ current, onChoose }: Props) {
  const { t } = useTranslation();
  const [cameras, setCameras] = useState<MediaDeviceInfo[] | null>(null);

  const open = () => {
    void navigator.mediaDevices.enumerateDevices().then((devices) => {
      setCameras(devices.filter((d) => d.kind === 'videoinput' && d.deviceId !== ''));
    });
  };
  const choose = (deviceId: string | null) => {
    setCameras(null);
    if (deviceId !== current) onChoose(deviceId);
  };

  if (cameras === null) {
    return (
      <button type="button" className="staff-button" data-testid="camera-settings" aria-label={t('camera.settings')} onClick={open}>
        <CameraIcon />
      </button>
    );
  }
  const options: { id: string | null; label: string }[] = [
    { id: null, label: t('camera.automatic') },
    ...cameras.map((camera, i) => ({ id: camera.deviceId, label: camera.label || t('camera.unnamed', { number: i + 1 }) })),
  ];
  return (
    <div className="camera-picker" data-testid="camera-picker" role="dialog" aria-label={t('camera.settings')}>
      <ul>
        {options.map((option) => (
          <li key={option.id ?? 'automatic'}>
            <button type="button" className="camera-option" data-testid="camera-option" aria-pressed={option.id === current} onClick={() => choose(option.id)}>
              {option.label}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="staff-button" data-testid="camera-picker-close" aria-label={t('camera.close')} onClick={() => setCameras(null)}>
        <CloseIcon />
      </button>
    </div>
  );
}
