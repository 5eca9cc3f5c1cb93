// Kazakh texts of the "Never come" page (see never-come-en.ts).
import type { NeverComeTexts } from './never-come-en.js';

export const neverComeKk: NeverComeTexts = {
  tab: 'Келмейтін балалар',
  // After a numeral the noun stays singular («10 жұмыс күні»), so the count needs no ending of its own.
  intro: (days) =>
    `Топ тізімінде бар, бірақ қатарынан ${days} немесе одан көп жұмыс күні дәлелді себепсіз келмеген балалар (демалыс, мереке және ауыстырылған демалыс күндері саналмайды).`,
  none: 'Ондай бала жоқ: барлық бала келді немесе дәлелді себеппен болмады.',
  columns: { group: 'Топ', child: 'Бала', lastSeen: 'Соңғы келген күні', days: 'Келмеген жұмыс күндері' },
  never: 'бір рет те келмеген',
  atLeast: (days) => `кемінде ${days}`,
};
