// The core could not open its records (or found acknowledged ones missing): say so plainly, say whom to call, tell staff
// to use paper, offer Retry, and offer an admin the newest verified copy (RestoreOffer).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseProblem, KioskApi } from '../../../shared/api/contract.js';
import { DatabaseIcon, RetryIcon } from '../components/icons.js';
import { RestoreOffer } from './RestoreOffer.js';

interface Props {
  problem: DatabaseProblem;
  /** With DB_EVENTS_MISSING, when the count is known. */
  missingEvents?: number | undefined;
  onRetry: () => Promise<void>;
  /** Asks the core for a verified copy to restore; without it no copy is offered. */
  api?: KioskApi | undefined;
}

export function DatabaseErrorScreen({ problem, missingEvents, onRetry, api }: Props) {
  const { t } = useTranslation();
  const [retrying, setRetrying] = useState(false);
  const retry = () => {
    setRetrying(true);
    void onRetry().finally(() => {
      setRetrying(false);
    });
  };
  return (
    <main className="screen database-error-screen" data-testid="database-error-screen" data-problem={problem}>
      <DatabaseIcon className="database-icon" />
      <h1 className="database-title">{t('database.title')}</h1>
      <p className="database-problem">{t(`database.${problem}`)}</p>
      {missingEvents !== undefined && (
        <p className="database-problem" data-testid="missing-events">
          {t('database.missingCount', { count: missingEvents })}
        </p>
      )}
      <p className="staff-hint">{t('database.staffHint')}</p>
      {api && <RestoreOffer key={problem} api={api} onRestored={onRetry} />}
      <button type="button" className="retry-button" data-testid="retry-button" disabled={retrying} onClick={retry}>
        <RetryIcon />
        <span>{t('database.retry')}</span>
      </button>
    </main>
  );
}
