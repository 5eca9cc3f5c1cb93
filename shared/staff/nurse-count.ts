// The rule of the nurse's count, over a day's presence: present (in now), left (came and went), expected (on the roll
// on a school day and not on an excused absence: 'family' is the unexcused reason, shared/admin/tabel.ts isUnexcused),
// excused absences by reason, and the names of the expected children not yet in. Pure, so the snapshot, the live count
// and the tests share it.
import type { ChildPresence } from './presence.js';
import type { NurseGroup, NotYetIn } from './headcount-view.js';
import { AbsenceReasonSchema, type AbsenceReason } from './staff-domain.js';

export interface CountChild {
  id: string;
  firstName: string;
  lastName: string;
  groupId: string;
}

export interface CountInput {
  groups: readonly { id: string; name: string }[];
  /** The children on the roll that day, in the order their names are listed. */
  children: readonly CountChild[];
  presence: (childId: string) => ChildPresence;
  schoolDay: boolean;
}

/** The one unexcused reason (the табель's rule: family reasons and unmarked days are unexcused). */
export function isExcusedReason(reason: AbsenceReason): boolean {
  return reason !== 'family';
}

export function countGroups(input: CountInput): NurseGroup[] {
  return input.groups.map((g) => {
    const children = input.children.filter((c) => c.groupId === g.id);
    const excused = new Map<AbsenceReason, number>();
    const notYetIn: NotYetIn[] = [];
    const presentNames: string[] = [];
    let present = 0;
    let left = 0;
    let expected = 0;
    for (const child of children) {
      const p = input.presence(child.id);
      const name = `${child.firstName} ${child.lastName}`;
      if (p.state === 'absent' && p.absenceReason !== null && isExcusedReason(p.absenceReason)) {
        excused.set(p.absenceReason, (excused.get(p.absenceReason) ?? 0) + 1);
        continue;
      }
      // A child who came on a day off still counts as present; nobody is expected on one.
      if (input.schoolDay) expected += 1;
      if (p.state === 'present') {
        present += 1;
        presentNames.push(name);
      } else if (p.state === 'left') {
        left += 1;
      } else if (input.schoolDay) {
        notYetIn.push({ name, absence: p.absenceReason });
      }
    }
    return {
      groupId: g.id,
      groupName: g.name,
      enrolled: children.length,
      present,
      left,
      expected,
      excused: AbsenceReasonSchema.options.flatMap((reason) => {
        const count = excused.get(reason) ?? 0;
        return count > 0 ? [{ reason, count }] : [];
      }),
      notYetIn,
      presentNames,
    };
  });
}
