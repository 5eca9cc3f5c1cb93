// The staff side's settings, in the kiosk's settings table under their own keys, each checked when read back
// (a damaged value falls back to its default rather than stop the door). Defaults are Almaty's rules.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StaffSignInModeSchema } from '../../../shared/staff/staff-domain.js';

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const schemas = {
  /** A staff session ends by itself after this long without a request, and the UI returns to the door. */
  staffIdleSeconds: z.number().int().min(5).max(3600),
  staffSignInMode: StaffSignInModeSchema,
  /** Reception ends here; the kiosk then takes the headcount for the nurse. */
  headcountCutOff: Hhmm,
  /** From here on, children still checked in are listed for staff to resolve. */
  closingTime: Hhmm,
  vacationDaysPerYear: z.number().int().min(0).max(366),
  unexcusedDaysPerMonth: z.number().int().min(0).max(31),
} as const;

export type StaffSettingValues = { [K in keyof typeof schemas]: z.output<(typeof schemas)[K]> };

export const staffSettingDefaults: StaffSettingValues = {
  staffIdleSeconds: 60,
  staffSignInMode: 'name-or-card',
  headcountCutOff: '09:00',
  closingTime: '19:00',
  vacationDaysPerYear: 60,
  unexcusedDaysPerMonth: 3,
};

export class StaffSettings {
  private readonly read;
  private readonly write;

  constructor(db: Database) {
    this.read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get<K extends keyof StaffSettingValues>(key: K): StaffSettingValues[K] {
    const row = this.read.get(key);
    if (!row) return staffSettingDefaults[key];
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      return staffSettingDefaults[key];
    }
    const parsed = schemas[key].safeParse(value);
    return parsed.success ? (parsed.data as StaffSettingValues[K]) : staffSettingDefaults[key];
  }

  set<K extends keyof StaffSettingValues>(key: K, value: StaffSettingValues[K]): void {
    this.write.run(key, JSON.stringify(schemas[key].parse(value)));
  }
}
