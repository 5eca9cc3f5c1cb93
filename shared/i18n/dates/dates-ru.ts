// What the date and time fields say, in Russian (the shape is dates-en.ts).
import type { DateFieldTexts } from './dates-en.js';

export const datesRu: DateFieldTexts = {
  dayPattern: 'дд.мм.гггг',
  timePattern: 'чч:мм',
  dayIncomplete: 'Введите дату в виде дд.мм.гггг, например: 05.03.2026',
  dayImpossible: (typed) => `Даты ${typed} нет в календаре`,
  dayTooEarly: (first) => `Дата не может быть раньше ${first}`,
  dayTooLate: (last) => `Дата не может быть позже ${last}`,
  timeIncomplete: 'Введите время в виде чч:мм (24 часа), например: 19:00',
  timeImpossible: (typed) => `Времени ${typed} не бывает`,
};
