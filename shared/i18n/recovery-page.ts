// The recovery screen shown after the kiosk failed to start again and again (electron/core/start-guard/): what
// happened, the last error, "try again", where the logs are and how to restore a copy. All three languages at once:
// the kiosk never got far enough to know which one was chosen.
import type { Language } from '../domain/attendance.js';

export interface RecoveryPageText {
  title: string;
  /** {{count}} failed starts since {{since}} (local time). */
  what: string;
  lastError: string;
  lastErrorUnknown: string;
  tryAgain: string;
  tryingAgain: string;
  /** {{logs}}: the logs folder. */
  logs: string;
  restore: string;
}

export const recoveryPageText: Record<Language, RecoveryPageText> = {
  kk: {
    title: 'Esik іске қосыла алмады',
    what: 'Киоск {{since, ablative}} бастап {{count}} рет іске қосылмады. Компьютер жұмыс істей берсін деп, ол енді өзі қайта қосылуға тырыспайды.',
    lastError: 'Соңғы қате:',
    lastErrorUnknown: 'белгісіз (процесс қате жазып үлгермей тоқтады)',
    tryAgain: 'Қайта көру',
    tryingAgain: 'Киоск қайта іске қосылуда. Ол жаңа терезеде ашылады; бұл терезені жабуға болады.',
    logs: 'Журналдар осы қалтада: {{logs}}. Оны балабақшаның IT маманына беріңіз (онда аттар, PIN-кодтар мен карта нөмірлері жоқ). Киоск іске қосылғанда әкімші консоліндегі «Диагностика» бетінен қолдау бумасын сақтауға болады.',
    restore: 'Егер жазбалар файлы бүлінген болса, тексерілген көшірмені пәрмен жолынан қалпына келтіріңіз: README құжатының «Backups and restore» бөлімін қараңыз. Деректер қалтасын өшірмеңіз.',
  },
  ru: {
    title: 'Esik не удалось запустить',
    what: 'С {{since}} киоск {{count}} раз не смог запуститься. Чтобы компьютер оставался рабочим, он больше не пытается запуститься сам.',
    lastError: 'Последняя ошибка:',
    lastErrorUnknown: 'неизвестна (процесс остановился, не успев её записать)',
    tryAgain: 'Попробовать снова',
    tryingAgain: 'Киоск запускается снова. Он откроется в новом окне; это окно можно закрыть.',
    logs: 'Журналы лежат в папке {{logs}}. Передайте её IT-специалисту детского сада (в ней нет имён, PIN-кодов и номеров карт). Когда киоск запустится, пакет для поддержки можно сохранить на странице «Диагностика» в консоли администратора.',
    restore: 'Если файл записей повреждён, восстановите проверенную копию из командной строки: см. раздел «Backups and restore» в README. Не удаляйте папку данных.',
  },
  en: {
    title: 'Esik could not start',
    what: 'The kiosk failed to start {{count}} times since {{since}}. To keep the computer usable it no longer tries to start by itself.',
    lastError: 'Last error:',
    lastErrorUnknown: 'unknown (the process ended before it could note it)',
    tryAgain: 'Try again',
    tryingAgain: 'The kiosk is starting again. It opens in a new window; this one can be closed.',
    logs: "The logs are in {{logs}}. Give that folder to the kindergarten's IT person (it holds no names, PINs or card numbers). Once the kiosk starts, a support bundle can be saved from the Diagnostics page of the admin console.",
    restore: "If the records file is damaged, restore a verified copy from the command line: see 'Backups and restore' in the README. Do not delete the data folder.",
  },
};
