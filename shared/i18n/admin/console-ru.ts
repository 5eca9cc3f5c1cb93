// Собственные тексты консоли администратора (см. console-en.ts).
import type { ConsoleTexts } from './console-en.js';

export const consoleRu: ConsoleTexts = {
  idleTitle: 'Вы ещё здесь?',
  idleText: 'Чтобы киоск оставался защищённым, консоль закроется через {{seconds}} с.',
  idleStay: 'Остаться в системе',
  exportDownloaded: 'Файл «{{file}}» сохранён в папку «Загрузки» этого браузера.',
  exportDownloadFailed: 'Файл «{{file}}» скачать не удалось; он остаётся в папке экспорта киоска.',
  exportSavedIn: 'Файл «{{file}}» сохранён в папку «{{folder}}».',
  exportKept: 'Файл «{{file}}» остаётся в папке экспорта киоска.',
  refusedCard: 'Карта {{card}}',
  holderCompanion: 'владелец: {{name}}',
  holderStaff: 'владелец: {{name}} (сотрудник)',
  holderWithdrawn: 'отозвана',
  holderNobody: 'ни за кем не зарегистрирована',
  brought: 'Кто привёл: {{name}}',
  collected: 'Кто забрал: {{name}}',
};
