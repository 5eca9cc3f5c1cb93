// The табель as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Cyrillic as mojibake) and
// semicolons, the list separator of Kazakh and Russian Windows, so the file opens in columns with a double click.
import type { TabelTable } from './tabel-table.js';

const BOM = '\uFEFF';

function field(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tabelCsv(table: TabelTable): Buffer {
  const lines: (string | number)[][] = [
    [table.title],
    ...table.facts.map((f) => [f]),
    [],
    table.header,
    table.weekdays,
    ...table.rows.map((r) => r.cells),
    table.totals,
    [],
    ...table.notes.map((n) => [n]),
    ...table.holidays.map((h) => [h]),
    [],
    ...table.legend.map((l) => [l]),
    ...table.signatures.flatMap((s) => [[], [s]]),
  ];
  return Buffer.from(BOM + lines.map((cells) => cells.map(field).join(';')).join('\r\n') + '\r\n', 'utf8');
}
