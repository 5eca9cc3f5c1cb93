// HID keyboard usage codes (HID Usage Tables, page 0x07) that card readers type, and what they stand for.

export const USAGE_ENTER = 0x28;
export const USAGE_TAB = 0x2b;
export const USAGE_KEYPAD_ENTER = 0x58;

/** Modifier bits of a boot keyboard report's first byte: left shift, right shift. */
export const SHIFT_BITS = 0x02 | 0x20;

/** The keyboard's "too many keys" (ErrorRollOver), POSTFail and ErrorUndefined: the report's keys mean nothing. */
export function isErrorUsage(usage: number): boolean {
  return usage >= 0x01 && usage <= 0x03;
}

/** Lock keys and modifiers sent as keys: some readers toggle Num Lock before keypad digits. */
export function isIgnoredUsage(usage: number): boolean {
  return usage === 0x39 || usage === 0x47 || usage === 0x53 || (usage >= 0xe0 && usage <= 0xe7);
}

const DIGITS = '1234567890';
const SHIFTED_DIGITS = '!@#$%^&*()';
const PUNCTUATION: Readonly<Record<number, readonly [string, string]>> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x33: [';', ':'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x56: ['-', '-'], // keypad minus
  0x63: ['.', '.'], // keypad period
};

/** The character a key press types on a US layout (readers type as a US keyboard), or null for another key. */
export function charOfUsage(usage: number, shift: boolean): string | null {
  if (usage >= 0x04 && usage <= 0x1d) {
    const letter = String.fromCharCode(0x61 + usage - 0x04);
    return shift ? letter.toUpperCase() : letter;
  }
  if (usage >= 0x1e && usage <= 0x27) return (shift ? SHIFTED_DIGITS : DIGITS)[usage - 0x1e] ?? null;
  // Keypad 1–9 and 0 type digits whatever the shift state (Num Lock is on for readers that use them).
  if (usage >= 0x59 && usage <= 0x62) return DIGITS[usage - 0x59] ?? null;
  const pair = PUNCTUATION[usage];
  return pair ? pair[shift ? 1 : 0] : null;
}
