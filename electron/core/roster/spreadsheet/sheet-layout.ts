// The roster workbook's layout in the two languages its template comes in: the sheets, their columns and the words a
// cell may hold (relation, gender, yes/no, kind of card). The reader accepts either language in any file, so a
// workbook begun in Russian and finished in Kazakh still reads; the writer uses one.
import type { Relation } from '../../../../shared/domain/roster.js';

export type SheetLanguage = 'kk' | 'ru';
export type SheetKey = 'groups' | 'children' | 'companions' | 'cards' | 'pickup';

/** The columns of each sheet in order; `required` columns must be in the header row, the others may be left out. */
export const COLUMNS = {
  groups: ['code', 'name', 'order'],
  children: ['code', 'lastName', 'firstName', 'group', 'birthDate', 'gender'],
  companions: ['code', 'lastName', 'firstName', 'relation', 'phone'],
  cards: ['code', 'companion', 'companionCode', 'kind', 'number', 'blocked'],
  pickup: ['child', 'childCode', 'companion', 'companionCode', 'mayBring', 'mayCollect', 'banned'],
} as const satisfies Record<SheetKey, readonly string[]>;

export type ColumnKey<S extends SheetKey> = (typeof COLUMNS)[S][number];

export const REQUIRED: { [S in SheetKey]: readonly ColumnKey<S>[] } = {
  groups: ['name'],
  children: ['lastName', 'firstName', 'group'],
  companions: ['lastName', 'firstName', 'relation'],
  cards: ['companion', 'kind', 'number'],
  pickup: ['child', 'companion'],
};

export const SHEET_KEYS: readonly SheetKey[] = ['groups', 'children', 'companions', 'cards', 'pickup'];

interface LanguageWords {
  instructionsSheet: string;
  sheets: Record<SheetKey, string>;
  headers: { [S in SheetKey]: Record<ColumnKey<S>, string> };
  yes: string;
  no: string;
  gender: { female: string; male: string };
  relation: Record<Relation, string>;
  kind: { rfid: string; qr: string };
  instructions: readonly string[];
}

export const WORDS: Record<SheetLanguage, LanguageWords> = {
  kk: {
    instructionsSheet: 'Нұсқаулық',
    sheets: { groups: 'Топтар', children: 'Балалар', companions: 'Ілесіп жүретіндер', cards: 'Карталар', pickup: 'Кім әкеліп-алады' },
    headers: {
      groups: { code: 'Коды', name: 'Атауы', order: 'Реті' },
      children: { code: 'Коды', lastName: 'Тегі', firstName: 'Аты', group: 'Тобы', birthDate: 'Туған күні', gender: 'Жынысы' },
      companions: { code: 'Коды', lastName: 'Тегі', firstName: 'Аты', relation: 'Баласына кім', phone: 'Телефоны' },
      cards: { code: 'Коды', companion: 'Ілесіп жүретін', companionCode: 'Ілесіп жүретіннің коды', kind: 'Түрі', number: 'Карта нөмірі', blocked: 'Бұғатталған' },
      pickup: { child: 'Бала', childCode: 'Баланың коды', companion: 'Ілесіп жүретін', companionCode: 'Ілесіп жүретіннің коды', mayBring: 'Әкеле алады', mayCollect: 'Алып кете алады', banned: 'Тыйым салынған' },
    },
    yes: 'иә',
    no: 'жоқ',
    gender: { female: 'қыз', male: 'ұл' },
    relation: { mother: 'анасы', father: 'әкесі', grandmother: 'әжесі', grandfather: 'атасы', nanny: 'күтушісі', aunt: 'тәтесі', uncle: 'ағасы', other: 'басқа' },
    kind: { rfid: 'карта', qr: 'QR' },
    instructions: [
      'Балабақшаның тізімі: топтар, балалар, ілесіп жүретіндер, олардың карталары және кім қай баланы әкеліп-алып кете алатыны.',
      'Әр парақтың бірінші жолы — бағандардың атауы: оларды өзгертпеңіз. Бір жол — бір жазба.',
      '«Коды» бағанын бос қалдыруға болады: жаңа жазбаға киоск өзі код береді. Жүктеп алынған файлдағы кодтарды өзгертпеңіз — киоск жазбаны солар арқылы таниды.',
      'Баланың тобы «Топтар» парағындағы атаумен жазылады. Туған күні — КК.АА.ЖЖЖЖ (мысалы 08.03.2021), жынысы — «ұл» немесе «қыз»; екеуі де міндетті емес.',
      'Ілесіп жүретіннің баласына кім екені: анасы, әкесі, әжесі, атасы, күтушісі, тәтесі, ағасы, басқа.',
      'Карта нөмірі — картаға басылған 10 цифр, алдыңғы нөлдерімен (мысалы 0004512345). Баспа QR-картасы үшін түрі — «QR», нөмірі бос.',
      '«Кім әкеліп-алады» парағы: бала мен ілесіп жүретін (аты-жөні немесе коды), «иә» не «жоқ». «Тыйым салынған» — «иә» болса, бұл адам баланы мүлде ала алмайды.',
      'Әр баланы кемінде бір адам алып кете алуы керек.',
      'Файлда жоқ бала белсенді тізімнен шығарылады, оның тарихы сақталады.',
      'Формулалар мен біріктірілген ұяшықтар қабылданбайды: мәнді өзін жазыңыз.',
    ],
  },
  ru: {
    instructionsSheet: 'Инструкция',
    sheets: { groups: 'Группы', children: 'Дети', companions: 'Сопровождающие', cards: 'Карты', pickup: 'Кто приводит и забирает' },
    headers: {
      groups: { code: 'Код', name: 'Название', order: 'Порядок' },
      children: { code: 'Код', lastName: 'Фамилия', firstName: 'Имя', group: 'Группа', birthDate: 'Дата рождения', gender: 'Пол' },
      companions: { code: 'Код', lastName: 'Фамилия', firstName: 'Имя', relation: 'Кем приходится', phone: 'Телефон' },
      cards: { code: 'Код', companion: 'Сопровождающий', companionCode: 'Код сопровождающего', kind: 'Вид', number: 'Номер карты', blocked: 'Заблокирована' },
      pickup: { child: 'Ребёнок', childCode: 'Код ребёнка', companion: 'Сопровождающий', companionCode: 'Код сопровождающего', mayBring: 'Может приводить', mayCollect: 'Может забирать', banned: 'Запрещено' },
    },
    yes: 'да',
    no: 'нет',
    gender: { female: 'девочка', male: 'мальчик' },
    relation: { mother: 'мать', father: 'отец', grandmother: 'бабушка', grandfather: 'дедушка', nanny: 'няня', aunt: 'тётя', uncle: 'дядя', other: 'другое' },
    kind: { rfid: 'карта', qr: 'QR' },
    instructions: [
      'Список детского сада: группы, дети, сопровождающие, их карты и кто какого ребёнка может приводить и забирать.',
      'Первая строка каждого листа — названия столбцов: не меняйте их. Одна строка — одна запись.',
      'Столбец «Код» можно оставить пустым: новой записи киоск даст код сам. Коды в выгруженном файле не меняйте — по ним киоск узнаёт запись.',
      'Группа ребёнка пишется так же, как на листе «Группы». Дата рождения — ДД.ММ.ГГГГ (например 08.03.2021), пол — «мальчик» или «девочка»; оба необязательны.',
      'Кем сопровождающий приходится ребёнку: мать, отец, бабушка, дедушка, няня, тётя, дядя, другое.',
      'Номер карты — 10 цифр, напечатанных на карте, с ведущими нулями (например 0004512345). Для печатной QR-карты вид — «QR», номер пустой.',
      'Лист «Кто приводит и забирает»: ребёнок и сопровождающий (фамилия и имя или код), «да» или «нет». «Запрещено» — «да»: этот человек не может забрать ребёнка совсем.',
      'Каждого ребёнка должен иметь право забрать хотя бы один человек.',
      'Ребёнок, которого нет в файле, выводится из активного списка, его история сохраняется.',
      'Формулы и объединённые ячейки не принимаются: впишите само значение.',
    ],
  },
};

