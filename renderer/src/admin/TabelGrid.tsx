// The табель on screen: a row per child, a column per day (days off shaded, the day's code in each cell, its meaning
// on hover), the totals per child and the present count per day; children over the unexcused limit flagged.
import { useTranslation } from 'react-i18next';
import type { TabelSheet, TabelTotals } from '../../../shared/admin/tabel.js';

const TOTALS = ['present', 'sick', 'sickUncertified', 'vacation', 'sanatorium', 'family', 'other', 'unmarked', 'unexcused'] as const satisfies readonly (keyof TabelTotals)[];

export function TabelGrid({ sheet }: { sheet: TabelSheet }) {
  const { t } = useTranslation();
  return (
    <div className="tabel-scroll">
      <table className="tabel" data-testid="tabel-grid">
        <thead>
          <tr>
            <th className="tabel-n">{t('admin.tabel.number')}</th>
            <th className="tabel-name">{t('admin.tabel.child')}</th>
            {sheet.days.map((d) => (
              <th key={d.date} className={`tabel-day day-${d.kind}`} title={d.label ?? undefined}>
                {d.day}
                <small>{t(`admin.weekdays.d${d.weekday}` as 'admin.weekdays.d1')}</small>
              </th>
            ))}
            {TOTALS.map((c) => (
              <th key={c} className="tabel-total">
                {t(`admin.tabel.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, i) => (
            <tr key={row.childId} data-testid="tabel-row" data-over-limit={row.overLimit} className={row.overLimit ? 'over-limit' : undefined}>
              <td className="tabel-n">{i + 1}</td>
              <th className="tabel-name" scope="row">
                {row.lastName} {row.firstName}
                {row.overLimit && (
                  <span className="unexcused-flag" title={t('admin.tabel.overLimit', { limit: sheet.unexcusedLimit })} aria-label={t('admin.tabel.overLimitShort')}>
                    {' '}
                    ⚠
                  </span>
                )}
              </th>
              {row.marks.map((mark, d) => (
                <td key={sheet.days[d]?.date ?? d} className={`tabel-mark mark-${mark}`} title={t(`admin.tabel.marks.${mark}`)}>
                  {t(`admin.tabel.codes.${mark}`)}
                </td>
              ))}
              {TOTALS.map((c) => (
                <td key={c} className="tabel-total" data-column={c}>
                  {row.totals[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="tabel-totals">
            <td className="tabel-n" />
            <th className="tabel-name" scope="row">
              {t('admin.tabel.presentPerDay')}
            </th>
            {sheet.totals.presentByDay.map((n, d) => (
              <td key={sheet.days[d]?.date ?? d} className={`tabel-mark day-${sheet.days[d]?.kind ?? 'working'}`}>
                {n}
              </td>
            ))}
            {TOTALS.map((c) => (
              <td key={c} className="tabel-total" data-column={c}>
                {sheet.totals[c]}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
