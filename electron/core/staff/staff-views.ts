// What the staff screens show, built from the services: a child with today's state and flags, a child's detail,
// the day's events with who recorded them and what was withdrawn.
import type { Database } from 'better-sqlite3';
import type { EventKind, EventMethod } from '../../../shared/domain/attendance.js';
import { hhmmOf, toLocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import { nextActionFor } from '../../../shared/domain/attendance.js';
import type { ChildPresence } from '../../../shared/staff/presence.js';
import type { ChildDetail, DayEvent, StaffChild, StaffMember } from '../../../shared/staff/staff-contract.js';
import type { OverrideReason } from '../../../shared/staff/staff-domain.js';
import { mayWithdraw } from './correction-service.js';
import type { AbsenceService } from './absence-service.js';
import type { ChildDirectory, ChildRow } from './child-directory.js';
import { presenceIn, type PresenceStore } from './presence-store.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import { holidayUse, holidayWarnings, type HolidayAllowance, type HolidayWarning } from '../../../shared/staff/holiday-seasons.js';

interface DayEventRow {
  id: string;
  child_id: string;
  first_name: string;
  last_name: string;
  group_name: string;
  kind: EventKind;
  method: EventMethod;
  occurred_at: string;
  staff_first: string | null;
  staff_last: string | null;
  reason: OverrideReason | null;
  cancelled: 0 | 1;
  staff_id: string | null;
  companion_first: string | null;
  companion_last: string | null;
  companion_said: string | null;
}

/** A child in the building now, and since when (local "HH:MM"): the admin's today at a glance. */
export interface PresentChild {
  childId: string;
  firstName: string;
  lastName: string;
  groupName: string;
  since: string;
}

/**
 * The month's unexcused days as the табель counts them (admin/tabel-service.ts, handed in by whoever builds the staff
 * desk: the табель stands above the staff floor, and the staff screens must count by its rule, not a second one).
 */
export interface MonthCounts {
  unexcusedByChild(today: string): Map<string, number>;
  unexcusedOfChild(childId: string, groupId: string, today: string): number;
}

/** The most events the day's list shows (newest first): a kindergarten of 300 has about 600 a day. */
const DAY_EVENTS_LIMIT = 1000;

export class StaffViews {
  constructor(
    private readonly deps: {
      db: Database;
      directory: ChildDirectory;
      presence: PresenceStore;
      absences: AbsenceService;
      settings: SettingsStore;
      /** The month's counts, by the табель's one rule. */
      tabels: MonthCounts;
      /** Where local times are told (time/clock.ts zoneOf). */
      zone: () => LocalZone | undefined;
    },
  ) {}

  children(rows: readonly ChildRow[], today: string): StaffChild[] {
    const day = this.deps.presence.day(today);
    const unexcused = this.deps.tabels.unexcusedByChild(today);
    const limit = this.deps.settings.get('unexcusedDaysPerMonth');
    return rows.map((row) => this.child(row, presenceIn(day, row.id), unexcused.get(row.id) ?? 0, limit));
  }

  detail(row: ChildRow, today: string): ChildDetail {
    const { presence, absences, settings, directory, tabels } = this.deps;
    const now = presence.of(row.id, today);
    const unexcusedDays = tabels.unexcusedOfChild(row.id, row.group_id, today);
    const unexcusedLimit = settings.get('unexcusedDaysPerMonth');
    return {
      child: this.child(row, now, unexcusedDays, unexcusedLimit),
      companions: directory.companionsOf(row.id),
      nextAction: nextActionFor(now.lastEvent?.kind ?? null),
      unexcusedDaysThisMonth: unexcusedDays,
      unexcusedDaysPerMonth: unexcusedLimit,
      sickDaysWithoutCertificate: settings.get('sickDaysWithoutCertificate'),
      holidays: holidayUse(absences.ofChild(row.id), today, this.holidayAllowance()),
      absences: absences
        .ofChild(row.id)
        .filter((a) => a.lastDate >= today)
        .map((a) => ({ id: a.id, firstDate: a.firstDate, lastDate: a.lastDate, reason: a.reason })),
    };
  }

  holidayAllowance(): HolidayAllowance {
    return { summerDays: this.deps.settings.get('summerHolidayDays'), winterDays: this.deps.settings.get('winterHolidayDays') };
  }

  /** What staff are told before recording a holiday from `firstDate` to `lastDate`. */
  holidayWarnings(childId: string, firstDate: string, lastDate: string): HolidayWarning[] {
    return holidayWarnings(this.deps.absences.ofChild(childId), { firstDate, lastDate, reason: 'vacation' }, this.holidayAllowance());
  }

  /** Who is in the building on that day, in the directory's order. */
  present(today: string): PresentChild[] {
    const day = this.deps.presence.day(today);
    return this.deps.directory.all().flatMap((c) => {
      const p = day.get(c.id);
      if (p?.state !== 'present' || !p.lastEvent) return [];
      const since = toLocalTime(new Date(p.lastEvent.occurredMs), this.deps.zone()).hhmm;
      return [{ childId: c.id, firstName: c.first_name, lastName: c.last_name, groupName: c.group_name, since }];
    });
  }

  /** `viewer`: the signed-in member, for whom each record says whether they may withdraw it. */
  dayEvents(today: string, viewer: Pick<StaffMember, 'id' | 'role'>, childId?: string): DayEvent[] {
    const rows = this.deps.db
      .prepare<[string, string | null, string | null, number], DayEventRow>(
        `SELECT e.id, e.child_id, c.first_name, c.last_name, g.name AS group_name, e.kind, e.method, e.occurred_at,
                e.staff_id, s.first_name AS staff_first, s.last_name AS staff_last, r.reason,
                p.first_name AS companion_first, p.last_name AS companion_last, r.companion_name AS companion_said,
                EXISTS (SELECT 1 FROM corrections x WHERE x.target_type = 'attendance' AND x.target_id = e.id) AS cancelled
           FROM attendance_events e
           JOIN children c ON c.id = e.child_id
           JOIN groups g ON g.id = c.group_id
           LEFT JOIN staff s ON s.id = e.staff_id
           LEFT JOIN override_reasons r ON r.event_id = e.id
           LEFT JOIN companions p ON p.id = coalesce(e.companion_id, r.companion_id)
          WHERE e.local_date = ? AND (? IS NULL OR e.child_id = ?)
          ORDER BY e.occurred_ms DESC, e.device_seq DESC
          LIMIT ?`,
      )
      .all(today, childId ?? null, childId ?? null, DAY_EVENTS_LIMIT);
    return rows.map((r) => ({
      id: r.id,
      childId: r.child_id,
      childFirstName: r.first_name,
      childLastName: r.last_name,
      groupName: r.group_name,
      kind: r.kind,
      method: r.method,
      at: hhmmOf(r.occurred_at),
      staffName: r.staff_first === null ? null : `${r.staff_first} ${r.staff_last ?? ''}`.trim(),
      overrideReason: r.reason,
      // Who brought or collected the child: the card's or code's holder, the companion staff chose, or the name typed.
      companion: r.companion_first === null ? r.companion_said : `${r.companion_first} ${r.companion_last ?? ''}`.trim(),
      cancelled: r.cancelled === 1,
      withdrawable: r.cancelled === 0 && mayWithdraw(viewer, r.staff_id, today, today),
    }));
  }

  private child(row: ChildRow, now: ChildPresence, unexcusedDays: number, unexcusedLimit: number): StaffChild {
    return {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      groupId: row.group_id,
      groupName: row.group_name,
      state: now.state,
      since: now.lastEvent ? toLocalTime(new Date(now.lastEvent.occurredMs), this.deps.zone()).hhmm : null,
      absenceReason: now.absenceReason,
      // Zero means "no unexcused days allowed": the first one reaches it.
      unexcusedLimitReached: unexcusedDays > 0 && unexcusedDays >= unexcusedLimit,
    };
  }
}
