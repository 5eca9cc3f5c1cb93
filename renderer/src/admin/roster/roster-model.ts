// What the Roster page computes from the roster the core sent, apart from React so it is tested on its own: which
// children and companions a filter shows, the changes a reorder or a rights edit amounts to, and a new row's id.
import type { RosterView } from '../../../../shared/admin/roster-contract.js';
import type { RosterChange } from '../../../../shared/domain/roster-change.js';
import { nameMatches } from '../../../../shared/staff/name-fold.js';

export type RosterGroup = RosterView['groups'][number];
export type RosterChild = RosterView['children'][number];
export type RosterCompanion = RosterView['companions'][number];
export type RosterRight = RosterCompanion['rights'][number];

/** The ids of rows added here: random, so two kiosks or a spreadsheet never pick the same one. */
export function newRosterRowId(): string {
  return crypto.randomUUID();
}

/** Open groups in the order the door and the lists show them. */
export function openGroups(view: RosterView): RosterGroup[] {
  return view.groups.filter((g) => g.active).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
}

/** The sort order for a group added after all the others. */
export function nextSortOrder(view: RosterView): number {
  return view.groups.reduce((max, g) => Math.max(max, g.sortOrder + 1), 0);
}

/**
 * The changes that move an open group one place up (-1) or down (+1): the open groups numbered again in their new
 * order, and only those whose number changed. Empty at either end of the list.
 */
export function moveGroup(view: RosterView, groupId: string, step: -1 | 1): RosterChange[] {
  const order = openGroups(view);
  const from = order.findIndex((g) => g.id === groupId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [];
  const moved = [...order];
  [moved[from], moved[to]] = [moved[to] as RosterGroup, moved[from] as RosterGroup];
  return moved.flatMap((g, i): RosterChange[] => (g.sortOrder === i ? [] : [{ kind: 'group', group: { id: g.id, name: g.name, sortOrder: i } }]));
}

/** How many enrolled children each group holds. */
export function enrolledByGroup(view: RosterView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of view.children) if (c.active) counts.set(c.groupId, (counts.get(c.groupId) ?? 0) + 1);
  return counts;
}

export interface ChildFilter {
  /** A group's id, or null for every group. */
  groupId: string | null;
  /** Any part of the first or last name, in Kazakh or Russian letters ("алихан" finds "Әлихан"). */
  query: string;
  /** The enrolled children, or those who left. */
  enrolled: boolean;
}

/** The children a filter shows, by last name then first name (as the core sends them). */
export function filterChildren(view: RosterView, filter: ChildFilter): RosterChild[] {
  return view.children.filter(
    (c) => c.active === filter.enrolled && (filter.groupId === null || c.groupId === filter.groupId) && nameMatches(filter.query, c.firstName, c.lastName),
  );
}

/** The companions in the roster (or those removed) whose name matches. */
export function filterCompanions(view: RosterView, query: string, active: boolean): RosterCompanion[] {
  return view.companions.filter((c) => c.active === active && nameMatches(query, c.firstName, c.lastName));
}

/** A banned companion may neither bring nor collect: the door refuses them whatever the other two say. */
export function normalisedRight(right: RosterRight): RosterRight {
  return right.blocked ? { ...right, mayBring: false, mayCollect: false } : right;
}

/** The link changes that turn a companion's rights `before` into `after` (each child's rights as one row). */
export function rightsChanges(companionId: string, before: readonly RosterRight[], after: readonly RosterRight[]): RosterChange[] {
  const old = new Map(before.map((r) => [r.childId, r]));
  const kept = new Set(after.map((r) => r.childId));
  const changes: RosterChange[] = [];
  for (const right of after.map(normalisedRight)) {
    const was = old.get(right.childId);
    if (was && was.mayBring === right.mayBring && was.mayCollect === right.mayCollect && was.blocked === right.blocked) continue;
    changes.push({ kind: 'link', link: { companionId, ...right } });
  }
  for (const was of before) if (!kept.has(was.childId)) changes.push({ kind: 'link-removed', companionId, childId: was.childId });
  return changes;
}
