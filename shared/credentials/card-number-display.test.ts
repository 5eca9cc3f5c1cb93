import { describe, expect, it } from 'vitest';
import { formatCardNumber } from './card-number-display.js';

describe('formatCardNumber', () => {
  it('shows an EM number as each EM reader and the card print show it', () => {
    expect(formatCardNumber('6762840', 'em-decimal')).toBe('0006762840');
    expect(formatCardNumber('6762840', 'em-w26')).toBe('103,12632');
    expect(formatCardNumber('6762840', 'em-printed')).toBe('0006762840 103,12632');
    expect(formatCardNumber('6762840', 'em-hex')).toBe('00673158');
    expect(formatCardNumber('6762840', 'canonical')).toBe('6762840');
  });

  it('shows only the low 24 bits on a W26 display, as a W26 reader would', () => {
    expect(formatCardNumber('2389127512', 'em-w26')).toBe('103,12632');
    expect(formatCardNumber('2389127512', 'em-printed')).toBe('2389127512 103,12632');
  });

  it('shows a Mifare UID as each Mifare reader shows it', () => {
    expect(formatCardNumber('04:A2:1B:7C', 'mifare-hex')).toBe('04A21B7C');
    expect(formatCardNumber('04:A2:1B:7C', 'mifare-hex-reversed')).toBe('7C1BA204');
    expect(formatCardNumber('04:A2:1B:7C', 'mifare-decimal')).toBe('0077732732');
    expect(formatCardNumber('04:A2:1B:7C', 'mifare-decimal-reversed')).toBe('2082185732');
    expect(formatCardNumber('04:52:7A:C2:3E:5D:80', 'mifare-decimal')).toBe('1216587105197440');
  });

  it('leaves a number of the other kind, and anything not canonical, as it is', () => {
    expect(formatCardNumber('04:A2:1B:7C', 'em-decimal')).toBe('04:A2:1B:7C');
    expect(formatCardNumber('6762840', 'mifare-hex')).toBe('6762840');
    expect(formatCardNumber('0006762840', 'em-w26')).toBe('0006762840');
    expect(formatCardNumber('04:A2:1B', 'mifare-hex')).toBe('04:A2:1B');
    expect(formatCardNumber('', 'em-decimal')).toBe('');
  });
});
