// Kazakhstan's change of 1 March 2024 (all zones to UTC+5), as the kiosk lives it with its zone set to Asia/Almaty:
// Almaty was +06 until 2024-02-29T18:00Z, when 24:00 became 23:00 again. Run under several OS zones (npm run
// test:zones): nothing here may depend on the machine's.
import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { staffKit, value } from '../staff/testing/staff-kit.js';

const ALMATY = 'Asia/Almaty';

describe('a day across the 2024 change, in Asia/Almaty', () => {
  it('stamps the receipts and the табель day in the offset of each instant, the repeated hour on 29 February', () => {
    const kit = staffKit('2024-02-29T17:30:00.000Z', { zone: ALMATY }); // 23:30 at +06
    // Taps at the repeated hour, near midnight: the evening pick-up rule (docs/pickup-check.md) is not what is tested.
    kit.settings.set('collectCheckFrom', null);
    const arrival = value(kit.checkin.identifyCard(demoCards.motherOneChild));
    expect(arrival).toMatchObject({ kind: 'recorded', receipt: { entries: [{ firstName: 'Алиса', kind: 'arrival', at: '23:30' }] } });
    kit.clock.set('2024-02-29T18:30:00.000Z'); // 23:30 again, now at +05: still 29 February
    const departure = value(kit.checkin.identifyCard(demoCards.motherOneChild));
    expect(departure).toMatchObject({ kind: 'recorded', receipt: { entries: [{ kind: 'departure', at: '23:30' }] } });
    expect(kit.read('SELECT occurred_at, local_date FROM attendance_events ORDER BY device_seq')).toEqual([
      { occurred_at: '2024-02-29T23:30:00.000+06:00', local_date: '2024-02-29' },
      { occurred_at: '2024-02-29T23:30:00.000+05:00', local_date: '2024-02-29' },
    ]);
  });

  it('takes the cut-off headcount at 09:00 +05 on 1 March, not an hour early as a machine still on +06 would', async () => {
    const kit = staffKit('2024-03-01T02:30:00.000Z', { zone: ALMATY }); // 07:30
    value(kit.checkin.identifyCard(demoCards.motherOneChild));
    kit.clock.set('2024-03-01T03:59:00.000Z'); // 08:59 (09:59 at the old +06)
    kit.desk.tick();
    expect(kit.read('SELECT local_date FROM headcounts')).toEqual([]);
    kit.clock.set('2024-03-01T04:00:00.000Z');
    kit.desk.tick();
    expect(kit.read('SELECT local_date, trigger FROM headcounts')).toEqual([{ local_date: '2024-03-01', trigger: 'cut-off' }]);
    const sessionId = await kit.signIn('staff-nurse', '1357');
    expect(value(kit.call('staffHeadcount', { sessionId }))).toMatchObject({ cutOff: '09:00', snapshot: { takenAt: '09:00', localDate: '2024-03-01' } });
  });

  it('tells the closing time by the same zone: 19:00 +05 on 1 March is 14:00Z', async () => {
    const kit = staffKit('2024-03-01T03:00:00.000Z', { zone: ALMATY }); // 08:00
    value(kit.checkin.identifyCard(demoCards.motherOneChild));
    kit.clock.set('2024-03-01T13:59:30.000Z'); // 18:59
    const sessionId = await kit.signIn('staff-nurse', '1357');
    expect(value(kit.call('staffClosing', { sessionId }))).toMatchObject({ closingTime: '19:00', passed: false });
    kit.clock.set('2024-03-01T14:00:00.000Z');
    expect(value(kit.call('staffClosing', { sessionId }))).toMatchObject({ passed: true });
  });
});
