// The day's headcount for the nurse: per group the children present, expected, away with an excused reason, and the
// names of those not yet in. The kiosk takes it by itself once a school day at the cut-off (09:00 by default) and keeps
// it as a snapshot row, so what it knew then is what the nurse reads later, whatever corrections with past times come
// after; off at the cut-off, it counts at the first tick after it (start-up) and says so by the time it keeps. Staff may
// take one any time (kept and sent to the city, not shown as the day's snapshot).
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { DayKind } from '../../../shared/admin/work-calendar.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { HeadcountGroupSchema, type Headcount, type HeadcountGroup, type StaffMember } from '../../../shared/staff/staff-contract.js';
import { NurseGroupSchema, type HeadcountSnapshot, type HeadcountView, type NurseGroup } from '../../../shared/staff/headcount-view.js';
import { countGroups } from '../../../shared/staff/nurse-count.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import type { ChildDirectory } from './child-directory.js';
import { presenceIn, type PresenceStore } from './presence-store.js';
import type { StaffAudit } from '../ledger/staff-audit.js';

/** Each day's kind by the Kazakh calendar and the admin's transfers (admin/tabel-service.ts, handed in). */
export interface SchoolCalendar {
  dayKind(localDate: string): DayKind;
}

interface HeadcountRow {
  id: string;
  taken_at: string;
  cut_off: string | null;
  groups: string;
}

const NurseGroups = z.array(NurseGroupSchema);
const BaseGroups = z.array(HeadcountGroupSchema);

/** Children on the roll on a day: active, with an enrolment period covering it (every child has one since 0017). */
const ON_ROLL = `SELECT c.id FROM children c WHERE c.active = 1 AND EXISTS (SELECT 1 FROM child_enrolments p WHERE p.child_id = c.id
                   AND (p.from_day IS NULL OR p.from_day <= ?) AND (p.until_day IS NULL OR p.until_day >= ?))`;

/** What the city has always received per group (shared/sync/protocol.ts): the nurse's detail stays on the kiosk. */
function forCity(g: NurseGroup, absent: number): HeadcountGroup {
  return { groupId: g.groupId, groupName: g.groupName, present: g.present, enrolled: g.enrolled, absent, presentNames: g.presentNames };
}

export class HeadcountService {
  private readonly outbox: OutboxWriter;
  private readonly onRoll: Statement<[string, string], { id: string }>;
  /** Asked at every tick of the clock after the cut-off (is today's taken?): compiled once. */
  private readonly cutOffOf: Statement<[string], HeadcountRow>;
  private readonly latestOf: Statement<[string], HeadcountRow & { trigger: Headcount['trigger'] }>;

  constructor(private readonly deps: { db: Database; directory: ChildDirectory; presence: PresenceStore; audit: StaffAudit; deviceId: string; calendar: SchoolCalendar }) {
    this.outbox = new OutboxWriter(deps.db);
    this.onRoll = deps.db.prepare(ON_ROLL);
    this.cutOffOf = deps.db.prepare(`SELECT id, taken_at, cut_off, groups FROM headcounts WHERE local_date = ? AND trigger = 'cut-off'`);
    this.latestOf = deps.db.prepare('SELECT id, taken_at, cut_off, trigger, groups FROM headcounts WHERE local_date = ? ORDER BY taken_ms DESC LIMIT 1');
  }

  schoolDay(localDate: string): boolean {
    return this.deps.calendar.dayKind(localDate) === 'working';
  }

  /** The nurse's count right now, and what the city gets of it. */
  private count(localDate: string): { groups: NurseGroup[]; city: HeadcountGroup[] } {
    const day = this.deps.presence.day(localDate);
    const roll = new Set(this.onRoll.all(localDate, localDate).map((r) => r.id));
    const children = this.deps.directory.all().filter((c) => roll.has(c.id));
    const groups = countGroups({
      groups: this.deps.directory.groups(),
      children: children.map((c) => ({ id: c.id, firstName: c.first_name, lastName: c.last_name, groupId: c.group_id })),
      presence: (childId) => presenceIn(day, childId),
      schoolDay: this.schoolDay(localDate),
    });
    const absentIn = (groupId: string): number => children.filter((c) => c.group_id === groupId && presenceIn(day, c.id).state === 'absent').length;
    return { groups, city: groups.map((g) => forCity(g, absentIn(g.groupId))) };
  }

  /** The count right now per group, as the console's Today page and the city know it. */
  live(localDate: string): HeadcountGroup[] {
    return this.count(localDate).city;
  }

