// The groups: add one, rename, move up or down (the order the door and the lists use), close one (refused while
// children are enrolled in it, and the dialog says so), and reopen a closed one.
import { useState } from 'react';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import { ConfirmDanger } from './ConfirmDanger.js';
import { enrolledByGroup, moveGroup, newRosterRowId, nextSortOrder, openGroups, type RosterGroup } from './roster-model.js';
import type { SectionProps } from './section-props.js';

export function GroupsSection({ x, view, edit }: SectionProps) {
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [closing, setClosing] = useState<RosterGroup | null>(null);
  const open = openGroups(view);
  const closed = view.groups.filter((g) => !g.active);
  const counts = enrolledByGroup(view);
  const { editable } = view;

  const add = async () => {
    const name = newName.trim();
    if (await edit.apply([{ kind: 'group', group: { id: newRosterRowId(), name, sortOrder: nextSortOrder(view) } }])) setNewName('');
  };
  const rename = async () => {
    if (!renaming) return;
    const group = view.groups.find((g) => g.id === renaming.id);
    if (!group) return setRenaming(null);
    if (await edit.apply([{ kind: 'group', group: { id: group.id, name: renaming.name.trim(), sortOrder: group.sortOrder } }])) setRenaming(null);
  };
  const close = async (group: RosterGroup) => {
    if (await edit.apply([{ kind: 'group-closed', groupId: group.id }])) setClosing(null);
  };

  return (
    <section className="roster-section roster-scroll" data-testid="roster-groups">
      {editable && (
        <div className="staff-row">
          <input
            className="staff-input"
            data-testid="roster-group-new-name"
            placeholder={x.groups.newName}
            aria-label={x.groups.newName}
            maxLength={80}
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
          />
          <button type="button" className="staff-primary" data-testid="roster-group-add" disabled={edit.busy || newName.trim() === ''} onClick={() => void add()}>
            {x.groups.add}
          </button>
        </div>
      )}
      {open.length === 0 && <p className="staff-hint">{x.groups.none}</p>}
      <ul className="roster-list">
        {open.map((group, i) => (
          <li key={group.id} className="roster-row" data-testid="roster-group" data-group-id={group.id} data-name={group.name}>
            {renaming?.id === group.id ? (
              <>
                <input
                  className="staff-input"
                  data-testid="roster-group-name"
                  aria-label={x.groups.rename}
                  maxLength={80}
                  value={renaming.name}
                  onChange={(e) => setRenaming({ id: group.id, name: e.target.value })}
                />
                <button type="button" className="staff-primary" data-testid="roster-group-save" disabled={edit.busy || renaming.name.trim() === ''} onClick={() => void rename()}>
                  {x.save}
                </button>
                <button type="button" className="staff-back" onClick={() => setRenaming(null)}>
                  {x.cancel}
                </button>
              </>
            ) : (
              <>
                <strong className="roster-name">{group.name}</strong>
                <span className="log-group">{fillText(x.groups.children, { count: counts.get(group.id) ?? 0 })}</span>
                <span className="admin-spacer" />
                {editable && (
                  <>
                    <button type="button" className="staff-back" data-testid="roster-group-up" aria-label={x.groups.up} title={x.groups.up} disabled={edit.busy || i === 0} onClick={() => void edit.apply(moveGroup(view, group.id, -1))}>
                      ↑
                    </button>
                    <button type="button" className="staff-back" data-testid="roster-group-down" aria-label={x.groups.down} title={x.groups.down} disabled={edit.busy || i === open.length - 1} onClick={() => void edit.apply(moveGroup(view, group.id, 1))}>
                      ↓
                    </button>
                    <button type="button" className="staff-back" data-testid="roster-group-rename" disabled={edit.busy} onClick={() => setRenaming({ id: group.id, name: group.name })}>
                      {x.groups.rename}
                    </button>
                    <button type="button" className="staff-back roster-danger-quiet" data-testid="roster-group-close" disabled={edit.busy} onClick={() => setClosing(group)}>
                      {x.groups.close}
                    </button>
                  </>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {closed.length > 0 && (
        <>
          <h3>{x.groups.closed}</h3>
          <ul className="roster-list">
            {closed.map((group) => (
              <li key={group.id} className="roster-row roster-row-inactive" data-testid="roster-group-closed" data-group-id={group.id}>
                <span className="roster-name">{group.name}</span>
                <span className="admin-spacer" />
                {editable && (
                  <button
                    type="button"
                    className="staff-back"
                    data-testid="roster-group-reopen"
                    disabled={edit.busy}
                    onClick={() => void edit.apply([{ kind: 'group', group: { id: group.id, name: group.name, sortOrder: nextSortOrder(view) } }])}
                  >
                    {x.groups.reopen}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {closing && (
        <ConfirmDanger
          title={fillText(x.groups.confirmTitle, { name: closing.name })}
          text={x.groups.confirmText}
          confirmLabel={x.groups.confirm}
          cancelLabel={x.cancel}
          blocked={(counts.get(closing.id) ?? 0) > 0 ? fillText(x.groups.hasChildren, { count: counts.get(closing.id) ?? 0 }) : null}
          busy={edit.busy}
          onConfirm={() => void close(closing)}
          onCancel={() => setClosing(null)}
        />
      )}
    </section>
  );
}
