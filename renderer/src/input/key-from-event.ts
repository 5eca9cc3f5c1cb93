// Turns a keydown into what a card reader or 2D scanner meant to type, whatever keyboard layout Windows has active.

export interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'OS']);

/** The US layout HID readers and scanners emulate: physical key → [plain, with Shift]. Letters and digits are below. */
const US_SYMBOLS: Readonly<Record<string, readonly [string, string]>> = {
  Backquote: ['`', '~'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadComma: [',', ','],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
  NumpadEqual: ['=', '='],
};

const SHIFTED_DIGITS = ')!@#$%^&*(';

/**
 * Returns "Enter", "Tab", a single character or another key name; null for a bare modifier, which a reader
 * presses around ":" or capital letters and which must not break its burst. A shortcut (Ctrl/Alt/Meta held) is
 * never part of a burst: it comes back as "Shortcut".
 */
export function keyFromEvent(event: KeyLike): string | null {
  if (MODIFIERS.has(event.key)) return null;
  if (event.key === 'Enter' || event.code === 'Enter' || event.code === 'NumpadEnter') return 'Enter';
  if (event.key === 'Tab' || event.code === 'Tab') return 'Tab';
  if (event.ctrlKey || event.altKey || event.metaKey) return 'Shortcut';
  return charFromCode(event.code, event.shiftKey) ?? event.key;
}

/**
 * Readers and scanners send US key positions. With the Russian or Kazakh layout active, the key for "A" types "Ф",
 * so the physical key (event.code) with Shift is the reliable source; event.key is the fallback (e.g. synthetic
 * events). Caps Lock is ignored on purpose: a scanner sends Shift for capitals, whatever the lock says.
 */
function charFromCode(code: string, shift: boolean): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shift ? letter : letter.toLowerCase();
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit) return shift ? (SHIFTED_DIGITS[Number(digit)] ?? null) : digit;
  const numpadDigit = /^Numpad(\d)$/.exec(code)?.[1];
  if (numpadDigit) return numpadDigit;
  const symbol = US_SYMBOLS[code];
  return symbol ? symbol[shift ? 1 : 0] : null;
}
