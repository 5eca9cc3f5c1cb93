// Days the kiosk was down (issue 16 §7), through the staff requests on a real SQLite file: the day's rules, the roll
// off the табель, the arrivals written with both times, the merge with what the door recorded, the refusals, the
// second save that writes nothing, the audit row, and the табель counting the day.
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { AttendanceRecordSchema } from '../../../shared/sync/protocol.js';
import { LogQuery } from '../admin/log-query.js';
import { monthCountsOf } from '../admin/tabel-service.js';
import { zoneOf } from '../time/clock.js';
import { earliestPaperDay, paperDayProblem } from './paper-day-service.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

/** The kiosk kept records from Monday 2 November 2026 (08:10 Almaty); the day entered is Friday 20 November. */
const INSTALLED = '2026-11-02T03:10:00.000Z';
/** Monday 23 November 2026, 10:15 in Almaty: the head enters last Friday from the paper list. */
const ENTERED = '2026-11-23T05:15:00.000Z';
const FRIDAY = '2026-11-20';

async function headAtWork() {
  const kit = staffKit(INSTALLED);
  kit.clock.set(ENTERED);
  const sessionId = await kit.signIn('staff-admin', '2468');
  const [alisa] = kit.read<{ group_id: string }>('SELECT group_id FROM children WHERE id = ?', demoChildren.alisa);
  const groupId = alisa!.group_id;
  const roll = (date = FRIDAY) => value(kit.call('staffPaperDay', { sessionId, groupId, date }));
  const save = (present: string[], date = FRIDAY) => value(kit.call('staffSavePaperDay', { sessionId, groupId, date, present }));
  const open = (date = FRIDAY) => {
    const r = roll(date);
    if (r.state !== 'open') throw new Error(`the day is ${r.state}`);
    return r;
  };
  return { kit, sessionId, groupId, roll, save, open };
}

describe('which days may be entered', () => {
  it('only past days from the first of the previous month', () => {
    expect(earliestPaperDay('2026-11-23')).toBe('2026-10-01');
    expect(earliestPaperDay('2026-01-05')).toBe('2025-12-01');
    expect(paperDayProblem('2026-11-23', '2026-11-23')).toBe('not-past');
    expect(paperDayProblem('2026-11-24', '2026-11-23')).toBe('not-past');
    expect(paperDayProblem('2026-11-20', '2026-11-23')).toBeNull();
    expect(paperDayProblem('2026-10-01', '2026-11-23')).toBeNull();
    expect(paperDayProblem('2026-09-30', '2026-11-23')).toBe('too-old');
  });

  it('refuses weekends and holidays, takes a Saturday made a working day, and refuses days before the records began', async () => {
    const { kit, roll } = await headAtWork();
    expect(roll('2026-11-21')).toMatchObject({ state: 'refused', why: 'not-school-day' });
    kit.db
      .prepare("INSERT INTO calendar_transfers (date, kind, note, staff_id, set_at, set_ms) VALUES ('2026-11-21', 'working-day', NULL, 'staff-admin', 't', 1)")
      .run();
    expect(roll('2026-11-21').state).toBe('open');
    expect(roll('2026-11-23')).toMatchObject({ state: 'refused', why: 'not-past' });
    // Republic Day fell on Sunday 25 October 2026: Monday 26 October was its substitute day off.
    expect(roll('2026-10-26')).toMatchObject({ state: 'refused', why: 'not-school-day' });
    // The kiosk kept no records before 2 November: the табель says nothing of 30 October, and must go on saying it.
    expect(roll('2026-10-30')).toMatchObject({ state: 'refused', why: 'before-records' });
    expect(roll('2026-09-30')).toMatchObject({ state: 'refused', why: 'too-old' });
  });

  it('is for admins: a staff member on duty is refused', async () => {
    const { kit, groupId } = await headAtWork();
    const duty = await kit.signIn();
    const refused = kit.call('staffPaperDay', { sessionId: duty, groupId, date: FRIDAY });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('STAFF_FORBIDDEN');
    const save = kit.call('staffSavePaperDay', { sessionId: duty, groupId, date: FRIDAY, present: [] });
    expect(save.ok ? 'ok' : save.error.code).toBe('STAFF_FORBIDDEN');
    expect(kit.read('SELECT * FROM paper_days')).toEqual([]);
  });
});

