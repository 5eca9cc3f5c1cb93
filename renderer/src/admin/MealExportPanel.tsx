// The parents' meal invoices of the month (a PDF with a page per family) and the accountant's list (XLSX), exported
// beside the act for the month and language chosen there. While the daily fee is not set, the core answers so and
// this panel says where to set it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/attendance.js';
import { mealsTexts } from '../../../shared/i18n/admin/meals-catalogs.js';
import { deliverExport } from './deliver-export.js';
import type { AdminCall } from './use-admin-call.js';

const MEAL_FORMATS = ['pdf', 'xlsx'] as const;

export function MealExportPanel({ call, month, language }: { call: AdminCall; month: string; language: Language }) {
  const { t, i18n } = useTranslation();
  const x = mealsTexts(i18n.language);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ text: string; failed: boolean } | null>(null);

  const exportAs = async (format: (typeof MEAL_FORMATS)[number]) => {
    setExporting(true);
    const result = await call('adminExportMealInvoices', { month, format, language });
    setExporting(false);
    if (!result.ok) return setExported({ text: t(`errors.${result.error.code}`), failed: true });
    const outcome = result.value;
    if (outcome.outcome === 'fee-not-set') return setExported({ text: x.feeNotSet, failed: true });
    if (outcome.outcome === 'nothing-to-invoice') return setExported({ text: x.nothingToInvoice, failed: true });
    setExported(await deliverExport(call, outcome, t, i18n.language));
  };

  return (
    <section className="log-filters" data-testid="meal-export">
      <strong>{x.section}</strong>
      {MEAL_FORMATS.map((format) => (
        <button key={format} type="button" className="staff-primary" data-testid={`meal-export-${format}`} disabled={exporting} onClick={() => void exportAs(format)}>
          {format === 'pdf' ? x.exportPdf : x.exportXlsx}
        </button>
      ))}
      {exported && (
        <p className={exported.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="meal-exported">
          {exported.text}
        </p>
      )}
    </section>
  );
}
