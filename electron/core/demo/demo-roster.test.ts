import { describe, expect, it } from 'vitest';
import { RosterSchema } from '../../../shared/domain/roster.js';
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import { demoCards, demoRoster } from './demo-roster.js';

describe('demoRoster', () => {
  const roster = demoRoster();

  it('is a valid roster of 12 groups and 300 children', () => {
    expect(() => RosterSchema.parse(roster)).not.toThrow();
    expect(roster.groups).toHaveLength(12);
    expect(roster.children).toHaveLength(300);
    for (const g of roster.groups) expect(roster.children.filter((c) => c.groupId === g.id)).toHaveLength(25);
  });

  it('has siblings in different groups and grandparents with cards', () => {
    const groupOf = new Map(roster.children.map((c) => [c.id, c.groupId]));
    const byCompanion = new Map<string, string[]>();
    for (const l of roster.links) byCompanion.set(l.companionId, [...(byCompanion.get(l.companionId) ?? []), l.childId]);
    const splitFamilies = [...byCompanion.values()].filter((kids) => new Set(kids.map((k) => groupOf.get(k))).size > 1);
    expect(splitFamilies.length).toBeGreaterThan(20);
    const grandparents = roster.companions.filter((c) => c.relation === 'grandmother' || c.relation === 'grandfather');
    expect(grandparents.length).toBeGreaterThan(30);
    const withCard = new Set(roster.credentials.map((c) => c.companionId));
    expect(grandparents.every((g) => withCard.has(g.id))).toBe(true);
  });

  it('holds every README demo card, unique card numbers, and is the same on every run', () => {
    const values = roster.credentials.map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
    for (const printed of Object.values(demoCards)) expect(values).toContain(normalizeCardNumber(printed)?.canonical);
    expect(demoRoster()).toEqual(roster);
  });

  it('uses Kazakh letters in names', () => {
    expect(roster.children.some((c) => /[әғқңөұүһі]/i.test(c.firstName))).toBe(true);
  });
});
