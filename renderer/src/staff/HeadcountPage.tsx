// The headcount for the nurse: the snapshot taken at the cut-off (or the latest by hand) and the count right now,
// per group with the names of the children present.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeadcountGroup } from '../../../shared/staff/staff-contract.js';
import { useLoaded } from './use-loaded.js';
import type { StaffCall } from './use-staff-call.js';

export function HeadcountPage({ call }: { call: StaffCall }) {
  const { t } = useTranslation();
  const { value: counts, reload } = useLoaded(useCallback(() => call('staffHeadcount', {}), [call]));

  const takeNow = async () => {
    if ((await call('staffTakeHeadcount', {})).ok) reload();
  };

  if (counts === null) return null;
  return (
    <section className="staff-form" data-testid="headcount-page">
      <p className="staff-hint">{t('staff.headcount.cutOff', { time: counts.cutOff })}</p>
      {counts.snapshot ? (
        <>
          <h3 data-testid="headcount-snapshot">
            {t('staff.headcount.snapshot', { time: counts.snapshot.takenAt })}
            {counts.snapshot.trigger === 'cut-off' ? ` (${t('staff.headcount.automatic')})` : ''}
          </h3>
          <HeadcountTable groups={counts.snapshot.groups} />
        </>
      ) : (
        <p className="staff-hint">{t('staff.headcount.noSnapshot')}</p>
      )}
      <h3>{t('staff.headcount.now')}</h3>
      <HeadcountTable groups={counts.live} />
      <button type="button" className="staff-primary" data-testid="headcount-take" onClick={() => void takeNow()}>
        {t('staff.headcount.takeNow')}
      </button>
    </section>
  );
}

function HeadcountTable({ groups }: { groups: readonly HeadcountGroup[] }) {
  const { t } = useTranslation();
  const total = groups.reduce((sum, g) => sum + g.present, 0);
  return (
    <div className="headcount">
      <p className="headcount-total">{t('staff.headcount.total', { count: total })}</p>
      <ul>
        {groups.map((g) => (
          <li key={g.groupId} className="headcount-group" data-testid="headcount-group">
            <strong>{g.groupName}</strong> {t('staff.headcount.present', { present: g.present, enrolled: g.enrolled })}
            {g.presentNames.length > 0 && <span className="headcount-names">{g.presentNames.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