  /**
   * Takes and keeps a snapshot: by staff (manual), or by the kiosk at the cut-off (actor null). It is queued for the
   * city unless `sendToCity` is false.
   */
  take(actor: StaffMember | null, at: LocalTime, cutOff: string, sendToCity = true): Headcount {
    const { db, audit } = this.deps;
    const counted = this.count(at.localDate);
    const headcount: Headcount = {
      id: uuidv7(),
      localDate: at.localDate,
      takenAt: at.hhmm,
      trigger: actor === null ? 'cut-off' : 'manual',
      groups: counted.city,
    };
    db.transaction(() => {
      // The row keeps the nurse's detail (a superset of the city's fields) and the cut-off it stood for.
      db.prepare('INSERT INTO headcounts (id, local_date, taken_at, taken_ms, trigger, staff_id, groups, cut_off) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        headcount.id,
        headcount.localDate,
        at.iso,
        at.ms,
        headcount.trigger,
        actor?.id ?? null,
        JSON.stringify(counted.groups.map((g, i) => ({ ...g, absent: counted.city[i]?.absent ?? 0 }))),
        cutOff,
      );
      // "At the cut-off a headcount per group … recorded as a snapshot and pushed with the other events."
      if (sendToCity) {
        this.outbox.enqueue(
          {
            type: 'headcount',
            id: headcount.id,
            deviceId: this.deps.deviceId,
            localDate: headcount.localDate,
            takenAt: at.iso,
            takenMs: at.ms,
            trigger: headcount.trigger,
            staffId: actor?.id ?? null,
            groups: headcount.groups,
          },
          at.ms,
        );
      }
      const present = headcount.groups.reduce((sum, g) => sum + g.present, 0);
      audit.record('headcount', actor?.id ?? null, at, { trigger: headcount.trigger, present, groups: headcount.groups.length, cutOff }, headcount.id);
    }).immediate();
    return headcount;
  }

  /**
   * At or after the cut-off of a school day, the day's automatic headcount if it is not taken yet; null when nothing
   * was due. The clock-driven job asks every few seconds and once at start-up, so a kiosk switched on at 09:47 counts at
   * 09:47 and keeps that time. A weekend, a holiday or a transferred day off has none; nor does a roster with no groups.
   * A kiosk not enrolled with a city keeps it for its own staff only: it counts a roster the city has not given (the
   * demo kindergarten, a fresh install started after the cut-off with nobody recorded), and queued it would land at
   * the city on enrollment as that day's headcount.
   */
  takeIfDue(cutOff: string, at: LocalTime): Headcount | null {
    if (at.hhmm < cutOff) return null;
    if (this.cutOffRow(at.localDate)) return null;
    if (this.deps.directory.groups().length === 0) return null;
    if (!this.schoolDay(at.localDate)) return null;
    return this.take(null, at, cutOff, new SyncStateStore(this.deps.db).get(SYNC_KEYS.serverUrl) !== null);
  }

  /** The latest headcount of the day, by the kiosk or by staff (what the staff's "count now" answers with). */
  latest(localDate: string): Headcount | null {
    const row = this.latestOf.get(localDate);
    if (!row) return null;
    const groups = BaseGroups.safeParse(JSON.parse(row.groups));
    return { id: row.id, localDate, takenAt: row.taken_at.slice(11, 16), trigger: row.trigger, groups: groups.success ? groups.data : [] };
  }

  /** The day's cut-off snapshot beside the count right now: the nurse's page on the staff screens and the console. */
  view(cutOff: string, at: LocalTime): HeadcountView {
    const row = this.cutOffRow(at.localDate);
    return {
      localDate: at.localDate,
      cutOff,
      schoolDay: this.schoolDay(at.localDate),
      snapshot: row ? snapshotOf(row, at.localDate, cutOff) : null,
      live: { at: at.hhmm, groups: this.count(at.localDate).groups },
    };
  }

  private cutOffRow(localDate: string): HeadcountRow | undefined {
    return this.cutOffOf.get(localDate);
  }
}

/** A kept snapshot as the nurse reads it; a row from before the nurse's detail shows its present counts only. */
function snapshotOf(row: HeadcountRow, localDate: string, cutOffNow: string): HeadcountSnapshot {
  // taken_at is the local ISO time with its offset: its HH:MM is the kindergarten's clock when it counted.
  const takenAt = row.taken_at.slice(11, 16);
  const cutOff = row.cut_off ?? cutOffNow;
  const stored: unknown = JSON.parse(row.groups);
  const nurse = NurseGroups.safeParse(stored);
  const base = { id: row.id, localDate, cutOff, takenAt, late: takenAt > cutOff };
  if (nurse.success) return { ...base, detailed: true, groups: nurse.data };
  const old = BaseGroups.safeParse(stored);
  const groups = (old.success ? old.data : []).map((g) => ({
    groupId: g.groupId,
    groupName: g.groupName,
    enrolled: g.enrolled,
    present: g.present,
    left: 0,
    expected: g.enrolled - g.absent,
    excused: [],
    notYetIn: [],
    presentNames: g.presentNames,
  }));
  return { ...base, detailed: false, groups };
}
