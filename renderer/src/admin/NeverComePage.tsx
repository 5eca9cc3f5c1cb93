// The console's "Never come" page (issue 16 §3): the children on the roll who have been neither here nor excused for
// the setting's school days, by group and name, with the last day each was here. The core draws the list off the
// табель (admin/never-come-list.ts); the page only shows it.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { neverComeTexts } from '../../../shared/i18n/admin/never-come-catalogs.js';
import { formatDay } from '../../../shared/text/date-format.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

export function NeverComePage({ call }: { call: AdminCall }) {
  const { t, i18n } = useTranslation();
  const x = neverComeTexts(i18n.language);
  const list = useLoadedOnce(useCallback(() => call('adminNeverCome', {}), [call]));
  if (!list) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  return (
    <div className="admin-page" data-testid="never-come-page">
      <p className="staff-hint" data-testid="never-come-intro">
        {x.intro(list.afterDays)}
      </p>
      {list.children.length === 0 ? (
        <p className="staff-hint" data-testid="never-come-none">
          {x.none}
        </p>
      ) : (
        <table className="backups-table">
          <thead>
            <tr>
              <th>{x.columns.group}</th>
              <th>{x.columns.child}</th>
              <th>{x.columns.lastSeen}</th>
              <th>{x.columns.days}</th>
            </tr>
          </thead>
          <tbody>
            {list.children.map((c) => (
              <tr key={c.childId} data-testid="never-come-row" data-child-id={c.childId}>
                <td>{c.groupName}</td>
                <td>
                  {c.lastName} {c.firstName}
                </td>
                <td data-testid="never-come-last-seen">{c.lastSeen === null ? x.never : formatDay(c.lastSeen)}</td>
                <td data-testid="never-come-days">{c.atLeast ? x.atLeast(c.schoolDays) : c.schoolDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
