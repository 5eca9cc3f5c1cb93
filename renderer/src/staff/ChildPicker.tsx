// Finding a child: a name search over all groups (Kazakh letters folded by the core: "алихан" finds "Әлихан"), or
// a group and its list. Each child shows today's state.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffChild } from '../../../shared/staff/staff-contract.js';
import { ChildStateLabel } from './ChildStateLabel.js';
import type { StaffCall } from './use-staff-call.js';

interface Props {
  call: StaffCall;
  onPick: (child: StaffChild) => void;
}

export function ChildPicker({ call, onPick }: Props) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<{ id: string; name: string }[]>([]);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [children, setChildren] = useState<StaffChild[] | null>(null);

  useEffect(() => {
    let current = true;
    void call('staffGroups', {}).then((result) => {
      if (current && result.ok) setGroups(result.value.groups);
    });
    return () => {
      current = false;
    };
  }, [call]);

  useEffect(() => {
    const typed = query.trim();
    if (typed === '' && groupId === null) return;
    let current = true;
    void call('staffChildren', { ...(groupId === null ? {} : { groupId }), ...(typed === '' ? {} : { query: typed }) }).then((result) => {
      if (current && result.ok) setChildren(result.value.children);
    });
    return () => {
      current = false;
    };
  }, [call, groupId, query]);

  // Nothing chosen and nothing typed: no list (an answer still on its way is not shown either).
  const shown = query.trim() === '' && groupId === null ? null : children;
  return (
    <div className="child-picker">
      <input
        className="staff-search"
        data-testid="staff-search"
        type="search"
        placeholder={t('staff.picker.search')}
        value={query}
        maxLength={80}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="staff-groups" aria-label={t('staff.picker.groups')}>
        {groups.map((g) => (
          <li key={g.id}>
            <button type="button" className="staff-group" data-testid="staff-group" aria-pressed={g.id === groupId} onClick={() => setGroupId(g.id === groupId ? null : g.id)}>
              {g.name}
            </button>
          </li>
        ))}
      </ul>
      {shown !== null && shown.length === 0 && <p className="staff-hint">{t('staff.picker.noMatch')}</p>}
      {shown !== null && shown.length > 0 && (
        <ul className="staff-children">
          {shown.map((child) => (
            <li key={child.id}>
              <button type="button" className="staff-child" data-testid="staff-child" data-child-id={child.id} onClick={() => onPick(child)}>
                <span className="staff-child-name">
                  {child.firstName} {child.lastName}
                </span>
                <span className="staff-child-group">{child.groupName}</span>
                <ChildStateLabel child={child} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
