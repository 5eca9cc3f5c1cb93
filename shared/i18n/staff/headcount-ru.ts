// Russian texts of the nurse's headcount (see headcount-en.ts). Counts stand after a colon, so no noun needs a plural.
import type { HeadcountTexts } from './headcount-en.js';

export const headcountRu: HeadcountTexts = {
  title: 'Численность детей для медсестры',
  heading: (date) => `Численность детей на ${date}`,
  cutOff: (time) => `Приём детей до ${time}`,
  counted: (time) => `Посчитано в ${time}`,
  countedLate: (time, cutOff) => `Посчитано в ${time}: в ${cutOff} киоск был выключен`,
  notYetCounted: (cutOff) => `Ещё не посчитано: киоск посчитает в ${cutOff}`,
  notSchoolDay: 'Сегодня нерабочий день: детей не ждут, подсчёта нет',
  notDetailed: 'Сохранено прежней версией: только присутствующие',
  now: (time) => `Сейчас, ${time}`,
  columns: { group: 'Группа', present: 'Присутствуют', expected: 'Ожидаются', excused: 'Отсутствуют по уважительной причине', notYetIn: 'Ещё не пришли' },
  reasons: { sick: 'болезнь', vacation: 'отпуск', sanatorium: 'санаторий', other: 'другая причина', family: 'семейные обстоятельства' },
  left: (count) => `уже ушли: ${count}`,
  everyoneIn: 'все пришли',
  total: 'Итого',
  print: 'Печать',
  countNow: 'Посчитать сейчас',
  countedByHand: (time) => `Посчитано вручную в ${time}`,
};
