// The табель on screen: a row per child, a column per day (days off shaded, the day's code in each cell, its meaning
// on hover), the totals per child and the present count per day; children over the unexcused limit flagged.
// The name and the totals come first and stay put while the days scroll sideways under them: a month of days never
// fits a kiosk's screen, and the totals at the far right were cut (the printed табель keeps the usual order).
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TabelSheet, TabelTotals } from '../../../shared/admin/tabel.js';

const TOTALS = ['present', 'sick', 'sickUncertified', 'vacation', 'sanatorium', 'family', 'other', 'unmarked', 'unexcused'] as const satisfies readonly (keyof TabelTotals)[];

/** Pins the name and totals columns side by side: each sticky column starts where the ones before it end. */
function pinColumns(table: HTMLTableElement): void {
  const heads = Array.from(table.querySelectorAll<HTMLElement>('thead [data-pin]'));
  let left = 0;
  for (const head of heads) {
    for (const cell of Array.from(table.querySelectorAll<HTMLElement>(`[data-pin="${head.dataset.pin ?? ''}"]`))) cell.style.left = `${left}px`;
    left += head.getBoundingClientRect().width;
  }
}

export function TabelGrid({ sheet }: { sheet: TabelSheet }) {
  const { t } = useTranslation();
  const table = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    pinColumns(element);
    const observer = new ResizeObserver(() => pinColumns(element));
    observer.observe(element);
    return () => observer.disconnect();
  }, [sheet]);
  const totalHeads = TOTALS.map((c) => (
    <th key={c} className="tabel-total" data-pin={c}>
      {t(`admin.tabel.columns.${c}`)}
    </th>
  ));
  return (
    <div className="tabel-scroll">
      <table className="tabel" data-testid="tabel-grid" ref={table}>
        <thead>
          <tr>
            <th className="tabel-n">{t('admin.tabel.number')}</th>
            <th className="tabel-name" data-pin="name">
              {t('admin.tabel.child')}
            </th>
            {totalHeads}
            {sheet.days.map((d) => (
              <th key={d.date} className={`tabel-day day-${d.kind}`} title={d.label ?? undefined}>
                {d.day}
                <small>{t(`admin.weekdays.d${d.weekday}` as 'admin.weekdays.d1')}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, i) => (
            <tr key={row.childId} data-testid="tabel-row" data-over-limit={row.overLimit} className={row.overLimit ? 'over-limit' : undefined}>
              <td className="tabel-n">{i + 1}</td>
              <th className="tabel-name" scope="row" data-pin="name">
                {row.lastName} {row.firstName}
                {row.overLimit && (
                  <span className="unexcused-flag" title={t('admin.tabel.overLimit', { limit: sheet.unexcusedLimit })} aria-label={t('admin.tabel.overLimitShort')}>
                    {' '}
                    ⚠
                  </span>
                )}
              </th>
              {TOTALS.map((c) => (
                <td key={c} className="tabel-total" data-column={c} data-pin={c}>
                  {row.totals[c]}
                </td>
              ))}
              {row.marks.map((mark, d) => (
                <td key={sheet.days[d]?.date ?? d} className={`tabel-mark mark-${mark}`} title={t(`admin.tabel.marks.${mark}`)}>
                  {t(`admin.tabel.codes.${mark}`)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="tabel-totals">
            <td className="tabel-n" />
            <th className="tabel-name" scope="row" data-pin="name">
              {t('admin.tabel.presentPerDay')}
            </th>
            {TOTALS.map((c) => (
              <td key={c} className="tabel-total" data-column={c} data-pin={c}>
                {sheet.totals[c]}
              </td>
            ))}
            {sheet.totals.presentByDay.map((n, d) => (
              <td key={sheet.days[d]?.date ?? d} className={`tabel-mark day-${sheet.days[d]?.kind ?? 'working'}`}>
                {n}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
