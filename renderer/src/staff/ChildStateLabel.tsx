// A child's place today in a few words, with the unexcused-days flag when the month's limit is reached.
import { useTranslation } from 'react-i18next';
import type { StaffChild } from '../../../shared/staff/staff-contract.js';
import { WarningIcon } from '../components/icons.js';

export function ChildStateLabel({ child }: { child: StaffChild }) {
  const { t } = useTranslation();
  const state =
    child.state === 'present'
      ? t('staff.state.present', { time: child.since ?? '' })
      : child.state === 'left'
        ? t('staff.state.left', { time: child.since ?? '' })
        : child.state === 'absent'
          ? `${t('staff.state.absent')}: ${child.absenceReason ? t(`staff.absence.reasons.${child.absenceReason}`) : ''}`
          : t('staff.state.expected');
  return (
    <span className="child-state" data-state={child.state}>
      <span>{state}</span>
      {child.unexcusedLimitReached && (
        <span className="unexcused-flag" data-testid="unexcused-flag">
          <WarningIcon />
          {t('staff.picker.unexcused')}
        </span>
      )}
    </span>
  );
}
