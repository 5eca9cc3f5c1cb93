// The printed табель's texts in each language, and months and dates as a document in that language writes them.
import type { Language } from '../../domain/attendance.js';
import { tabelPrintEn, type MonthKey, type TabelPrintTexts } from './tabel-print-en.js';
import { tabelPrintKk } from './tabel-print-kk.js';
import { tabelPrintRu } from './tabel-print-ru.js';
import { fillText as fill } from '../fill-text.js';

export const tabelPrintCatalogs: Record<Language, TabelPrintTexts> = { kk: tabelPrintKk, ru: tabelPrintRu, en: tabelPrintEn };

const monthKey = (isoDate: string): MonthKey => `m${isoDate.slice(5, 7)}` as MonthKey;

/** "2026-12" → "2026 жылғы желтоқсан", "декабрь 2026", "December 2026". */
export function documentMonth(month: string, language: Language): string {
  const texts = tabelPrintCatalogs[language];
  return fill(texts.monthTitle, { month: texts.months[monthKey(month)], year: month.slice(0, 4) });
}

/** "2026-12-03" → "2026 жылғы 3 желтоқсан", "3 декабря 2026 г.", "3 December 2026". */
export function documentDate(isoDate: string, language: Language): string {
  const texts = tabelPrintCatalogs[language];
  return fill(texts.date, { day: String(Number(isoDate.slice(8, 10))), month: texts.monthsOfDate[monthKey(isoDate)], year: isoDate.slice(0, 4) });
}