describe('entering a day from the paper list', () => {
  it('writes an arrival per child present at the cut-off hour of the day, in the admin’s name, pushed with the time of entry', async () => {
    const { kit, open, save, groupId } = await headAtWork();
    const roll = open();
    expect(roll.children.length).toBeGreaterThan(3);
    expect(roll.children.every((c) => !c.recorded && c.absence === null)).toBe(true);
    const absent = roll.children[0]!;
    const present = roll.children.slice(1).map((c) => c.id);

    const saved = save(present);
    expect(saved).toMatchObject({ outcome: 'saved', added: present.length, alreadyRecorded: 0 });
    if (saved.outcome !== 'saved') throw new Error(saved.outcome);
    expect(saved.entry).toMatchObject({ enteredBy: 'Жанна Сейітова', enteredAt: '2026-11-23T10:15:00.000+05:00', present: present.length, absent: 1 });

    const events = kit.read<{ id: string; child_id: string; kind: string; method: string; staff_id: string; occurred_at: string; local_date: string }>(
      'SELECT id, child_id, kind, method, staff_id, occurred_at, local_date FROM attendance_events ORDER BY device_seq',
    );
    expect(events.map((e) => e.child_id).sort()).toEqual([...present].sort());
    for (const e of events) {
      expect(e).toMatchObject({ kind: 'arrival', method: 'override', staff_id: 'staff-admin', occurred_at: '2026-11-20T09:00:00.000+05:00', local_date: FRIDAY });
    }
    // Each event's record for the city carries the day described and when it was entered.
    const bodies = kit.read<{ body: string; queued_ms: number }>(
      "SELECT b.body, o.queued_ms FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'attendance'",
    );
    expect(bodies).toHaveLength(present.length);
    for (const row of bodies) {
      const record = AttendanceRecordSchema.parse(JSON.parse(row.body));
      expect(record.occurredAt).toBe('2026-11-20T09:00:00.000+05:00');
      expect(record.localDate).toBe(FRIDAY);
      expect(record.lateEntry).toEqual({ reason: 'kiosk-down', recordedAt: '2026-11-23T10:15:00.000+05:00', recordedMs: Date.parse(ENTERED) });
      expect(row.queued_ms).toBe(Date.parse(ENTERED));
    }
    expect(kit.read('SELECT paper_day_id FROM paper_day_events')).toHaveLength(present.length);
    expect(kit.log.verify().intact).toBe(true);

    const [audit] = kit.read<{ staff_id: string; occurred_at: string; subject_id: string; detail: string }>("SELECT * FROM staff_audit WHERE action = 'paper-day'");
    expect(audit).toMatchObject({ staff_id: 'staff-admin', occurred_at: '2026-11-23T10:15:00.000+05:00', subject_id: saved.entry.id });
    expect(JSON.parse(audit!.detail)).toEqual({ reason: 'kiosk-down', groupId, date: FRIDAY, present: present.length, absent: 1, added: present.length, alreadyRecorded: 0 });

    // The табель counts the day: present for the ticked, an unexplained absence for the one left unticked.
    const sheet = monthCountsOf(kit.db, () => zoneOf(kit.clock)).sheet(groupId, '2026-11', '2026-11-23', 'ru')!;
    const friday = sheet.days.findIndex((d) => d.date === FRIDAY);
    for (const row of sheet.rows) expect(row.marks[friday]).toBe(row.childId === absent.id ? 'unmarked' : 'present');

    // The admin's log shows each on its day, by whom, and when it was entered.
    const log = new LogQuery(kit.db, kit.log.deviceId).page({}, null, 50);
    expect(log.entries).toHaveLength(present.length);
    for (const entry of log.entries) {
      expect(entry).toMatchObject({ localDate: FRIDAY, at: '09:00', method: 'override', staff: { name: 'Жанна Сейітова' }, enteredLater: { enteredAt: '2026-11-23T10:15:00.000+05:00' } });
    }
  });

  it('saved twice, writes nothing the second time and says who entered it', async () => {
    const { kit, open, save, roll } = await headAtWork();
    const present = open().children.map((c) => c.id);
    expect(save(present).outcome).toBe('saved');
    const count = kit.read('SELECT id FROM attendance_events').length;
    kit.clock.advance(60_000);
    const again = save(present);
    expect(again).toMatchObject({ outcome: 'already-entered', entry: { enteredBy: 'Жанна Сейітова', enteredAt: '2026-11-23T10:15:00.000+05:00' } });
    expect(save(present.slice(1)).outcome).toBe('already-entered');
    expect(kit.read('SELECT id FROM attendance_events')).toHaveLength(count);
    expect(kit.read("SELECT id FROM staff_audit WHERE action = 'paper-day'")).toHaveLength(1);
    expect(roll()).toMatchObject({ state: 'entered', entry: { present: present.length, absent: 0 } });
  });

  it('counts a child the door recorded that day as it is, and refuses the paper calling them absent', async () => {
    const { kit, open, save } = await headAtWork();
    const first = open().children[0]!;
    // The door worked in the morning before it went down: one arrival on Friday.
    kit.log.append([{ childId: first.id, kind: 'arrival', method: 'rfid', companionId: null, credentialId: null, staffId: null }], localTimeOn(FRIDAY, '07:55', 300));
    const roll = open();
    expect(roll.children.find((c) => c.id === first.id)).toMatchObject({ recorded: true });
    const everyone = roll.children.map((c) => c.id);

    const refused = save(everyone.filter((id) => id !== first.id));
    expect(refused).toEqual({ outcome: 'refused', why: 'recorded-but-absent', names: [`${first.firstName} ${first.lastName}`] });
    expect(kit.read('SELECT * FROM paper_days')).toEqual([]);

    const saved = save(everyone);
    expect(saved).toMatchObject({ outcome: 'saved', added: everyone.length - 1, alreadyRecorded: 1 });
    expect(kit.read('SELECT id FROM attendance_events WHERE child_id = ?', first.id)).toHaveLength(1);
  });

  it('refuses a child ticked present on a day their absence covers, and a child not on the day’s roll', async () => {
    const { kit, sessionId, open, save } = await headAtWork();
    const roll = open();
    const sick = roll.children[1]!;
    value(kit.call('staffMarkAbsence', { sessionId, childId: sick.id, firstDate: '2026-11-19', lastDate: '2026-11-20', reason: 'sick' }));
    const after = open();
    expect(after.children.find((c) => c.id === sick.id)).toMatchObject({ absence: 'sick', recorded: false });
    const everyone = after.children.map((c) => c.id);

    expect(save(everyone)).toEqual({ outcome: 'refused', why: 'absence-on-day', names: [`${sick.firstName} ${sick.lastName}`] });
    expect(save([...everyone.filter((id) => id !== sick.id), 'ch9999'])).toMatchObject({ outcome: 'refused', why: 'not-on-roll' });
    expect(kit.read('SELECT id FROM attendance_events')).toEqual([]);
    expect(save(everyone.filter((id) => id !== sick.id))).toMatchObject({ outcome: 'saved', added: everyone.length - 1 });
  });
});
