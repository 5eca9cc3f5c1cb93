// The Roster page's own arithmetic: which rows a filter shows, what a reorder and a rights edit send to the core.
import { describe, expect, it } from 'vitest';
import type { RosterView } from '../../../../shared/admin/roster-contract.js';
import { RosterChangeSchema } from '../../../../shared/domain/roster-change.js';
import { enrolledByGroup, filterChildren, filterCompanions, moveGroup, newRosterRowId, nextSortOrder, openGroups, rightsChanges } from './roster-model.js';

const child = (id: string, groupId: string, firstName: string, lastName: string, active = true) => ({
  id,
  groupId,
  firstName,
  lastName,
  active,
  enrolledFrom: '2026-09-01',
  enrolledUntil: active ? null : '2026-11-20',
});

const VIEW: RosterView = {
  editable: true,
  cityEnrolled: false,
  groups: [
    { id: 'g-a', name: 'Балапан', sortOrder: 0, active: true },
    { id: 'g-b', name: 'Күншуақ', sortOrder: 1, active: true },
    { id: 'g-old', name: 'Ертегі', sortOrder: 1, active: false },
    { id: 'g-c', name: 'Айгөлек', sortOrder: 2, active: true },
  ],
  children: [
    child('ch-1', 'g-a', 'Әлихан', 'Жұмабаев'),
    child('ch-2', 'g-b', 'Інжу', 'Сейітова'),
    child('ch-3', 'g-a', 'Семён', 'Петров', false),
    child('ch-4', 'g-c', 'Алихан', 'Ким'),
  ],
  companions: [
    { id: 'cp-1', firstName: 'Бибігүл', lastName: 'Жұмабаева', relation: 'grandmother', active: true, rights: [] },
    { id: 'cp-2', firstName: 'Бибигуль', lastName: 'Ахметова', relation: 'mother', active: false, rights: [] },
  ],
};

describe('the roster page model', () => {
  it('lists open groups by their order, leaves closed ones out, and counts only enrolled children', () => {
    expect(openGroups(VIEW).map((g) => g.id)).toEqual(['g-a', 'g-b', 'g-c']);
    expect(enrolledByGroup(VIEW)).toEqual(new Map([['g-a', 1], ['g-b', 1], ['g-c', 1]]));
    expect(nextSortOrder(VIEW)).toBe(3);
  });

  it('moves a group by renumbering the open groups, sending only those whose place changed', () => {
    expect(moveGroup(VIEW, 'g-c', -1)).toEqual([
      { kind: 'group', group: { id: 'g-c', name: 'Айгөлек', sortOrder: 1 } },
      { kind: 'group', group: { id: 'g-b', name: 'Күншуақ', sortOrder: 2 } },
    ]);
    expect(moveGroup(VIEW, 'g-a', 1).map((c) => (c.kind === 'group' ? [c.group.id, c.group.sortOrder] : null))).toEqual([
      ['g-b', 0],
      ['g-a', 1],
    ]);
    // Nothing above the first or below the last; a closed group is never moved (that would reopen it).
    expect(moveGroup(VIEW, 'g-a', -1)).toEqual([]);
    expect(moveGroup(VIEW, 'g-c', 1)).toEqual([]);
    expect(moveGroup(VIEW, 'g-old', -1)).toEqual([]);
  });

  it('finds children by name in Kazakh or Russian letters, within a group, enrolled or left', () => {
    const names = (filter: Parameters<typeof filterChildren>[1]) => filterChildren(VIEW, filter).map((c) => c.id);
    expect(names({ groupId: null, query: 'алихан', enrolled: true })).toEqual(['ch-1', 'ch-4']);
    expect(names({ groupId: 'g-a', query: 'алихан', enrolled: true })).toEqual(['ch-1']);
    expect(names({ groupId: null, query: 'инжу сейит', enrolled: true })).toEqual(['ch-2']);
    expect(names({ groupId: null, query: '', enrolled: false })).toEqual(['ch-3']);
    expect(names({ groupId: null, query: 'семен', enrolled: true })).toEqual([]);
    expect(filterCompanions(VIEW, 'бибигул', true).map((c) => c.id)).toEqual(['cp-1']);
    expect(filterCompanions(VIEW, 'бибигул', false).map((c) => c.id)).toEqual(['cp-2']);
  });

  it('sends one link change per child whose rights changed, a removal for each child taken away, and a ban without the other two', () => {
    const before = [
      { childId: 'ch-1', mayBring: true, mayCollect: true, blocked: false },
      { childId: 'ch-2', mayBring: true, mayCollect: false, blocked: false },
      { childId: 'ch-4', mayBring: true, mayCollect: true, blocked: false },
    ];
    const after = [
      { childId: 'ch-1', mayBring: true, mayCollect: true, blocked: false },
      { childId: 'ch-2', mayBring: true, mayCollect: true, blocked: true },
      { childId: 'ch-9', mayBring: true, mayCollect: true, blocked: false },
    ];
    const changes = rightsChanges('cp-1', before, after);
    expect(changes).toEqual([
      { kind: 'link', link: { companionId: 'cp-1', childId: 'ch-2', mayBring: false, mayCollect: false, blocked: true } },
      { kind: 'link', link: { companionId: 'cp-1', childId: 'ch-9', mayBring: true, mayCollect: true, blocked: false } },
      { kind: 'link-removed', companionId: 'cp-1', childId: 'ch-4' },
    ]);
    // Each is a change the core's schema takes.
    for (const change of changes) expect(RosterChangeSchema.safeParse(change).success).toBe(true);
    expect(rightsChanges('cp-1', before, before)).toEqual([]);
  });

  it('makes a fresh id for every new row, one the core accepts', () => {
    const a = newRosterRowId();
    expect(a).not.toBe(newRosterRowId());
    expect(RosterChangeSchema.safeParse({ kind: 'group', group: { id: a, name: 'Жаңа', sortOrder: 0 } }).success).toBe(true);
  });
});
