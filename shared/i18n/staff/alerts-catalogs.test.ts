import { describe, expect, it } from 'vitest';
import { staffAlertCatalogs, staffAlertTexts } from './alerts-catalogs.js';

const { kk, ru, en } = staffAlertCatalogs;

describe('the staff alerts in three languages', () => {
  it('say who may not collect whom, with the grammar of each', () => {
    expect(kk.pickup('Гүлнар', ['Ерасыл', 'Інжу'])).toBe('Гүлнар Ерасыл мен Інжуді алып кете алмайды');
    expect(ru.pickup('Гүлнар', ['Ерасыл', 'Інжу'])).toBe('Гүлнар не может забрать: Ерасыл и Інжу');
    expect(en.pickup('Гүлнар', ['Ерасыл', 'Інжу'])).toBe('Гүлнар may not collect Ерасыл and Інжу');
  });

  it('say how often and when, the Kazakh time with its ending and the Russian count with its plural', () => {
    expect(kk.seen(1, '17:16', null)).toBe('17:16-да');
    expect(kk.seen(2, '17:05', null)).toBe('2 рет, соңғысы 17:05-те');
    expect(ru.seen(1, '17:16', null)).toBe('в 17:16');
    expect(ru.seen(2, '17:16', null)).toBe('2 раза, последний — в 17:16');
    expect(ru.seen(5, '17:16', null)).toBe('5 раз, последний — в 17:16');
    expect(ru.seen(12, '17:16', null)).toBe('12 раз, последний — в 17:16');
    expect(ru.seen(22, '17:16', '03.12.2026')).toBe('22 раза, последний — в 03.12.2026 17:16');
    expect(en.seen(3, '17:16', null)).toBe('3 times, last at 17:16');
  });

  it('say which way the clock is off', () => {
    expect(kk.clock(5)).toBe('Киоск сағаты қала серверінен 5 минутқа қалып тұр. Күні мен уақытын тексеріңіз');
    expect(kk.clock(-3)).toContain('3 минутқа озып тұр');
    expect(ru.clock(5)).toContain('отстают от городского сервера на 5 мин.');
    expect(en.clock(-3)).toContain('3 min ahead of the city server');
    expect(staffAlertTexts('kk-KZ')).toBe(kk);
    expect(staffAlertTexts('de')).toBe(ru);
  });
});
