import { describe, expect, it } from 'vitest';
import { consoleCatalogs } from '../../../shared/i18n/admin/console-catalogs.js';
import { exportWords, folderNameOf } from './export-words.js';

describe('where an export went, in words', () => {
  it('names the folder a file is in, from Windows and POSIX paths', () => {
    expect(folderNameOf('D:\\Табель\\tabel-2026-12.xlsx')).toBe('Табель');
    expect(folderNameOf('C:\\Users\\Жанна\\Documents\\a.pdf')).toBe('Documents');
    expect(folderNameOf('E:\\a.pdf')).toBe('E:\\');
    expect(folderNameOf('/media/usb/tabel.xlsx')).toBe('usb');
    expect(folderNameOf('/tabel.xlsx')).toBe('/');
  });

  it('says the file and its folder by name, never the path', () => {
    const ru = consoleCatalogs.ru;
    const kk = consoleCatalogs.kk;
    expect(exportWords(ru, { kind: 'saved', savedTo: 'D:\\Табель\\tabel-2026-12.xlsx' })).toBe('Файл «tabel-2026-12.xlsx» сохранён в папку «Табель».');
    expect(exportWords(kk, { kind: 'downloaded', fileName: 'tabel-2026-12.xlsx' })).toBe('«tabel-2026-12.xlsx» файлы осы браузердің «Жүктеулер» қалтасына сақталды.');
    for (const language of ['kk', 'ru', 'en'] as const) {
      const kept = exportWords(consoleCatalogs[language], { kind: 'kept', fileName: 'act-2026-12.pdf' });
      expect(kept).toContain('act-2026-12.pdf');
      expect(kept).not.toMatch(/[\\/]/);
    }
  });
});
