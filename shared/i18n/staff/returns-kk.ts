// Kazakh texts of the returns after an absence (see returns-en.ts).
import type { ReturnTexts } from './returns-en.js';

export const returnsKk: ReturnTexts = {
  title: 'Ұзақ болмағаннан кейін келгендер',
  // The count's ending stays on «күн» (күннен: after … days), so no number needs a suffix of its own.
  backAfter: (name, days) => `${name} ${days} күннен кейін қайта келді — дәрігердің анықтамасын сұраңыз`,
  lastSeen: (date) => `Соңғы рет келген күні: ${date}`,
  seen: 'Анықтама бар',
  missing: 'Анықтама жоқ',
  adminTab: 'Қайта келгендер',
  adminIntro: 'Ауырып немесе дәлелсіз ұзақ болмай, қайта келген балалар: дәрігер анықтамасы жоқ немесе әлі сұралмаған.',
  adminNone: 'Қайта келген балалардың бәрі анықтама әкелді.',
  columns: { child: 'Бала', group: 'Топ', back: 'Келген күні', days: 'Болмаған жұмыс күндері', lastSeen: 'Соңғы келген күні', certificate: 'Анықтама', markedBy: 'Белгілеген' },
  notAsked: 'әлі сұралмаған',
  isMissing: 'жоқ',
  never: 'ешқашан',
};
