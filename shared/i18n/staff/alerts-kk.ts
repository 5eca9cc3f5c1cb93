// Kazakh staff alerts (see alerts-en.ts): times take the locative ending they are read with ("17:16-да").
import { withKazakhCase } from '../../text/kazakh-endings.js';
import { pickupRefusalText } from '../../text/pickup-refusal.js';
import type { StaffAlertTexts } from './alerts-en.js';

export const staffAlertsKk: StaffAlertTexts = {
  title: 'Қызметкерлерге ескертулер',
  pickup: (companion, children) => pickupRefusalText('kk', companion, children),
  // "5 минутқа": the dative of минут, whatever the number.
  clock: (minutes) => `Киоск сағаты қала серверінен ${Math.abs(minutes)} минутқа ${minutes >= 0 ? 'қалып' : 'озып'} тұр. Күні мен уақытын тексеріңіз`,
  seen: (count, lastAt, date) => {
    const when = withKazakhCase(date === null ? lastAt : `${date} ${lastAt}`, 'locative');
    return count === 1 ? when : `${count} рет, соңғысы ${when}`;
  },
  handled: 'Шешілді',
  doorCount: (count) => `Қызметкерлерге: ${count} ескерту`,
  openClosing: 'Жабылу тізімін ашу',
};
