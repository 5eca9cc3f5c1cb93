// What makes a new PIN acceptable. Four to eight digits (PinSchema), and not one of the first guesses a person at the
// kiosk would try: one digit repeated (0000), a run up or down (1234, 9876, 0123), or a short block repeated (1212,
// 123123). Checked by the core when a PIN is set; the UI asks the same before sending, to say why at once.
import { PinSchema } from './staff-domain.js';

export type PinWeakness = 'format' | 'repeat' | 'sequence';

export function pinWeakness(pin: string): PinWeakness | null {
  if (!PinSchema.safeParse(pin).success) return 'format';
  if (isRepeatedBlock(pin)) return 'repeat';
  if (isRun(pin)) return 'sequence';
  return null;
}

/** 0000, 1212, 123123, 12341234: the PIN is a shorter block said again and again. */
function isRepeatedBlock(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size++) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}

/** Each digit one more (or one less) than the one before: 1234, 3456789, 9876, 0123. */
function isRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add(pin.charCodeAt(i) - pin.charCodeAt(i - 1));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

/**
 * Why the core refuses a new PIN that its contract's PinSchema already let through: a repeat or a run, or null. A
 * 'format' answer cannot happen after PinSchema; should it ever, it is counted as a repeat, on the refusing side.
 */
export function guessableAs(pin: string): 'repeat' | 'sequence' | null {
  const found = pinWeakness(pin);
  return found === 'format' ? 'repeat' : found;
}
