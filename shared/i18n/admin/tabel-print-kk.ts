// The printed табель's texts in Kazakh (the shape is tabel-print-en.ts): "2026 жылғы желтоқсан", "2026 жылғы 3 желтоқсан".
import type { MonthKey, TabelPrintTexts } from './tabel-print-en.js';

const MONTHS: Record<MonthKey, string> = {
  m01: 'қаңтар',
  m02: 'ақпан',
  m03: 'наурыз',
  m04: 'сәуір',
  m05: 'мамыр',
  m06: 'маусым',
  m07: 'шілде',
  m08: 'тамыз',
  m09: 'қыркүйек',
  m10: 'қазан',
  m11: 'қараша',
  m12: 'желтоқсан',
};

export const tabelPrintKk: TabelPrintTexts = {
  monthTitle: '{{year}} жылғы {{month}}',
  date: '{{year}} жылғы {{day}} {{month}}',
  months: MONTHS,
  monthsOfDate: MONTHS,
  teacher: 'Топ тәрбиешісі',
  allGroups: 'Барлық топтар',
};