/** How a cell's text is compared with the words above: case, spaces, ё and the Kazakh/Russian look-alikes aside. */
export function wordKey(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/ё/g, 'е');
}

function wordTable<T extends string | boolean>(pairs: readonly (readonly [string, T])[]): ReadonlyMap<string, T> {
  return new Map(pairs.map(([word, value]) => [wordKey(word), value]));
}

const LANGS: readonly SheetLanguage[] = ['kk', 'ru'];

/** Which sheet a tab's name is, in either language. */
export const SHEET_BY_NAME = wordTable<SheetKey>(LANGS.flatMap((l) => SHEET_KEYS.map((k) => [WORDS[l].sheets[k], k] as const)));

/** Which column a header names, per sheet, in either language. */
export function columnByHeader<S extends SheetKey>(sheet: S): ReadonlyMap<string, ColumnKey<S>> {
  const pairs: (readonly [string, ColumnKey<S>])[] = [];
  for (const l of LANGS) {
    const headers = WORDS[l].headers[sheet] as Record<ColumnKey<S>, string>;
    for (const column of COLUMNS[sheet] as readonly ColumnKey<S>[]) pairs.push([headers[column], column]);
  }
  return wordTable(pairs);
}

export const YES_NO = wordTable<boolean>([
  ...LANGS.flatMap((l) => [[WORDS[l].yes, true], [WORDS[l].no, false]] as const),
  ['yes', true], ['no', false], ['иа', true], ['y', true], ['n', false], ['1', true], ['0', false], ['+', true], ['-', false],
]);

export const GENDERS = wordTable<'female' | 'male'>([
  ...LANGS.flatMap((l) => [[WORDS[l].gender.female, 'female'], [WORDS[l].gender.male, 'male']] as const),
  ['female', 'female'], ['male', 'male'], ['ж', 'female'], ['м', 'male'], ['f', 'female'], ['m', 'male'], ['қ', 'female'], ['ұ', 'male'],
]);

export const RELATIONS = wordTable<Relation>(
  LANGS.flatMap((l) => (Object.entries(WORDS[l].relation) as [Relation, string][]).map(([relation, word]) => [word, relation] as const)).concat(
    (Object.keys(WORDS.kk.relation) as Relation[]).map((relation) => [relation, relation] as const),
    [['мама', 'mother'], ['папа', 'father'], ['ана', 'mother'], ['әке', 'father'], ['әже', 'grandmother'], ['ата', 'grandfather'], ['күтуші', 'nanny']],
  ),
);

export const KINDS = wordTable<'rfid' | 'qr'>([['карта', 'rfid'], ['card', 'rfid'], ['rfid', 'rfid'], ['qr', 'qr'], ['qr-карта', 'qr'], ['qr карта', 'qr']]);
