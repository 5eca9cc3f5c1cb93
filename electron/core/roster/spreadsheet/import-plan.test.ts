import { describe, expect, it } from 'vitest';
import { CARD_BLOCKED, CARD_LEFT_OUT, importPlan } from './import-plan.js';
import type { SheetRoster } from './sheet-roster.js';

const roster = (): SheetRoster => ({
  groups: [
    { id: 'g1', name: 'Балапан', sortOrder: 0 },
    { id: 'g2', name: 'Жұлдыз', sortOrder: 1 },
  ],
  children: [
    { id: 'c1', groupId: 'g1', firstName: 'Әлихан', lastName: 'Жұмабаев', birthDate: null, gender: null },
    { id: 'c2', groupId: 'g2', firstName: 'Алиса', lastName: 'Иванова', birthDate: null, gender: null },
  ],
  companions: [
    { id: 'p1', firstName: 'Бібігүл', lastName: 'Жұмабаева', relation: 'grandmother', phone: null },
    { id: 'p2', firstName: 'Елена', lastName: 'Иванова', relation: 'mother', phone: null },
  ],
  links: [
    { companionId: 'p1', childId: 'c1', mayBring: true, mayCollect: true, blocked: false },
    { companionId: 'p2', childId: 'c2', mayBring: true, mayCollect: true, blocked: false },
  ],
  credentials: [
    { id: 'k1', companionId: 'p1', kind: 'rfid', value: '4512345', version: 1, revokedAt: null },
    { id: 'k2', companionId: 'p2', kind: 'rfid', value: '4512346', version: 1, revokedAt: null },
    { id: 'k3', companionId: 'p2', kind: 'rfid', value: '4512347', version: 1, revokedAt: '2026-12-01T10:00:00.000Z' },
  ],
});

describe('the steps a spreadsheet asks of the roster', () => {
  it('asks nothing for the roster as it stands, birth dates and phones aside (they are not the editor’s)', () => {
    const wanted = roster();
    wanted.children[0] = { ...wanted.children[0]!, birthDate: '2021-03-08', gender: 'male' };
    wanted.companions[0] = { ...wanted.companions[0]!, phone: '+7 701 555 12 34' };
    expect(importPlan(roster(), wanted, roster().credentials)).toEqual({ changes: [], cards: [] });
  });

  it('orders the changes as the editor needs them: groups, people, rights taken then given, leavers, closed groups last', () => {
    const wanted = roster();
    wanted.groups = [{ id: 'g1', name: 'Балапан', sortOrder: 0 }, { id: 'g3', name: 'Күншуақ', sortOrder: 2 }];
    wanted.children = [{ ...wanted.children[0]!, groupId: 'g3' }];
    wanted.companions = [wanted.companions[0]!, { id: 'p3', firstName: 'Серік', lastName: 'Омаров', relation: 'grandfather', phone: null }];
    wanted.links = [
      { companionId: 'p3', childId: 'c1', mayBring: true, mayCollect: true, blocked: false },
    ];
    wanted.credentials = [wanted.credentials[0]!];
    const plan = importPlan(roster(), wanted, roster().credentials);
    expect(plan.changes.map((c) => c.kind)).toEqual(['group', 'child', 'companion', 'link-removed', 'link', 'child-left', 'companion-removed', 'group-closed']);
    expect(plan.changes).toContainEqual({ kind: 'link-removed', companionId: 'p1', childId: 'c1' });
    // Елена leaves with Алиса: her rights go with them, not as changes of their own; her live card is revoked, her
    // card already out of service is left as it is.
    expect(plan.cards).toEqual([{ step: 'revoke', credentialId: 'k2', reason: CARD_LEFT_OUT }]);
  });

  it('blocks, moves and gives cards through revocations first and enrolments after', () => {
    const wanted = roster();
    wanted.credentials = [
      { ...wanted.credentials[0]!, companionId: 'p2' },
      { ...wanted.credentials[1]!, revokedAt: '2027-01-05T05:00:00.000Z' },
      wanted.credentials[2]!,
      { id: 'new-qr', companionId: 'p1', kind: 'qr', value: 'new-qr', version: 1, revokedAt: null },
      { id: 'new-card', companionId: 'p1', kind: 'rfid', value: '4512400', version: 1, revokedAt: null },
    ];
    expect(importPlan(roster(), wanted, roster().credentials).cards).toEqual([
      { step: 'revoke', credentialId: 'k1', reason: CARD_LEFT_OUT },
      { step: 'revoke', credentialId: 'k2', reason: CARD_BLOCKED },
      { step: 'enrol', companionId: 'p2', number: '4512345' },
      { step: 'issue-qr', companionId: 'p1' },
      { step: 'enrol', companionId: 'p1', number: '4512400' },
    ]);
  });
});
