// The kiosk rules on the console's Settings page in Kazakh (the shape is rules-en.ts).
import type { RulesTexts } from './rules-en.js';

export const rulesKk: RulesTexts = {
  title: 'Киоск ережелері',
  autoConfirmSeconds: 'Балаларды таңдау экраны өздігінен расталады (секунд, 0 — тек батырмамен)',
  repeatWindowSeconds: 'Сол картаны осы уақыт ішінде (секунд) қайта тигізсе, бұрынғы белгі көрсетіледі',
  staffIdleSeconds: 'Қызметкер сеансы әрекетсіз тұрса аяқталады (секунд)',
  staffSignInMode: 'Қызметкерлердің кіруі',
  signInModes: { 'name-or-card': 'аты не қызметтік карта арқылы, PIN-кодпен', 'card-only': 'тек қызметтік карта мен PIN-код арқылы' },
  headcountCutOff: 'Қабылдау аяқталып, балалар саны есептелетін уақыт',
  closingTime: 'Жабылу уақыты',
  collectCheckFrom: 'Осы уақыттан бастап бүгін әлі белгіленбеген бала үйге кетіп бара жатқандай тексеріледі (кім алып кете алады); бос болса — өшірулі',
  summerHolidayDays: 'Орын сақталатын жазғы демалыс күндері (маусым–тамыз)',
  winterHolidayDays: 'Орын сақталатын қысқы демалыс күндері (желтоқсан–ақпан)',
  sickDaysWithoutCertificate: 'Анықтамасыз ауру күндері (одан кейінгі күндер дәлелсіз болып саналады)',
  unexcusedDaysPerMonth: 'Айына рұқсат етілген себепсіз күндер',
  outboxKeepSentDays: 'Қала қабылдаған көшірмелер жіберу кезегінен өшіріледі (күн өткен соң; жазбалардың өзі қалады)',
  perCapitaNormTenge: 'Орындалған жұмыстар актісіне бір балаға айлық норматив (₸)',
  actEarnedRule: 'Актідегі сома есептеледі',
  actEarnedRules: { attended: 'келген күндер бойынша: норматив × келген күндер ÷ жұмыс күндері', enrolled: 'тізімдегі күндер бойынша: норматив × тізімде болған күндер ÷ жұмыс күндері' },
  actCountedReasons: 'Акт келген күн ретінде есептейтін дәлелді себептер',
  actReasons: { sick: 'Ауру', vacation: 'Демалыс', sanatorium: 'Шипажай', other: 'Басқа дәлелді себептер' },
  save: 'Сақтау',
  saved: 'Сақталды',
};
