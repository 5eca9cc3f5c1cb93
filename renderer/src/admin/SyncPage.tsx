// Sync with the city, for the admin: where the kiosk stands (never enrolled, online, offline), how many records wait
// or were refused, the last problem and the clock drift; "sync now"; the refused records in the log; and enrolling
// the kiosk with a city server (its address and a one-time code).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { kioskLocalTime } from '../state/kiosk-zone.js';
import { SyncErrorCodeSchema, type RosterProblemCode, type SyncErrorCode, type SyncStatus } from '../../../shared/sync/sync-status.js';
import { safeCall } from '../api/safe-call.js';
import { dayText } from './dates.js';

interface Props {
  api: KioskApi;
  sessionId: string;
  onEnded: () => void;
  onShowRejected: () => void;
}

export function SyncPage({ api, sessionId, onEnded, onShowRejected }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    let current = true;
    const off = api.on('syncStatusChanged', (next) => setStatus(next));
    void safeCall(api, 'getSyncStatus', {}).then((result) => {
      if (current && result.ok) setStatus(result.value);
    });
    return () => {
      current = false;
      off();
    };
  }, [api]);

  const enroll = async () => {
    setBusy(true);
    const result = await safeCall(api, 'enrollKiosk', { sessionId, serverUrl: serverUrl.trim(), code: code.trim() });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'STAFF_SESSION_ENDED') return onEnded();
      return setOutcome({ text: t(`errors.${result.error.code}`), failed: true });
    }
    setCode('');
    setOutcome({ text: `${t('admin.sync.enrolled', { deviceId: result.value.deviceId })} ${t(result.value.rosterLoaded ? 'admin.sync.rosterLoaded' : 'admin.sync.rosterPending')}`, failed: false });
  };

  if (!status) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  const when = (ms: number): string => {
    const at = kioskLocalTime(new Date(ms));
    return `${dayText(at.localDate)} ${at.hhmm}`;
  };
  const last = status.lastSuccessMs === null ? t('admin.sync.never') : when(status.lastSuccessMs);
  // An exchange's own failure reads as the sync errors do; a roster refused after it was read has its own words.
  const rosterReason = (code: RosterProblemCode): string => {
    const exchange = SyncErrorCodeSchema.safeParse(code);
    if (exchange.success) return t(`admin.sync.errors.${exchange.data}`);
    return t(`admin.sync.rosterErrors.${code as Exclude<RosterProblemCode, SyncErrorCode>}`);
  };
  const driftMinutes = status.clockDriftMs === null ? 0 : Math.round(status.clockDriftMs / 60_000);

  return (
    <div className="admin-page admin-today" data-testid="admin-sync" data-state={status.state}>
      <section className="sync-status">
        <h2 className={`sync-state sync-state-${status.state}`} data-testid="sync-state">
          {t(`admin.sync.states.${status.state}`)}
        </h2>
        <p data-testid="sync-queued">{t('admin.sync.queued', { count: status.queued })}</p>
        <p data-testid="sync-rejected">{t('admin.sync.rejected', { count: status.rejected })}</p>
        <p>{t('admin.sync.lastSuccess', { at: last })}</p>
        {status.lastErrorCode && <p className="unexcused-flag">{t('admin.sync.lastError', { error: t(`admin.sync.errors.${status.lastErrorCode}`) })}</p>}
        {Math.abs(driftMinutes) >= 2 && <p className="unexcused-flag">{t('admin.sync.drift', { minutes: Math.abs(driftMinutes) })}</p>}
        {status.halted && (
          <p className="staff-refusal" role="alert" data-testid="sync-halted">
            {t(`admin.sync.halted.${status.halted}`)}
          </p>
        )}
        {status.rosterProblem && (
          <p className="staff-refusal" role="alert" data-testid="sync-roster-stale" data-code={status.rosterProblem.code}>
            {t('admin.sync.rosterStale', { at: when(status.rosterProblem.sinceMs), reason: rosterReason(status.rosterProblem.code) })}
          </p>
        )}
        {status.chainHeadMismatch && (
          <p className="staff-refusal" role="alert" data-testid="sync-chain-mismatch">
            {t(status.cityBehind ? 'admin.sync.cityBehind' : 'admin.sync.chainMismatch')}
          </p>
        )}
        {status.recoveryProblem && (
          <p className="staff-refusal" role="alert" data-testid="sync-recovery-problem" data-code={status.recoveryProblem.code}>
            {t(`admin.sync.recoveryProblem.${status.recoveryProblem.code}`, { at: when(status.recoveryProblem.sinceMs) })}
          </p>
        )}
        {status.recovered && (
          <p data-testid="sync-recovered">
            {t('admin.sync.recovered', { count: status.recovered.events, seq: status.recovered.throughSeq, at: when(status.recovered.atMs) })}
          </p>
        )}
        <div className="staff-row">
          {status.state !== 'never-enrolled' && (
            <button type="button" className="staff-action" data-testid="sync-now" onClick={() => void safeCall(api, 'nudgeSync', {})}>
              {t('admin.sync.syncNow')}
            </button>
          )}
          {status.rejected > 0 && (
            <button type="button" className="staff-action" data-testid="sync-show-rejected" onClick={onShowRejected}>
              {t('admin.sync.showRejected')}
            </button>
          )}
        </div>
      </section>
      <section className="staff-form">
        <h2>{t('admin.sync.enrollTitle')}</h2>
        <input className="staff-input" data-testid="sync-server-url" type="url" placeholder={t('admin.sync.serverUrl')} maxLength={2048} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        <input className="staff-input" data-testid="sync-code" placeholder={t('admin.sync.code')} maxLength={64} value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="button" className="staff-primary" data-testid="sync-enroll" disabled={busy || serverUrl.trim() === '' || code.trim() === ''} onClick={() => void enroll()}>
          {t('admin.sync.enroll')}
        </button>
        {outcome && (
          <p className={outcome.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="sync-outcome">
            {outcome.text}
          </p>
        )}
      </section>
    </div>
  );
}
