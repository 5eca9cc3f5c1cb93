// A small dot and a few words in a corner of the idle screen: is the kiosk reaching the city, and how many records
// wait to be sent. Discreet on purpose: companions need not read it, staff glance at it. Nothing before enrollment.
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/sync/sync-status.js';
import './sync-indicator.css';

export function SyncIndicator({ status }: { status: SyncStatus | null }) {
  const { t } = useTranslation();
  if (status === null || status.state === 'never-enrolled') return null;
  const label = status.state === 'online' ? t('idle.sync.online') : t('idle.sync.offline');
  return (
    <div
      className={`sync-indicator sync-indicator-${status.state}`}
      role="status"
      title={t('idle.sync.title')}
      data-testid="sync-indicator"
      data-state={status.state}
      data-queued={status.queued}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span>{label}</span>
      {status.queued > 0 && <span className="sync-queued">· {t('idle.sync.queued', { count: status.queued })}</span>}
    </div>
  );
}
