// Attendance vocabulary shared by the core, the UI and (later) the city protocol.
import { z } from 'zod';

export const Id = z.string().min(1).max(64);

export const EventKindSchema = z.enum(['arrival', 'departure']);
export type EventKind = z.infer<typeof EventKindSchema>;

export const EventMethodSchema = z.enum(['rfid', 'qr', 'override']);
export type EventMethod = z.infer<typeof EventMethodSchema>;

export const LanguageSchema = z.enum(['kk', 'ru', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
export const languages: readonly Language[] = LanguageSchema.options;

/** How a card number reached the kiosk: typed by a keyboard-mode reader, or read from an HID data-mode reader. */
export const CardSourceSchema = z.enum(['keyboard-wedge', 'hid']);
export type CardSource = z.infer<typeof CardSourceSchema>;

/** How a QR code reached the kiosk: the webcam, or a USB 2D scanner typing it in keyboard mode. */
export const QrSourceSchema = z.enum(['camera', 'scanner']);
export type QrSource = z.infer<typeof QrSourceSchema>;

/** The longest QR text the kiosk reads; anything longer is refused unread (QR_TOO_LARGE). */
export const MAX_QR_TEXT = 1024;

/** Which attendance action the kiosk will record for a child, decided from today's events. */
export function nextActionFor(lastKindToday: EventKind | null): EventKind {
  return lastKindToday === 'arrival' ? 'departure' : 'arrival';
}

/**
 * What a tap at the door records for a child (docs/pickup-check.md). With nothing of the child's seen today the door
 * cannot know whether they are inside — the kiosk was off at the arrival, or it came in by another door whose records
 * have not reached this one. In the morning that is an arrival; from `collectCheckFrom` (local "HH:MM") on it is a
 * pick-up, so the collect check applies: an arrival recorded then would let anyone allowed to bring the child take
 * them out unchecked. `collectCheckFrom` null: the rule is off (the kindergarten has not set its hour).
 */
export function doorActionFor(lastKindToday: EventKind | null, hhmm: string, collectCheckFrom: string | null): EventKind {
  if (lastKindToday === null && collectCheckFrom !== null && hhmm >= collectCheckFrom) return 'departure';
  return nextActionFor(lastKindToday);
}
