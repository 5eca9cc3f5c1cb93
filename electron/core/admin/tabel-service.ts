// The табель of one group and month from the database: the group's children enrolled on any day of the month (those
// who joined or left during it too: child_enrolments, migration 0017), the days each was enrolled, the days each was
// there (any event no correction withdrew), their absences (not withdrawn), the Kazakh calendar with the admin's
// transfers, and the unexcused limit from the staff settings; shared/admin/tabel.ts decides every cell and total.
import type { Database, Statement } from 'better-sqlite3';
import { buildTabel, type EnrolmentPeriod, type TabelAbsence, type TabelChild, type TabelSheet } from '../../../shared/admin/tabel.js';
import { addDays, lastDateOf, monthCalendar, type DayKind } from '../../../shared/admin/work-calendar.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { toLocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import { transfersOf, type TransfersByMonth } from './calendar-transfers.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { kzHolidaysInMonth } from './kz-holidays.js';
import { inKazakhOrder } from '../../../shared/text/kazakh-order.js';

/** A period of child c touching the month (params: the month's last day, then its first). */
const ENROLLED_IN_MONTH = `SELECT 1 FROM child_enrolments p WHERE p.child_id = c.id
                             AND (p.from_day IS NULL OR p.from_day <= ?) AND (p.until_day IS NULL OR p.until_day >= ?)`;

/** Exported for the migration test's EXPLAIN QUERY PLAN checks. */
export const TABEL_SQL = {
  children: `SELECT id, first_name AS firstName, last_name AS lastName FROM children c
              WHERE group_id = ? AND EXISTS (${ENROLLED_IN_MONTH}) ORDER BY id`,
  // The periods of the group's children touching the month (params: group, last day, first day).
  enrolments: `SELECT p.child_id AS childId, p.from_day AS "from", p.until_day AS "until"
                 FROM children c CROSS JOIN child_enrolments p ON p.child_id = c.id
                WHERE c.group_id = ? AND (p.from_day IS NULL OR p.from_day <= ?) AND (p.until_day IS NULL OR p.until_day >= ?)`,
  // The group's children drive (CROSS JOIN keeps that order): each child's days come from the covering index, joined
  // into one string per child inside SQLite (a thousand rows crossing into JavaScript cost twice as much).
  presentDays: `SELECT c.id AS childId, group_concat(e.local_date) AS days
                  FROM children c CROSS JOIN attendance_events e ON e.child_id = c.id
                 WHERE c.group_id = ? AND e.local_date BETWEEN ? AND ?
                   AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.target_type = 'attendance' AND k.target_id = e.id)
                 GROUP BY c.id`,
  // An absence is at most a year long (AbsenceService refuses longer ones), so only absences that began in the year
  // before the month can reach into it: the walk over each child's absences stays that short however old the month.
  absences: `SELECT a.id, a.child_id AS childId, a.first_date AS firstDate, a.last_date AS lastDate, a.reason,
                    a.certificate_number IS NOT NULL AS certified
               FROM children c CROSS JOIN absences a ON a.child_id = c.id
              WHERE c.group_id = ? AND a.first_date BETWEEN ? AND ? AND a.last_date >= ?
                AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.target_type = 'absence' AND k.target_id = a.id)`,
} as const;

/** The longest absence the staff desk records (absence-service.ts refuses a range over 366 days). */
const LONGEST_ABSENCE_DAYS = 366;
/** An illness counted against the certificate allowance may have begun this long before the month, in other records. */
const ILLNESS_LOOKBACK_DAYS = 62;

export interface TabelServiceDeps {
  db: Database;
  /** Where the kiosk's local dates are told (time/clock.ts zoneOf; undefined: the machine's zone). */
  zone: () => LocalZone | undefined;
  transfers: TransfersByMonth;
  unexcusedLimit: () => number;
  /** Sick days an illness may have without a certificate (the rest count as unexcused). */
  sickDaysWithoutCertificate: () => number;
  /** The name on the sheet; the month's counts for the staff screens need none. */
  kindergartenName?: () => string;
}

export class TabelService {
  private readonly group: Statement<[string], { name: string }>;
  private readonly groups: Statement<[], { id: string }>;
  private readonly children: Statement<[string, string, string], TabelChild>;
  private readonly enrolments: Statement<[string, string, string], EnrolmentPeriod & { childId: string }>;
  private readonly presentDays: Statement<[string, string, string], { childId: string; days: string }>;
  private readonly absences: Statement<[string, string, string, string], Omit<TabelAbsence, 'certified'> & { certified: 0 | 1 }>;
  private readonly firstEventDay: Statement<[], { day: string | null }>;
  private readonly deviceCreated: Statement<[], { created_at: string }>;
  private readonly firstPeerMs: Statement<[], { hlc: string | null }>;

  constructor(private readonly deps: TabelServiceDeps) {
    const { db } = deps;
    this.group = db.prepare('SELECT name FROM groups WHERE id = ?');
    this.groups = db.prepare('SELECT id FROM groups ORDER BY id');
    this.children = db.prepare(TABEL_SQL.children);
    this.enrolments = db.prepare(TABEL_SQL.enrolments);
    this.presentDays = db.prepare(TABEL_SQL.presentDays);
    this.absences = db.prepare(TABEL_SQL.absences);
    this.firstEventDay = db.prepare('SELECT min(local_date) AS day FROM attendance_events');
    this.deviceCreated = db.prepare('SELECT created_at FROM device');
    // Each machine of the group's first record (seq 1 of its peer log; the HLC starts with its ms), read through the
    // few members rather than the whole log.
    this.firstPeerMs = db.prepare('SELECT min(p.hlc) AS hlc FROM peer_members m JOIN peer_log p ON p.device_id = m.device_id AND p.seq = 1');
  }

