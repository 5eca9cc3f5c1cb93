// The staff's alerts on their own screens (and the count on the door's staff entry): English, the shape kk and ru
// fill. Apart from the main catalogs, whose typed keys sit at TypeScript's limit; sentences with names or counts are
// functions, so each language builds its own endings (shared/text/pickup-refusal.ts for the refused pick-up).
import { pickupRefusalText } from '../../text/pickup-refusal.js';

export interface StaffAlertTexts {
  title: string;
  /** "Гүлнар may not collect Ерасыл and Інжу". */
  pickup: (companion: string, children: readonly string[]) => string;
  /** minutes: city clock minus kiosk clock (positive: the kiosk is behind). */
  clock: (minutes: number) => string;
  /** When it happened: once at a time, or how many times and the last. `date` only when it was not today. */
  seen: (count: number, lastAt: string, date: string | null) => string;
  handled: string;
  /** The door's staff entry with a count: said by screen readers, the badge shows only the number. */
  doorCount: (count: number) => string;
  openClosing: string;
}

export const staffAlertsEn: StaffAlertTexts = {
  title: 'Alerts for staff',
  pickup: (companion, children) => pickupRefusalText('en', companion, children),
  clock: (minutes) => `This kiosk's clock is ${Math.abs(minutes)} min ${minutes >= 0 ? 'behind' : 'ahead of'} the city server. Check its date and time`,
  seen: (count, lastAt, date) => {
    const when = date === null ? lastAt : `${date} ${lastAt}`;
    return count === 1 ? `at ${when}` : `${count} times, last at ${when}`;
  },
  handled: 'Handled',
  doorCount: (count) => `Staff: ${count} ${count === 1 ? 'alert' : 'alerts'}`,
  openClosing: 'Open the closing list',
};
