// The kiosk's rules as the admin's settings screen shows them (the door's and the staff side's), read from and written
// to the kiosk's settings store. A change is written in one transaction with its audit row.
import type { Database } from 'better-sqlite3';
import type { KioskRules } from '../../../shared/admin/admin-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import type { AdminAudit } from '../ledger/admin-audit.js';

export class KioskRulesStore {
  constructor(
    private readonly deps: { db: Database; settings: SettingsStore; audit: AdminAudit },
  ) {}

  get(): KioskRules {
    const { settings } = this.deps;
    return {
      autoConfirmSeconds: settings.get('autoConfirmSeconds'),
      repeatWindowSeconds: settings.get('repeatWindowSeconds'),
      departureGuardMinutes: settings.get('departureGuardMinutes'),
      staffIdleSeconds: settings.get('staffIdleSeconds'),
      consoleIdleSeconds: settings.get('consoleIdleSeconds'),
      staffSignInMode: settings.get('staffSignInMode'),
      headcountCutOff: settings.get('headcountCutOff'),
      closingTime: settings.get('closingTime'),
      collectCheckFrom: settings.get('collectCheckFrom'),
      summerHolidayDays: settings.get('summerHolidayDays'),
      winterHolidayDays: settings.get('winterHolidayDays'),
      unexcusedDaysPerMonth: settings.get('unexcusedDaysPerMonth'),
      sickDaysWithoutCertificate: settings.get('sickDaysWithoutCertificate'),
      returnCheckAfterDays: settings.get('returnCheckAfterDays'),
      neverComeAfterDays: settings.get('neverComeAfterDays'),
      outboxKeepSentDays: settings.get('outboxKeepSentDays'),
      perCapitaNormTenge: settings.get('perCapitaNormTenge'),
      actEarnedRule: settings.get('actEarnedRule'),
      actCountedReasons: settings.get('actCountedReasons'),
    };
  }

  /** Writes the rules that differ from the current ones; answers them all as they now are. */
  change(staffId: string, change: Partial<KioskRules>, at: LocalTime): KioskRules {
    const { db, settings, audit } = this.deps;
    const before = this.get();
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const apply = <K extends keyof KioskRules>(key: K, write: (value: KioskRules[K]) => void): void => {
      const value = change[key];
      if (value === undefined || value === before[key]) return;
      write(value);
      changed[key] = { from: before[key], to: value };
    };
    db.transaction(() => {
      apply('autoConfirmSeconds', (v) => settings.set('autoConfirmSeconds', v));
      apply('repeatWindowSeconds', (v) => settings.set('repeatWindowSeconds', v));
      apply('departureGuardMinutes', (v) => settings.set('departureGuardMinutes', v));
      apply('staffIdleSeconds', (v) => settings.set('staffIdleSeconds', v));
      apply('consoleIdleSeconds', (v) => settings.set('consoleIdleSeconds', v));
      apply('staffSignInMode', (v) => settings.set('staffSignInMode', v));
      apply('headcountCutOff', (v) => settings.set('headcountCutOff', v));
      apply('closingTime', (v) => settings.set('closingTime', v));
      apply('collectCheckFrom', (v) => settings.set('collectCheckFrom', v));
      apply('summerHolidayDays', (v) => settings.set('summerHolidayDays', v));
      apply('winterHolidayDays', (v) => settings.set('winterHolidayDays', v));
      apply('unexcusedDaysPerMonth', (v) => settings.set('unexcusedDaysPerMonth', v));
      apply('sickDaysWithoutCertificate', (v) => settings.set('sickDaysWithoutCertificate', v));
      apply('returnCheckAfterDays', (v) => settings.set('returnCheckAfterDays', v));
      apply('neverComeAfterDays', (v) => settings.set('neverComeAfterDays', v));
      apply('outboxKeepSentDays', (v) => settings.set('outboxKeepSentDays', v));
      apply('perCapitaNormTenge', (v) => settings.set('perCapitaNormTenge', v));
      apply('actEarnedRule', (v) => settings.set('actEarnedRule', v));
      // A list: written when its reasons differ, whatever their order.
      if (change.actCountedReasons !== undefined && [...change.actCountedReasons].sort().join() !== [...before.actCountedReasons].sort().join()) {
        settings.set('actCountedReasons', [...change.actCountedReasons]);
        changed.actCountedReasons = { from: before.actCountedReasons, to: change.actCountedReasons };
      }
      if (Object.keys(changed).length > 0) audit.record('settings-changed', staffId, at, changed);
    }).immediate();
    return this.get();
  }
}
