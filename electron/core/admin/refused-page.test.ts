import { describe, expect, it } from 'vitest';
import { adminKit, at, value } from './testing/admin-kit.js';

describe('the Refused page', () => {
  it('shows a card refused again and again as one entry with its count and the time last seen', async () => {
    const kit = adminKit('2027-01-05T05:00:00.000Z');
    for (const time of ['08:30:00', '08:31:00', '08:33:20']) kit.refused.record('rfid', '9999999', 'unknown-card', at(`2027-01-05T${time}.000+05:00`));
    const page = value(kit.call('adminRefused', { sessionId: await kit.signIn(), filter: {}, cursor: null, limit: 50 }));
    expect(page.attempts).toMatchObject([{ presented: '9999999', reason: 'unknown-card', at: '08:30', count: 3, lastAt: '2027-01-05T08:33:20.000+05:00' }]);
    const today = value(kit.call('adminToday', { sessionId: await kit.signIn() }));
    expect(today.refused).toMatchObject([{ presented: '9999999', count: 3 }]);
  });

  it('shows control and bidi characters escaped, also in rows kept raw before the door escaped them', async () => {
    const kit = adminKit('2027-01-05T05:00:00.000Z');
    kit.db
      .prepare("INSERT INTO refused_attempts (id, occurred_at, occurred_ms, method, presented, reason) VALUES ('old', ?, ?, 'rfid', ?, 'unreadable-card')")
      .run('2027-01-05T08:00:00.000+05:00', Date.parse('2027-01-05T08:00:00.000+05:00'), '\u202E123\u0000\u001B');
    kit.refused.record('rfid', '\u2066x\u0007', 'unreadable-card', at('2027-01-05T08:10:00.000+05:00'));
    const page = value(kit.call('adminRefused', { sessionId: await kit.signIn(), filter: {}, cursor: null, limit: 50 }));
    expect(page.attempts.map((a) => [a.presented, a.count, a.lastAt])).toEqual([
      ['\\u{2066}x\\u{7}', 1, '2027-01-05T08:10:00.000+05:00'],
      ['\\u{202E}123\\u{0}\\u{1B}', 1, '2027-01-05T08:00:00.000+05:00'],
    ]);
  });

  it('shows a refused card as printed on it, 10 digits, and whose it is: a companion (the card withdrawn or not), a staff member, nobody', async () => {
    const kit = adminKit('2027-01-05T05:00:00.000Z');
    kit.db.prepare("UPDATE credentials SET revoked_at = '2027-01-04T10:00:00.000+05:00' WHERE id = 'cr-elena'").run();
    kit.db.prepare("UPDATE credentials SET value = 'retired:cr-bibigul:4512345' WHERE id = 'cr-bibigul'").run();
    kit.db.prepare("INSERT INTO staff_cards (id, staff_id, value) VALUES ('sc-duty', 'duty', '7000001')").run();
    const time = (minute: string) => at(`2027-01-05T08:${minute}:00.000+05:00`);
    kit.refused.record('rfid', '4512346', 'revoked-card', time('01'));
    kit.refused.record('rfid', '4512345', 'unknown-card', time('02'));
    kit.refused.record('rfid', '7000001', 'unknown-card', time('03'));
    kit.refused.record('rfid', '9999999', 'unknown-card', time('04'));
    kit.refused.record('rfid', '12ab', 'unreadable-card', time('05'));
    const page = value(kit.call('adminRefused', { sessionId: await kit.signIn(), filter: {}, cursor: null, limit: 50 }));
    expect(page.attempts.map((a) => [a.presented, a.card, a.holder])).toEqual([
      ['12ab', null, null],
      ['9999999', '0009999999', null],
      ['7000001', '0007000001', { kind: 'staff', firstName: 'Айгерім', lastName: 'Омарова', withdrawn: false }],
      ['4512345', '0004512345', { kind: 'companion', firstName: 'Бібігүл', lastName: 'Жұмабаева', withdrawn: true }],
      ['4512346', '0004512346', { kind: 'companion', firstName: 'Елена', lastName: 'Иванова', withdrawn: true }],
    ]);
    const today = value(kit.call('adminToday', { sessionId: await kit.signIn() }));
    expect(today.refused.find((a) => a.presented === '7000001')?.holder?.kind).toBe('staff');
  });
});
