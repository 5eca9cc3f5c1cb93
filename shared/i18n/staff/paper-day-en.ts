// A day the kiosk was down, entered from the paper list (the staff screen's page): English, the shape kk and ru fill.
// Apart from the main catalogs, whose typed keys sit at TypeScript's limit; sentences with a count or a name are
// functions, so each language builds its own endings.
import type { PaperDayRefusal } from '../../staff/paper-day-contract.js';
import { formatDay } from '../../text/date-format.js';

export interface PaperDayTexts {
  menu: string;
  intro: string;
  /** The reason every record of the page carries: the kiosk was not working. */
  reason: string;
  date: string;
  group: string;
  show: string;
  /** Beside a child the door (or another door) recorded that day: counted already, cannot be unticked here. */
  recorded: string;
  /** Beside a child with an absence on record that day (the reason's own label). */
  absence: (reason: string) => string;
  counts: (present: number, absent: number) => string;
  save: string;
  saved: (group: string, date: string, added: number) => string;
  /** The day was entered before: by whom, the day and time it was entered. */
  entered: (by: string, date: string, time: string) => string;
  /** In the log, beside the event: when it was entered (a day and a time, already written). */
  enteredLater: (when: string) => string;
  refusals: Record<PaperDayRefusal, string>;
}

/** YYYY-MM-DD as the paper lists write it: DD.MM.YYYY, in every language. */
export const paperDate = formatDay;

export const paperDayEn: PaperDayTexts = {
  menu: 'A day the kiosk was down',
  intro:
    'Enter a past day from the paper list, group by group. Everyone is ticked: untick the children who were absent. The day is recorded in your name, with the reason "the kiosk was not working" and the time you entered it.',
  reason: 'The kiosk was not working',
  date: 'Day',
  group: 'Group',
  show: 'Show the list',
  recorded: 'already recorded',
  absence: (reason) => `absence on record: ${reason}`,
  counts: (present, absent) => `Present: ${present} · absent: ${absent}`,
  save: 'Save the day',
  saved: (group, date, added) => `${group}, ${date}: ${added} ${added === 1 ? 'arrival' : 'arrivals'} recorded`,
  entered: (by, date, time) => `Entered by ${by} on ${date} at ${time}. Saving it again changes nothing.`,
  enteredLater: (when) => `entered later, ${when}`,
  refusals: {
    'not-past': "Only a past day can be entered: today's records come from the door.",
    'too-old': 'That day is too long ago: days from the first of last month on can be entered.',
    'before-records': 'The kiosk kept no records yet on that day.',
    'not-school-day': 'That day is a weekend or a holiday.',
    'unknown-group': 'There is no such group.',
    'absence-on-day': 'An absence is on record for that day: withdraw it first, or untick the child.',
    'recorded-but-absent': 'The kiosk recorded these children that day: if they were absent, withdraw that record first.',
    'not-on-roll': 'The list has changed meanwhile: show it again.',
  },
};
