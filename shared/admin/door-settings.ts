// The door's own settings an admin changes from the console: the language the door returns to, how loud it is, the
// webcam that reads QR codes, and the card readers (keyboard-mode readers' format, and the USB readers the core opens
// in HID data mode).
import { z } from 'zod';
import { LanguageSchema } from '../domain/attendance.js';
import { HidReadersSchema, KeyboardReaderConfigSchema } from '../readers/reader-config.js';

/** The door's tones: off where a sleeping group is next to the entrance, loud in a noisy hall. */
export const SoundLevelSchema = z.enum(['off', 'quiet', 'normal', 'loud']);
export type SoundLevel = z.infer<typeof SoundLevelSchema>;

export const DoorSettingsSchema = z.object({
  /** The language the door starts in and returns to a minute after someone switched it. */
  defaultLanguage: LanguageSchema,
  sound: SoundLevelSchema,
  /** The webcam (a MediaDeviceInfo.deviceId), or null for the first one found. */
  cameraDeviceId: z.string().max(512).nullable(),
  keyboardReader: KeyboardReaderConfigSchema,
  hidReaders: HidReadersSchema,
});
export type DoorSettings = z.output<typeof DoorSettingsSchema>;

/** Reader rows as hex "ffff:0035" ids are what staff copy from lsusb; the form parses them with this. */
export function parseUsbId(text: string): number | null {
  const trimmed = text.trim().replace(/^0x/i, '');
  if (!/^[0-9a-f]{1,4}$/i.test(trimmed)) return null;
  return Number.parseInt(trimmed, 16);
}

export function formatUsbId(id: number): string {
  return id.toString(16).padStart(4, '0');
}
