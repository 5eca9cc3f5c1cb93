// What one cell of the roster workbook may say, read strictly: a date as the template writes it (or as Excel stores
// one), a phone, a yes or no, a code. Each answers the value or null, and the caller names the problem.
import { Id } from '../../../../shared/domain/attendance.js';

const DOTTED = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "08.03.2021", "8.3.2021", "2021-03-08" → "2021-03-08"; a day that does not exist, or before 1990 or after `today`, is null. */
export function birthDateOf(text: string, today: string): string | null {
  const t = text.trim();
  const dotted = DOTTED.exec(t);
  const iso = ISO.exec(t);
  const [y, m, d] = dotted ? [dotted[3], dotted[2], dotted[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  const value = date.toISOString().slice(0, 10);
  return value < '1990-01-01' || value > today ? null : value;
}

/** "2021-03-08" as the template writes a date: "08.03.2021". */
export function birthDateText(value: string): string {
  return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
}

const PHONE = /^\+?[0-9][0-9 ()-]{3,30}$/;

/** A phone as written, spaces tidied; null for anything a phone cannot be. */
export function phoneOf(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  return PHONE.test(t) && t.length <= 32 ? t : null;
}

/** A code is the kiosk's id of the row: no spaces around it, at most 64 characters (the roster's ids). */
export function codeOf(text: string): string | null {
  const t = text.trim();
  return Id.safeParse(t).success && !/\s/.test(t) ? t : null;
}

export const MAX_NAME = 80;
