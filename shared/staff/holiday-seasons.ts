// A child's holiday (absence reason 'vacation') allowance: by Almaty's rules one month in summer and one in winter
// keep the child's place, so each season has its own allowance in calendar days (settings, 31 each by default).
// Summer is June to August of a year; winter is December to February, named by both years ("2026/27").
// Holiday days outside both seasons count against neither, but staff are told: the rules give no holiday then.
import { daysBetween, type AbsenceSpan } from './absence-days.js';

export type HolidaySeason = 'summer' | 'winter';

export interface HolidayAllowance {
  summerDays: number;
  winterDays: number;
}

export interface SeasonUse {
  season: HolidaySeason;
  /** "2026" for a summer, "2026/27" for the winter from December 2026 to February 2027. */
  label: string;
  first: string;
  last: string;
  /** Holiday days taken or planned in the season (calendar days; overlapping absences count a day once). */
  used: number;
  allowed: number;
}

export type HolidayWarning =
  | { kind: 'season-over'; season: HolidaySeason; label: string; used: number; allowed: number }
  | { kind: 'off-season'; days: number };

function lastOfFebruary(year: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-02-${leap ? 29 : 28}`;
}

function summerOf(year: number): Omit<SeasonUse, 'used' | 'allowed'> {
  return { season: 'summer', label: String(year), first: `${year}-06-01`, last: `${year}-08-31` };
}

/** The winter that begins in December of `year`. */
function winterFrom(year: number): Omit<SeasonUse, 'used' | 'allowed'> {
  return { season: 'winter', label: `${year}/${String((year + 1) % 100).padStart(2, '0')}`, first: `${year}-12-01`, last: lastOfFebruary(year + 1) };
}

/** The season a day belongs to, or null for a day of spring or autumn. */
export function seasonOf(localDate: string): Omit<SeasonUse, 'used' | 'allowed'> | null {
  const year = Number(localDate.slice(0, 4));
  const month = Number(localDate.slice(5, 7));
  if (month >= 6 && month <= 8) return summerOf(year);
  if (month === 12) return winterFrom(year);
  if (month <= 2) return winterFrom(year - 1);
  return null;
}

function holidayDaysIn(absences: readonly AbsenceSpan[], first: string, last: string): Set<string> {
  const days = new Set<string>();
  for (const a of absences) {
    if (a.reason !== 'vacation') continue;
    const from = a.firstDate > first ? a.firstDate : first;
    const to = a.lastDate < last ? a.lastDate : last;
    if (from <= to) for (const day of daysBetween(from, to)) days.add(day);
  }
  return days;
}

function allowedIn(season: HolidaySeason, allowance: HolidayAllowance): number {
  return season === 'summer' ? allowance.summerDays : allowance.winterDays;
}

/**
 * The seasons staff see on a child's page as of `today`: this year's summer, and the winter now running or next to
 * come (from March on, the one starting in December).
 */
export function holidayUse(absences: readonly AbsenceSpan[], today: string, allowance: HolidayAllowance): SeasonUse[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const seasons = [summerOf(year), month <= 2 ? winterFrom(year - 1) : winterFrom(year)];
  return seasons.map((s) => ({ ...s, used: holidayDaysIn(absences, s.first, s.last).size, allowed: allowedIn(s.season, allowance) }));
}

/** What staff are told before they record `proposed`: a season's allowance it would exceed, or days off-season. */
export function holidayWarnings(absences: readonly AbsenceSpan[], proposed: AbsenceSpan, allowance: HolidayAllowance): HolidayWarning[] {
  if (proposed.reason !== 'vacation' || proposed.lastDate < proposed.firstDate) return [];
  const warnings: HolidayWarning[] = [];
  const seen = new Set<string>();
  let offSeason = 0;
  for (const day of daysBetween(proposed.firstDate, proposed.lastDate)) {
    const season = seasonOf(day);
    if (season === null) {
      offSeason += 1;
      continue;
    }
    if (seen.has(season.first)) continue;
    seen.add(season.first);
    const used = holidayDaysIn([...absences, proposed], season.first, season.last).size;
    const allowed = allowedIn(season.season, allowance);
    if (used > allowed) warnings.push({ kind: 'season-over', season: season.season, label: season.label, used, allowed });
  }
  if (offSeason > 0) warnings.push({ kind: 'off-season', days: offSeason });
  return warnings;
}
