// What the date and time fields say, in Kazakh (the shape is dates-en.ts). The endings after a date come from the
// one rule that reads the number aloud (shared/text/kazakh-endings.ts): "05.03.2026-дан ерте".
import { withKazakhCase } from '../../text/kazakh-endings.js';
import type { DateFieldTexts } from './dates-en.js';

export const datesKk: DateFieldTexts = {
  dayPattern: 'кк.аа.жжжж',
  timePattern: 'сс:мм',
  dayIncomplete: 'Күнді кк.аа.жжжж түрінде жазыңыз, мысалы: 05.03.2026',
  dayImpossible: (typed) => `Күнтізбеде ${typed} деген күн жоқ`,
  dayTooEarly: (first) => `Күн ${withKazakhCase(first, 'ablative')} ерте болмауы керек`,
  dayTooLate: (last) => `Күн ${withKazakhCase(last, 'ablative')} кеш болмауы керек`,
  timeIncomplete: 'Уақытты сс:мм түрінде (24 сағаттық) жазыңыз, мысалы: 19:00',
  timeImpossible: (typed) => `${typed} деген уақыт болмайды`,
};
