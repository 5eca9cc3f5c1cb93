// The табель's fixture month in a real database, for the табель and export tests: December 2026 of the kit's group
// Балапан, with taps, absences with reasons (one withdrawn) and an event on the holiday (withdrawn).
import { adminKit, at, value } from './admin-kit.js';

// December 2026 by hand: Tuesday the 1st; weekends 5–6, 12–13, 19–20, 26–27; Independence Day Wednesday the 16th.
const WORKING = ['01', '02', '03', '04', '07', '08', '09', '10', '11', '14', '15', '17', '18', '21', '22', '23', '24', '25', '28', '29', '30', '31'];
const dec = (d: string, hhmm = '08:10') => `2026-12-${d}T${hhmm}:00.000+05:00`;

/** The fixture month in a real database: taps, absences (one withdrawn), an event on the holiday (withdrawn). */
export function december() {
  const kit = adminKit();
  const duty = kit.accounts.member('duty');
  const head = kit.accounts.member('head');
  if (!duty || !head) throw new Error('kit staff missing');
  const cameOn = (childId: string, days: readonly string[]) => {
    for (const d of days) {
      kit.event(childId, 'arrival', dec(d));
      kit.event(childId, 'departure', dec(d, '18:05'));
    }
  };
  const absence = (childId: string, firstDate: string, lastDate: string, reason: 'sick' | 'vacation' | 'family', when: string) =>
    value(kit.staff.markAbsence(duty, { childId, firstDate, lastDate, reason }, at(when)));

  // Әлихан: sick Thursday 3 – Monday 7 (a weekend inside): 3 working days; present on the other 19.
  cameOn('alikhan', WORKING.filter((d) => !['03', '04', '07'].includes(d)));
  absence('alikhan', '2026-12-03', '2026-12-07', 'sick', dec('03', '09:00'));
  // He was recorded on the holiday by mistake; the correction withdraws it.
  const mistake = kit.event('alikhan', 'arrival', dec('16'), { method: 'override', companionId: null, staffId: 'duty' });
  value(kit.staff.correct(head, { type: 'attendance', id: mistake.id }, 'recorded on the holiday by mistake', at(dec('16', '10:00'))));

  // Айару: vacation 21–31 December, 9 working days; present the other 13.
  cameOn('ayaru', WORKING.filter((d) => d < '21'));
  absence('ayaru', '2026-12-21', '2026-12-31', 'vacation', dec('18', '17:00'));

  // Ерасыл: 'family' on the 8th and 9th; the 10th marked sick by mistake and withdrawn; nothing on the 11th.
  cameOn('yerasyl', WORKING.filter((d) => !['08', '09', '10', '11'].includes(d)));
  absence('yerasyl', '2026-12-08', '2026-12-09', 'family', dec('08', '09:00'));
  const wrong = absence('yerasyl', '2026-12-10', '2026-12-10', 'sick', dec('10', '09:00'));
  value(kit.staff.correct(head, { type: 'absence', id: wrong.absenceId }, 'no certificate after all', at(dec('10', '12:00'))));
  return kit;
}
