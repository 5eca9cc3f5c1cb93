// «Осы компьютер» бетінің мәтіндері (kiosk-shell-en.ts қараңыз).
import type { KioskShellTexts } from './kiosk-shell-en.js';

export const kioskShellKk: KioskShellTexts = {
  tab: 'Осы компьютер',
  startAtLoginTitle: 'Компьютер қосылғанда іске қосу',
  startAtLogin: 'Компьютердің пайдаланушысы жүйеге кіргенде Esik-ті іске қосу',
  startAtLoginSaved: 'Сақталды.',
  startAtLoginNotHere: 'Мұнда Esik-ті жүйенің өзі іске қосады (Linux-та буманың орнатқан автоіске қосу жазбасы): docs/kiosk-setup.md қараңыз.',
  leaveTitle: 'Киосктен шығу',
  leaveText: 'Esik жабылып, компьютердің жұмыс үстелі көрінеді. Келесі жолы жүйеге кіргенде ол қайта іске қосылады. Растау үшін PIN-кодыңызды енгізіңіз.',
  leaveOpen: 'Киосктен шығу…',
  pin: 'Сіздің PIN-кодыңыз',
  confirm: 'Киосктен шығу',
  cancel: 'Болдырмау',
  leaving: 'Жабылуда…',
  left: 'Esik жабылып жатыр.',
  wrongPin: 'PIN қате. Қалған әрекет: {{left}}.',
  locked: 'Қате PIN тым көп: {{until}} дейін бұғатталды.',
  notHere: 'Бұл киоскіні консольден жабуға болмайды.',
};
