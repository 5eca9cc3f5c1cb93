// Kazakh texts of the nurse's headcount (see headcount-en.ts): a time takes its case ending from the number said last
// ("09:47-де", "09:00-ге дейін"); counts stand after a colon.
import { kkAtTime, kkToTime } from '../../text/kk-time-case.js';
import type { HeadcountTexts } from './headcount-en.js';

export const headcountKk: HeadcountTexts = {
  title: 'Медбикеге арналған балалар саны',
  heading: (date) => `${date} күнгі балалар саны`,
  cutOff: (time) => `Балаларды қабылдау ${kkToTime(time)} дейін`,
  counted: (time) => `${kkAtTime(time)} есептелді`,
  countedLate: (time, cutOff) => `${kkAtTime(time)} есептелді: ${kkAtTime(cutOff)} киоск өшірулі болды`,
  notYetCounted: (cutOff) => `Әлі есептелген жоқ: киоск ${kkAtTime(cutOff)} есептейді`,
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
  countedByHand: (time) => `${kkAtTime(time)} қолмен есептелді`,
};
