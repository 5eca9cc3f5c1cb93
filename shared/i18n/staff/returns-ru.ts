// Russian texts of the returns after an absence (see returns-en.ts).
import type { ReturnTexts } from './returns-en.js';

/** «после N дня/дней»: the genitive after «после» is «дня» for 1, 21, 31… and «дней» for every other count. */
const daysGenitive = (n: number): string => (n % 10 === 1 && n % 100 !== 11 ? 'дня' : 'дней');

export const returnsRu: ReturnTexts = {
  title: 'Вернулись после отсутствия',
  backAfter: (name, days) => `${name} снова в саду после ${days} ${daysGenitive(days)} отсутствия — спросите справку от врача`,
  lastSeen: (date) => `Последнее посещение: ${date}`,
  seen: 'Справка есть',
  missing: 'Справки нет',
  adminTab: 'Возвращения',
  adminIntro: 'Дети, вернувшиеся после болезни или отсутствия по неуважительной причине, у которых справки от врача нет или её ещё не спросили.',
  adminNone: 'Все вернувшиеся после отсутствия показали справку.',
  columns: { child: 'Ребёнок', group: 'Группа', back: 'Дата возвращения', days: 'Рабочих дней отсутствия', lastSeen: 'Последнее посещение', certificate: 'Справка', markedBy: 'Кто отметил' },
  notAsked: 'ещё не спрашивали',
  isMissing: 'нет',
  never: 'никогда',
};