  /**
   * The first day with records: the kiosk's first start, an earlier event (another kiosk's, pulled from the city), or
   * the first record of a machine of the group (an office that joined a door in service keeps the door's days, whose
   * events an archived year may have taken: docs/peers.md §5 "Archived years").
   */
  recordsSince(): string {
    const created = this.deviceCreated.get();
    const since = created ? toLocalTime(new Date(created.created_at), this.deps.zone()).localDate : '0000-01-01';
    const peerMs = Number(this.firstPeerMs.get()?.hlc?.slice(0, 13) ?? NaN);
    const peer = Number.isFinite(peerMs) ? toLocalTime(new Date(peerMs), this.deps.zone()).localDate : null;
    const first = this.firstEventDay.get()?.day ?? null;
    return [since, peer, first].reduce<string>((min, day) => (day !== null && day < min ? day : min), since);
  }

  /** The group's табель for the month as of `asOf` (today), or null for an unknown group. */
  sheet(groupId: string, month: string, asOf: string, language: Language): TabelSheet | null {
    const group = this.group.get(groupId);
    if (!group) return null;
    const first = `${month}-01`;
    const last = lastDateOf(month);
    const enrolments = new Map<string, EnrolmentPeriod[]>();
    for (const { childId, ...period } of this.enrolments.all(groupId, last, first)) enrolments.set(childId, [...(enrolments.get(childId) ?? []), period]);
    const presentDays = new Map(this.presentDays.all(groupId, first, last).map((row) => [row.childId, new Set(row.days.split(','))]));
    return buildTabel({
      month,
      groupId,
      groupName: group.name,
      kindergartenName: this.deps.kindergartenName?.() ?? '',
      asOf,
      recordsSince: this.recordsSince(),
      unexcusedLimit: this.deps.unexcusedLimit(),
      sickDaysWithoutCertificate: this.deps.sickDaysWithoutCertificate(),
      days: monthCalendar(month, kzHolidaysInMonth(month, language), this.deps.transfers.inMonth(month)),
      // The табель lists children by last name in the Kazakh alphabet (SQLite's code-point order puts Ә after Я).
      children: inKazakhOrder(this.children.all(groupId, last, first), (c) => c.lastName, (c) => c.firstName),
      enrolments,
      presentDays,
      absences: this.absences.all(groupId, addDays(first, -LONGEST_ABSENCE_DAYS), last, addDays(first, -ILLNESS_LOOKBACK_DAYS)).map((a) => ({ ...a, certified: a.certified === 1 })),
    });
  }

  /** The kind of a day by the Kazakh calendar and the admin's transfers: the табель's, for the nurse's headcount. */
  dayKind(date: string): DayKind {
    const month = date.slice(0, 7);
    // Holiday names are not read, so the language of the calendar does not matter here.
    return monthCalendar(month, kzHolidaysInMonth(month, 'ru'), this.deps.transfers.inMonth(month)).find((d) => d.date === date)?.kind ?? 'working';
  }

  /** Every group's табель for the month, in the order of the groups' names as a Kazakh list puts them. */
  allSheets(month: string, asOf: string, language: Language): TabelSheet[] {
    const sheets = this.groups.all().flatMap(({ id }) => this.sheet(id, month, asOf, language) ?? []);
    return inKazakhOrder(sheets, (s) => s.groupName, (s) => s.groupId);
  }

  /**
   * Each child's unexcused days in the month of `today`, up to yesterday: read off the month's табель, so the staff
   * screens, the табель and the reports count them by the one rule (shared/admin/tabel.ts). Children with none are absent.
   */
  unexcusedByChild(today: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { id } of this.groups.all()) {
      // Holiday names are not counted, so the language of the calendar does not matter here.
      const sheet = this.sheet(id, today.slice(0, 7), today, 'ru');
      for (const row of sheet?.rows ?? []) if (row.totals.unexcused > 0) counts.set(row.childId, row.totals.unexcused);
    }
    return counts;
  }

  /** One child's unexcused days in the month of `today` (their group's табель row; 0 when not on it). */
  unexcusedOfChild(childId: string, groupId: string, today: string): number {
    return this.sheet(groupId, today.slice(0, 7), today, 'ru')?.rows.find((r) => r.childId === childId)?.totals.unexcused ?? 0;
  }
}

/** The табель's counts for the staff desk, from the kiosk's own settings and transfers (staff-views.ts MonthCounts). */
export function monthCountsOf(db: Database, zone: () => LocalZone | undefined): TabelService {
  const settings = SettingsStore.of(db);
  return new TabelService({
    db,
    zone,
    transfers: transfersOf(db),
    unexcusedLimit: () => settings.get('unexcusedDaysPerMonth'),
    sickDaysWithoutCertificate: () => settings.get('sickDaysWithoutCertificate'),
  });
}
