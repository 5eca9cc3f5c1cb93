// Dates and times as people read and type them, whatever the browser's or the OS's locale: a day is dd.MM.yyyy and a
// time HH:mm (24 h) in every UI language. Kazakh and Russian write days so on every paper; English takes the same
// form here on purpose: the kiosk's English readers sit in Kazakhstan among papers dated so, a four-digit year after
// dots reads day-first, and one form means nobody retypes a date differently after switching the language.
// The stored forms stay ISO: YYYY-MM-DD for a day, HH:MM for a time of day.

/** dd.MM.yyyy of a local day YYYY-MM-DD (or of the day at the start of an ISO timestamp). */
export function formatDay(isoDay: string): string {
  const [y = '', m = '', d = ''] = isoDay.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** "dd.MM.yyyy HH:mm" of an ISO timestamp with its own offset (the kiosk's local time, not the viewer's). */
export function formatDayTime(iso: string): string {
  return `${formatDay(iso)} ${iso.slice(11, 16)}`;
}

export type DayParse = { ok: true; day: string } | { ok: false; why: 'empty' | 'incomplete' | 'impossible' };
export type TimeParse = { ok: true; time: string } | { ok: false; why: 'empty' | 'incomplete' | 'impossible' };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A typed dd.MM.yyyy as YYYY-MM-DD; 31.02.2026 and 00.13.2026 are refused as impossible, 1.2.2026 as incomplete. */
export function parseDay(text: string): DayParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, why: 'empty' };
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(trimmed);
  if (!match) return { ok: false, why: 'incomplete' };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, why: 'impossible' };
  return { ok: true, day: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** A typed HH:mm (24 h) as HH:MM; 24:00 and 19:60 are impossible, 7:00 incomplete. */
export function parseTime(text: string): TimeParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, why: 'empty' };
  const match = /^(\d{2}):(\d{2})$/.exec(trimmed);
  if (!match) return { ok: false, why: 'incomplete' };
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return { ok: false, why: 'impossible' };
  return { ok: true, time: `${pad(hours)}:${pad(minutes)}` };
}

/**
 * What a masked field shows after an edit from `before` to `after`: the digits typed, with the separators put in as
 * they fall due ("0503" → "05.03"). Deleting is left as it is, so a backspace over a separator is not undone at once.
 */
function masked(before: string, after: string, groups: readonly number[], separator: string): string {
  const allowed = new RegExp(`[^0-9${separator === '.' ? '\\.' : separator}]`, 'g');
  if (after.length < before.length) return after.replace(allowed, '');
  const digits = after.replace(/\D/g, '').slice(0, groups.reduce((a, b) => a + b, 0));
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  const last = parts.at(-1) ?? '';
  const index = parts.length - 1;
  // A finished group that is not the last gets its separator at once, so the next digit lands after it.
  const trailing = index >= 0 && index < groups.length - 1 && last.length === groups[index] ? separator : '';
  return parts.join(separator) + trailing;
}

/** The day field's text after an edit: digits with dots, at most dd.MM.yyyy. */
export function maskDay(before: string, after: string): string {
  return masked(before, after, [2, 2, 4], '.');
}

/** The time field's text after an edit: digits with a colon, at most HH:mm. */
export function maskTime(before: string, after: string): string {
  return masked(before, after, [2, 2], ':');
}
