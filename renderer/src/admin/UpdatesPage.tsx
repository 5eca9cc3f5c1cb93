// The admin's Updates page: this version, the feed's address and "check now", what the last check found, the update
// waiting and "install now", an update from a folder (a USB stick), and the quiet hours. The core decides what is
// trusted and when anything installs; every reply carries the whole overview, which the page then shows.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FeedUrlSchema, type UpdatesOverview } from '../../../shared/admin/update-contract.js';
import type { KioskApi, KioskRequestName, RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import { updatesTexts } from '../../../shared/i18n/admin/updates-catalogs.js';
import type { UpdatesTexts } from '../../../shared/i18n/admin/updates-en.js';
import { safeCall } from '../api/safe-call.js';
import { whenText } from './diagnostics-format.js';
import { useLoadedOnce } from './use-loaded-once.js';
import './backups.css';
import { TimeField } from '../components/TimeField.js';

interface Props {
  api: KioskApi;
  sessionId: string;
  onEnded: () => void;
}

type Call = <K extends KioskRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => Promise<Result<RequestValue<K>>>;
type Note = { text: string; failed: boolean } | null;
/** Runs a request that answers the overview; shows the new overview, or the refusal translated. */
type Act = (busyLabel: string, request: () => Promise<Result<UpdatesOverview>>, done?: string) => Promise<void>;

export function UpdatesPage({ api, sessionId, onEnded }: Props) {
  const { t, i18n } = useTranslation();
  const x = updatesTexts(i18n.language);
  const call: Call = useCallback(
    async (name, args) => {
      const result = await safeCall(api, name, { ...args, sessionId } as RequestArgs<typeof name>);
      if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
      return result;
    },
    [api, sessionId, onEnded],
  );
  const load = useCallback((): Promise<Result<UpdatesOverview>> => call('adminUpdates', {}), [call]);
  const loaded = useLoadedOnce(load);
  const [overview, setOverview] = useState<UpdatesOverview | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  const shown = overview ?? loaded;

  const act: Act = async (busyLabel, request, done) => {
    setBusy(busyLabel);
    setNote(null);
    const result = await request();
    setBusy(null);
    if (!result.ok) return setNote({ text: t(`errors.${result.error.code}`, { defaultValue: result.error.code }), failed: true });
    setOverview(result.value);
    if (done) setNote({ text: done, failed: false });
  };

  if (!shown) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  return (
    <div className="admin-page admin-today" data-testid="admin-updates">
      <p className="staff-hint">{x.hint}</p>
      <p data-testid="updates-version">{fillText(x.version, { version: shown.currentVersion })}</p>
      <p className="staff-hint" data-testid="updates-can-install" data-can-install={shown.canInstall}>
        {shown.canInstall ? x.installsHere : x.checksOnly}
      </p>
      <StatusSection t={t} x={x} overview={shown} busy={busy} act={act} call={call} />
      <p className="staff-hint" role="status" data-testid="updates-busy">
        {busy ?? ''}
      </p>
      {note && (
        <p className={note.failed ? 'staff-refusal' : 'staff-hint'} role={note.failed ? 'alert' : 'status'} data-testid="updates-result" data-failed={note.failed}>
          {note.text}
        </p>
      )}
      <FeedSection x={x} overview={shown} busy={busy} act={act} call={call} />
      <FolderSection x={x} busy={busy} act={act} call={call} />
      <QuietHoursSection x={x} overview={shown} busy={busy} act={act} call={call} />
    </div>
  );
}

interface SectionProps {
  x: UpdatesTexts;
  busy: string | null;
  act: Act;
  call: Call;
}

function reasonText(t: TFunction, code: string | null): string {
  return code ? t(`errors.${code}`, { defaultValue: code }) : '';
}

function StatusSection({ t, x, overview, busy, act, call }: SectionProps & { t: TFunction; overview: UpdatesOverview }) {
  const { lastCheck, pending } = overview;
  return (
    <section>
      <h3>{x.lastCheck}</h3>
      <p data-testid="updates-last-check" data-outcome={lastCheck?.outcome ?? 'none'} data-code={lastCheck?.code ?? ''}>
        {lastCheck
          ? fillText(x.outcomes[lastCheck.outcome], { when: whenText(lastCheck.atMs), source: x.sources[lastCheck.source], version: lastCheck.version ?? '', reason: reasonText(t, lastCheck.code) })
          : x.lastCheckNone}
      </p>
      {pending && (
        <p data-testid="updates-pending" data-state={pending.state}>
          {fillText(x.pending, { version: pending.version, source: x.sources[pending.source], state: fillText(x.states[pending.state], { reason: reasonText(t, pending.code) }) })}
        </p>
      )}
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="updates-check-now" disabled={busy !== null || overview.feedUrl === null} onClick={() => void act(x.checking, () => call('adminCheckUpdatesNow', {}))}>
          {x.checkNow}
        </button>
        <button
          type="button"
          className="staff-primary"
          data-testid="updates-install-now"
          disabled={busy !== null || !overview.canInstall || pending?.state !== 'ready'}
          onClick={() => void act(x.installing, () => call('adminInstallUpdateNow', {}), x.installing)}
        >
          {x.installNow}
        </button>
      </div>
    </section>
  );
}

function FeedSection({ x, overview, busy, act, call }: SectionProps & { overview: UpdatesOverview }) {
  const [feedUrl, setFeedUrl] = useState(overview.feedUrl ?? '');
  // The core checks the address too; this only says why Save waits, before anything is sent.
  const malformed = feedUrl.trim() !== '' && !FeedUrlSchema.safeParse(feedUrl).success;
  return (
    <section>
      <h3>{x.feed}</h3>
      <p className="staff-hint">{overview.feedUrl ? x.feedHint : x.feedNone}</p>
      <div className="staff-row">
        <input type="url" className="staff-field" data-testid="updates-feed-url" placeholder={x.feedPlaceholder} value={feedUrl} maxLength={1024} onChange={(e) => setFeedUrl(e.target.value)} />
        <button type="button" className="staff-primary" data-testid="updates-feed-save" disabled={busy !== null || feedUrl.trim() === '' || malformed} onClick={() => void act(x.save, () => call('adminSetUpdateFeed', { feedUrl: feedUrl.trim() }), x.saved)}>
          {x.save}
        </button>
        <button
          type="button"
          className="staff-back"
          data-testid="updates-feed-clear"
          disabled={busy !== null || overview.feedUrl === null}
          onClick={() => {
            setFeedUrl('');
            void act(x.clear, () => call('adminSetUpdateFeed', { feedUrl: null }), x.saved);
          }}
        >
          {x.clear}
        </button>
      </div>
      {malformed && (
        <p className="staff-refusal" data-testid="updates-feed-malformed">
          {x.feedMalformed}
        </p>
      )}
    </section>
  );
}

function FolderSection({ x, busy, act, call }: SectionProps) {
  const [folder, setFolder] = useState('');
  return (
    <section>
      <h3>{x.folder}</h3>
      <p className="staff-hint">{x.folderHint}</p>
      <div className="staff-row">
        <input type="text" className="staff-field" data-testid="updates-folder" placeholder={x.folderPlaceholder} value={folder} maxLength={1024} onChange={(e) => setFolder(e.target.value)} />
        <button type="button" className="staff-primary" data-testid="updates-from-folder" disabled={busy !== null || folder.trim() === ''} onClick={() => void act(x.readingFolder, () => call('adminUpdateFromFolder', { folder: folder.trim() }))}>
          {x.fromFolder}
        </button>
      </div>
    </section>
  );
}

function QuietHoursSection({ x, overview, busy, act, call }: SectionProps & { overview: UpdatesOverview }) {
  const [from, setFrom] = useState(overview.quietHours.from);
  const [to, setTo] = useState(overview.quietHours.to);
  return (
    <section>
      <h3>{x.quietHours}</h3>
      <p className="staff-hint" data-testid="updates-door-hours">
        {fillText(x.quietHoursHint, { from: overview.doorHours.from, to: overview.doorHours.to })}
      </p>
      <div className="staff-row">
        <label className="staff-field">
          {x.from}
          <TimeField testId="updates-quiet-from" value={from} onChange={setFrom} />
        </label>
        <label className="staff-field">
          {x.to}
          <TimeField testId="updates-quiet-to" value={to} onChange={setTo} />
        </label>
        <button type="button" className="staff-primary" data-testid="updates-quiet-save" disabled={busy !== null} onClick={() => void act(x.save, () => call('adminSetUpdateQuietHours', { quietHours: { from, to } }), x.saved)}>
          {x.save}
        </button>
      </div>
    </section>
  );
}
