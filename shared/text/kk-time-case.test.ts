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

  it('read minutes with a leading zero digit by digit, whatever the hour', () => {
    expect(kkAtTime('09:00')).toBe('09:00-де'); // тоғыз нөл нөл
    expect(kkAtTime('10:00')).toBe('10:00-де');
    expect(kkToTime('09:00')).toBe('09:00-ге');
    expect(kkToTime('18:00')).toBe('18:00-ге');
    expect(kkAtTime('14:05')).toBe('14:05-те'); // нөл бес
    expect(kkAtTime('09:06')).toBe('09:06-да'); // нөл алты
    expect(kkToTime('07:09')).toBe('07:09-ға'); // нөл тоғыз
  });
});
