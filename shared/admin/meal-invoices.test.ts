import { describe, expect, it } from 'vitest';
import type { Relation } from '../domain/roster.js';
import { buildMealInvoices, familiesOf, type FamilyLink } from './meal-invoices.js';
import { buildTabel } from './tabel.js';
import type { CalendarDay } from './work-calendar.js';

const link = (childId: string, companionId: string, relation: Relation): FamilyLink => ({ childId, companionId, relation, firstName: companionId, lastName: 'X' });

describe('who is one family on the invoices', () => {
  it('joins the children a parent is linked to, across groups and through a chain of parents', () => {
    const links = [link('a', 'mum', 'mother'), link('b', 'mum', 'mother'), link('b', 'dad', 'father'), link('c', 'dad', 'father'), link('d', 'other-mum', 'mother')];
    expect(familiesOf(['a', 'b', 'c', 'd'], links)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('never merges two families through a grandmother, a nanny or an aunt when each child has a parent on the roster', () => {
    // Cousins: the grandmother brings both, each has their own mother.
    const links = [link('cousin1', 'granny', 'grandmother'), link('cousin2', 'granny', 'grandmother'), link('cousin1', 'aunt1', 'mother'), link('cousin2', 'aunt2', 'mother'), link('cousin1', 'nanny', 'nanny'), link('cousin2', 'nanny', 'nanny')];
    expect(familiesOf(['cousin1', 'cousin2'], links)).toEqual([['cousin1'], ['cousin2']]);
  });

  it('joins children with no parent on the roster through the companion they share, but never to a child who has a parent', () => {
    const links = [link('orphan1', 'granny', 'grandmother'), link('orphan2', 'granny', 'grandmother'), link('cousin', 'granny', 'grandmother'), link('cousin', 'mum', 'mother')];
    expect(familiesOf(['orphan1', 'cousin', 'orphan2'], links)).toEqual([['orphan1', 'orphan2'], ['cousin']]);
  });

  it('keeps a child nobody is linked to as a family of one, and ignores links to children not on the табели', () => {
    expect(familiesOf(['alone', 'a'], [link('a', 'mum', 'mother'), link('gone', 'mum', 'mother')])).toEqual([['alone'], ['a']]);
  });
});

describe('the money of the meal invoices', () => {
  // Five days: Monday 1, Tuesday 2 a holiday, Wednesday 3, Saturday 6 (a duty day off), Thursday 4.
  const day = (date: string, weekday: number, kind: CalendarDay['kind']): CalendarDay => ({ date, day: Number(date.slice(8)), weekday, kind, label: null, transferred: false });
  const days = [day('2027-03-01', 1, 'working'), day('2027-03-02', 2, 'holiday'), day('2027-03-03', 3, 'working'), day('2027-03-04', 4, 'working'), day('2027-03-06', 6, 'weekend')];
  const sheet = (groupId: string, children: string[], present: Record<string, string[]>, asOf = '2027-04-01') =>
    buildTabel({
      month: '2027-03', groupId, groupName: groupId, kindergartenName: 'K', asOf, recordsSince: '2027-01-01', unexcusedLimit: 3, sickDaysWithoutCertificate: 3, days,
      children: children.map((id) => ({ id, firstName: id, lastName: id.toUpperCase() })),
      presentDays: new Map(Object.entries(present).map(([id, d]) => [id, new Set(d)])),
      absences: [],
    });

  it("counts each child's days attended by the табель (a duty day off too) × the fee, one total per family", () => {
    const sheets = [sheet('g1', ['a', 'c'], { a: ['2027-03-01', '2027-03-03', '2027-03-06'], c: ['2027-03-04'] }), sheet('g2', ['b'], { b: ['2027-03-01'] })];
    const meals = buildMealInvoices(sheets, [link('a', 'dad', 'father'), link('b', 'dad', 'father'), link('c', 'mum', 'mother'), link('c', 'granny', 'grandmother')], 1250, { month: '2027-03', asOf: '2027-04-01' });
    expect(meals.invoices.map((i) => ({ n: i.number, payers: i.payers, children: i.children.map((c) => [c.childId, c.groupName, c.daysAttended, c.amountTenge]), days: i.daysAttended, total: i.totalTenge }))).toEqual([
      { n: 1, payers: ['X dad'], children: [['a', 'g1', 3, 3750], ['b', 'g2', 1, 1250]], days: 4, total: 5000 },
      { n: 2, payers: ['X mum'], children: [['c', 'g1', 1, 1250]], days: 1, total: 1250 },
    ]);
    expect([meals.daysAttended, meals.totalTenge, meals.unfinished]).toEqual([5, 6250, false]);
  });

  it('numbers only the families with days attended, without gaps', () => {
    const sheets = [sheet('g1', ['a', 'b', 'c'], { a: ['2027-03-01'], c: ['2027-03-03'] })];
    const meals = buildMealInvoices(sheets, [link('a', 'm1', 'mother'), link('b', 'm2', 'mother'), link('c', 'm3', 'mother')], 500, { month: '2027-03', asOf: '2027-04-01' });
    expect(meals.invoices.map((i) => [i.children[0]?.childId, i.number, i.totalTenge])).toEqual([['a', 1, 500], ['b', null, 0], ['c', 2, 500]]);
  });

  it('names the companions as payers when a family has no parent on the roster, and says when the month is not over', () => {
    const meals = buildMealInvoices([sheet('g1', ['a'], { a: ['2027-03-01'] }, '2027-03-03')], [link('a', 'granny', 'grandmother')], 900, { month: '2027-03', asOf: '2027-03-03' });
    expect(meals.invoices[0]?.payers).toEqual(['X granny']);
    expect(meals.invoices[0]?.number).toBe(1);
    expect(meals.unfinished).toBe(true);
  });
});
