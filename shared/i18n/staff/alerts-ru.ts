// Russian staff alerts (see alerts-en.ts): "раз" after a number takes its plural form; nothing depends on gender.
import { pickupRefusalText } from '../../text/pickup-refusal.js';
import type { StaffAlertTexts } from './alerts-en.js';

/** 1 раз, 2–4 раза, 5–20 раз, 21 раз, 22 раза… */
function times(count: number): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return 'раз';
  return units >= 2 && units <= 4 ? 'раза' : 'раз';
}

export const staffAlertsRu: StaffAlertTexts = {
  title: 'Оповещения для сотрудников',
  pickup: (companion, children) => pickupRefusalText('ru', companion, children),
  clock: (minutes) => `Часы киоска ${minutes >= 0 ? 'отстают от' : 'спешат относительно'} городского сервера на ${Math.abs(minutes)} мин. Проверьте дату и время`,
  seen: (count, lastAt, date) => {
    const when = date === null ? lastAt : `${date} ${lastAt}`;
    return count === 1 ? `в ${when}` : `${count} ${times(count)}, последний — в ${when}`;
  },
  handled: 'Решено',
  doorCount: (count) => `Сотрудникам: оповещений — ${count}`,
  openClosing: 'Открыть список на закрытие',
};
