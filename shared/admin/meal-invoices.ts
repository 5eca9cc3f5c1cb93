// The parents' meal invoices for a month: per child, the days attended (the табель's 'present' days, the one count the
// act and the табель use) × the daily meal fee, and one invoice per family with the siblings together. Pure: the core
// hands in the табель sheets and the roster's links.
//
// Who is a family (the roster has no family record, only companions linked to children):
//   - Two children are one family when a parent (a companion whose relation is mother or father) is linked to both.
//   - A grandmother, grandfather, nanny, aunt, uncle or "other" linked to two children does NOT make them one family
//     when each of them has a parent on the roster: a grandmother who brings two cousins must not merge the cousins'
//     families, and the roster can tell them apart by their parents.
//   - A child with no parent on the roster at all is joined, through any of their companions, with the other children
//     who have no parent either: the roster knows no better then, and a grandmother raising two grandchildren pays for
//     both. (A nanny shared by two such children of different families would join them too: the roster cannot tell.)
//   - Blocked links and companions taken off the roster are not links (the core reads only the live ones).
// The payers named on an invoice are the family's parents; with none, the companions linked to its children.
// Money is whole tenge: days × fee is exact, the family's total the sum of its children's.
import type { Relation } from '../domain/roster.js';
import type { TabelSheet } from './tabel.js';

export const PARENT_RELATIONS: readonly Relation[] = ['mother', 'father'];

/** A live link of the roster (not blocked, the companion still on it), with the companion's name and relation. */
export interface FamilyLink {
  childId: string;
  companionId: string;
  relation: Relation;
  firstName: string;
  lastName: string;
}

export interface MealChild {
  childId: string;
  firstName: string;
  lastName: string;
  groupName: string;
  daysAttended: number;
  amountTenge: number;
}

export interface MealInvoice {
  /**
   * 1, 2, … in the order of the children on the табели (group by group), for the families with days attended: only they
   * get an invoice, and the numbers run without gaps. Null for a family with nothing to pay.
   */
  number: number | null;
  /** "Нұрланов Нұрлан": the parents, or with none the companions linked to the children; empty when nobody is linked. */
  payers: string[];
  children: MealChild[];
  daysAttended: number;
  totalTenge: number;
}

export interface MealInvoices {
  month: string;
  asOf: string;
  feeTengePerDay: number;
  /** Every family, with or without days attended (the accountant's list shows them all). */
  invoices: MealInvoice[];
  daysAttended: number;
  totalTenge: number;
  /** Some days of the month are not over yet: the amounts are not final. */
  unfinished: boolean;
}

/** Children grouped into families by the rule above; each family in the order of `childIds`, the families by their first child. */
export function familiesOf(childIds: readonly string[], links: readonly FamilyLink[]): string[][] {
  const known = new Set(childIds);
  const live = links.filter((l) => known.has(l.childId));
  const withParent = new Set(live.filter((l) => PARENT_RELATIONS.includes(l.relation)).map((l) => l.childId));
  const root = new Map(childIds.map((id) => [id, id]));
  const find = (id: string): string => {
    let r = id;
    while (root.get(r) !== r) r = root.get(r) ?? r;
    root.set(id, r);
    return r;
  };
  const join = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    // The root is the child listed first, so a family keeps the place of its first child.
    if (ra === rb) return;
    if (childIds.indexOf(ra) < childIds.indexOf(rb)) root.set(rb, ra);
    else root.set(ra, rb);
  };
  const firstChildOf = new Map<string, string>();
  for (const link of live) {
    const isParent = PARENT_RELATIONS.includes(link.relation);
    // A parent joins any children; another companion joins only children who have no parent on the roster.
    if (!isParent && withParent.has(link.childId)) continue;
    const key = `${isParent ? 'parent' : 'other'}:${link.companionId}`;
    const first = firstChildOf.get(key);
    if (first === undefined) firstChildOf.set(key, link.childId);
    else join(first, link.childId);
  }
  const families = new Map<string, string[]>();
  for (const id of childIds) {
    const r = find(id);
    families.set(r, [...(families.get(r) ?? []), id]);
  }
  return [...families.values()];
}

/** "Нұрланов Нұрлан" for each payer of a family: its parents, or with none its children's other companions. */
function payersOf(family: readonly string[], links: readonly FamilyLink[]): string[] {
  const ofFamily = links.filter((l) => family.includes(l.childId));
  const parents = ofFamily.filter((l) => PARENT_RELATIONS.includes(l.relation));
  const chosen = parents.length > 0 ? parents : ofFamily;
  const names = new Map<string, string>();
  for (const l of chosen) names.set(l.companionId, `${l.lastName} ${l.firstName}`.trim());
  return [...names.values()];
}

export function buildMealInvoices(sheets: readonly TabelSheet[], links: readonly FamilyLink[], feeTengePerDay: number, context: { month: string; asOf: string }): MealInvoices {
  const byChild = new Map<string, MealChild>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      // The табель's one count of days attended: every day the child was there (a duty day off too: they ate).
      const daysAttended = row.totals.present;
      byChild.set(row.childId, { childId: row.childId, firstName: row.firstName, lastName: row.lastName, groupName: sheet.groupName, daysAttended, amountTenge: daysAttended * feeTengePerDay });
    }
  }
  let numbered = 0;
  const invoices = familiesOf([...byChild.keys()], links).map((family): MealInvoice => {
    const children = family.flatMap((id) => byChild.get(id) ?? []);
    const daysAttended = children.reduce((sum, c) => sum + c.daysAttended, 0);
    return {
      number: daysAttended > 0 ? ++numbered : null,
      payers: payersOf(family, links),
      children,
      daysAttended,
      totalTenge: children.reduce((sum, c) => sum + c.amountTenge, 0),
    };
  });
  return {
    ...context,
    feeTengePerDay,
    invoices,
    daysAttended: invoices.reduce((sum, inv) => sum + inv.daysAttended, 0),
    totalTenge: invoices.reduce((sum, inv) => sum + inv.totalTenge, 0),
    unfinished: sheets.some((sheet) => sheet.days.some((d) => d.date >= sheet.asOf)),
  };
}
