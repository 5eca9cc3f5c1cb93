import { describe, expect, it } from 'vitest';
import { keyFromEvent } from './key-from-event.js';

const key = (key: string, code: string, shiftKey = false) => keyFromEvent({ key, code, shiftKey });

describe('keyFromEvent', () => {
  it('reads digits and letters from the physical key, whatever the layout', () => {
    expect(key('7', 'Digit7')).toBe('7');
    expect(key('&', 'Digit1')).toBe('1'); // AZERTY without Shift
    expect(key('ф', 'KeyA')).toBe('a'); // Russian layout
    expect(key('Ф', 'KeyA', true)).toBe('A');
    expect(key('ә', 'KeyX')).toBe('x'); // Kazakh layout
    expect(key('б', 'Comma')).toBe(',');
    expect(key('Ж', 'Semicolon', true)).toBe(':');
    expect(key('3', 'Numpad3')).toBe('3');
  });

  it('reads the separators a QR text may hold, with and without Shift, as the US layout types them', () => {
    const typed = [
      key('-', 'Minus'),
      key('_', 'Minus', true),
      key('/', 'Slash'),
      key('?', 'Slash', true),
      key('.', 'Period'),
      key('=', 'Equal'),
      key('+', 'Equal', true),
      key('"', 'Digit2', true), // Russian layout: Shift+2 types '"', a scanner meant '@'
      key('№', 'Digit3', true),
      key('%', 'Digit5', true),
      key('&', 'Digit7', true),
      key(' ', 'Space'),
      key('х', 'BracketLeft'),
      key('~', 'Backquote', true),
    ];
    expect(typed.join('')).toBe('-_/?.=+@#%& [~');
  });

  it('names the suffix keys', () => {
    expect(key('Enter', 'NumpadEnter')).toBe('Enter');
    expect(key('Enter', '')).toBe('Enter');
    expect(key('Tab', 'Tab')).toBe('Tab');
  });

  it('ignores bare modifiers and falls back to event.key', () => {
    expect(key('Shift', 'ShiftLeft', true)).toBeNull();
    expect(key('CapsLock', 'CapsLock')).toBeNull();
    expect(key('5', '')).toBe('5');
    expect(key('x', 'KeyX')).toBe('x');
    expect(key('Escape', 'Escape')).toBe('Escape');
    expect(key('ArrowLeft', 'ArrowLeft')).toBe('ArrowLeft');
  });

  it('never takes a shortcut for a character', () => {
    expect(keyFromEvent({ key: 'c', code: 'KeyC', shiftKey: false, ctrlKey: true })).toBe('Shortcut');
    expect(keyFromEvent({ key: 'ф', code: 'KeyA', shiftKey: false, altKey: true })).toBe('Shortcut');
  });
});
