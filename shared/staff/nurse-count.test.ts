import { describe, expect, it } from 'vitest';
import { countGroups, type CountChild } from './nurse-count.js';
import type { ChildPresence } from './presence.js';

const child = (id: string, firstName: string, groupId = 'g1'): CountChild => ({ id, firstName, lastName: 'Ким', groupId });
const event = { id: 'e', childId: 'x', kind: 'arrival', localDate: '2026-11-23', occurredMs: 0, deviceSeq: 1 } as const;
const states: Record<string, ChildPresence> = {
  a: { state: 'present', lastEvent: event, absenceReason: null },
  b: { state: 'left', lastEvent: { ...event, kind: 'departure' }, absenceReason: null },
  c: { state: 'absent', lastEvent: null, absenceReason: 'sick' },
  d: { state: 'absent', lastEvent: null, absenceReason: 'vacation' },
  e: { state: 'absent', lastEvent: null, absenceReason: 'sick' },
  f: { state: 'absent', lastEvent: null, absenceReason: 'family' },
};
const presence = (id: string): ChildPresence => states[id] ?? { state: 'expected', lastEvent: null, absenceReason: null };
const children = [child('a', 'Әлихан'), child('b', 'Айару'), child('c', 'Алиса'), child('d', 'Ерасыл'), child('e', 'Інжу'), child('f', 'Дана'), child('g', 'Мирас'), child('h', 'Нұр', 'g2')];
const groups = [
  { id: 'g1', name: 'Балапан' },
  { id: 'g2', name: 'Жұлдыз' },
];

describe('the nurse count', () => {
  it('expects the roll minus excused absences, lists reasons, and names who is not yet in (family reasons stay expected)', () => {
    const [g1, g2] = countGroups({ groups, children, presence, schoolDay: true });
    expect(g1).toEqual({
      groupId: 'g1',
      groupName: 'Балапан',
      enrolled: 7,
      present: 1,
      left: 1,
      expected: 4,
      excused: [
        { reason: 'sick', count: 2 },
        { reason: 'vacation', count: 1 },
      ],
      notYetIn: [
        { name: 'Дана Ким', absence: 'family' },
        { name: 'Мирас Ким', absence: null },
      ],
      presentNames: ['Әлихан Ким'],
    });
    expect(g2).toMatchObject({ enrolled: 1, expected: 1, notYetIn: [{ name: 'Нұр Ким', absence: null }] });
  });

  it('expects nobody on a day off, but counts a child who came', () => {
    const [g1] = countGroups({ groups, children, presence, schoolDay: false });
    expect(g1).toMatchObject({ present: 1, left: 1, expected: 0, notYetIn: [] });
  });
});
