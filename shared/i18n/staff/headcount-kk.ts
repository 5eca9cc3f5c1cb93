// Kazakh texts of the nurse's headcount (see headcount-en.ts): a time takes the case ending it is read with
// (shared/text/kazakh-endings.ts: "09:47-де", "09:00-ге дейін"); counts stand after a colon.
import { withKazakhCase } from '../../text/kazakh-endings.js';
import type { HeadcountTexts } from './headcount-en.js';

/** At that time: "09:47-де". */
const at = (time: string): string => withKazakhCase(time, 'locative');

export const headcountKk: HeadcountTexts = {
  title: 'Медбикеге арналған балалар саны',
  heading: (date) => `${date} күнгі балалар саны`,
  cutOff: (time) => `Балаларды қабылдау ${withKazakhCase(time, 'dative')} дейін`,
  counted: (time) => `${at(time)} есептелді`,
  countedLate: (time, cutOff) => `${at(time)} есептелді: ${at(cutOff)} киоск өшірулі болды`,
  notYetCounted: (cutOff) => `Әлі есептелген жоқ: киоск ${at(cutOff)} есептейді`,
  notSchoolDay: 'Бүгін жұмыс күні емес: балалар күтілмейді, есеп алынбайды',
  notDetailed: 'Бұрынғы нұсқа сақтаған: тек келгендер',
  now: (time) => `Қазір, ${time}`,
  columns: { group: 'Топ', present: 'Келгендер', expected: 'Күтілетіндер', excused: 'Себепті болмағандар', notYetIn: 'Әлі келмегендер' },
  reasons: { sick: 'ауру', vacation: 'демалыс', sanatorium: 'шипажай', other: 'басқа себеп', family: 'отбасылық жағдай' },
  left: (count) => `үйге кеткендер: ${count}`,
  everyoneIn: 'бәрі келді',
  total: 'Барлығы',
  print: 'Басып шығару',
  countNow: 'Қазір есептеу',
  countedByHand: (time) => `${at(time)} қолмен есептелді`,
};
