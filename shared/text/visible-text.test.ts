import { describe, expect, it } from 'vitest';
import { boundedVisibleText, visibleText } from './visible-text.js';

describe('visibleText', () => {
  it('leaves ordinary card numbers, codes and Kazakh or Russian text as they are', () => {
    for (const text of ['4512345', '103,12632', 'AB:12:CD:34', 'ESK1.abc-_~', 'Әлихан Ұлы', 'Айару']) {
      expect(visibleText(text)).toBe(text);
    }
  });

  it('turns NUL, ESC, DEL and the C1 controls into visible escapes', () => {
    expect(visibleText('45\u000012')).toBe('45\\u{0}12');
    expect(visibleText('\u001B[2J4512')).toBe('\\u{1B}[2J4512');
    expect(visibleText('a\u007Fb\u0085c\u009Bd')).toBe('a\\u{7F}b\\u{85}c\\u{9B}d');
    expect(visibleText('line\r\nnext\ttab')).toBe('line\\u{D}\\u{A}next\\u{9}tab');
  });

  it('defuses bidi overrides and isolates, zero-width marks and separators', () => {
    // "‮4512345" would show reversed; escaped, it shows what was presented in the order it came.
    expect(visibleText('\u202E4512345')).toBe('\\u{202E}4512345');
    expect(visibleText('\u2066x\u2069\u200F\u061C')).toBe('\\u{2066}x\\u{2069}\\u{200F}\\u{61C}');
    expect(visibleText('a\u200Bb\uFEFFc\u2028d\u2029e\u00ADf')).toBe('a\\u{200B}b\\u{FEFF}c\\u{2028}d\\u{2029}e\\u{AD}f');
  });

  it('escapes lone surrogates but keeps real pairs', () => {
    expect(visibleText('a\uD800b\uDC00')).toBe('a\\u{D800}b\\u{DC00}');
    expect(visibleText('😀')).toBe('😀');
  });

  it('is idempotent: escaping what it made changes nothing (old rows shown again)', () => {
    const once = visibleText('\u0000\u202E\u001B');
    expect(visibleText(once)).toBe(once);
  });
});

describe('boundedVisibleText', () => {
  it('cuts by code points, never inside a surrogate pair, then escapes', () => {
    expect(boundedVisibleText('😀😀😀', 2)).toBe('😀😀');
    expect(boundedVisibleText('\u0000'.repeat(200), 128)).toBe('\\u{0}'.repeat(128));
    expect(boundedVisibleText('123', 128)).toBe('123');
  });
});
