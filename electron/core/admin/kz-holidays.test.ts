import { describe, expect, it } from 'vitest';
import { kzHolidaysInMonth, kzPublicHolidays } from './kz-holidays.js';

describe("Kazakhstan's public holidays", () => {
  it('knows the fixed holidays, Kurban ait by the moon, and the substitute days, named in the language asked for', () => {
    const march = kzHolidaysInMonth('2026-03', 'ru').map((h) => `${h.date} ${h.name}`);
    // 8 March 2026 is a Sunday: Monday the 9th is the day off instead. Nauryz 21–23 March, with its substitutes.
    expect(march).toContain('2026-03-08 Международный женский день');
    expect(march).toContain('2026-03-09 Международный женский день (перенесённый выходной)');
    expect(march.filter((h) => h.includes('Наурыз')).map((h) => h.slice(0, 10))).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-23', '2026-03-24']);
    expect(kzHolidaysInMonth('2026-05', 'kk').map((h) => h.date)).toEqual(['2026-05-01', '2026-05-07', '2026-05-09', '2026-05-11', '2026-05-27']);
    expect(kzHolidaysInMonth('2026-12', 'kk')).toEqual([{ date: '2026-12-16', name: 'Тәуелсіздік күні' }]);
    // Working observances (memorial days and the like) are not days off.
    expect(kzPublicHolidays(2026, 'en').every((h) => /^\d{4}-\d{2}-\d{2}$/.test(h.date))).toBe(true);
    expect(kzHolidaysInMonth('2026-04', 'en')).toEqual([]);
  });
});
