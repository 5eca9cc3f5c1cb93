// Kiosk settings in the settings table, each checked against its schema when read back.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { SoundLevelSchema } from '../../../shared/admin/door-settings.js';
import { LanguageSchema } from '../../../shared/domain/attendance.js';
import { HidReadersSchema, KeyboardReaderConfigSchema } from '../../../shared/readers/reader-config.js';

const settingSchemas = {
  /** What the door shows now (a companion may have switched it). */
  language: LanguageSchema,
  /** What the door starts in and returns to after a companion switched it. */
  defaultLanguage: LanguageSchema,
  sound: SoundLevelSchema,
  /** How long the children screen waits before confirming by itself. */
  autoConfirmSeconds: z.number().int().min(0).max(60),
  /** The same credential again within this window shows the earlier receipt instead of recording again. */
  repeatWindowSeconds: z.number().int().min(0).max(600),
  /**
   * A departure this soon after the child's arrival today is likely a second tap by mistake: the door asks
   * "is the child leaving?" and records it only on an explicit confirm, never by the tap or the countdown. 0: off.
   */
  departureGuardMinutes: z.number().int().min(0).max(240),
  cameraDeviceId: z.string().max(512).nullable(),
  /** USB readers in HID data mode that the core reads itself (docs/rfid-readers.md); none by default. */
  hidReaders: HidReadersSchema,
  /** How the keyboard-mode readers, which the UI reads, write card numbers. */
  keyboardReader: KeyboardReaderConfigSchema,
} as const;

type Settings = { [K in keyof typeof settingSchemas]: z.output<(typeof settingSchemas)[K]> };

export const settingDefaults: Settings = {
  language: 'kk',
  defaultLanguage: 'kk',
  sound: 'normal',
  autoConfirmSeconds: 5,
  repeatWindowSeconds: 10,
  departureGuardMinutes: 30,
  cameraDeviceId: null,
  hidReaders: [],
  keyboardReader: { format: 'auto', displayFormat: 'canonical' },
};

export class SettingsStore {
  constructor(private readonly db: Database) {}

  get<K extends keyof Settings>(key: K): Settings[K] {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
    if (!row) return settingDefaults[key];
    const parsed = settingSchemas[key].safeParse(safeJson(row.value));
    // A damaged setting must not stop the door: fall back to the default.
    return parsed.success ? (parsed.data as Settings[K]) : settingDefaults[key];
  }

  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    const checked = settingSchemas[key].parse(value);
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(checked));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
