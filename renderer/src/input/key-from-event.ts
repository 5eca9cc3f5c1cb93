// Turns a keydown into what a card reader meant to type, whatever keyboard layout Windows has active.

export interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'OS']);

/**
 * Returns "Enter", "Tab", a single character or another key name; null for a bare modifier, which a reader
 * presses around ":" or capital hex letters and which must not break its burst.
 */
export function keyFromEvent(event: KeyLike): string | null {
  if (MODIFIERS.has(event.key)) return null;
  if (event.key === 'Enter' || event.code === 'Enter' || event.code === 'NumpadEnter') return 'Enter';
  if (event.key === 'Tab' || event.code === 'Tab') return 'Tab';
  return charFromCode(event.code, event.shiftKey) ?? event.key;
}

/**
 * Readers send US key positions. With the Russian or Kazakh layout active, the key for "A" types "Ф",
 * so the physical key (event.code) is the reliable source; event.key is the fallback (e.g. synthetic events).
 */
function charFromCode(code: string, shift: boolean): string | null {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (digit && !(shift && code.startsWith('Digit'))) return digit[1] ?? null;
  const hexLetter = /^Key([A-F])$/.exec(code);
  if (hexLetter) return hexLetter[1] ?? null;
  if (code === 'NumpadComma' || (code === 'Comma' && !shift)) return ',';
  if (code === 'Semicolon' && shift) return ':';
  return null;
}
