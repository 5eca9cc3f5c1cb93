// The discreet staff button in the idle screen's corner: opens the staff sign-in. With alerts waiting it carries their
// number, and nothing else: what they say is for the staff screens.
import { useTranslation } from 'react-i18next';
import { staffAlertTexts } from '../../../shared/i18n/staff/alerts-catalogs.js';

export function StaffButton({ alertCount = 0, onOpen }: { alertCount?: number; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const label = alertCount > 0 ? staffAlertTexts(i18n.language).doorCount(alertCount) : t('staff.button');
  return (
    <button
      type="button"
      className={alertCount > 0 ? 'staff-button with-alerts' : 'staff-button'}
      data-testid="staff-open"
      data-alert-count={alertCount}
      aria-label={label}
      onClick={onOpen}
    >
      {alertCount > 0 && (
        <span className="staff-alert-count" data-testid="staff-alert-count" aria-hidden="true">
          {alertCount}
        </span>
      )}
      <svg className="icon" viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth={3.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <circle cx="24" cy="15" r="8" />
        <path d="M8 42c1.5-9 8-14 16-14s14.5 5 16 14" />
      </svg>
    </button>
  );
}
