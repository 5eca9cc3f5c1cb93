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
});
