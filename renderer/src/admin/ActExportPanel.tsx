// The month's act of completed work for the whole kindergarten (every group and the total, with the per-capita money
// by the head's rule from the settings), exported beside the табель for the month and language chosen there.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/attendance.js';
import { actTexts } from '../../../shared/i18n/admin/act-catalogs.js';
import { deliverExport } from './deliver-export.js';
import type { AdminCall } from './use-admin-call.js';

const ACT_FORMATS = ['xlsx', 'pdf'] as const;

export function ActExportPanel({ call, month, language }: { call: AdminCall; month: string; language: Language }) {
  const { t, i18n } = useTranslation();
  const x = actTexts(i18n.language);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ text: string; failed: boolean } | null>(null);

  const exportAs = async (format: (typeof ACT_FORMATS)[number]) => {
    setExporting(true);
    const result = await call('adminExportAct', { month, format, language });
    setExporting(false);
    if (!result.ok) return setExported({ text: t(`errors.${result.error.code}`), failed: true });
    setExported(await deliverExport(call, result.value, t, i18n.language));
  };

  return (
    <section className="log-filters" data-testid="act-export">
      <strong>{x.section}</strong>
      {ACT_FORMATS.map((format) => (
        <button key={format} type="button" className="staff-primary" data-testid={`act-export-${format}`} disabled={exporting} onClick={() => void exportAs(format)}>
          {format === 'pdf' ? x.exportPdf : x.exportXlsx}
        </button>
      ))}
      {exported && (
        <p className={exported.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="act-exported">
          {exported.text}
        </p>
      )}
    </section>
  );
}
