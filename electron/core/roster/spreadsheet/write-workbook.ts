// The roster workbook in Kazakh or Russian: an instructions sheet, then groups, children, companions, cards and who
// may bring or collect whom — empty (the template) or filled with the roster as it stands, codes included, so the
// file read straight back changes nothing. Every cell is text ('@'): a card's leading zeros and a phone's plus stay as
// written when the admin edits the file, and Excel does not turn a date or a number into something else.
import type ExcelJS from 'exceljs';
import { formatCardNumber } from '../../../../shared/credentials/card-number-display.js';
import { birthDateText } from './cell-values.js';
import { unretired } from './parse-roster.js';
import { COLUMNS, WORDS, type ColumnKey, type SheetKey, type SheetLanguage } from './sheet-layout.js';
import type { SheetRoster } from './sheet-roster.js';

const WIDTHS: Record<string, number> = { code: 26, name: 28, lastName: 22, firstName: 18, group: 22, companion: 30, child: 30 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

export async function rosterWorkbook(language: SheetLanguage, roster: SheetRoster | null): Promise<Buffer> {
  const { Workbook } = (await import('exceljs')).default;
  const words = WORDS[language];
  const workbook = new Workbook();
  workbook.creator = 'Esik';
  const help = workbook.addWorksheet(words.instructionsSheet);
  help.getColumn(1).width = 120;
  for (const line of words.instructions) help.addRow([line]).alignment = { wrapText: true, vertical: 'top' };

  const rows: SheetRows = roster ? rowsOf(language, roster) : { groups: [], children: [], companions: [], cards: [], pickup: [] };
  addSheet(workbook, language, 'groups', rows.groups);
  addSheet(workbook, language, 'children', rows.children);
  addSheet(workbook, language, 'companions', rows.companions);
  addSheet(workbook, language, 'cards', rows.cards);
  addSheet(workbook, language, 'pickup', rows.pickup);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet<S extends SheetKey>(workbook: ExcelJS.Workbook, language: SheetLanguage, key: S, rows: readonly Record<ColumnKey<S>, string>[]): void {
  const columns = COLUMNS[key] as readonly ColumnKey<S>[];
  const headers = WORDS[language].headers[key] as Record<ColumnKey<S>, string>;
  const sheet = workbook.addWorksheet(WORDS[language].sheets[key], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ key: column, width: WIDTHS[column] ?? 16, style: { numFmt: '@' } }));
  const header = sheet.addRow(columns.map((column) => headers[column]));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const row of rows) sheet.addRow(columns.map((column) => row[column]));
}

type SheetRows = { [S in SheetKey]: Record<ColumnKey<S>, string>[] };

function rowsOf(language: SheetLanguage, roster: SheetRoster): SheetRows {
  const words = WORDS[language];
  const yesNo = (value: boolean) => (value ? words.yes : words.no);
  const groupName = new Map(roster.groups.map((g) => [g.id, g.name]));
  const childName = new Map(roster.children.map((c) => [c.id, `${c.lastName} ${c.firstName}`]));
  const companionName = new Map(roster.companions.map((c) => [c.id, `${c.lastName} ${c.firstName}`]));
  return {
    groups: roster.groups.map((g) => ({ code: g.id, name: g.name, order: String(g.sortOrder) })),
    children: roster.children.map((c) => ({
      code: c.id,
      lastName: c.lastName,
      firstName: c.firstName,
      group: groupName.get(c.groupId) ?? c.groupId,
      birthDate: c.birthDate === null ? '' : birthDateText(c.birthDate),
      gender: c.gender === null ? '' : words.gender[c.gender],
    })),
    companions: roster.companions.map((c) => ({ code: c.id, lastName: c.lastName, firstName: c.firstName, relation: words.relation[c.relation], phone: c.phone ?? '' })),
    cards: roster.credentials.map((c) => ({
      code: c.id,
      companion: companionName.get(c.companionId) ?? '',
      companionCode: c.companionId,
      kind: words.kind[c.kind],
      // As printed on an EM card: ten digits with the leading zeros; a Mifare UID as the roster keeps it.
      number: c.kind === 'rfid' ? formatCardNumber(unretired(c.value), 'em-decimal') : '',
      blocked: yesNo(c.revokedAt !== null),
    })),
    pickup: roster.links.map((l) => ({
      child: childName.get(l.childId) ?? '',
      childCode: l.childId,
      companion: companionName.get(l.companionId) ?? '',
      companionCode: l.companionId,
      mayBring: yesNo(l.mayBring),
      mayCollect: yesNo(l.mayCollect),
      banned: yesNo(l.blocked),
    })),
  };
}
