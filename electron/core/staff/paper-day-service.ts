// Days the kiosk was down (issue 16 §7): an admin enters a past day of a group from the paper list. The roll of the
// day comes off the табель (the same marks every count uses: who was enrolled, who is already present, who has an
// absence), so what the screen ticks is what the табель will say. Saving writes one arrival per child ticked and not
// yet present, method 'override' in the admin's name, at the day's cut-off hour (the табель counts a day by any event
// on it; the paper list has no times), each pushed with the time it was entered (lateEntry 'kiosk-down'); the day's
// row (paper_days, one per group and day) makes a second save write nothing, and the audit row says who and when.
//
// Who: admins only. An override at the door happens in front of the companion; a past day has no witness, and it
// changes the табель the head signs and the money the act claims, so the head (or her deputy) enters it, in her name.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { shiftMonth } from '../../../shared/admin/work-calendar.js';
import type { TabelMark, TabelSheet } from '../../../shared/admin/tabel.js';
import { localTimeOn, type LocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { AbsenceReason } from '../../../shared/staff/staff-domain.js';
import type { PaperDayChild, PaperDayEntry, PaperDayRefusal, PaperDayRoll, PaperDaySaveOutcome } from '../../../shared/staff/paper-day-contract.js';
import type { AttendanceLog } from '../ledger/attendance-log.js';
import { appendRegisterEdit } from '../ledger/peer-registers.js';
import type { StaffAudit } from '../ledger/staff-audit.js';
import type { TabelSheets } from './return-checks.js';

export interface PaperDayDeps {
  db: Database;
  log: AttendanceLog;
  tabels: TabelSheets;
  audit: StaffAudit;
  /** The hour a paper day's arrivals are recorded at: the headcount cut-off (reception is over by then). */
  cutOff: () => string;
  zone: () => LocalZone | undefined;
}

/** The first day that may be entered on `today`: the first of the previous month (its табель may still be open). */
export function earliestPaperDay(today: string): string {
  return `${shiftMonth(today.slice(0, 7), -1)}-01`;
}

/** Why the day itself cannot be entered on `today`, or null: the rules that need no records. */
export function paperDayProblem(date: string, today: string): PaperDayRefusal | null {
  if (date >= today) return 'not-past';
  if (date < earliestPaperDay(today)) return 'too-old';
  return null;
}

const ABSENCE_OF: Partial<Record<TabelMark, AbsenceReason>> = {
  sick: 'sick',
  'sick-uncertified': 'sick',
  vacation: 'vacation',
  sanatorium: 'sanatorium',
  family: 'family',
  other: 'other',
};

interface EntryRow {
  id: string;
  enteredBy: string;
  enteredAt: string;
  present: number;
  absent: number;
}

type Roll = Extract<PaperDayRoll, { state: 'open' }>;

export class PaperDayService {
  private readonly group: Statement<[string], { name: string }>;
  private readonly entry: Statement<[string, string], EntryRow>;
  private readonly insertDay: Statement<[string, string, string, string, string, number, number, number]>;
  private readonly insertLink: Statement<[string, string]>;

  constructor(private readonly deps: PaperDayDeps) {
    const { db } = deps;
    this.group = db.prepare('SELECT name FROM groups WHERE id = ?');
    this.entry = db.prepare(
      `SELECT p.id, s.first_name || ' ' || s.last_name AS enteredBy, p.entered_at AS enteredAt, p.present, p.absent
         FROM paper_days p JOIN staff s ON s.id = p.staff_id WHERE p.group_id = ? AND p.local_date = ?`,
    );
    this.insertDay = db.prepare(
      'INSERT INTO paper_days (id, group_id, local_date, staff_id, entered_at, entered_ms, present, absent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertLink = db.prepare('INSERT INTO paper_day_events (event_id, paper_day_id) VALUES (?, ?)');
  }

  /** The group's roll for a past day, or that the day was entered already, or why it cannot be. */
  roll(groupId: string, date: string, today: string): PaperDayRoll {
    const refused = (why: PaperDayRefusal): PaperDayRoll => ({ state: 'refused', date, groupId, why });
    const dayProblem = paperDayProblem(date, today);
    if (dayProblem) return refused(dayProblem);
    const group = this.group.get(groupId);
    if (!group) return refused('unknown-group');
    const entered = this.entry.get(groupId, date);
    if (entered) return { state: 'entered', date, groupId, groupName: group.name, entry: entered };
    const sheet = this.deps.tabels.sheet(groupId, date.slice(0, 7), today, 'ru');
    const index = sheet?.days.findIndex((d) => d.date === date) ?? -1;
    if (!sheet || index < 0) return refused('unknown-group');
    if (sheet.days[index]?.kind !== 'working') return refused('not-school-day');
    if (date < sheet.recordsSince) return refused('before-records');
    return { state: 'open', date, groupId, groupName: group.name, children: childrenOn(sheet, index) };
  }

  /** Saves the day: an arrival for each child ticked and not yet present, all or nothing, once per group and day. */
  save(member: StaffMember, groupId: string, date: string, present: readonly string[], at: LocalTime): PaperDaySaveOutcome {
    const { db, log, audit } = this.deps;
    return db
      .transaction((): PaperDaySaveOutcome => {
        const roll = this.roll(groupId, date, at.localDate);
        if (roll.state === 'refused') return { outcome: 'refused', why: roll.why, names: [] };
        if (roll.state === 'entered') return { outcome: 'already-entered', entry: roll.entry };
        const ticked = new Set(present);
        const problem = rollProblem(roll, ticked);
        if (problem) return problem;
        const toAdd = roll.children.filter((c) => ticked.has(c.id) && !c.recorded);
        const dayId = uuidv7();
        const presentCount = roll.children.filter((c) => ticked.has(c.id)).length;
        const absentCount = roll.children.length - presentCount;
        this.insertDay.run(dayId, groupId, date, member.id, at.iso, at.ms, presentCount, absentCount);
        const events = log.append(
          toAdd.map((c) => ({ childId: c.id, kind: 'arrival' as const, method: 'override' as const, companionId: null, credentialId: null, staffId: member.id })),
          localTimeOn(date, this.deps.cutOff(), this.deps.zone()),
          { reason: 'kiosk-down', recordedAt: at.iso, recordedMs: at.ms },
        );
        for (const event of events) this.insertLink.run(event.id, dayId);
        // The day as a record (docs/peers.md §6 "paper days"): the other machines learn it was entered, and of two
        // entries made apart, the first keeps the day. Its id is the day's.
        appendRegisterEdit(
          db,
          { kind: 'paper-day', body: { groupId, date, eventIds: events.map((e) => e.id), staffId: member.id, recordedAt: at.iso, present: presentCount, absent: absentCount } },
          at.ms,
          dayId,
        );
        audit.record(
          'paper-day',
          member.id,
          at,
          { reason: 'kiosk-down', groupId, date, present: presentCount, absent: absentCount, added: events.length, alreadyRecorded: presentCount - events.length },
          dayId,
        );
        const entry: PaperDayEntry = { id: dayId, enteredBy: `${member.firstName} ${member.lastName}`, enteredAt: at.iso, present: presentCount, absent: absentCount };
        return { outcome: 'saved', entry, added: events.length, alreadyRecorded: presentCount - events.length };
      })
      .immediate();
  }
}

/** The children enrolled on the day (the табель's order), each with what the records already say of it. */
function childrenOn(sheet: TabelSheet, index: number): PaperDayChild[] {
  return sheet.rows.flatMap((row) => {
    const mark = row.marks[index];
    if (mark === undefined || mark === 'not-enrolled') return [];
    return [{ id: row.childId, firstName: row.firstName, lastName: row.lastName, recorded: mark === 'present', absence: ABSENCE_OF[mark] ?? null }];
  });
}

/** The roll and the ticks disagree with the records: refused, naming the children, nothing written. */
function rollProblem(roll: Roll, ticked: ReadonlySet<string>): PaperDaySaveOutcome | null {
  const on = new Set(roll.children.map((c) => c.id));
  if ([...ticked].some((id) => !on.has(id))) return { outcome: 'refused', why: 'not-on-roll', names: [] };
  const names = (children: PaperDayChild[]) => children.map((c) => `${c.firstName} ${c.lastName}`);
  const withAbsence = roll.children.filter((c) => ticked.has(c.id) && !c.recorded && c.absence !== null);
  if (withAbsence.length > 0) return { outcome: 'refused', why: 'absence-on-day', names: names(withAbsence) };
  const recordedAbsent = roll.children.filter((c) => !ticked.has(c.id) && c.recorded);
  if (recordedAbsent.length > 0) return { outcome: 'refused', why: 'recorded-but-absent', names: names(recordedAbsent) };
  return null;
}
