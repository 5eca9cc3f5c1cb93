// A child added, edited (a new name, or moved to another group), or back after leaving: the group, the names, and for a
// new or returning child the day they join (today unless the admin picks another). An enrolled child's days do not
// move with an edit, so the day is not asked then.
import { useState } from 'react';
import type { RosterChange } from '../../../../shared/domain/roster-change.js';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import { openGroups, type RosterChild } from './roster-model.js';
import type { SectionProps } from './section-props.js';
import { DateField } from '../../components/DateField.js';

export type ChildFormMode = { mode: 'add'; id: string; groupId: string | null } | { mode: 'edit'; child: RosterChild } | { mode: 'rejoin'; child: RosterChild };

interface Props extends SectionProps {
  form: ChildFormMode;
  onDone: () => void;
}

export function ChildForm({ x, view, edit, today, form, onDone }: Props) {
  const groups = openGroups(view);
  const child = form.mode === 'add' ? null : form.child;
  // A child's own group stays offered even when it is closed, so the form never shows another group than theirs.
  const choices = child && !groups.some((g) => g.id === child.groupId) ? [...groups, ...view.groups.filter((g) => g.id === child.groupId)] : groups;
  const firstChoice = groups[0]?.id ?? '';
  // A returning child goes back to their group if it is still open; an edit keeps the group they are in.
  const ownOpen = child !== null && groups.some((g) => g.id === child.groupId);
  const [groupId, setGroupId] = useState(form.mode === 'add' ? (form.groupId ?? firstChoice) : form.mode === 'edit' || ownOpen ? form.child.groupId : firstChoice);
  const [firstName, setFirstName] = useState(child?.firstName ?? '');
  const [lastName, setLastName] = useState(child?.lastName ?? '');
  const [joinedOn, setJoinedOn] = useState(today);
  const asksDay = form.mode !== 'edit';
  const ready = groupId !== '' && firstName.trim() !== '' && lastName.trim() !== '' && (!asksDay || joinedOn !== '');
  const title = form.mode === 'add' ? x.children.add : form.mode === 'edit' ? `${form.child.firstName} ${form.child.lastName}` : fillText(x.children.rejoinTitle, { name: `${form.child.firstName} ${form.child.lastName}` });

  const save = async () => {
    const id = form.mode === 'add' ? form.id : form.child.id;
    const change: RosterChange = {
      kind: 'child',
      child: { id, groupId, firstName: firstName.trim(), lastName: lastName.trim() },
      ...(asksDay ? { joinedOn } : {}),
    };
    if (await edit.apply([change])) onDone();
  };

  return (
    <section className="roster-form" data-testid="roster-child-form" data-mode={form.mode}>
      <h3>{title}</h3>
      <div className="log-filters">
        <label className="admin-field">
          {x.group}
          <select data-testid="roster-child-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {choices.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          {x.firstName}
          <input data-testid="roster-child-first" maxLength={80} value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        </label>
        <label className="admin-field">
          {x.lastName}
          <input data-testid="roster-child-last" maxLength={80} value={lastName} onChange={(e) => setLastName(e.target.value)} />
        </label>
        {asksDay && (
          <label className="admin-field">
            {x.children.joinedOn}
            <DateField testId="roster-child-joined" value={joinedOn} onChange={setJoinedOn} />
          </label>
        )}
      </div>
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="roster-child-save" disabled={edit.busy || !ready} onClick={() => void save()}>
          {edit.busy ? x.saving : x.save}
        </button>
        <button type="button" className="staff-back" data-testid="roster-child-cancel" disabled={edit.busy} onClick={onDone}>
          {x.cancel}
        </button>
      </div>
    </section>
  );
}
