// Alerts for the staff at the door (a companion who may not collect a child tried to; the kiosk's clock is off the
// city's; closing time has passed with children still in): a slim banner on every screen that stays until someone
// presses "Seen" (or the core clears it). The companion's own screen only says to ask a staff member. The closing-time
// alert is also a way in: tapping it opens the staff sign-in and then the Closing page.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StaffAlert } from '../../../shared/api/contract.js';
import { bytesText } from '../admin/diagnostics-format.js';
import { WarningIcon } from './icons.js';

interface Props {
  alerts: readonly StaffAlert[];
  onDismiss: (id: string) => void;
  /** The closing-time alert was tapped. */
  onOpenClosing: () => void;
}

function alertText(t: TFunction, alert: StaffAlert): string {
  switch (alert.kind) {
    case 'pickup-not-allowed':
      return t('alerts.pickupNotAllowed', { companion: alert.companionFirstName, children: alert.childFirstNames.join(', '), time: alert.at });
    case 'clock-drift':
      return t(alert.driftMinutes >= 0 ? 'alerts.clockBehind' : 'alerts.clockAhead', { minutes: Math.abs(alert.driftMinutes), time: alert.at });
    case 'closing-time':
      return t('alerts.closingTime', { closingTime: alert.closingTime, number: alert.count, time: alert.at });
    case 'cannot-record':
      return t('alerts.cannotRecord', { reason: t(`cannotRecord.${alert.problem}`), time: alert.at });
    case 'disk-low':
      return t('alerts.diskLow', { free: bytesText(t, alert.freeBytes), warnBelow: bytesText(t, alert.warnBelowBytes), time: alert.at });
  }
}

export function StaffAlerts({ alerts, onDismiss, onOpenClosing }: Props) {
  const { t } = useTranslation();
  if (alerts.length === 0) return null;
  return (
    <ul className="staff-alerts" data-testid="staff-alerts">
      {alerts.map((alert) => (
        <li key={alert.id} className="staff-alert" data-testid="staff-alert" data-alert-id={alert.id} data-alert-kind={alert.kind}>
          <WarningIcon />
          {alert.kind === 'closing-time' ? (
            <button type="button" className="staff-alert-text staff-alert-open" data-testid="staff-alert-open" onClick={onOpenClosing}>
              {alertText(t, alert)}
            </button>
          ) : (
            <span className="staff-alert-text">
              {alertText(t, alert)}
            </span>
          )}
          <button type="button" className="staff-alert-dismiss" data-testid="staff-alert-dismiss" onClick={() => onDismiss(alert.id)}>
            {t('alerts.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
