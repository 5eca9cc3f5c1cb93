// The discreet staff button in the idle screen's corner: opens the staff sign-in.
import { useTranslation } from 'react-i18next';

export function StaffButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="staff-button" data-testid="staff-open" aria-label={t('staff.button')} onClick={onOpen}>
      <svg className="icon" viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth={3.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <circle cx="24" cy="15" r="8" />
        <path d="M8 42c1.5-9 8-14 16-14s14.5 5 16 14" />
      </svg>
    </button>
  );
}
