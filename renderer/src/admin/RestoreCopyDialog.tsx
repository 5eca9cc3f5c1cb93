// "Restore a copy": the copies the kiosk can restore (its own verified ones and the second place's encrypted ones), each
// with its time and what it holds; the admin chooses one, types their PIN again (and the recovery passphrase for an
// encrypted copy) and says yes a second time. The core checks everything again; the dialog only asks and shows.
// After a restore every session has ended (the records they were opened on are put aside): onRestored takes the
// console back to the door.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestorableCopy, RestoreOutcome } from '../../../shared/admin/restore-contract.js';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';
import { copyCounts, copyWhen } from './restore-format.js';
import { useLoadedOnce } from './use-loaded-once.js';
import './companions.css';
import './restore.css';

interface Props {
  api: KioskApi;
  sessionId: string;
  /** The core said the session ended before the restore. */
  onEnded: () => void;
  /** The restore is done and the admin closed the dialog: every session ended with it. */
  onRestored: (outcome: RestoreOutcome) => void;
  onCancel: () => void;
  /** A local copy chosen already (the Backups page's "restore…" on that copy). */
  initialFile?: string;
}

type Step = { kind: 'choose' } | { kind: 'confirm' } | { kind: 'restoring' } | { kind: 'done'; outcome: RestoreOutcome };

export function RestoreCopyDialog({ api, sessionId, onEnded, onRestored, onCancel, initialFile }: Props) {
  const { t } = useTranslation();
  const load = useCallback(async (): Promise<Result<{ copies: RestorableCopy[]; secondPlace: 'none' | 'listed' | 'unreachable' }>> => {
    const result = await safeCall(api, 'adminBackupCopies', { sessionId });
    if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
    return result;
  }, [api, sessionId, onEnded]);
  const loaded = useLoadedOnce(load, 0);
  const [picked, setChosen] = useState<RestorableCopy | null>(null);
  const chosen = picked ?? loaded?.copies.find((copy) => copy.source === 'local' && copy.file === initialFile) ?? null;
  const [pin, setPin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);

  const encrypted = chosen?.source === 'second-place';
  const ready = chosen !== null && /^\d{4,8}$/.test(pin) && (!encrypted || passphrase.length > 0);

  const restore = async () => {
    if (!chosen) return;
    setStep({ kind: 'restoring' });
    setProblem(null);
    const result = await safeCall(api, 'adminRestoreCopy', {
      sessionId,
      copy: { source: chosen.source, file: chosen.file },
      pin,
      ...(encrypted ? { passphrase } : {}),
    });
    if (result.ok) return setStep({ kind: 'done', outcome: result.value });
    if (result.error.code === 'STAFF_SESSION_ENDED') return onEnded();
    setPin('');
    setProblem(t(`errors.${result.error.code}`));
    setStep({ kind: 'choose' });
  };

  return (
    <div className="enrol-prompt restore-dialog" role="dialog" aria-modal="true" data-testid="restore-dialog" data-step={step.kind}>
      <p className="enrol-prompt-title">{t('restore.title')}</p>
      {step.kind === 'done' ? (
        <>
          <p data-testid="restore-done">{t('restore.done', { when: copyWhen(step.outcome.copy), folder: step.outcome.setAside })}</p>
          <button type="button" className="staff-primary" data-testid="restore-close" onClick={() => onRestored(step.outcome)}>
            {t('restore.close')}
          </button>
        </>
      ) : (
        <>
          <p className="staff-hint">{t('restore.hint')}</p>
          {!loaded && <p className="staff-hint">{t('restore.loading')}</p>}
          {loaded?.secondPlace === 'unreachable' && <p className="staff-hint">{t('restore.secondPlaceUnreachable')}</p>}
          {loaded && loaded.copies.length === 0 && <p data-testid="restore-none">{t('restore.none')}</p>}
          {loaded && loaded.copies.length > 0 && (
            <div className="restore-copies" role="radiogroup" aria-label={t('restore.title')}>
              {loaded.copies.map((copy) => (
                <label key={`${copy.source}/${copy.file}`} className="restore-copy" data-testid="restore-copy" data-file={copy.file} data-chosen={chosen === copy}>
                  <input
                    type="radio"
                    name="restore-copy"
                    checked={chosen === copy}
                    disabled={step.kind !== 'choose'}
                    onChange={() => {
                      setChosen(copy);
                      setProblem(null);
                    }}
                  />
                  <span className="restore-copy-when">{copyWhen(copy)}</span>
                  <span>{t(`restore.kinds.${copy.kind}`)}</span>
                  <span>{copy.source === 'local' ? t('restore.local') : t('restore.secondPlace')}</span>
                  <span className="staff-hint">{copyCounts(copy, t)}</span>
                </label>
              ))}
            </div>
          )}
          {chosen && step.kind === 'choose' && (
            <div className="staff-row">
              <label className="staff-field">
                {t('restore.pin')}
                <input type="password" inputMode="numeric" autoComplete="off" data-testid="restore-pin" value={pin} maxLength={8} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
              </label>
              {encrypted && (
                <label className="staff-field">
                  {t('restore.passphrase')}
                  <input type="password" autoComplete="off" data-testid="restore-passphrase" value={passphrase} maxLength={1024} onChange={(e) => setPassphrase(e.target.value)} />
                </label>
              )}
            </div>
          )}
          {step.kind === 'confirm' && chosen && <p data-testid="restore-confirm-text">{t('restore.confirmText', { when: copyWhen(chosen) })}</p>}
          {step.kind === 'restoring' && <p className="staff-hint">{t('restore.restoring')}</p>}
          {problem && (
            <p className="staff-refusal" role="alert" data-testid="restore-problem">
              {problem}
            </p>
          )}
          <div className="staff-row">
            {step.kind === 'choose' && (
              <button type="button" className="staff-primary" data-testid="restore-start" disabled={!ready} onClick={() => setStep({ kind: 'confirm' })}>
                {t('restore.restore')}
              </button>
            )}
            {step.kind === 'confirm' && (
              <button type="button" className="staff-primary" data-testid="restore-confirm" onClick={() => void restore()}>
                {t('restore.confirm')}
              </button>
            )}
            <button type="button" className="staff-back" data-testid="restore-cancel" disabled={step.kind === 'restoring'} onClick={step.kind === 'confirm' ? () => setStep({ kind: 'choose' }) : onCancel}>
              {t('restore.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
