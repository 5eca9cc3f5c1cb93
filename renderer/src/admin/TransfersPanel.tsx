// The admin's transfers of working days in the month on screen: the government moves days most years, and the
// табель must follow. A date becomes a day off or a working day, with the order's number as a note; undo clears it.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../shared/admin/admin-contract.js';
import { lastDateOf, type TransferKind } from '../../../shared/admin/work-calendar.js';
import { dayText } from './dates.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';
import { DateField } from '../components/DateField.js';

interface Props {
  call: AdminCall;
  month: string;
  /** A transfer changed: the табель is read again. */
  onChanged: () => void;
}

export function TransfersPanel({ call, month, onChanged }: Props) {
  const { t } = useTranslation();
  const loaded = useLoadedOnce(useCallback(() => call('adminTransfers', { month }), [call, month]));
  const [changed, setChanged] = useState<{ month: string; transfers: Transfer[] } | null>(null);
  const transfers = changed?.month === month ? changed.transfers : (loaded?.transfers ?? []);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const set = async (day: string, kind: TransferKind | null) => {
    const result = await call('adminSetTransfer', { date: day, kind, ...(kind !== null && note.trim() !== '' ? { note: note.trim() } : {}) });
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    setError(null);
    setNote('');
    setChanged({ month, transfers: result.value.transfers });
    onChanged();
  };

  return (
    <details className="tabel-transfers" data-testid="tabel-transfers">
      <summary>{t('admin.tabel.transfers')}</summary>
      {transfers.length === 0 ? (
        <p className="staff-hint">{t('admin.tabel.noTransfers')}</p>
      ) : (
        <ul>
          {transfers.map((tr) => (
            <li key={tr.date} className="staff-row">
              {dayText(tr.date)} — {t(`admin.tabel.transferKinds.${tr.kind}`)}
              {tr.note && ` (${tr.note})`}
              <button type="button" className="staff-back" onClick={() => void set(tr.date, null)}>
                {t('admin.tabel.clearTransfer')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="staff-row">
        <label className="admin-field">
          {t('admin.tabel.transferDate')}
          <DateField min={`${month}-01`} max={lastDateOf(month)} value={date} onChange={setDate} />
        </label>
        <input className="staff-input" placeholder={t('admin.tabel.transferNote')} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="staff-action" disabled={date === ''} onClick={() => void set(date, 'day-off')}>
          {t('admin.tabel.makeDayOff')}
        </button>
        <button type="button" className="staff-action" disabled={date === ''} onClick={() => void set(date, 'working-day')}>
          {t('admin.tabel.makeWorking')}
        </button>
      </div>
      {error && (
        <p className="staff-refusal" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
