// Kazakh wording of the USB stick panel and the refused connections (see stick-en.ts). After a numeral the noun stays
// singular («12 жазба»); a computer's name stays in its quotes and the word «компьютер» after it takes the case.
import type { StickTexts } from './stick-en.js';

export const stickKk: StickTexts = {
  title: 'Флешка',
  intro: 'Компьютерлер бір-бірімен желі арқылы байланыса алмаса, жазбалар флешкамен тасымалданады: файлды осында жазып, оны флешкаға көшіріңіз де, басқа компьютерде оқыңыз.',
  writeTitle: 'Флешка жазу',
  writeFor: 'Кімге',
  writeForAll: 'Қалған барлық компьютерлерге',
  writeButton: 'Файлды жазу',
  writing: 'Файл жазылып жатыр…',
  written: (fileName, n, computers) => `${fileName} файлы жазылды: ${computers === 1 ? 'бір компьютерге' : `${computers} компьютерге`} арналған ${n} жазба. Оны флешкаға көшіріңіз.`,
  readTitle: 'Флешканы оқу',
  readHint: 'Флешкадан esik-….esikpeer деп аталатын файлды таңдаңыз. Файл толық тексерілмейінше ештеңе қабылданбайды.',
  readChoose: 'Файлды таңдау',
  sending: (percent) => `Файл жіберіліп жатыр: ${percent} %`,
  reading: 'Файл тексеріліп, оқылып жатыр…',
  taken: (applied, waiting) =>
    waiting === 0 ? `Қабылданған жазбалар: ${applied}.` : `Қабылданған жазбалар: ${applied}. Әлі келмеген жазбаларды күтіп тұрғандары: ${waiting}.`,
  relayTitle: 'Кіреберістің жазбаларын қалаға жіберу',
  relayIntro: 'Өз интернеті жоқ кіреберіс өз жазбаларын қала жүйесіне осы компьютер арқылы жібере алады. Қалалық сервердің мекенжайын және қала сол кіреберіске берген тіркеу кодын теріңіз.',
  relayDoor: 'Кіреберіс',
  relayServer: 'Қалалық сервердің мекенжайы',
  relayCode: 'Тіркеу коды',
  relayButton: 'Кіреберісті тіркеу',
  relayDone: (door, queued) =>
    `«${door}» компьютері тіркелді: оның жазбалары енді қалаға осы компьютерден жіберіледі. ${queued === 0 ? 'Әзірге жіберуді күтіп тұрған жазба жоқ.' : `Жіберуді күтіп тұрған жазбалар: ${queued}.`}`,
  relayNoDoor: 'Балабақшаның компьютерлерінің арасында әзірге бірде-бір кіреберіс жоқ.',
  refusalsTitle: 'Қабылданбаған қосылулар',
  refusalsIntro: 'Осы компьютер қабылдамаған қосылулар мен жазбалар, ең жаңасы бірінші.',
  refusalsNone: 'Әзірге жоқ.',
  refusalWhen: 'Қашан',
  refusalWho: 'Қайдан',
  refusalWhy: 'Неге',
  refusalTimes: (count) => (count === 1 ? 'бір рет' : `${count} рет`),
  reasons: {
    PEER_VERSION: 'Онда бұл компьютер жұмыс істей алмайтын Esik нұсқасы орнатылған',
    PEER_BAD_FRAME: 'Ол Esik хабарламасы емес нәрсе жіберді',
    PEER_OTHER_GROUP: 'Ол басқа балабақшаның компьютері',
    PEER_UNKNOWN: 'Ол бұл балабақшаның компьютері емес',
    PEER_REVOKED: 'Ол балабақша компьютерлерінің тізімінен шығарылған',
    PEER_BAD_SIGNATURE: 'Ол қай компьютер екенін дәлелдей алмады',
    PEER_BAD_RECORD: 'Ол жіберген жазба тексеруден өтпеді',
    PEER_FORK: 'Ол жіберген жазба мұнда сақталған жазбадан өзгеше',
  },
  reasonOther: 'Басқа себеп',
};
