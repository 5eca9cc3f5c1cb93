// Today's records, newest first, with who recorded each override. A record made by mistake is withdrawn by a
// correction with a reason — it stays in the list, marked — never edited or deleted. The button shows only on the
// records the signed-in member may withdraw (the core says which), and its confirm is red: it takes a record back.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleTexts } from '../../../shared/i18n/admin/console-catalogs.js';
import { fillText } from '../../../shared/i18n/fill-text.js';
import { useLoaded } from './use-loaded.js';
import type { StaffCall } from './use-staff-call.js';

export function EventsPage({ call }: { call: StaffCall }) {
  const { t, i18n } = useTranslation();
  const x = consoleTexts(i18n.language);
  const { value: loaded, reload } = useLoaded(useCallback(() => call('staffDayEvents', {}), [call]));
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const withdraw = async (id: string) => {
    const result = await call('staffCorrect', { target: { type: 'attendance', id }, reason: reason.trim() });
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    setWithdrawing(null);
    setReason('');
    setError(null);
    reload();
  };

  if (loaded === null) return null;
  const { events } = loaded;
  if (events.length === 0) return <p className="staff-hint">{t('staff.events.none')}</p>;
  return (
    <ul className="staff-events" data-testid="events-page">
      {events.map((e) => (
        <li key={e.id} className="staff-event" data-testid="staff-event" data-event-id={e.id} data-cancelled={e.cancelled}>
          <span className="staff-event-time">{e.at}</span>
          <span className="staff-event-text">
            {e.childFirstName} {e.childLastName} · {e.groupName} · {t(`staff.override.${e.kind}`)} · {t(`staff.events.methods.${e.method}`)}
            {e.staffName && ` · ${t('staff.events.by', { name: e.staffName })}`}
            {e.overrideReason && ` · ${t(`staff.override.reasons.${e.overrideReason}`)}`}
            {e.companion && (
              <span className="staff-event-companion" data-testid="staff-event-companion">
                {' · '}
                {fillText(e.kind === 'arrival' ? x.brought : x.collected, { name: e.companion })}
              </span>
            )}
          </span>
          {e.cancelled ? (
            <span className="staff-event-cancelled">{t('staff.events.withdrawn')}</span>
          ) : withdrawing === e.id ? (
            <span className="staff-row">
              <input className="staff-input" data-testid="withdraw-reason" placeholder={t('staff.events.withdrawReason')} maxLength={500} value={reason} onChange={(ev) => setReason(ev.target.value)} />
              <button type="button" className="staff-primary staff-destructive" data-testid="withdraw-confirm" disabled={reason.trim() === ''} onClick={() => void withdraw(e.id)}>
                {t('staff.events.confirmWithdraw')}
              </button>
            </span>
          ) : (
            e.withdrawable && (
              <button type="button" className="staff-action" data-testid="withdraw" onClick={() => setWithdrawing(e.id)}>
                {t('staff.events.withdraw')}
              </button>
            )
          )}
        </li>
      ))}
      {error && (
        <li className="staff-refusal" role="alert">
          {error}
        </li>
      )}
    </ul>
  );
}
