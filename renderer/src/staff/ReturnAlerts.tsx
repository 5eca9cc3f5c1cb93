// The staff's private alert for a child back after a long absence (on the staff screens, never on the door the
// companion sees): "Әлихан is back after 7 days — ask for the certificate", with the certificate seen or missing.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { returnTexts } from '../../../shared/i18n/staff/returns-catalogs.js';
import type { CertificateOutcome, ReturnCheck } from '../../../shared/staff/return-check-contract.js';
import { useLoaded } from './use-loaded.js';
import type { StaffCall } from './use-staff-call.js';

export function ReturnAlerts({ call }: { call: StaffCall }) {
  const { i18n } = useTranslation();
  const x = returnTexts(i18n.language);
  const { value, reload } = useLoaded(useCallback(() => call('staffReturnChecks', {}), [call]));
  const mark = async (check: ReturnCheck, outcome: CertificateOutcome) => {
    if ((await call('staffMarkCertificate', { checkId: check.id, outcome })).ok) reload();
  };
  if (value === null || value.checks.length === 0) return null;
  return (
    <section className="staff-returns" data-testid="return-alerts" aria-label={x.title}>
      <h2>{x.title}</h2>
      <ul>
        {value.checks.map((check) => (
          <li key={check.id} className="staff-return" data-testid="return-alert" data-child-id={check.childId}>
            <p className="staff-return-text">{x.backAfter(check.firstName, check.absentDays)}</p>
            <p className="staff-hint">
              {check.lastName} {check.firstName} · {check.groupName}
              {check.lastSeen !== null && ` · ${x.lastSeen(check.lastSeen)}`}
            </p>
            <div className="staff-row">
              <button type="button" className="staff-primary" data-testid="return-seen" onClick={() => void mark(check, 'seen')}>
                {x.seen}
              </button>
              <button type="button" className="staff-action" data-testid="return-missing" onClick={() => void mark(check, 'missing')}>
                {x.missing}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
