// The kiosk's rules as the admin's settings screen shows them, read from and written to the two stores that keep
// them (the door's settings and the staff settings). A change is written in one transaction with its audit row.
import type { Database } from 'better-sqlite3';
import type { KioskRules } from '../../../shared/admin/admin-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { SettingsStore } from '../services/settings-store.js';
import type { StaffSettings } from '../staff/staff-settings.js';
import type { AdminAudit } from './admin-audit.js';

export class KioskRulesStore {
  constructor(
    private readonly deps: { db: Database; door: SettingsStore; staff: StaffSettings; audit: AdminAudit },
  ) {}

  get(): KioskRules {
    const { door, staff } = this.deps;
    return {
      autoConfirmSeconds: door.get('autoConfirmSeconds'),
      repeatWindowSeconds: door.get('repeatWindowSeconds'),
      staffIdleSeconds: staff.get('staffIdleSeconds'),
      staffSignInMode: staff.get('staffSignInMode'),
      headcountCutOff: staff.get('headcountCutOff'),
      closingTime: staff.get('closingTime'),
      vacationDaysPerYear: staff.get('vacationDaysPerYear'),
      unexcusedDaysPerMonth: staff.get('unexcusedDaysPerMonth'),
    };
  }

  /** Writes the rules that differ from the current ones; answers them all as they now are. */
  change(staffId: string, change: Partial<KioskRules>, at: LocalTime): KioskRules {
    const { db, door, staff, audit } = this.deps;
    const before = this.get();
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const apply = <K extends keyof KioskRules>(key: K, write: (value: KioskRules[K]) => void): void => {
      const value = change[key];
      if (value === undefined || value === before[key]) return;
      write(value);
      changed[key] = { from: before[key], to: value };
    };
    db.transaction(() => {
      apply('autoConfirmSeconds', (v) => door.set('autoConfirmSeconds', v));
      apply('repeatWindowSeconds', (v) => door.set('repeatWindowSeconds', v));
      apply('staffIdleSeconds', (v) => staff.set('staffIdleSeconds', v));
      apply('staffSignInMode', (v) => staff.set('staffSignInMode', v));
      apply('headcountCutOff', (v) => staff.set('headcountCutOff', v));
      apply('closingTime', (v) => staff.set('closingTime', v));
      apply('vacationDaysPerYear', (v) => staff.set('vacationDaysPerYear', v));
      apply('unexcusedDaysPerMonth', (v) => staff.set('unexcusedDaysPerMonth', v));
      if (Object.keys(changed).length > 0) audit.record('settings-changed', staffId, at, changed);
    }).immediate();
    return this.get();
  }
}
