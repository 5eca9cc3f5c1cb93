// The admin's choice of webcam in the door settings: "automatic" (the first camera found) or one of the cameras the
// browser lists now. A camera chosen before and unplugged since stays listed, so the choice is never lost silently.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Camera {
  id: string;
  label: string;
}

interface Props {
  current: string | null;
  onChoose: (deviceId: string | null) => void;
}

const AUTOMATIC = '';

export function CameraField({ current, onChoose }: Props) {
  const { t } = useTranslation();
  const [cameras, setCameras] = useState<Camera[]>([]);

  useEffect(() => {
    let live = true;
    void navigator.mediaDevices
      ?.enumerateDevices()
      .then((devices) => {
        const found = devices.filter((d) => d.kind === 'videoinput' && d.deviceId !== '');
        if (live) setCameras(found.map((d, i) => ({ id: d.deviceId, label: d.label || t('camera.unnamed', { number: i + 1 }) })));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [t]);

  const listed = current !== null && !cameras.some((c) => c.id === current) ? [...cameras, { id: current, label: t('camera.missing') }] : cameras;
  return (
    <label className="admin-field">
      {t('camera.settings')}
      <select data-testid="door-camera" value={current ?? AUTOMATIC} onChange={(e) => onChoose(e.target.value === AUTOMATIC ? null : e.target.value)}>
        <option value={AUTOMATIC}>{t('camera.automatic')}</option>
        {listed.map((camera) => (
          <option key={camera.id} value={camera.id}>
            {camera.label}
          </option>
        ))}
      </select>
    </label>
  );
}
