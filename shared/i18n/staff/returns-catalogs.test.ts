import { describe, expect, it } from 'vitest';
import { returnsCatalogs, returnTexts } from './returns-catalogs.js';

describe('the returns alert in three languages', () => {
  it('says the days with the right ending in each', () => {
    expect(returnsCatalogs.kk.backAfter('Әлихан', 7)).toBe('Әлихан 7 күннен кейін қайта келді — дәрігердің анықтамасын сұраңыз');
    expect(returnsCatalogs.ru.backAfter('Әлихан', 7)).toBe('Әлихан снова в саду после 7 дней отсутствия — спросите справку от врача');
    expect(returnsCatalogs.ru.backAfter('Інжу', 21)).toContain('после 21 дня отсутствия');
    expect(returnsCatalogs.ru.backAfter('Інжу', 11)).toContain('после 11 дней отсутствия');
    expect(returnsCatalogs.en.backAfter('Alikhan', 1)).toBe('Alikhan is back after 1 day — ask for the certificate');
    expect(returnTexts('ru-RU')).toBe(returnsCatalogs.ru);
    expect(returnTexts('de')).toBe(returnsCatalogs.ru);
  });
});
