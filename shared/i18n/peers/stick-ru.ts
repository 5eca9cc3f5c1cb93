// Russian wording of the USB stick panel and the refused connections (see stick-en.ts); about computers, files and
// records, so no sentence depends on anyone's gender.
import type { StickTexts } from './stick-en.js';

/** «N запись / записи / записей»: 1, 21…; 2–4, 22–24…; every other count. */
function records(n: number): string {
  const ten = n % 10;
  const hundred = n % 100;
  if (ten === 1 && hundred !== 11) return `${n} запись`;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return `${n} записи`;
  return `${n} записей`;
}

/** «N раз / раза»: 2–4, 22–24… take «раза»; every other count «раз». */
function times(n: number): string {
  const ten = n % 10;
  const hundred = n % 100;
  return ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? `${n} раза` : `${n} раз`;
}

export const stickRu: StickTexts = {
  title: 'Флешка',
  intro: 'Когда компьютеры не могут связаться друг с другом по сети, записи переносят на флешке: запишите файл здесь, скопируйте его на флешку и прочитайте на другом компьютере.',
  writeTitle: 'Записать флешку',
  writeFor: 'Для кого',
  writeForAll: 'Для всех остальных компьютеров',
  writeButton: 'Записать файл',
  writing: 'Файл записывается…',
  written: (fileName, n, computers) =>
    `Файл ${fileName} записан: ${records(n)} для ${computers === 1 ? 'одного компьютера' : `${computers} компьютеров`}. Скопируйте его на флешку.`,
  readTitle: 'Прочитать флешку',
  readHint: 'Выберите на флешке файл с именем esik-….esikpeer. Пока весь файл не проверен, ничего не принимается.',
  readChoose: 'Выбрать файл',
  sending: (percent) => `Файл отправляется: ${percent} %`,
  reading: 'Файл проверяется и читается…',
  taken: (applied, waiting) =>
    waiting === 0 ? `Принято записей: ${applied}.` : `Принято записей: ${applied}. Ждут записей, которые ещё не пришли: ${waiting}.`,
  relayTitle: 'Передавать записи входа в город',
  relayIntro: 'Вход без собственного интернета может отправлять свои записи в городскую систему через этот компьютер. Введите адрес городского сервера и код подключения, выданный городом для этого входа.',
  relayDoor: 'Вход',
  relayServer: 'Адрес городского сервера',
  relayCode: 'Код подключения',
  relayButton: 'Подключить вход',
  relayDone: (door, queued) =>
    `Компьютер «${door}» подключён: его записи теперь уходят в город с этого компьютера. ${queued === 0 ? 'Пока ничего не ждёт отправки.' : `Ждут отправки: ${records(queued)}.`}`,
  relayNoDoor: 'Среди компьютеров детского сада пока нет ни одного входа.',
  refusalsTitle: 'Отклонённые подключения',
  refusalsIntro: 'Подключения и записи, которые этот компьютер отклонил, сначала самые новые.',
  refusalsNone: 'Пока ни одного.',
  refusalWhen: 'Когда',
  refusalWho: 'Откуда',
  refusalWhy: 'Почему',
  refusalTimes: (count) => (count === 1 ? 'один раз' : times(count)),
  reasons: {
    PEER_VERSION: 'На нём версия Esik, с которой этот компьютер не может работать',
    PEER_BAD_FRAME: 'Он прислал не сообщение Esik',
    PEER_OTHER_GROUP: 'Он относится к другому детскому саду',
    PEER_UNKNOWN: 'Это не компьютер этого детского сада',
    PEER_REVOKED: 'Он удалён из списка компьютеров детского сада',
    PEER_BAD_SIGNATURE: 'Он не смог подтвердить, какой это компьютер',
    PEER_BAD_RECORD: 'Присланная им запись не прошла проверку',
    PEER_FORK: 'Присланная им запись отличается от хранящейся здесь',
  },
  reasonOther: 'Другая причина',
};
