// The staff alerts on the staff's home page, after sign-in and never on the door: the kept ones (a companion refused
// at pick-up, the clock off the city's) with how often and when, each handled in the member's name; and the ones that
// stand while their condition lasts (closing time, which opens the Closing page; the disk), which clear by themselves.
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, StaffAlert } from '../../../shared/api/contract.js';
import { staffAlertTexts } from '../../../shared/i18n/staff/alerts-catalogs.js';
import type { StaffAlertTexts } from '../../../shared/i18n/staff/alerts-en.js';
import type { KeptAlert } from '../../../shared/staff/staff-alert-contract.js';
import { bytesText } from '../admin/diagnostics-format.js';
import { safeCall } from '../api/safe-call.js';
import { useLoaded } from './use-loaded.js';
import type { StaffCall } from './use-staff-call.js';

interface Props {
  api: KioskApi;
  call: StaffCall;
  /** The kindergarten's day: an alert from another day says its date. */
  today: string;
  onOpenClosing: () => void;
}

function keptText(x: StaffAlertTexts, alert: KeptAlert): string {
  return alert.kind === 'pickup-not-allowed' ? x.pickup(alert.companionFirstName, alert.childFirstNames) : x.clock(alert.driftMinutes);
}

/** dd.mm.yyyy, as the kiosk's papers write a day. */
function dayText(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d ?? ''}.${m ?? ''}.${y ?? ''}`;
}

function standingText(t: TFunction, alert: StaffAlert): string | null {
  switch (alert.kind) {
    case 'closing-time':
      return t('alerts.closingTime', { closingTime: alert.closingTime, number: alert.count, time: alert.at });
    case 'cannot-record':
      return t('alerts.cannotRecord', { reason: t(`cannotRecord.${alert.problem}`), time: alert.at });
    case 'disk-low':
      return t('alerts.diskLow', { free: bytesText(t, alert.freeBytes), warnBelow: bytesText(t, alert.warnBelowBytes), time: alert.at });
    default:
      // Kept kinds come from staffKeptAlerts, with their count.
      return null;
  }
}

export function StaffAlertList({ api, call, today, onOpenClosing }: Props) {
  const { t, i18n } = useTranslation();
  const x = staffAlertTexts(i18n.language);
  const kept = useLoaded(useCallback(() => call('staffKeptAlerts', {}), [call]));
  const standing = useLoaded(useCallback(() => safeCall(api, 'getStaffAlerts', {}), [api]));
  const handle = async (alert: KeptAlert) => {
    if ((await call('staffHandleAlert', { alertId: alert.id })).ok) kept.reload();
  };
  const keptAlerts = kept.value?.alerts ?? [];
  const standingAlerts = (standing.value?.alerts ?? []).flatMap((alert) => {
    const text = standingText(t, alert);
    return text === null ? [] : [{ alert, text }];
  });
  if (keptAlerts.length === 0 && standingAlerts.length === 0) return null;
  return (
    <section className="staff-kept-alerts" data-testid="staff-alert-list" aria-label={x.title}>
      <h2>{x.title}</h2>
      <ul>
        {standingAlerts.map(({ alert, text }) => (
          <li key={alert.id} className="staff-kept-alert" data-testid="staff-standing-alert" data-alert-kind={alert.kind}>
            <p className="staff-kept-alert-text">{text}</p>
            {alert.kind === 'closing-time' && (
              <div className="staff-row">
                <button type="button" className="staff-primary" data-testid="staff-alert-open-closing" onClick={onOpenClosing}>
                  {x.openClosing}
                </button>
              </div>
            )}
          </li>
        ))}
        {keptAlerts.map((alert) => (
          <li key={alert.id} className="staff-kept-alert" data-testid="staff-kept-alert" data-alert-kind={alert.kind} data-count={alert.count}>
            <p className="staff-kept-alert-text">{keptText(x, alert)}</p>
            <p className="staff-hint" data-testid="staff-kept-alert-seen">
              {x.seen(alert.count, alert.lastAt, alert.localDate === today ? null : dayText(alert.localDate))}
            </p>
            <div className="staff-row">
              <button type="button" className="staff-primary" data-testid="staff-alert-handled" onClick={() => void handle(alert)}>
                {x.handled}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
