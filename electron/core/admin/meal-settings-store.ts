// The meal invoices' settings as the console shows them (the daily fee and the kindergarten's details), read from the
// kiosk's settings store and written back in one transaction with their audit row, as the kiosk's rules are.
import type { Database } from 'better-sqlite3';
import type { MealSettings } from '../../../shared/admin/meal-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import type { SettingsStore } from '../ledger/settings-store.js';

const KEYS = ['mealFeeTengePerDay', 'kindergartenAddress', 'kindergartenBin', 'kindergartenIban', 'kindergartenBank'] as const satisfies readonly (keyof MealSettings)[];

export class MealSettingsStore {
  constructor(private readonly deps: { db: Database; settings: SettingsStore; audit: AdminAudit }) {}

  get(): MealSettings {
    const { settings } = this.deps;
    return {
      mealFeeTengePerDay: settings.get('mealFeeTengePerDay'),
      kindergartenAddress: settings.get('kindergartenAddress'),
      kindergartenBin: settings.get('kindergartenBin'),
      kindergartenIban: settings.get('kindergartenIban'),
      kindergartenBank: settings.get('kindergartenBank'),
    };
  }

  /** Writes the settings that differ from the current ones (already parsed by the contract); answers them all. */
  change(staffId: string, change: Partial<MealSettings>, at: LocalTime): MealSettings {
    const { db, settings, audit } = this.deps;
    const before = this.get();
    const changed: Partial<Record<keyof MealSettings, { from: unknown; to: unknown }>> = {};
    db.transaction(() => {
      for (const key of KEYS) {
        const value = change[key];
        if (value === undefined || value === before[key]) continue;
        if (key === 'mealFeeTengePerDay') settings.set(key, Number(value));
        else settings.set(key, String(value));
        changed[key] = { from: before[key], to: value };
      }
      if (Object.keys(changed).length > 0) audit.record('settings-changed', staffId, at, changed);
    }).immediate();
    return this.get();
  }
}
