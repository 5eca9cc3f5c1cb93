import { describe, expect, it } from 'vitest';
import { neverComeCatalogs, neverComeTexts } from './never-come-catalogs.js';

describe('the never-come page in three languages', () => {
  it('says the school days with the right ending in each', () => {
    expect(neverComeCatalogs.ru.intro(10)).toContain('не приходили 10 рабочих дней подряд');
    expect(neverComeCatalogs.ru.intro(21)).toContain('не приходили 21 рабочий день подряд');
    expect(neverComeCatalogs.ru.intro(22)).toContain('не приходили 22 рабочих дня подряд');
    expect(neverComeCatalogs.ru.intro(12)).toContain('не приходили 12 рабочих дней подряд');
    expect(neverComeCatalogs.kk.intro(10)).toContain('қатарынан 10 немесе одан көп жұмыс күні');
    expect(neverComeCatalogs.en.intro(1)).toContain('for 1 school day in a row');
    expect(neverComeCatalogs.en.intro(10)).toContain('for 10 school days in a row');
    expect(neverComeTexts('kk-KZ')).toBe(neverComeCatalogs.kk);
    expect(neverComeTexts('de')).toBe(neverComeCatalogs.ru);
  });
});
