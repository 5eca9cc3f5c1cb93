// The kiosk rules on the console's Settings page in Russian (the shape is rules-en.ts).
import type { RulesTexts } from './rules-en.js';

export const rulesRu: RulesTexts = {
  title: 'Правила киоска',
  autoConfirmSeconds: 'Экран выбора детей подтверждается сам через (секунд, 0 — только кнопкой)',
  repeatWindowSeconds: 'Повторное прикладывание той же карты в течение (секунд) показывает прежнюю отметку',
  staffIdleSeconds: 'Сеанс сотрудника завершается после бездействия (секунд)',
  staffSignInMode: 'Вход сотрудников',
  signInModes: { 'name-or-card': 'по имени или служебной карте, с ПИН-кодом', 'card-only': 'только по служебной карте и ПИН-коду' },
  headcountCutOff: 'Приём детей заканчивается, численность фиксируется в',
  closingTime: 'Время закрытия',
  collectCheckFrom: 'С этого времени ребёнок, которого сегодня ещё не отмечали, проверяется как уходящий домой (кто может забрать)',
  summerHolidayDays: 'Дней отпуска летом (июнь–август) с сохранением места',
  winterHolidayDays: 'Дней отпуска зимой (декабрь–февраль) с сохранением места',
  sickDaysWithoutCertificate: 'Дней болезни без справки (дальше дни считаются пропусками без уважительной причины)',
  unexcusedDaysPerMonth: 'Допустимо пропусков без уважительной причины в месяц',
  outboxKeepSentDays: 'Копии, полученные городом, удаляются из очереди отправки через (дней; сами записи остаются)',
  perCapitaNormTenge: 'Норматив на одного ребёнка в месяц (₸) для акта выполненных работ',
  actEarnedRule: 'Сумма в акте считается',
  actEarnedRules: { attended: 'по дням посещения: норматив × дни посещения ÷ рабочие дни', enrolled: 'по дням в списке: норматив × дни зачисления ÷ рабочие дни' },
  actCountedReasons: 'Уважительные причины, которые акт засчитывает как посещение',
  actReasons: { sick: 'Болезнь', vacation: 'Отпуск', sanatorium: 'Санаторий', other: 'Прочие уважительные' },
  save: 'Сохранить',
  saved: 'Сохранено',
};
