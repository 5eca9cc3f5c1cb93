// Kazakh texts of the page for a day the kiosk was down (see paper-day-en.ts). A noun after a number stays singular
// («3 келу»); the time is written without a case ending («10:15»), whose vowel would follow how the number is read.
import type { PaperDayTexts } from './paper-day-en.js';

export const paperDayKk: PaperDayTexts = {
  menu: 'Киоск істемеген күн',
  intro:
    'Өткен күнді қағаз тізім бойынша топ-топқа енгізіңіз. Барлығы белгіленген: келмеген балалардың белгісін алып тастаңыз. Күн сіздің атыңыздан «киоск істемеді» деген себеппен және енгізілген уақытымен жазылады.',
  reason: 'Киоск істемеді',
  date: 'Күн',
  group: 'Топ',
  show: 'Тізімді көрсету',
  recorded: 'бұрын белгіленген',
  absence: (reason) => `келмеуі тіркелген: ${reason}`,
  counts: (present, absent) => `Келгені: ${present} · келмегені: ${absent}`,
  save: 'Күнді сақтау',
  saved: (group, date, added) => `${group}, ${date}: ${added} келу жазылды`,
  entered: (by, date, time) => `Енгізген: ${by}, ${date}, ${time}. Қайта сақтау ештеңені өзгертпейді.`,
  enteredLater: (when) => `кейін енгізілді, ${when}`,
  refusals: {
    'not-past': 'Тек өткен күнді енгізуге болады: бүгінгі жазбаларды есіктегі киоск жасайды.',
    'too-old': 'Бұл күн тым ерте: өткен айдың бірінші күнінен бергі күндерді ғана енгізуге болады.',
    'before-records': 'Бұл күні киоск әлі жазба жүргізбеген.',
    'not-school-day': 'Бұл күн — демалыс немесе мереке күні.',
    'unknown-group': 'Мұндай топ жоқ.',
    'absence-on-day': 'Бұл күнге келмеу тіркелген: алдымен оны алып тастаңыз немесе баланың белгісін алыңыз.',
    'recorded-but-absent': 'Киоск бұл балаларды сол күні белгілеген: егер олар келмесе, алдымен сол жазбаны алып тастаңыз.',
    'not-on-roll': 'Осы уақытта тізім өзгерді: оны қайта ашыңыз.',
  },
};
