import { describe, expect, it } from 'vitest';
import { headcountCatalogs, headcountTexts } from './headcount-catalogs.js';

describe('the headcount texts in three languages', () => {
  it('say when the kiosk counted, with the Kazakh case ending on the time', () => {
    expect(headcountCatalogs.kk.countedLate('09:47', '09:00')).toBe('09:47-де есептелді: 09:00-де киоск өшірулі болды');
    expect(headcountCatalogs.kk.counted('09:00')).toBe('09:00-де есептелді');
    expect(headcountCatalogs.kk.cutOff('08:45')).toBe('Балаларды қабылдау 08:45-ке дейін');
    expect(headcountCatalogs.ru.countedLate('09:47', '09:00')).toBe('Посчитано в 09:47: в 09:00 киоск был выключен');
    expect(headcountCatalogs.en.countedLate('09:47', '09:00')).toBe('Counted at 09:47: the kiosk was off at 09:00');
    expect(headcountTexts('kk-KZ')).toBe(headcountCatalogs.kk);
    expect(headcountTexts('de')).toBe(headcountCatalogs.ru);
  });

  it('name every absence reason in each language', () => {
    for (const texts of Object.values(headcountCatalogs)) {
      expect(Object.keys(texts.reasons).sort()).toEqual(['family', 'other', 'sanatorium', 'sick', 'vacation']);
    }
  });
});
