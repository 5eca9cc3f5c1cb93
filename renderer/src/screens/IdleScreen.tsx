// Waiting for the next card: what to do, in big letters, and the language buttons.
import { useTranslation } from 'react-i18next';
import type { KioskStatus } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { CardIcon, WarningIcon } from '../components/icons.js';
import { LanguageButtons } from '../components/LanguageButtons.js';

export type ReadyStatus = Extract<KioskStatus, { state: 'ready' }>;

export function IdleScreen({ status, onLanguage }: { status: ReadyStatus; onLanguage: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <main className="screen idle-screen" data-testid="idle-screen">
      {status.demo && (
        <div className="demo-badge" data-testid="demo-badge">
          {t('idle.demo')}
        </div>
      )}
      <div className="idle-prompt">
        <CardIcon className="idle-icon" />
        <h1 className="idle-title">{t('idle.title')}</h1>
        <p className="idle-subtitle">{t('idle.subtitle')}</p>
      </div>
      <LanguageButtons active={status.language} onChoose={onLanguage} />
      <footer className="idle-footer">
        <span className="kindergarten-name">{status.kindergartenName}</span>
        {!status.chain.intact && (
          <span className="chain-warning" role="status">
            <WarningIcon />
            {t('idle.chainBroken')}
          </span>
        )}
        {status.chain.end === 'unknown' && (
          <span className="chain-warning" role="status" data-testid="chain-end-unknown">
            <WarningIcon />
            {t('idle.chainEndUnknown')}
          </span>
        )}
        {status.secretStorage === 'plaintext-fallback' && (
          <span className="chain-warning" role="status" data-testid="secrets-warning">
            <WarningIcon />
            {t('idle.secretsUnprotected')}
          </span>
        )}
      </footer>
    </main>
  );
}
