// Kazakh wording of what reading a USB stick came to (see bundle-en.ts). A computer's name stays in its quotes and
// the word «компьютер» after it takes the case; a moment takes its ending after the last number read aloud
// ("14:02-де", "11:15-те"). After a numeral the noun stays singular («412 жаңа жазба»).
import { withKazakhCase } from '../../text/kazakh-endings.js';
import type { BundleTexts, ShownMoment } from './bundle-en.js';

const at = (m: ShownMoment): string => withKazakhCase(m.day === null ? m.time : `${m.day} ${m.time}`, 'locative');

export const bundleKk: BundleTexts = {
  read: (lines, roster) => {
    const news = lines.map((l) => `«${l.name}» компьютерінен ${l.count} жаңа жазба, соңғысы ${at(l.upTo)} жасалған`).join('; ');
    if (news === '') return roster ? 'Қала жүйесінен келген балалар тізімі қабылданды. Флешкада жаңа жазба болған жоқ.' : 'Флешкада жаңа ештеңе болған жоқ.';
    return `Қабылданды: ${news}.${roster ? ' Қала жүйесінен келген балалар тізімі де қабылданды.' : ''}`;
  },
  alreadyRead: (readAt) => `Бұл флешка осы компьютерде ${at(readAt)} оқылған. Ештеңе өзгерген жоқ.`,
  nothingNew: (from, writtenAt) =>
    `Бұл флешкадағы жазбалардың бәрі («${from}» компьютерінде ${at(writtenAt)} жазылған) мұнда бар: одан жаңарақ флешка бұрын оқылған. Ештеңе өзгерген жоқ.`,
  gap: (from, gaps) =>
    `«${from}» компьютерінде бұдан бұрын жазылған флешка мұнда оқылмаған: ${gaps.map((g) => `«${g.name}» компьютерінің ${g.fromSeq}–${g.toSeq} жазбалары`).join(', ')} жоқ. Алдымен сол флешканы оқыңыз немесе «${from}» компьютерінде жаңасын жазыңыз. Ештеңе қабылданған жоқ.`,
  fork: (name, seq) => `Флешкадағы «${name}» компьютерінің № ${seq} жазбасы осы компьютердегі жазбадан өзгеше. Ештеңе қабылданған жоқ; балабақшаның компьютерлеріне жауапты адамға хабарлаңыз.`,
  otherKindergarten: 'Бұл флешка басқа балабақшадан. Ештеңе қабылданған жоқ.',
  notForUs: (from) => `Флешка бұл компьютер балабақшаға қосылмай тұрып жазылған: «${from}» компьютерінде жаңасын жазыңыз. Ештеңе қабылданған жоқ.`,
  senderUnknown: 'Флешканы бұл балабақшаның компьютерлеріне жатпайтын компьютер жазған. Ештеңе қабылданған жоқ.',
  senderRevoked: (from) => `Флешканы балабақша компьютерлерінің тізімінен алынып тасталған «${from}» компьютері жазған. Ештеңе қабылданған жоқ.`,
  tampered: 'Флешкадағы файл жазылғаннан кейін өзгертілген немесе бүлінген. Ештеңе қабылданған жоқ; флешканы қайта жазыңыз.',
  tooLarge: 'Файл Esik флешкасы болу үшін тым үлкен (256 МБ-тан асады). Ештеңе қабылданған жоқ.',
  notEsik: 'Бұл Esik жазбаларын тасымалдайтын файл емес. esik-….esikpeer деп аталатын файлды таңдаңыз.',
  version: 'Флешка Esik-тің жаңарақ нұсқасымен жазылған. Осы компьютердегі Esik-ті жаңартып, флешканы қайта оқыңыз. Ештеңе қабылданған жоқ.',
};
