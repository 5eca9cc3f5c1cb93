// The one page the web host writes itself: shown instead of the kiosk when a launch link was used already or a
// page has no session (the host was restarted). All three languages at once: nobody has chosen one yet.
import type { Language } from '../domain/attendance.js';

export interface LinkRefusedText {
  title: string;
  body: string;
}

export const linkRefusedText: Record<Language, LinkRefusedText> = {
  kk: {
    title: 'Бұл сілтеме киоскіні ашпайды',
    body: 'Әр сілтеме тек бір рет жұмыс істейді. Киосктің деректер қалтасындағы kiosk-link.txt файлынан жаңа сілтемені ашыңыз немесе киоскіні қайта іске қосыңыз.',
  },
  ru: {
    title: 'Эта ссылка не открывает киоск',
    body: 'Каждая ссылка работает только один раз. Откройте новую ссылку из файла kiosk-link.txt в папке данных киоска или перезапустите киоск.',
  },
  en: {
    title: 'This link does not open the kiosk',
    body: "Each link works only once. Open the new link from the file kiosk-link.txt in the kiosk's data folder, or restart the kiosk.",
  },
};
