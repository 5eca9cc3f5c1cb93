import { describe, expect, it } from 'vitest';
import { formatDay, formatDayTime, maskDay, maskTime, parseDay, parseTime } from './date-format.js';

describe('days and times as people read them', () => {
  it('shows a day as dd.MM.yyyy and a timestamp in its own 24-hour time', () => {
    expect(formatDay('2026-02-12')).toBe('12.02.2026');
    expect(formatDay('2026-12-02T19:05:00.000+05:00')).toBe('02.12.2026');
    expect(formatDayTime('2026-12-02T19:05:00.000+05:00')).toBe('02.12.2026 19:05');
    expect(formatDayTime('2026-12-02T00:30:00.000-05:00')).toBe('02.12.2026 00:30');
  });
});

describe('days as people type them', () => {
  it('takes dd.MM.yyyy and stores YYYY-MM-DD', () => {
    expect(parseDay('12.02.2026')).toEqual({ ok: true, day: '2026-02-12' });
    expect(parseDay(' 29.02.2028 ')).toEqual({ ok: true, day: '2028-02-29' });
    expect(parseDay('31.12.2026')).toEqual({ ok: true, day: '2026-12-31' });
  });

  it('refuses a day no calendar has', () => {
    for (const text of ['31.02.2026', '29.02.2026', '00.01.2026', '01.13.2026', '31.04.2026', '01.00.2026', '12.02.0026'])
      expect(parseDay(text), text).toEqual({ ok: false, why: 'impossible' });
  });

  it('tells a day typed in part, or in the browser’s forms, from an empty field', () => {
    expect(parseDay('')).toEqual({ ok: false, why: 'empty' });
    for (const text of ['12.02', '1.2.2026', '12/02/2026', '02/12/2026', '2026-02-12', '12.02.26'])
      expect(parseDay(text), text).toEqual({ ok: false, why: 'incomplete' });
  });

  it('puts the dots in while the digits are typed and lets a backspace take one out', () => {
    expect(maskDay('', '1')).toBe('1');
    expect(maskDay('1', '12')).toBe('12.');
    expect(maskDay('12.', '12.0')).toBe('12.0');
    expect(maskDay('12.0', '12.02')).toBe('12.02.');
    expect(maskDay('12.02.', '12.02.2026')).toBe('12.02.2026');
    expect(maskDay('12.02.2026', '12.02.20267')).toBe('12.02.2026');
    expect(maskDay('', '12022026')).toBe('12.02.2026');
    expect(maskDay('', '12/02/2026')).toBe('12.02.2026');
    expect(maskDay('12.02.', '12.02')).toBe('12.02');
    expect(maskDay('12.02', '12.0')).toBe('12.0');
    expect(maskDay('12.0', '12.0x')).toBe('12.0');
  });
});

describe('times as people type them, 24-hour', () => {
  it('takes HH:mm from 00:00 to 23:59', () => {
    expect(parseTime('19:00')).toEqual({ ok: true, time: '19:00' });
    expect(parseTime('00:00')).toEqual({ ok: true, time: '00:00' });
    expect(parseTime('23:59')).toEqual({ ok: true, time: '23:59' });
  });

  it('refuses what no clock shows, and 12-hour forms', () => {
    for (const text of ['24:00', '19:60', '99:99']) expect(parseTime(text), text).toEqual({ ok: false, why: 'impossible' });
    for (const text of ['7:00', '07:00 PM', '7 PM', '1900']) expect(parseTime(text), text).toEqual({ ok: false, why: 'incomplete' });
    expect(parseTime(' ')).toEqual({ ok: false, why: 'empty' });
  });

  it('puts the colon in while the digits are typed', () => {
    expect(maskTime('', '1')).toBe('1');
    expect(maskTime('1', '19')).toBe('19:');
    expect(maskTime('19:', '19:0')).toBe('19:0');
    expect(maskTime('19:0', '19:00')).toBe('19:00');
    expect(maskTime('', '1900')).toBe('19:00');
    expect(maskTime('19:', '19')).toBe('19');
  });
});
