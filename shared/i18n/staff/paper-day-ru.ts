// Russian texts of the page for a day the kiosk was down (see paper-day-en.ts). Neutral to gender: «Внесено: …»,
// not «внёс/внесла»; counts as «записано приходов — N», which needs no plural forms.
import type { PaperDayTexts } from './paper-day-en.js';

export const paperDayRu: PaperDayTexts = {
  menu: 'День, когда киоск не работал',
  intro:
    'Внесите прошедший день по бумажному списку, группу за группой. Отмечены все: снимите отметку с детей, которых не было. День записывается от вашего имени с причиной «киоск не работал» и временем внесения.',
  reason: 'Киоск не работал',
  date: 'День',
  group: 'Группа',
  show: 'Показать список',
  recorded: 'уже отмечен',
  absence: (reason) => `записано отсутствие: ${reason}`,
  counts: (present, absent) => `Присутствовали: ${present} · отсутствовали: ${absent}`,
  save: 'Сохранить день',
  saved: (group, date, added) => `${group}, ${date}: записано приходов — ${added}`,
  entered: (by, date, time) => `Внесено: ${by}, ${date} в ${time}. Повторное сохранение ничего не изменит.`,
  enteredLater: (when) => `внесено позже, ${when}`,
  refusals: {
    'not-past': 'Внести можно только прошедший день: сегодняшние записи делает киоск у входа.',
    'too-old': 'Этот день слишком давно: вносить можно дни начиная с первого числа прошлого месяца.',
    'before-records': 'В этот день киоск ещё не вёл записей.',
    'not-school-day': 'Этот день — выходной или праздник.',
    'unknown-group': 'Такой группы нет.',
    'absence-on-day': 'На этот день записано отсутствие: сначала отмените его или снимите отметку с ребёнка.',
    'recorded-but-absent': 'Киоск отметил этих детей в тот день: если их не было, сначала отмените эту запись.',
    'not-on-roll': 'Список за это время изменился: откройте его заново.',
  },
};
