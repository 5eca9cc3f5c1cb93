// The monthly табель of a group: pick the group and the month, read the grid and its totals (working days, the
// child-days for the act), move a working day if the government did, and export it — Excel, CSV, or a PDF to print —
// in Kazakh or Russian.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/admin/admin-contract.js';
import { shiftMonth } from '../../../shared/admin/work-calendar.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { tabelPrintCatalogs } from '../../../shared/i18n/admin/tabel-print-catalogs.js';
import { dayText, monthOf, monthText } from './dates.js';
import { deliverExport } from './deliver-export.js';
import { ActExportPanel } from './ActExportPanel.js';
import { MealExportPanel } from './MealExportPanel.js';
import { TabelGrid } from './TabelGrid.js';
import { TransfersPanel } from './TransfersPanel.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'pdf'];
const FILE_LANGUAGES: readonly Language[] = ['kk', 'ru'];
/** The whole kindergarten's табель: a workbook with a sheet per group, or one PDF to print. */
const WHOLE_FORMATS = ['xlsx', 'pdf'] as const;

export function TabelPage({ call, today }: { call: AdminCall; today: string }) {
  const { t, i18n } = useTranslation();
  const options = useLoadedOnce(useCallback(() => call('adminLogOptions', {}), [call]));
  const [chosenGroup, setGroup] = useState<string | null>(null);
  const groupId = chosenGroup ?? options?.groups[0]?.id ?? null;
  const [month, setMonth] = useState(monthOf(today));
  const [version, setVersion] = useState(0);
  const uiLanguage = (i18n.language === 'en' ? 'en' : i18n.language === 'ru' ? 'ru' : 'kk') satisfies Language;
  const [fileLanguage, setFileLanguage] = useState<Language>(uiLanguage === 'en' ? 'ru' : uiLanguage);
  const [exported, setExported] = useState<{ text: string; failed: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);

  const sheet = useLoadedOnce(
    useCallback(
      () =>
        groupId === null
          ? Promise.resolve({ ok: false as const, error: { code: 'INVALID_REQUEST' as const } })
          : call('adminTabel', { groupId, month, language: uiLanguage }),
      [call, groupId, month, uiLanguage],
    ),
    // Read again after a transfer changed the calendar.
    version,
  );
  const shown = sheet && sheet.groupId === groupId && sheet.month === month ? sheet : null;

  const exportAs = async (format: ExportFormat, whole = false) => {
    if (groupId === null) return;
    setExporting(true);
    const result =
      whole && format !== 'csv'
        ? await call('adminExportWholeTabel', { month, format, language: fileLanguage })
        : await call('adminExportTabel', { groupId, month, format, language: fileLanguage });
    setExporting(false);
    if (!result.ok) return setExported({ text: t(`errors.${result.error.code}`), failed: true });
    setExported(await deliverExport(call, result.value, t, i18n.language));
  };

  return (
    <div className="admin-page admin-tabel" data-testid="admin-tabel">
      <div className="log-filters">
        <label className="admin-field">
          {t('admin.tabel.group')}
          <select data-testid="tabel-group" value={groupId ?? ''} onChange={(e) => setGroup(e.target.value)}>
            {(options?.groups ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="staff-back" data-testid="tabel-previous" aria-label={t('admin.tabel.previous')} onClick={() => setMonth((m) => shiftMonth(m, -1))}>
          ◀
        </button>
        <strong className="tabel-month" data-testid="tabel-month">
          {monthText(t, month)}
        </strong>
        <button type="button" className="staff-back" data-testid="tabel-next" aria-label={t('admin.tabel.next')} onClick={() => setMonth((m) => shiftMonth(m, 1))}>
          ▶
        </button>
        <span className="admin-spacer" />
        <label className="admin-field">
          {t('admin.tabel.exportLanguage')}
          <select data-testid="tabel-file-language" value={fileLanguage} onChange={(e) => setFileLanguage(e.target.value as Language)}>
            {FILE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {FORMATS.map((format) => (
          <button key={format} type="button" className="staff-primary" data-testid={`tabel-export-${format}`} disabled={exporting || groupId === null} onClick={() => void exportAs(format)}>
            {t(`admin.tabel.formats.${format}`)}
          </button>
        ))}
        {WHOLE_FORMATS.map((format) => (
          <button key={`whole-${format}`} type="button" className="staff-primary" data-testid={`tabel-export-all-${format}`} disabled={exporting || groupId === null} onClick={() => void exportAs(format, true)}>
            {tabelPrintCatalogs[uiLanguage].allGroups}: {t(`admin.tabel.formats.${format}`)}
          </button>
        ))}
      </div>
      <ActExportPanel call={call} month={month} language={fileLanguage} />
      <MealExportPanel call={call} month={month} language={fileLanguage} />
      {exported && (
        <p className={exported.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="tabel-exported">
          {exported.text}
        </p>
      )}
      {shown ? (
        <>
          <p className="tabel-facts" data-testid="tabel-facts">
            <span>{t('admin.tabel.workingDays', { count: shown.totals.workingDays })}</span>
            <span data-testid="tabel-child-days">{t('admin.tabel.childDays', { count: shown.totals.childDays })}</span>
            {shown.totals.overLimitChildren > 0 && <span className="unexcused-flag">⚠ {t('admin.tabel.overLimit', { limit: shown.unexcusedLimit })}</span>}
            {shown.days.some((d) => d.date < shown.recordsSince) && <span>{t('admin.tabel.recordsSince', { date: dayText(shown.recordsSince) })}</span>}
          </p>
          <TabelGrid sheet={shown} />
          <p className="tabel-legend">
            {(['present', 'sick', 'sick-uncertified', 'vacation', 'sanatorium', 'family', 'other', 'unmarked', 'weekend', 'holiday'] as const).map((m) => (
              <span key={m}>
                <b>{t(`admin.tabel.codes.${m}`)}</b> {t(`admin.tabel.marks.${m}`)}
              </span>
            ))}
          </p>
        </>
      ) : (
        <p className="staff-hint">{t('admin.log.loading')}</p>
      )}
      <TransfersPanel call={call} month={month} onChanged={() => setVersion((v) => v + 1)} />
    </div>
  );
}
