import { describe, expect, it } from 'vitest';
import { dateFieldTexts, datesCatalogs } from './dates-catalogs.js';

describe('the date and time fields in three languages', () => {
  it('show the pattern in the language’s letters', () => {
    expect(datesCatalogs.kk.dayPattern).toBe('кк.аа.жжжж');
    expect(datesCatalogs.ru.dayPattern).toBe('дд.мм.гггг');
    expect(datesCatalogs.en.dayPattern).toBe('dd.mm.yyyy');
    expect(datesCatalogs.kk.timePattern).toBe('сс:мм');
    expect(datesCatalogs.ru.timePattern).toBe('чч:мм');
  });

  it('refuse a day with the Kazakh ending the number takes', () => {
    expect(datesCatalogs.kk.dayTooEarly('05.03.2026')).toBe('Күн 05.03.2026-дан ерте болмауы керек');
    expect(datesCatalogs.kk.dayTooLate('30.11.2026')).toBe('Күн 30.11.2026-дан кеш болмауы керек');
    expect(datesCatalogs.kk.dayTooLate('01.12.2020')).toBe('Күн 01.12.2020-дан кеш болмауы керек');
    expect(datesCatalogs.kk.dayTooEarly('01.09.2025')).toBe('Күн 01.09.2025-тен ерте болмауы керек');
    expect(datesCatalogs.kk.dayImpossible('31.02.2026')).toBe('Күнтізбеде 31.02.2026 деген күн жоқ');
    expect(datesCatalogs.ru.dayImpossible('31.02.2026')).toBe('Даты 31.02.2026 нет в календаре');
    expect(datesCatalogs.ru.dayTooEarly('05.03.2026')).toBe('Дата не может быть раньше 05.03.2026');
    expect(datesCatalogs.en.dayTooLate('05.03.2026')).toBe('The date cannot be after 05.03.2026');
    expect(datesCatalogs.ru.timeImpossible('24:00')).toBe('Времени 24:00 не бывает');
  });

  it('fall back to Russian for a language the kiosk does not speak', () => {
    expect(dateFieldTexts('kk-KZ')).toBe(datesCatalogs.kk);
    expect(dateFieldTexts('de')).toBe(datesCatalogs.ru);
  });
});
