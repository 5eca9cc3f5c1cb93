// The admin's words for a refused set of roster changes: one line per problem, naming the row it is about (a group, a
// child, a companion, or a companion's rights for a child) and saying what to do, in the admin's language.
import type { RosterView } from '../../../../shared/admin/roster-contract.js';
import type { RosterChange, RosterEditProblem } from '../../../../shared/domain/roster-change.js';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import type { RosterEditTexts } from '../../../../shared/i18n/admin/roster-edit-en.js';

/** Names by id: the roster as loaded (if it was), overlaid with the rows the refused set itself adds or renames. */
function namesOf(view: RosterView | null, changes: readonly RosterChange[]): { group: Map<string, string>; person: Map<string, string> } {
  const group = new Map((view?.groups ?? []).map((g) => [g.id, g.name]));
  const person = new Map([...(view?.children ?? []), ...(view?.companions ?? [])].map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  for (const change of changes) {
    if (change.kind === 'group') group.set(change.group.id, change.group.name);
    if (change.kind === 'child') person.set(change.child.id, `${change.child.firstName} ${change.child.lastName}`);
    if (change.kind === 'companion') person.set(change.companion.id, `${change.companion.firstName} ${change.companion.lastName}`);
  }
  return { group, person };
}

/** Which row a change is about, as the admin knows it. */
export function changeSubject(x: RosterEditTexts, view: RosterView | null, changes: readonly RosterChange[], change: RosterChange): string {
  const names = namesOf(view, changes);
  const person = (id: string) => names.person.get(id) ?? id;
  const group = (id: string) => fillText(x.subjects.group, { name: names.group.get(id) ?? id });
  switch (change.kind) {
    case 'group':
      return group(change.group.id);
    case 'group-closed':
      return group(change.groupId);
    case 'child':
      return person(change.child.id);
    case 'child-left':
      return person(change.childId);
    case 'companion':
      return person(change.companion.id);
    case 'companion-removed':
      return person(change.companionId);
    case 'link':
      return fillText(x.subjects.link, { companion: person(change.link.companionId), child: person(change.link.childId) });
    case 'link-removed':
      return fillText(x.subjects.link, { companion: person(change.companionId), child: person(change.childId) });
  }
}

/** One line per problem: "Ару Омарова: the group is unknown or closed: choose an open group." */
export function problemLines(
  x: RosterEditTexts,
  view: RosterView | null,
  changes: readonly RosterChange[],
  problems: readonly { index: number; reason: RosterEditProblem }[],
): string[] {
  return problems.map(({ index, reason }) => {
    const change = changes[index];
    const text = x.problems[reason];
    return change === undefined ? text : `${changeSubject(x, view, changes, change)}: ${text}`;
  });
}
