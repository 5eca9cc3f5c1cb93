// The children: found by name and group among some 300, enrolled ones apart from those who left (with the period they
// were enrolled), added, edited or moved to another group, leaving on a day (today unless the admin picks another)
// after a confirmation, and rejoining. Their history always stays.
import { useMemo, useState } from 'react';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import type { RosterEditTexts } from '../../../../shared/i18n/admin/roster-edit-en.js';
import { dayText } from '../dates.js';
import { VirtualList } from '../VirtualList.js';
import { ChildForm, type ChildFormMode } from './ChildForm.js';
import { ConfirmDanger } from './ConfirmDanger.js';
import { filterChildren, newRosterRowId, openGroups, type ChildFilter, type RosterChild } from './roster-model.js';
import type { SectionProps } from './section-props.js';
import { DateField } from '../../components/DateField.js';

const NO_MORE = (): void => undefined;

/** "since 01.09.2026" for an enrolled child, "01.09.2026 – 20.11.2026" for one who left. */
export function periodText(x: RosterEditTexts, child: RosterChild): string {
  const from = child.enrolledFrom === null ? null : dayText(child.enrolledFrom);
  const until = child.enrolledUntil === null ? null : dayText(child.enrolledUntil);
  if (until === null) return from === null ? x.children.sinceUnknown : fillText(x.children.since, { from });
  return from === null ? fillText(x.children.periodUntil, { until }) : fillText(x.children.period, { from, until });
}

export function ChildrenSection(props: SectionProps) {
  const { x, view, edit, today } = props;
  const [filter, setFilter] = useState<ChildFilter>({ groupId: null, query: '', enrolled: true });
  const [form, setForm] = useState<ChildFormMode | null>(null);
  const [leaving, setLeaving] = useState<RosterChild | null>(null);
  const [lastDay, setLastDay] = useState(today);
  const shown = useMemo(() => filterChildren(view, filter), [view, filter]);
  const groupNames = useMemo(() => new Map(view.groups.map((g) => [g.id, g.name])), [view]);
  const enrolledCount = view.children.filter((c) => c.active).length;
  const groups = openGroups(view);
  const { editable } = view;

  const leave = async (child: RosterChild) => {
    if (await edit.apply([{ kind: 'child-left', childId: child.id, lastDay }])) setLeaving(null);
  };

  return (
    <section className="roster-section" data-testid="roster-children">
      <div className="log-filters">
        <label className="admin-field">
          {x.group}
          <select data-testid="roster-children-group" value={filter.groupId ?? ''} onChange={(e) => setFilter({ ...filter, groupId: e.target.value === '' ? null : e.target.value })}>
            <option value="">{x.allGroups}</option>
            {view.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <input
          className="staff-input admin-search"
          type="search"
          data-testid="roster-children-search"
          placeholder={x.search}
          aria-label={x.search}
          value={filter.query}
          onChange={(e) => setFilter({ ...filter, query: e.target.value })}
        />
        <button type="button" className="admin-tab" aria-pressed={filter.enrolled} data-testid="roster-children-enrolled" onClick={() => setFilter({ ...filter, enrolled: true })}>
          {fillText(x.children.enrolled, { count: enrolledCount })}
        </button>
        <button type="button" className="admin-tab" aria-pressed={!filter.enrolled} data-testid="roster-children-left" onClick={() => setFilter({ ...filter, enrolled: false })}>
          {fillText(x.children.left, { count: view.children.length - enrolledCount })}
        </button>
        <span className="admin-spacer" />
        {editable && (
          <button
            type="button"
            className="staff-primary"
            data-testid="roster-child-add"
            disabled={groups.length === 0}
            onClick={() => setForm({ mode: 'add', id: newRosterRowId(), groupId: filter.groupId !== null && groups.some((g) => g.id === filter.groupId) ? filter.groupId : null })}
          >
            {x.children.add}
          </button>
        )}
      </div>
      {editable && groups.length === 0 && <p className="staff-hint">{x.children.noGroups}</p>}
      {form && <ChildForm key={form.mode === 'add' ? form.id : `${form.mode}-${form.child.id}`} {...props} form={form} onDone={() => setForm(null)} />}
      <VirtualList
        items={shown}
        more={false}
        loadMore={NO_MORE}
        estimate={64}
        rowKey={(c) => c.id}
        testId="roster-children-list"
        footer={shown.length === 0 ? <p className="admin-list-end">{x.children.none}</p> : null}
        renderRow={(c) => (
          <div className={c.active ? 'roster-row' : 'roster-row roster-row-inactive'} data-testid="roster-child" data-child-id={c.id} data-active={c.active} data-name={`${c.firstName} ${c.lastName}`}>
            <strong className="roster-name">
              {c.lastName} {c.firstName}
            </strong>
            <span className="log-group">{groupNames.get(c.groupId) ?? ''}</span>
            <span className="log-group" data-testid="roster-child-period">
              {periodText(x, c)}
            </span>
            <span className="admin-spacer" />
            {editable && c.active && (
              <>
                <button type="button" className="staff-back" data-testid="roster-child-edit" disabled={edit.busy} onClick={() => setForm({ mode: 'edit', child: c })}>
                  {x.edit}
                </button>
                <button
                  type="button"
                  className="staff-back roster-danger-quiet"
                  data-testid="roster-child-leave"
                  disabled={edit.busy}
                  onClick={() => {
                    setLastDay(today);
                    setLeaving(c);
                  }}
                >
                  {x.children.leave}
                </button>
              </>
            )}
            {editable && !c.active && (
              <button type="button" className="staff-back" data-testid="roster-child-rejoin" disabled={edit.busy || groups.length === 0} onClick={() => setForm({ mode: 'rejoin', child: c })}>
                {x.children.rejoin}
              </button>
            )}
          </div>
        )}
      />
      {leaving && (
        <ConfirmDanger
          title={fillText(x.children.confirmTitle, { name: `${leaving.firstName} ${leaving.lastName}` })}
          text={x.children.confirmText}
          confirmLabel={x.children.confirm}
          cancelLabel={x.cancel}
          busy={edit.busy || lastDay === ''}
          onConfirm={() => void leave(leaving)}
          onCancel={() => setLeaving(null)}
        >
          <label className="admin-field">
            {x.children.lastDay}
            <DateField testId="roster-last-day" value={lastDay} max={today} onChange={setLastDay} />
          </label>
        </ConfirmDanger>
      )}
    </section>
  );
}
