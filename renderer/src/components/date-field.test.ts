// The date and time fields: what they hand the parent and what they say about a typed text, in kk, ru and en; and
// rendered with the real catalogs, a stored day shows as dd.MM.yyyy with the language's own pattern.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/domain/attendance.js';
import { datesCatalogs } from '../../../shared/i18n/dates/dates-catalogs.js';
import { i18nFor } from '../i18n/testing/i18n-for.js';
import { DateField } from './DateField.js';
import { acceptedDay, acceptedTime, dayProblem, timeProblem } from './date-field-rules.js';
import { TimeField } from './TimeField.js';

const { kk, ru, en } = datesCatalogs;

describe('a day field', () => {
  it('hands on a whole, possible day inside its bounds, and nothing else', () => {
    expect(acceptedDay('12.02.2026', {})).toBe('2026-02-12');
    expect(acceptedDay('31.02.2026', {})).toBe('');
    expect(acceptedDay('12.02', {})).toBe('');
    expect(acceptedDay('12.02.2026', { min: '2026-02-13' })).toBe('');
    expect(acceptedDay('12.02.2026', { max: '2026-02-11' })).toBe('');
    expect(acceptedDay('12.02.2026', { min: '2026-02-12', max: '2026-02-12' })).toBe('2026-02-12');
  });

  it('says an impossible day at once, a half-typed one only once the person leaves the field', () => {
    expect(dayProblem('31.02.2026', {}, false, kk)).toBe('Күнтізбеде 31.02.2026 деген күн жоқ');
    expect(dayProblem('31.02.2026', {}, false, ru)).toBe('Даты 31.02.2026 нет в календаре');
    expect(dayProblem('31.02.2026', {}, false, en)).toBe('There is no such date: 31.02.2026');
    expect(dayProblem('12.0', {}, false, ru)).toBeNull();
    expect(dayProblem('12.0', {}, true, ru)).toBe(ru.dayIncomplete);
    expect(dayProblem('', {}, true, ru)).toBeNull();
    expect(dayProblem('12.02.2026', {}, true, ru)).toBeNull();
  });

  it('names the bound a day crosses as the language writes it', () => {
    expect(dayProblem('01.03.2026', { min: '2026-03-05' }, false, kk)).toBe('Күн 05.03.2026-дан ерте болмауы керек');
    expect(dayProblem('10.03.2026', { max: '2026-03-05' }, false, ru)).toBe('Дата не может быть позже 05.03.2026');
  });
});

describe('a time field', () => {
  it('hands on 24-hour times only', () => {
    expect(acceptedTime('19:00')).toBe('19:00');
    expect(acceptedTime('24:00')).toBe('');
    expect(acceptedTime('7:00')).toBe('');
    expect(timeProblem('24:00', false, kk)).toBe('24:00 деген уақыт болмайды');
    expect(timeProblem('19', false, ru)).toBeNull();
    expect(timeProblem('19', true, en)).toBe(en.timeIncomplete);
  });
});

function render(language: Language, element: ReturnType<typeof createElement>): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(language) }, element));
}

describe('the fields on screen', () => {
  it.each([
    ['kk', 'кк.аа.жжжж', 'сс:мм'],
    ['ru', 'дд.мм.гггг', 'чч:мм'],
    ['en', 'dd.mm.yyyy', 'hh:mm'],
  ] as const)('show a stored day and time as dd.MM.yyyy and HH:mm in %s, with its pattern', (language, dayPattern, timePattern) => {
    const day = render(language, createElement(DateField, { value: '2026-02-12', onChange: () => undefined, testId: 'd' }));
    expect(day).toContain('value="12.02.2026"');
    expect(day).toContain(`placeholder="${dayPattern}"`);
    expect(day).toContain('type="text"');
    expect(day).not.toContain('type="date"');
    const time = render(language, createElement(TimeField, { value: '19:00', onChange: () => undefined, testId: 't' }));
    expect(time).toContain('value="19:00"');
    expect(time).toContain(`placeholder="${timePattern}"`);
    expect(time).not.toContain('type="time"');
  });
});
