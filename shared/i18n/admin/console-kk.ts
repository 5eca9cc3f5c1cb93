// Әкімші консолінің өз мәтіндері (console-en.ts қараңыз).
import type { ConsoleTexts } from './console-en.js';

export const consoleKk: ConsoleTexts = {
  idleTitle: 'Сіз әлі осындасыз ба?',
  idleText: 'Киоск қорғалулы тұруы үшін консоль {{seconds}} секундтан кейін жабылады.',
  idleStay: 'Жүйеде қалу',
  exportDownloaded: '«{{file}}» файлы осы браузердің «Жүктеулер» қалтасына сақталды.',
  exportDownloadFailed: '«{{file}}» файлын жүктеп алу мүмкін болмады; ол киосктің экспорт қалтасында қалды.',
  exportSavedIn: '«{{file}}» файлы «{{folder}}» қалтасына сақталды.',
  exportKept: '«{{file}}» файлы киосктің экспорт қалтасында қалды.',
  refusedCard: 'Карта {{card}}',
  holderCompanion: 'иесі: {{name}}',
  holderStaff: 'иесі: {{name}} (қызметкер)',
  holderWithdrawn: 'күші жойылған',
  holderNobody: 'ешкімге тіркелмеген',
  brought: 'Әкелген: {{name}}',
  collected: 'Алып кеткен: {{name}}',
};
