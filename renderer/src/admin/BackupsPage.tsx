// The admin's Backups page: the last good copy and whether it was verified, the copies kept (and those that failed their
// check, with the reason), "back up now", how many copies to keep here and at the second place, and the second place
// itself (folder, recovery passphrase, how its last write went). Each verified copy opens the restore dialog.
// The core decides everything (the passphrase rules, what a folder must be); the page asks and shows.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BackupCopy, BackupRetention, BackupStatus } from '../../../shared/admin/backup-contract.js';
import type { KioskApi, RequestArgs, KioskRequestName, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';
import { bytesText, whenText } from './diagnostics-format.js';
import { RestoreCopyDialog } from './RestoreCopyDialog.js';
import { backupsTexts, fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import type { BackupsTexts } from '../../../shared/i18n/admin/backups-en.js';
import { useLoadedOnce } from './use-loaded-once.js';
import './backups.css';

interface Props {
  api: KioskApi;
  sessionId: string;
  onEnded: () => void;
}

type Loaded = { copies: BackupCopy[]; failed: BackupCopy[]; status: BackupStatus };
type Note = { text: string; failed: boolean } | null;

const RULES = ['hourly', 'daily', 'monthly', 'yearly'] as const;

export function BackupsPage({ api, sessionId, onEnded }: Props) {
  const { t, i18n } = useTranslation();
  const x = backupsTexts(i18n.language);
  const [version, setVersion] = useState(0);
  const [restoring, setRestoring] = useState<string | null>(null);
  const call = useCallback(
    async <K extends KioskRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>): Promise<Result<RequestValue<K>>> => {
      const result = await safeCall(api, name, { ...args, sessionId } as RequestArgs<K>);
      if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
      return result;
    },
    [api, sessionId, onEnded],
  );
  const load = useCallback((): Promise<Result<Loaded>> => call('adminBackups', {}), [call]);
  const loaded = useLoadedOnce(load, version);
  const reload = () => setVersion((v) => v + 1);

  if (!loaded) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  const { copies, failed, status } = loaded;

  return (
    <div className="admin-page admin-today" data-testid="admin-backups">
      <p className="staff-hint">{x.hint}</p>
      <LastCopy t={t} x={x} status={status} />
      <BackUpNow t={t} x={x} call={call} onDone={reload} />
      <h3>{x.copies}</h3>
      <CopyTable t={t} x={x} copies={copies} testId="backups-copy" onRestore={setRestoring} />
      {failed.length > 0 && (
        <>
          <h3>{x.failedCopies}</h3>
          <CopyTable t={t} x={x} copies={failed} testId="backups-failed-copy" onRestore={null} />
        </>
      )}
      <RetentionForm t={t} x={x} call={call} status={status} onSaved={reload} />
      <SecondPlaceForm t={t} x={x} call={call} status={status} onSaved={reload} />
      {restoring !== null && (
        <RestoreCopyDialog api={api} sessionId={sessionId} initialFile={restoring} onEnded={onEnded} onRestored={onEnded} onCancel={() => setRestoring(null)} />
      )}
    </div>
  );
}

type Call = <K extends KioskRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => Promise<Result<RequestValue<K>>>;

function holdsText(x: BackupsTexts, copy: BackupCopy): string {
  return copy.counts ? fillText(x.holds, { events: copy.counts.events, children: copy.counts.children }) : '—';
}

function LastCopy({ t, x, status }: { t: TFunction; x: BackupsTexts; status: BackupStatus }) {
  const last = status.lastGood;
  return (
    <section>
      <h3>{x.last}</h3>
      <p data-testid="backups-last" data-verified={last?.verified ?? false}>
        {last
          ? fillText(x.lastText, {
              when: whenText(last.takenMs),
              kind: t(`restore.kinds.${last.kind}`),
              events: last.counts?.events ?? 0,
              children: last.counts?.children ?? 0,
              size: bytesText(t, last.bytes),
            })
          : x.lastNone}
      </p>
      {status.running && <p className="staff-hint">{x.running}</p>}
      {status.lastFailure && (
        <p className="staff-refusal" data-testid="backups-last-failure">
          {fillText(x.lastFailure, { when: whenText(Date.parse(status.lastFailure.at)), message: t(`errors.${status.lastFailure.code}`, { defaultValue: status.lastFailure.code }) })}
          {` (${status.lastFailure.detail})`}
        </p>
      )}
    </section>
  );
}

function BackUpNow({ t, x, call, onDone }: { t: TFunction; x: BackupsTexts; call: Call; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const backUp = async () => {
    setBusy(true);
    setNote(null);
    const taken = await call('adminBackupNow', {});
    setBusy(false);
    setNote(taken.ok ? { text: fillText(x.backedUp, { when: whenText(taken.value.takenMs) }), failed: false } : { text: t(`errors.${taken.error.code}`), failed: true });
    onDone();
  };
  return (
    <div className="staff-row">
      <button type="button" className="staff-primary" data-testid="backups-now" disabled={busy} onClick={() => void backUp()}>
        {busy ? x.backingUp : x.backUpNow}
      </button>
      <NoteLine note={note} testId="backups-now-result" />
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

function CopyTable({ t, x, copies, testId, onRestore }: { t: TFunction; x: BackupsTexts; copies: BackupCopy[]; testId: string; onRestore: ((file: string) => void) | null }) {
  if (copies.length === 0) return <p className="staff-hint">{x.copiesNone}</p>;
  return (
    <table className="backups-table">
      <thead>
        <tr>
          {(['when', 'kind', 'holds', 'size', 'check'] as const).map((column) => (
            <th key={column}>{x.columns[column]}</th>
          ))}
          {onRestore && <th />}
        </tr>
      </thead>
      <tbody>
        {copies.map((copy) => (
          <tr key={copy.file} data-testid={testId} data-file={copy.file} data-verified={copy.verified}>
            <td>{whenText(copy.takenMs)}</td>
            <td>{t(`restore.kinds.${copy.kind}`)}</td>
            <td>{holdsText(x, copy)}</td>
            <td>{bytesText(t, copy.bytes)}</td>
            <td>{copy.verified ? x.verified : fillText(x.failed, { problem: copy.problem ?? '' })}</td>
            {onRestore && (
              <td>
                <button type="button" className="staff-back" data-testid="backups-restore" onClick={() => onRestore(copy.file)}>
                  {x.restore}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RetentionFields({ x, value, onChange, place }: { x: BackupsTexts; value: BackupRetention; onChange: (v: BackupRetention) => void; place: 'local' | 'second' }) {
  return (
    <div className="staff-row">
      {RULES.map((rule) => (
        <label key={rule} className="staff-field">
          {x.units[rule]}
          <input
            type="number"
            min={0}
            max={rule === 'yearly' ? 100 : 1000}
            data-testid={`backups-retention-${place}-${rule}`}
            value={value[rule]}
            onChange={(e) => onChange({ ...value, [rule]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
          />
        </label>
      ))}
    </div>
  );
}

function RetentionForm({ t, x, call, status, onSaved }: { t: TFunction; x: BackupsTexts; call: Call; status: BackupStatus; onSaved: () => void }) {
  const [local, setLocal] = useState(status.retention);
  const [second, setSecond] = useState(status.secondPlaceRetention);
  const [note, setNote] = useState<Note>(null);
  const save = async () => {
    const saved = await call('adminSetBackupRetention', { retention: local, secondPlaceRetention: second });
    setNote(saved.ok ? { text: x.retentionSaved, failed: false } : { text: t(`errors.${saved.error.code}`), failed: true });
    if (saved.ok) onSaved();
  };
  return (
    <section>
      <h3>{x.retention}</h3>
      <p className="staff-hint">{x.retentionHint}</p>
      <p>{x.retentionLocal}</p>
      <RetentionFields x={x} value={local} onChange={setLocal} place="local" />
      <p>{x.retentionSecondPlace}</p>
      <RetentionFields x={x} value={second} onChange={setSecond} place="second" />
      <button type="button" className="staff-primary" data-testid="backups-retention-save" onClick={() => void save()}>
        {x.retentionSave}
      </button>
      <NoteLine note={note} testId="backups-retention-result" />
    </section>
  );
}

function placeStateText(x: BackupsTexts, status: BackupStatus): string {
  const last = status.secondPlace?.last;
  if (!last) return x.states.none;
  return fillText(x.states[last.state], { when: whenText(Date.parse(last.at)) });
}

function SecondPlaceForm({ t, x, call, status, onSaved }: { t: TFunction; x: BackupsTexts; call: Call; status: BackupStatus; onSaved: () => void }) {
  const place = status.secondPlace;
  const [folder, setFolder] = useState(place?.folder ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const save = async () => {
    setBusy(true);
    setNote(null);
    // With a passphrase set, the first field is the current one: alone it keeps it (a new folder), with a new one it changes it.
    const args = place && newPassphrase !== '' ? { folder, passphrase: newPassphrase, currentPassphrase: passphrase } : { folder, passphrase };
    const saved = await call('adminSetBackupSecondPlace', args);
    setBusy(false);
    if (!saved.ok) return setNote({ text: t(`errors.${saved.error.code}`), failed: true });
    setNote({ text: x.saved, failed: false });
    setPassphrase('');
    setNewPassphrase('');
    onSaved();
  };
  const clear = async () => {
    const cleared = await call('adminClearBackupSecondPlace', {});
    setNote(cleared.ok ? { text: x.cleared, failed: false } : { text: t(`errors.${cleared.error.code}`), failed: true });
    if (cleared.ok) onSaved();
  };
  return (
    <section>
      <h3>{x.secondPlace}</h3>
      <p className="staff-hint">{x.secondPlaceHint}</p>
      {place ? (
        <p data-testid="backups-place-status" data-state={place.last?.state ?? 'none'}>
          {place.folder} · {fillText(x.keySetAt, { when: whenText(Date.parse(place.keySetAt)) })} · {placeStateText(x, status)}
          {place.last?.detail ? ` (${place.last.detail})` : ''}
        </p>
      ) : (
        <p data-testid="backups-place-status" data-state="not-set">
          {x.secondPlaceNone}
        </p>
      )}
      <div className="staff-row">
        <label className="staff-field">
          {x.folder}
          <input type="text" data-testid="backups-place-folder" value={folder} maxLength={1024} onChange={(e) => setFolder(e.target.value)} />
        </label>
        <label className="staff-field">
          {place ? x.currentPassphrase : x.passphrase}
          <input type="password" autoComplete="off" data-testid="backups-place-passphrase" value={passphrase} maxLength={1024} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        {place && (
          <label className="staff-field">
            {x.newPassphrase}
            <input type="password" autoComplete="off" data-testid="backups-place-new-passphrase" value={newPassphrase} maxLength={1024} onChange={(e) => setNewPassphrase(e.target.value)} />
          </label>
        )}
      </div>
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="backups-place-save" disabled={busy || folder.trim() === '' || passphrase === ''} onClick={() => void save()}>
          {busy ? x.saving : x.save}
        </button>
        {place && (
          <button type="button" className="staff-back" data-testid="backups-place-clear" onClick={() => void clear()}>
            {x.clear}
          </button>
        )}
      </div>
      <NoteLine note={note} testId="backups-place-result" />
    </section>
  );
}
