import { describe, expect, it } from 'vitest';
import { keyFromEvent } from './key-from-event.js';

const key = (key: string, code: string, shiftKey = false) => keyFromEvent({ key, code, shiftKey });

describe('keyFromEvent', () => {
  it('reads digits and hex letters from the physical key, whatever the layout', () => {
    expect(key('7', 'Digit7')).toBe('7');
    expect(key('&', 'Digit1')).toBe('1'); // AZERTY without Shift
    expect(key('ф', 'KeyA')).toBe('A'); // Russian layout
    expect(key('Ф', 'KeyA', true)).toBe('A');
    expect(key('б', 'Comma')).toBe(',');
    expect(key('Ж', 'Semicolon', true)).toBe(':');
    expect(key('3', 'Numpad3')).toBe('3');
  });

  it('names the suffix keys', () => {
    expect(key('Enter', 'NumpadEnter')).toBe('Enter');
    expect(key('Enter', '')).toBe('Enter');
    expect(key('Tab', 'Tab')).toBe('Tab');
  });

  it('ignores bare modifiers and falls back to event.key', () => {
    expect(key('Shift', 'ShiftLeft', true)).toBeNull();
    expect(key('5', '')).toBe('5');
    expect(key('x', 'KeyX')).toBe('x');
    expect(key('Escape', 'Escape')).toBe('Escape');
  });
});
