import { describe, expect, it } from 'vitest';
import { guessableAs, pinWeakness } from './pin-rules.js';

describe('pinWeakness', () => {
  it.each(['0000', '1111', '99999999', '1212', '121212', '123123', '12341234', '2020'])('refuses the repeat %s', (pin) => {
    expect(pinWeakness(pin)).toBe('repeat');
  });

  it.each(['1234', '0123', '4321', '9876', '3456789', '23456789', '6543'])('refuses the run %s', (pin) => {
    expect(pinWeakness(pin)).toBe('sequence');
  });

  it.each(['123', '123456789', '12a4', '', ' 2468', '١٢٣٤'])('refuses %j as not four to eight digits', (pin) => {
    expect(pinWeakness(pin)).toBe('format');
  });

  it.each(['2468', '1357', '8024', '1243', '90817263', '1122', '1001', '7391'])('accepts %s', (pin) => {
    expect(pinWeakness(pin)).toBeNull();
  });
});

describe('guessableAs', () => {
  it('names a repeat or a run the way the contract does, and never lets a malformed PIN through', () => {
    expect(guessableAs('0000')).toBe('repeat');
    expect(guessableAs('9876')).toBe('sequence');
    expect(guessableAs('12a4')).toBe('repeat');
    expect(guessableAs('8024')).toBeNull();
  });
});
