// Shown across the top while the transport to the kiosk core is down (it reconnects by itself).
import { useTranslation } from 'react-i18next';
import { WarningIcon } from './icons.js';

export function ConnectionLostBanner() {
  const { t } = useTranslation();
  return (
    <div className="connection-lost" data-testid="connection-lost" role="alert">
      <WarningIcon />
      <span>{t('errors.CONNECTION_LOST')}</span>
    </div>
  );
}
