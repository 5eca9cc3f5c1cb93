// Today at a glance: the nurse's headcount (the page the staff screens show, so the office PC reads and prints the
// same), who is in the building and since when, today's overrides with their reasons, and today's refused attempts.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { HeadcountSheet } from '../headcount/HeadcountSheet.js';
import { LogRow } from './LogRow.js';
import { RefusedRow } from './RefusedPage.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

export function TodayPage({ call }: { call: AdminCall }) {
  const { t } = useTranslation();
  const today = useLoadedOnce(useCallback(() => call('adminToday', {}), [call]));
  if (!today) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  return (
    <div className="admin-page admin-today" data-testid="admin-today">
      <HeadcountSheet view={today.headcount} />
      <section>
        <p className="headcount-total">{t('admin.today.total', { count: today.present.length })}</p>
      </section>
      <section>
        <h2>{t('admin.today.present')}</h2>
        {today.present.length === 0 ? (
          <p className="staff-hint">{t('admin.today.none')}</p>
        ) : (
          <ul className="today-present">
            {today.present.map((p) => (
              <li key={p.childId}>
                <span className="log-time">{p.since}</span> {p.firstName} {p.lastName} <span className="log-group">{p.groupName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('admin.today.overrides')}</h2>
        {today.overrides.length === 0 ? <p className="staff-hint">{t('admin.today.none')}</p> : today.overrides.map((e) => <LogRow key={e.id} entry={e} />)}
      </section>
      <section>
        <h2>{t('admin.today.refused')}</h2>
        {today.refused.length === 0 ? <p className="staff-hint">{t('admin.today.none')}</p> : today.refused.map((a) => <RefusedRow key={a.id} attempt={a} />)}
      </section>
    </div>
  );
}
