// Transfers of working days across machines (docs/peers.md §6), over real SQLite files with their own device keys and
// the real importer: a transfer set or cleared at one machine is the same row at the other; two set apart end the same
// whichever pulls first (the later HLC, then device id), the loser restating the winner once; a replay changes nothing.
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { exchange, peerMachine, pinAll, pull, tableText, type PeerMachine } from '../peers/testing/peer-machines.js';
import { CalendarTransfers } from './calendar-transfers.js';
import { adminAppliers } from './peer-apply.js';

const appliers = { ...ledgerAppliers, ...adminAppliers };
const transfers = (m: PeerMachine) => tableText(m.db, 'SELECT * FROM calendar_transfers ORDER BY date');
const transferRecords = (m: PeerMachine) => m.db.prepare("SELECT device_id, record_id, base FROM peer_log WHERE kind = 'transfer' ORDER BY device_id, seq").all() as { device_id: string; record_id: string; base: string | null }[];
const calendarOf = (m: PeerMachine) => new CalendarTransfers(m.db, new AdminAudit(m.db));

function pair(): [PeerMachine, PeerMachine] {
  const a = peerMachine(0x31);
  const b = peerMachine(0x32);
  pinAll([a, b]);
  return [a, b];
}

describe('transfers of working days between machines', () => {
  it('set and cleared at one machine, the same row at the other', () => {
    const [a, b] = pair();
    calendarOf(a).set('staff-admin', '2026-12-31', 'day-off', 'moved from Saturday', localTimeOn('2026-11-20', '10:00'));
    calendarOf(a).set('staff-admin', '2027-01-03', 'working-day', '', localTimeOn('2026-11-20', '10:01'));
    // The two transfers and the two admin_audit rows that say who set them.
    expect(pull(b, a, appliers)).toMatchObject({ ok: true, applied: 4, waiting: 0 });
    expect(b.db.prepare("SELECT action FROM admin_audit ORDER BY id").pluck().all()).toEqual(['transfer-set', 'transfer-set']);
    expect(transfers(b)).toEqual(transfers(a));
    expect(JSON.parse(transfers(b))).toHaveLength(2);
    calendarOf(a).set('staff-admin', '2026-12-31', null, null, localTimeOn('2026-11-20', '10:02'));
    // Clearing a date with nothing set records nothing.
    calendarOf(a).set('staff-admin', '2026-12-30', null, null, localTimeOn('2026-11-20', '10:03'));
    pull(b, a, appliers);
    expect(transfers(b)).toEqual(transfers(a));
    expect(JSON.parse(transfers(b))).toMatchObject([{ date: '2027-01-03', kind: 'working-day', note: null }]);
    expect(transferRecords(a)).toHaveLength(3);
  });

  it('two machines that set a date apart end the same whichever pulls first, the loser restating once', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const [a, b] = pair();
      // A's clock is ahead: its edit is the later one, though it has the lesser device id.
      a.clock.ms += 9_000;
      calendarOf(a).set('staff-admin', '2026-12-31', 'day-off', 'A', localTimeOn('2026-11-20', '10:00'));
      calendarOf(b).set('staff-admin', '2026-12-31', 'working-day', 'B', localTimeOn('2026-11-20', '10:00'));
      exchange(order === 'a-first' ? [a, b] : [b, a], appliers);
      expect(transfers(a)).toEqual(transfers(b));
      expect(JSON.parse(transfers(a))).toMatchObject([{ kind: 'day-off', note: 'A' }]);
      const records = transferRecords(a);
      expect(transferRecords(b)).toEqual(records);
      const aFirst = records.find((r) => r.device_id === a.deviceId && r.base === null);
      // B lost and restated A's once; A wrote nothing more.
      expect(records.filter((r) => r.device_id === b.deviceId)).toMatchObject([{ base: null }, { base: aFirst?.record_id }]);
      expect(records).toHaveLength(3);
    }
  });

  it('a page taken again changes nothing', () => {
    const [a, b] = pair();
    calendarOf(a).set('staff-admin', '2026-12-31', 'day-off', null, localTimeOn('2026-11-20', '10:00'));
    pull(b, a, appliers);
    const before = [transfers(b), transferRecords(b)];
    expect(pull(b, a, appliers)).toMatchObject({ ok: true, stored: 0 });
    expect([transfers(b), transferRecords(b)]).toEqual(before);
  });
});
