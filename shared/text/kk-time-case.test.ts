import { describe, expect, it } from 'vitest';
import { kkAtTime, kkToTime } from './kk-time-case.js';

describe('Kazakh case endings after a clock time', () => {
  it('take the ending of the minutes said last', () => {
    expect(kkAtTime('09:47')).toBe('09:47-де'); // қырық жеті
    expect(kkAtTime('09:43')).toBe('09:43-те'); // қырық үш
    expect(kkAtTime('09:46')).toBe('09:46-да'); // қырық алты
    expect(kkAtTime('10:40')).toBe('10:40-та'); // қырық
    expect(kkAtTime('08:30')).toBe('08:30-да'); // отыз
    expect(kkAtTime('08:50')).toBe('08:50-де'); // елу
    expect(kkAtTime('08:15')).toBe('08:15-те'); // он бес
    expect(kkToTime('08:45')).toBe('08:45-ке'); // қырық бес
    expect(kkToTime('08:20')).toBe('08:20-ға'); // жиырма
    expect(kkToTime('09:01')).toBe('09:01-ге'); // бір
  });

  it('take the hour when the minutes are zero', () => {
    expect(kkAtTime('09:00')).toBe('09:00-да'); // тоғыз
    expect(kkAtTime('08:00')).toBe('08:00-де'); // сегіз
    expect(kkAtTime('10:00')).toBe('10:00-да'); // он
    expect(kkAtTime('00:00')).toBe('00:00-де'); // нөл
    expect(kkToTime('09:00')).toBe('09:00-ға');
    expect(kkToTime('07:00')).toBe('07:00-ге'); // жеті
    expect(kkToTime('14:00')).toBe('14:00-ке'); // он төрт
  });
});
