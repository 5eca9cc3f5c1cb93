// The console's Returns page: every child back after a long absence whose doctor's certificate is missing or was
// never asked for (the staff mark it on their screens; the core keeps the list: staff-desk.ts returnsWithoutCertificate).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { returnTexts } from '../../../shared/i18n/staff/returns-catalogs.js';
import type { StaffSession } from '../../../shared/staff/staff-contract.js';
import { formatDay } from '../../../shared/text/date-format.js';
import { useLoaded } from '../staff/use-loaded.js';
import { useStaffCall } from '../staff/use-staff-call.js';

export function ReturnsPage({ api, session, onEnded }: { api: KioskApi; session: StaffSession; onEnded: () => void }) {
  const { i18n } = useTranslation();
  const x = returnTexts(i18n.language);
  const call = useStaffCall(api, session.sessionId, onEnded);
  const { value } = useLoaded(useCallback(() => call('adminReturnsWithoutCertificate', {}), [call]));
  if (value === null) return null;
  return (
    <div className="admin-page" data-testid="returns-page">
      <p className="staff-hint">{x.adminIntro}</p>
      {value.checks.length === 0 ? (
        <p className="staff-hint" data-testid="returns-none">
          {x.adminNone}
        </p>
      ) : (
        <table className="backups-table">
          <thead>
            <tr>
              <th>{x.columns.child}</th>
              <th>{x.columns.group}</th>
              <th>{x.columns.back}</th>
              <th>{x.columns.days}</th>
              <th>{x.columns.lastSeen}</th>
              <th>{x.columns.certificate}</th>
              <th>{x.columns.markedBy}</th>
            </tr>
          </thead>
          <tbody>
            {value.checks.map((c) => (
              <tr key={c.id} data-testid="returns-row" data-child-id={c.childId}>
                <td>
                  {c.lastName} {c.firstName}
                </td>
                <td>{c.groupName}</td>
                <td>{formatDay(c.localDate)}</td>
                <td>{c.absentDays}</td>
                <td>{c.lastSeen ?? '—'}</td>
                <td data-testid="returns-certificate">{c.outcome === 'missing' ? x.isMissing : x.notAsked}</td>
                <td>{c.markedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
