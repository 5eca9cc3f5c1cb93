// The disk refuses the records (full, read-only, failing), or a restore waits for the city's newest records: the door
// says it cannot record, tells companions to go to a staff member and staff to use paper. No Retry: the core finds out
// by itself when writes work again.
import { useTranslation } from 'react-i18next';
import type { KioskStatus } from '../../../shared/api/contract.js';
import { DatabaseIcon } from '../components/icons.js';

type CannotRecord = Extract<KioskStatus, { state: 'cannot-record' }>;

export function CannotRecordScreen({ status }: { status: CannotRecord }) {
  const { t } = useTranslation();
  return (
    <main className="screen cannot-record-screen" data-testid="cannot-record-screen" data-problem={status.problem}>
      <DatabaseIcon className="database-icon" />
      <h1 className="database-title" role="alert">
        {t('cannotRecord.title')}
      </h1>
      <p className="database-problem">
        {t(`cannotRecord.${status.problem}`)} · {t('cannotRecord.since', { time: status.since })}
      </p>
      <p className="database-problem">{t('cannotRecord.companionHint')}</p>
      <p className="staff-hint">{t(status.problem === 'AWAITING_CITY' ? 'cannotRecord.staffHintAwaitingCity' : 'cannotRecord.staffHint')}</p>
    </main>
  );
}
