// The admin's diagnostics page: the kiosk's version, device, folder, disk, database, chain, backups, readers and
// camera, sync, clock, uptime and memory, and "Save a support bundle" (the logs and these figures, zipped; handed
// over as an export is).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostics } from '../../../shared/admin/diagnostics-contract.js';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { diagnosticsEn } from '../../../shared/i18n/admin/diagnostics-en.js';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';
import { deliverExport, type ExportMessage } from './deliver-export.js';
import { bytesText, durationText, offsetText, whenText } from './diagnostics-format.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

interface Props {
  api: KioskApi;
  sessionId: string;
  call: AdminCall;
  onEnded: () => void;
}

/** The cameras the browser can list (the core cannot see them); null when it will not say. */
async function cameraCount(): Promise<number | null> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.filter((device) => device.kind === 'videoinput').length;
  } catch {
    return null;
  }
}

export function DiagnosticsPage({ api, sessionId, call, onEnded }: Props) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<ExportMessage | null>(null);
  const load = useCallback(async (): Promise<Result<{ report: Diagnostics; cameras: number | null }>> => {
    const [result, cameras] = await Promise.all([safeCall(api, 'adminDiagnostics', { sessionId }), cameraCount()]);
    if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
    return result.ok ? { ok: true, value: { report: result.value, cameras } } : result;
  }, [api, sessionId, onEnded]);
  const loaded = useLoadedOnce(load, version);

  const saveBundle = async () => {
    setSaving(true);
    setSaved(null);
    const written = await safeCall(api, 'adminSupportBundle', { sessionId, screen: { cameras: loaded?.cameras ?? null, userAgent: navigator.userAgent.slice(0, 512) } });
    if (!written.ok) {
      setSaving(false);
      if (written.error.code === 'STAFF_SESSION_ENDED') return onEnded();
      return setSaved({ text: t(`errors.${written.error.code}`), failed: true });
    }
    setSaved(await deliverExport(call, written.value, t, i18n.language));
    setSaving(false);
  };

  if (!loaded) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  const { report, cameras } = loaded;
  const d = 'admin.diagnostics';
  const rows: Row[] = [
    ['version', t(`${d}.version`, { ...report.app, shell: t(`${d}.shells.${report.app.shell}`) })],
    ['deviceId', report.deviceId ?? '—'],
    ['dataDir', report.dataDir],
    ['disk', diskText(t, report.disk)],
    ['database', t(`${d}.database`, { size: bytesText(t, report.disk.databaseBytes), wal: bytesText(t, report.disk.walBytes), logs: bytesText(t, report.disk.logBytes), files: report.disk.logFiles })],
    ...(report.counts ? ([['counts', t(`${d}.counts`, { ...report.counts, pending: report.counts.outboxPending, refused: report.counts.refusedAttempts })]] as Row[]) : []),
    ['state', t(`${d}.states.${report.state}`, { defaultValue: report.state })],
    ...(report.chain ? chainRows(t, report.chain) : []),
    ['backups', backupsText(t, report.backups)],
    ['readers', report.readers.length === 0 ? t(`${d}.readersNone`) : report.readers.map((r) => `${r.name}: ${t(`${d}.readerStates.${r.state}`)}`).join('; ')],
    ['camera', cameras === null ? t(`${d}.camerasUnknown`) : t(`${d}.cameras`, { count: cameras })],
    ['sync', syncText(t, report.sync)],
    ['clock', t(`${d}.clock`, { now: whenText(report.takenMs), zone: report.clock.osTimeZone, offset: offsetText(report.clock.osOffsetMinutes) })],
    ['uptime', t(`${d}.uptime`, { kiosk: durationText(t, report.uptime.processSeconds), computer: durationText(t, report.uptime.systemSeconds) })],
    ['memory', t(`${d}.memory`, { rss: bytesText(t, report.memory.rssBytes), free: bytesText(t, report.memory.systemFreeBytes), total: bytesText(t, report.memory.systemTotalBytes) })],
  ];

  return (
    <div className="admin-page admin-today" data-testid="admin-diagnostics">
      <p className="staff-hint">{t(`${d}.hint`)}</p>
      <dl className="diagnostics-list">
        {rows.map(([key, value]) => (
          <div key={key} className="diagnostics-row" data-testid={`diagnostics-${key}`}>
            <dt>{t(`${d}.labels.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="staff-row">
        <button type="button" className="staff-action" data-testid="diagnostics-refresh" onClick={() => setVersion((v) => v + 1)}>
          {t(`${d}.refresh`)}
        </button>
        <button type="button" className="staff-primary" data-testid="diagnostics-bundle" disabled={saving} onClick={() => void saveBundle()}>
          {saving ? t(`${d}.saving`) : t(`${d}.saveBundle`)}
        </button>
      </div>
      {saved && (
        <p className={saved.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="diagnostics-bundle-saved">
          {saved.text}
        </p>
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];
/** A label of the catalog's diagnostics.labels and the figures beside it. */
type Row = [keyof (typeof diagnosticsEn)['labels'], string];

function chainRows(t: T, chain: NonNullable<Diagnostics['chain']>): Row[] {
  const d = 'admin.diagnostics';
  const whole = chain.intact ? t(`${d}.chainIntact`, { count: chain.events }) : t(`${d}.chainBroken`);
  const last = chain.lastFullCheckMs === null ? t(`${d}.never`) : t(`${d}.fullCheckAt`, { at: whenText(chain.lastFullCheckMs), seq: chain.verifiedThroughSeq ?? 0 });
  return [
    ['chain', `${whole}; ${t(`${d}.chainEnd.${chain.end}`)}`],
    ['fullCheck', `${last} (${t(`${d}.fullCheckState.${chain.fullCheck}`)})`],
  ];
}

function backupsText(t: T, backups: Diagnostics['backups']): string {
  const d = 'admin.diagnostics';
  if (!backups.available) return t(`${d}.backupsNone`);
  const place = t(`${d}.places.${backups.secondPlace}`);
  const line =
    backups.lastCopyMs === null
      ? t(`${d}.backupsNoCopy`, { place })
      : t(`${d}.backupsLast`, { at: whenText(backups.lastCopyMs), verified: t(backups.lastCopyVerified ? `${d}.verified` : `${d}.notVerified`), count: backups.copies, place });
  return backups.problem ? `${line}. ${backups.problem}` : line;
}

function syncText(t: T, sync: Diagnostics['sync']): string {
  const d = 'admin.diagnostics';
  if (!sync || sync.state === 'never-enrolled') return t(`${d}.syncNone`);
  const line = t(`${d}.syncLine`, { state: t(`admin.sync.states.${sync.state}`), queued: sync.queued, at: sync.lastSuccessMs === null ? t(`${d}.never`) : whenText(sync.lastSuccessMs) });
  return sync.clockDriftMs === null ? line : `${line}; ${t(`${d}.syncOffset`, { seconds: Math.round(sync.clockDriftMs / 1000) })}`;
}

/** Free space, the warning threshold and the observed growth (electron/core/disk/), and the warning when it stands. */
function diskText(t: T, disk: Diagnostics['disk']): string {
  const d = 'admin.diagnostics';
  const { watch } = disk;
  if (watch === null) return disk.freeBytes === null ? t(`${d}.diskUnknown`) : t(`${d}.disk`, { free: bytesText(t, disk.freeBytes) });
  const growth = watch.growthBytesPerDay === null ? t(`${d}.diskGrowthUnknown`) : bytesText(t, watch.growthBytesPerDay);
  const line = t(`${d}.diskWatch`, { free: bytesText(t, watch.freeBytes), total: bytesText(t, watch.totalBytes), warnBelow: bytesText(t, watch.warnBelowBytes), growth });
  return watch.lowSinceMs === null ? line : `${t(`${d}.diskLow`, { at: whenText(watch.lowSinceMs) })} · ${line}`;
}
