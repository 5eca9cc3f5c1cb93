// What a date or time field takes and what it says about the text typed so far, apart from React so it is tested
// as plain functions. The field hands its parent only a whole, possible day inside its bounds (or '' for none).
import type { DateFieldTexts } from '../../../shared/i18n/dates/dates-en.js';
import { formatDay, parseDay, parseTime } from '../../../shared/text/date-format.js';

export interface DayBounds {
  /** The first day the field takes, YYYY-MM-DD. */
  min?: string | undefined;
  /** The last day the field takes, YYYY-MM-DD. */
  max?: string | undefined;
}

/** The day the text names if the field takes it, else ''. */
export function acceptedDay(text: string, bounds: DayBounds): string {
  const parsed = parseDay(text);
  if (!parsed.ok) return '';
  if (bounds.min !== undefined && bounds.min !== '' && parsed.day < bounds.min) return '';
  if (bounds.max !== undefined && bounds.max !== '' && parsed.day > bounds.max) return '';
  return parsed.day;
}

/**
 * Why the field does not take its text, or null. A day typed in part is only a problem once the person has left the
 * field (`left`): while they type, "12.0" is on its way to a date.
 */
export function dayProblem(text: string, bounds: DayBounds, left: boolean, x: DateFieldTexts): string | null {
  const parsed = parseDay(text);
  if (!parsed.ok) {
    if (parsed.why === 'impossible') return x.dayImpossible(text.trim());
    return parsed.why === 'incomplete' && left ? x.dayIncomplete : null;
  }
  if (bounds.min !== undefined && bounds.min !== '' && parsed.day < bounds.min) return x.dayTooEarly(formatDay(bounds.min));
  if (bounds.max !== undefined && bounds.max !== '' && parsed.day > bounds.max) return x.dayTooLate(formatDay(bounds.max));
  return null;
}

/** The time the text names (HH:MM), else ''. */
export function acceptedTime(text: string): string {
  const parsed = parseTime(text);
  return parsed.ok ? parsed.time : '';
}

export function timeProblem(text: string, left: boolean, x: DateFieldTexts): string | null {
  const parsed = parseTime(text);
  if (parsed.ok) return null;
  if (parsed.why === 'impossible') return x.timeImpossible(text.trim());
  return parsed.why === 'incomplete' && left ? x.timeIncomplete : null;
}
