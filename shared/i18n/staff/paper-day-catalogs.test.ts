import { describe, expect, it } from 'vitest';
import { PaperDayRefusalSchema } from '../../staff/paper-day-contract.js';
import { paperDayCatalogs, paperDayTexts } from './paper-day-catalogs.js';
import { paperDate } from './paper-day-en.js';

describe('a day the kiosk was down, in three languages', () => {
  it('words every refusal in each, and no two alike', () => {
    for (const texts of Object.values(paperDayCatalogs)) {
      const words = PaperDayRefusalSchema.options.map((why) => texts.refusals[why]);
      expect(words.every((w) => w.length > 10)).toBe(true);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it('says the counts and who entered the day, with the endings each language needs', () => {
    expect(paperDayCatalogs.kk.saved('Балапан', '20.11.2026', 3)).toBe('Балапан, 20.11.2026: 3 келу жазылды');
    expect(paperDayCatalogs.ru.saved('Балапан', '20.11.2026', 21)).toBe('Балапан, 20.11.2026: записано приходов — 21');
    expect(paperDayCatalogs.en.saved('Balapan', '20.11.2026', 1)).toBe('Balapan, 20.11.2026: 1 arrival recorded');
    expect(paperDayCatalogs.en.saved('Balapan', '20.11.2026', 2)).toBe('Balapan, 20.11.2026: 2 arrivals recorded');
    expect(paperDayCatalogs.ru.entered('Жанна Сейітова', '23.11.2026', '10:15')).toBe('Внесено: Жанна Сейітова, 23.11.2026 в 10:15. Повторное сохранение ничего не изменит.');
    expect(paperDayCatalogs.kk.counts(18, 3)).toBe('Келгені: 18 · келмегені: 3');
    expect(paperDate('2026-11-20')).toBe('20.11.2026');
    expect(paperDayTexts('kk-KZ')).toBe(paperDayCatalogs.kk);
    expect(paperDayTexts('de')).toBe(paperDayCatalogs.ru);
  });
});
