// The nurse's headcount as one page: the snapshot the kiosk kept at the cut-off (saying when it really counted) with
// the count right now beside it, per group with the names not yet in. Used by the staff screens and the console's
// Today page (the office PC), and printed on one A4 page: a copy of the page sits in a print-only layer under <body>.
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { HeadcountView, NurseGroup } from '../../../shared/staff/headcount-view.js';
import { headcountTexts } from '../../../shared/i18n/staff/headcount-catalogs.js';
import type { HeadcountTexts } from '../../../shared/i18n/staff/headcount-en.js';
import { formatDay } from '../../../shared/text/date-format.js';
import './headcount.css';

/** 2026-11-23 → 23.11.2026, as kk and ru write a date on paper. */

export function HeadcountSheet({ view, actions }: { view: HeadcountView; actions?: ReactNode }) {
  const { i18n } = useTranslation();
  const x = headcountTexts(i18n.language);
  return (
    <section className="headcount-sheet" data-testid="headcount-sheet">
      <HeadcountBody view={view} x={x} />
      <div className="headcount-actions">
        {actions}
        <button type="button" className="staff-primary" data-testid="headcount-print" onClick={() => window.print()}>
          {x.print}
        </button>
      </div>
      {createPortal(
        <div className="headcount-print-root" data-testid="headcount-print-page">
          <HeadcountBody view={view} x={x} />
        </div>,
        document.body,
      )}
    </section>
  );
}

function statusOf(view: HeadcountView, x: HeadcountTexts): string {
  if (view.snapshot) return view.snapshot.late ? x.countedLate(view.snapshot.takenAt, view.snapshot.cutOff) : x.counted(view.snapshot.takenAt);
  return view.schoolDay ? x.notYetCounted(view.cutOff) : x.notSchoolDay;
}

function HeadcountBody({ view, x }: { view: HeadcountView; x: HeadcountTexts }) {
  const { snapshot, live } = view;
  // Before the cut-off (or on a day off) the page is the count right now; after it, the snapshot with "now" beside it.
  const shown = snapshot?.groups ?? live.groups;
  const liveOf = new Map(live.groups.map((g) => [g.groupId, g]));
  const sum = (groups: readonly NurseGroup[], key: 'present' | 'expected' | 'enrolled') => groups.reduce((n, g) => n + g[key], 0);
  return (
    <div className="headcount-body">
      <h2>{x.heading(formatDay(view.localDate))}</h2>
      <p className="headcount-cut-off">{x.cutOff(view.cutOff)}</p>
      <p className={snapshot?.late ? 'headcount-status headcount-late' : 'headcount-status'} data-testid="headcount-status">
        {statusOf(view, x)}
      </p>
      {snapshot && !snapshot.detailed && <p className="headcount-cut-off">{x.notDetailed}</p>}
      <table className="headcount-table">
        <thead>
          <tr>
            <th>{x.columns.group}</th>
            <th className="headcount-num">{x.columns.present}</th>
            <th className="headcount-num">{x.columns.expected}</th>
            <th>{x.columns.excused}</th>
            <th className="headcount-num headcount-now">{x.now(live.at)}</th>
          </tr>
        </thead>
        {/* A group is two rows, its counts and then its names across the page: 300 names still fit one A4 sheet. */}
        {shown.map((g) => {
          const now = liveOf.get(g.groupId);
          const names = g.notYetIn.map((c) => (c.absence ? `${c.name} (${x.reasons[c.absence]})` : c.name)).join(', ');
          return (
            <tbody key={g.groupId} className="headcount-group" data-testid="headcount-row">
              <tr>
                <th scope="row">{g.groupName}</th>
                <td className="headcount-num">
                  {g.present}
                  {g.left > 0 && <span className="headcount-small">{x.left(g.left)}</span>}
                </td>
                <td className="headcount-num">{g.expected}</td>
                <td>{g.excused.map((e) => `${x.reasons[e.reason]}: ${e.count}`).join(', ')}</td>
                <td className="headcount-num headcount-now" data-testid="headcount-now">
                  {snapshot ? `${now?.present ?? 0} / ${now?.expected ?? 0}` : `${g.present} / ${g.expected}`}
                </td>
              </tr>
              {g.expected > 0 && (
                <tr className="headcount-missing-row">
                  <td colSpan={5} className="headcount-missing" data-testid="headcount-not-yet-in">
                    <span className="headcount-missing-label">{x.columns.notYetIn}:</span> {names === '' ? x.everyoneIn : names}
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
        <tfoot>
          <tr>
            <th scope="row">{x.total}</th>
            <td className="headcount-num" data-testid="headcount-total-present">{sum(shown, 'present')}</td>
            <td className="headcount-num">{sum(shown, 'expected')}</td>
            <td />
            <td className="headcount-num headcount-now">{`${sum(live.groups, 'present')} / ${sum(live.groups, 'expected')}`}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
