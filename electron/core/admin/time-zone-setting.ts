// The kindergarten's time zone as the admin sees and changes it: the setting, written only by an admin and audited
// with what it was, and the clock checks the console warns with (time/clock-checks.ts).
import type { Database } from 'better-sqlite3';
import type { ClockCheck } from '../../../shared/admin/time-zone-contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { isKnownTimeZone, toLocalTime, zoneOffsetMinutes, type LocalTime } from '../../../shared/domain/local-time.js';
import { machineTimeZone } from '../../../shared/domain/time-zones.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { clockWarnings, osClock } from '../time/clock-checks.js';

export interface TimeZoneSettingDeps {
  db: Database;
  settings: SettingsStore;
  audit: AdminAudit;
  /** The zone changed (after the write): the status follows, so every screen tells time in the new zone. */
  onChanged: (zone: string) => void;
}

export class TimeZoneSetting {
  private readonly syncState: SyncStateStore;

  constructor(private readonly deps: TimeZoneSettingDeps) {
    this.syncState = new SyncStateStore(deps.db);
  }

  /** The zone in force: the setting, or the OS's until the first open stored one. */
  zone(): string {
    return this.deps.settings.get('timeZone') ?? machineTimeZone();
  }

  check(nowMs: number): ClockCheck {
    const zone = this.zone();
    const zoneOffset = zoneOffsetMinutes(zone, nowMs);
    const os = osClock(nowMs);
    const cityClockOffsetMs = this.syncState.getInt(SYNC_KEYS.clockOffsetMs);
    return {
      zone,
      zoneOffsetMinutes: zoneOffset,
      localNow: toLocalTime(new Date(nowMs), zone).iso,
      osZone: os.zone.slice(0, 64),
      osOffsetMinutes: os.offsetMinutes,
      cityClockOffsetMs,
      warnings: clockWarnings({ zoneOffsetMinutes: zoneOffset, osOffsetMinutes: os.offsetMinutes, cityClockOffsetMs }),
    };
  }

  /** Sets the zone; the same zone again changes and audits nothing. `at` is the admin's request time (old zone). */
  set(staffId: string, zone: string, at: LocalTime): Result<ClockCheck> {
    if (!isKnownTimeZone(zone)) return fail('TIME_ZONE_UNKNOWN', `no time zone ${zone} in the tz data`);
    const from = this.deps.settings.get('timeZone');
    if (from !== zone) {
      this.deps.db.transaction(() => {
        this.deps.settings.set('timeZone', zone);
        this.deps.audit.record('time-zone-set', staffId, at, { from, to: zone });
      })();
      this.deps.onChanged(zone);
    }
    return ok(this.check(at.ms));
  }
}
