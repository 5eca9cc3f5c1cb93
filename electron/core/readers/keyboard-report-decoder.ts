// Decodes boot-protocol keyboard reports — [modifiers, reserved, key1..key6] — into the text a
// keyboard-mode card reader types, one card per Enter (or Tab).
import { charOfUsage, isErrorUsage, isIgnoredUsage, SHIFT_BITS, USAGE_ENTER, USAGE_KEYPAD_ENTER, USAGE_TAB } from './keyboard-usages.js';
import { reportBody, type DecodedEvent, type DropReason, type ReportDecoder } from './decoded-event.js';

const BOOT_REPORT_LENGTH = 8;
/** Longer than any card number: a reader stuck on a key must not grow the text without end. */
const MAX_CARD_TEXT = 64;
/**
 * Readers type a whole card in well under this (a few ms per key). A longer pause with a card half
 * typed means its end was lost (the Enter report, say); the half is dropped rather than glued to the
 * next card.
 */
export const MAX_KEY_GAP_MS = 500;

export function createKeyboardDecoder(reportId: number | null): ReportDecoder {
  /** Keys down in the last report: a key counts once when it goes down, not for every report it is held in. */
  let held = new Set<number>();
  let text = '';
  /** Set when part of this card was lost: the card is dropped at its Enter instead of passed on. */
  let spoiled: DropReason | null = null;
  let lastAtMs = Number.NEGATIVE_INFINITY;

  const clear = (): void => {
    text = '';
    spoiled = null;
  };
  const drop = (reason: DropReason): DecodedEvent[] => {
    const events: DecodedEvent[] = text !== '' || spoiled ? [{ kind: 'dropped', reason: spoiled ?? reason, partial: text }] : [];
    clear();
    return events;
  };
  const finish = (): DecodedEvent[] => {
    if (spoiled) return drop(spoiled);
    const events: DecodedEvent[] = text !== '' ? [{ kind: 'card', text }] : [];
    clear();
    return events;
  };
  const press = (usage: number, shift: boolean): DecodedEvent[] => {
    if (usage === USAGE_ENTER || usage === USAGE_KEYPAD_ENTER || usage === USAGE_TAB) return finish();
    const char = charOfUsage(usage, shift);
    if (char === null) {
      if (!isIgnoredUsage(usage)) spoiled ??= 'unknown-key';
    } else if (!spoiled) {
      text += char;
      if (text.length > MAX_CARD_TEXT) spoiled = 'too-long';
    }
    return [];
  };

  return {
    push(report, atMs) {
      const events = atMs - lastAtMs > MAX_KEY_GAP_MS ? drop('gap') : [];
      lastAtMs = atMs;
      const body = reportBody(report, reportId);
      if (body === null) return events;
      if (body.length < BOOT_REPORT_LENGTH) {
        // A report cut short: a key of this card may be missing, so the card cannot be trusted.
        spoiled ??= 'short-report';
        return events;
      }
      const keys = [...body.subarray(2, BOOT_REPORT_LENGTH)].filter((usage) => usage !== 0);
      // Too many keys at once: the keyboard reports an error state, not keys; the next report tells.
      if (keys.some(isErrorUsage)) return events;
      const shift = ((body[0] ?? 0) & SHIFT_BITS) !== 0;
      for (const usage of keys) if (!held.has(usage)) events.push(...press(usage, shift));
      held = new Set(keys);
      return events;
    },
    reset() {
      held = new Set();
      lastAtMs = Number.NEGATIVE_INFINITY;
      return drop('unplugged');
    },
  };
}
