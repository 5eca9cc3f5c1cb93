// The admin's Archive page: the five-year policy in one line, the years it makes due (their records, estimated size,
// and what the city has not accepted yet, which keeps the year here), archiving a year after the admin's PIN again, and
// the archived years with their file and proof, each verified again on request. The core decides; the page asks and shows.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ArchivedYear, ArchiveOverview, DueYear } from '../../../shared/admin/archive-contract.js';
import type { KioskApi, KioskRequestName, RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { archiveTexts } from '../../../shared/i18n/admin/archive-catalogs.js';
import type { ArchiveTexts } from '../../../shared/i18n/admin/archive-en.js';
import { fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import { safeCall } from '../api/safe-call.js';
import { bytesText, whenText } from './diagnostics-format.js';
import { useLoadedOnce } from './use-loaded-once.js';
import './backups.css';

interface Props {
  api: KioskApi;
  sessionId: string;
  onEnded: () => void;
}

type Call = <K extends KioskRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => Promise<Result<RequestValue<K>>>;
type Note = { text: string; failed: boolean } | null;

export function ArchivePage({ api, sessionId, onEnded }: Props) {
  const { t, i18n } = useTranslation();
  const x = archiveTexts(i18n.language);
  const [version, setVersion] = useState(0);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [note, setNote] = useState<Note>(null);
  const call: Call = useCallback(
    async (name, args) => {
      const result = await safeCall(api, name, { ...args, sessionId } as RequestArgs<typeof name>);
      if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
      return result;
    },
    [api, sessionId, onEnded],
  );
  const load = useCallback((): Promise<Result<ArchiveOverview>> => call('adminArchive', {}), [call]);
  const loaded = useLoadedOnce(load, version);
  const reload = () => setVersion((v) => v + 1);

  if (!loaded) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  const { keepYears, due, archived, running } = loaded;

  return (
    <div className="admin-page admin-today" data-testid="admin-archive">
      <p className="staff-hint" data-testid="archive-policy">
        {fillText(x.policy, { keep: keepYears })}
      </p>
      {running && (
        <p className="staff-hint" data-testid="archive-running">
          {fillText(x.running, { year: running.year, step: x.steps[running.step], copied: running.copied, total: running.total })}
        </p>
      )}
      <h3>{x.due}</h3>
      <DueTable t={t} x={x} due={due} busy={running !== null} onArchive={(year) => { setNote(null); setConfirming(year); }} />
      {confirming !== null && (
        <ConfirmArchive
          t={t}
          x={x}
          call={call}
          year={confirming}
          onCancel={() => setConfirming(null)}
          onArchived={(year) => {
            setConfirming(null);
            setNote({ text: fillText(x.archived, { year }), failed: false });
            reload();
          }}
        />
      )}
      <NoteLine note={note} testId="archive-result" />
      <h3>{x.archivedYears}</h3>
      <ArchivedTable t={t} x={x} call={call} archived={archived} />
    </div>
  );
}

function NoteLine({ note, testId }: { note: Note; testId: string }) {
  if (!note) return null;
  return (
    <p className={note.failed ? 'staff-refusal' : 'staff-hint'} role={note.failed ? 'alert' : 'status'} data-testid={testId} data-failed={note.failed}>
      {note.text}
    </p>
  );
}

function recordsText(x: ArchiveTexts, counts: DueYear['counts']): string {
  return fillText(x.records, { own: counts.ownEvents, peer: counts.peerEvents, absences: counts.absences });
}

function DueTable({ t, x, due, busy, onArchive }: { t: TFunction; x: ArchiveTexts; due: DueYear[]; busy: boolean; onArchive: (year: number) => void }) {
  if (due.length === 0) return <p className="staff-hint" data-testid="archive-due-none">{x.dueNone}</p>;
  return (
    <table className="backups-table">
      <thead>
        <tr>
          {(['year', 'records', 'size', 'state'] as const).map((column) => (
            <th key={column}>{x.columns[column]}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {due.map((year) => {
          const blocked = year.unacknowledged > 0;
          return (
            <tr key={year.year} data-testid="archive-due" data-year={year.year} data-blocked={blocked}>
              <td>{year.year}</td>
              <td>{recordsText(x, year.counts)}</td>
              <td>{fillText(x.estimated, { size: bytesText(t, year.estimatedBytes) })}</td>
              <td>{blocked ? fillText(x.unacknowledged, { count: year.unacknowledged }) : x.ready}</td>
              <td>
                <button type="button" className="staff-primary" data-testid="archive-year" disabled={blocked || busy} onClick={() => onArchive(year.year)}>
                  {x.archive}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ConfirmArchive({ t, x, call, year, onCancel, onArchived }: { t: TFunction; x: ArchiveTexts; call: Call; year: number; onCancel: () => void; onArchived: (year: number) => void }) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const archive = async () => {
    setBusy(true);
    setNote(null);
    const done = await call('adminArchiveYear', { year, pin });
    setBusy(false);
    setPin('');
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    const outcome = done.value;
    if (outcome.outcome === 'archived') return onArchived(outcome.year.year);
    setNote({
      text: outcome.outcome === 'wrong-pin' ? fillText(x.wrongPin, { left: outcome.attemptsLeft }) : fillText(x.locked, { until: whenText(Date.parse(outcome.until)) }),
      failed: true,
    });
  };
  return (
    <section role="dialog" aria-label={fillText(x.confirmTitle, { year })} data-testid="archive-confirm">
      <h3>{fillText(x.confirmTitle, { year })}</h3>
      <p>{fillText(x.confirmText, { year })}</p>
      <div className="staff-row">
        <label className="staff-field">
          {x.pin}
          <input type="password" inputMode="numeric" autoComplete="off" data-testid="archive-pin" value={pin} maxLength={12} onChange={(e) => setPin(e.target.value)} />
        </label>
      </div>
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="archive-confirm-button" disabled={busy || pin === ''} onClick={() => void archive()}>
          {busy ? x.archiving : x.confirm}
        </button>
        <button type="button" className="staff-back" data-testid="archive-cancel" disabled={busy} onClick={onCancel}>
          {x.cancel}
        </button>
      </div>
      <NoteLine note={note} testId="archive-confirm-result" />
    </section>
  );
}

function checkText(x: ArchiveTexts, check: ArchivedYear['check']): string {
  if (!check) return x.notChecked;
  return check.verified ? fillText(x.verified, { when: whenText(Date.parse(check.at)) }) : fillText(x.problem, { problem: check.problem ?? '' });
}

function ArchivedTable({ t, x, call, archived }: { t: TFunction; x: ArchiveTexts; call: Call; archived: ArchivedYear[] }) {
  if (archived.length === 0) return <p className="staff-hint" data-testid="archive-archived-none">{x.archivedNone}</p>;
  return (
    <table className="backups-table">
      <thead>
        <tr>
          {(['year', 'file', 'records', 'size', 'sha256', 'check'] as const).map((column) => (
            <th key={column}>{x.columns[column]}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {archived.map((year) => (
          <ArchivedRow key={year.year} t={t} x={x} call={call} initial={year} />
        ))}
      </tbody>
    </table>
  );
}

function ArchivedRow({ t, x, call, initial }: { t: TFunction; x: ArchiveTexts; call: Call; initial: ArchivedYear }) {
  const [year, setYear] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    const checked = await call('adminVerifyArchive', { year: year.year });
    setBusy(false);
    if (checked.ok) setYear(checked.value);
    else setError(t(`errors.${checked.error.code}`, { defaultValue: checked.error.code }));
  };
  const state = year.check === null ? 'unchecked' : year.check.verified ? 'verified' : 'problem';
  return (
    <tr data-testid="archive-archived" data-year={year.year} data-check={state}>
      <td>{year.year}</td>
      <td>
        {year.fileName}
        <br />
        <span className="staff-hint">{fillText(x.archivedBy, { when: whenText(Date.parse(year.archivedAt)), name: year.staffName })}</span>
      </td>
      <td>{recordsText(x, year.counts)}</td>
      <td>{bytesText(t, year.bytes)}</td>
      <td title={year.sha256}>
        <code>{year.sha256.slice(0, 12)}…</code>
      </td>
      <td data-testid="archive-check">{error ?? checkText(x, year.check)}</td>
      <td>
        <button type="button" className="staff-back" data-testid="archive-verify" disabled={busy} onClick={() => void verify()}>
          {busy ? x.verifying : x.verify}
        </button>
      </td>
    </tr>
  );
}
