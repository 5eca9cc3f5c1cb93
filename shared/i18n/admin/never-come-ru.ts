// Russian texts of the "Never come" page (see never-come-en.ts).
import type { NeverComeTexts } from './never-come-en.js';

/** «N рабочий день / рабочих дня / рабочих дней»: 1, 21…; 2–4, 22–24…; every other count. */
function schoolDays(n: number): string {
  const ten = n % 10;
  const hundred = n % 100;
  if (ten === 1 && hundred !== 11) return `${n} рабочий день`;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return `${n} рабочих дня`;
  return `${n} рабочих дней`;
}

export const neverComeRu: NeverComeTexts = {
  tab: 'Не посещают',
  intro: (days) =>
    `Дети из списков групп, которые не приходили ${schoolDays(days)} подряд или дольше и чьё отсутствие не покрыто уважительной причиной (выходные, праздники и перенесённые выходные не считаются).`,
  none: 'Таких детей нет: все приходили или отсутствовали по уважительной причине.',
  columns: { group: 'Группа', child: 'Ребёнок', lastSeen: 'Последнее посещение', days: 'Пропущено рабочих дней' },
  never: 'ни разу',
  atLeast: (days) => `не менее ${days}`,
};
