// The kindergarten's working days in a month: Monday to Friday, less the public holidays (with the substitute days
// the law adds when a holiday falls on a weekend), with the admin's transfers on top: the government moves working
// days most years ("Saturday 5 July is a working day, Monday 7 July a day off"), and no library can know them ahead.
import { z } from 'zod';

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A transfer the admin set: this date becomes a day off, or a working day. */
export const TransferKindSchema = z.enum(['day-off', 'working-day']);
export type TransferKind = z.infer<typeof TransferKindSchema>;

export const DayKindSchema = z.enum(['working', 'weekend', 'holiday']);
export type DayKind = z.infer<typeof DayKindSchema>;

export interface PublicHoliday {
  date: string;
  name: string;
}

export interface CalendarTransfer {
  date: string;
  kind: TransferKind;
  note: string | null;
}

export const CalendarDaySchema = z.lazy(() => z.object({
  date: LocalDateSchema,
  /** Day of the month, 1–31. */
  day: z.number().int().min(1).max(31),
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: z.number().int().min(1).max(7),
  kind: DayKindSchema,
  /** The holiday's name, or the transfer's note. */
  label: z.string().nullable(),
  /** Set by an admin's transfer rather than the law's calendar. */
  transferred: z.boolean(),
}));
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

const DAY_MS = 86_400_000;

/** The month's dates, first to last. */
export function datesOfMonth(month: string): string[] {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The month before or after (delta ±n), "YYYY-MM". */
export function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, mon - 1 + delta, 1));
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The last date of the month. */
export function lastDateOf(month: string): string {
  const dates = datesOfMonth(month);
  return dates[dates.length - 1] ?? `${month}-28`;
}

/** Each day of the month with its kind: a transfer wins over a holiday, a holiday over a weekend. */
export function monthCalendar(month: string, holidays: readonly PublicHoliday[], transfers: readonly CalendarTransfer[]): CalendarDay[] {
  const holidayOn = new Map<string, string>();
  // A substitute day and the holiday itself can land on one date (Nauryz 2026): the first name is kept.
  for (const h of holidays) if (!holidayOn.has(h.date)) holidayOn.set(h.date, h.name);
  const transferOn = new Map(transfers.map((t) => [t.date, t]));
  return datesOfMonth(month).map((date, i) => {
    const weekday = isoWeekday(date);
    const transfer = transferOn.get(date);
    const holiday = holidayOn.get(date) ?? null;
    let kind: DayKind = weekday >= 6 ? 'weekend' : holiday !== null ? 'holiday' : 'working';
    if (transfer) kind = transfer.kind === 'working-day' ? 'working' : weekday >= 6 ? 'weekend' : 'holiday';
    return { date, day: i + 1, weekday, kind, label: transfer ? (transfer.note ?? holiday) : holiday, transferred: transfer !== undefined };
  });
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
