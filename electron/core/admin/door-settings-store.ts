// The door's settings as the admin's console shows them (language, sound, camera, readers), read from the door's settings
// store and written back in one transaction with their audit row. Who must hear a change (the status the UI shows,
// the HID readers the core opens) is told after the commit.
import type { Database } from 'better-sqlite3';
import type { DoorSettings } from '../../../shared/admin/door-settings.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import type { AdminAudit } from '../ledger/admin-audit.js';

export class DoorSettingsStore {
  constructor(
    private readonly deps: { db: Database; door: SettingsStore; audit: AdminAudit; onChanged: (settings: DoorSettings, changed: readonly (keyof DoorSettings)[]) => void },
  ) {}

  get(): DoorSettings {
    const { door } = this.deps;
    return {
      defaultLanguage: door.get('defaultLanguage'),
      sound: door.get('sound'),
      cameraDeviceId: door.get('cameraDeviceId'),
      keyboardReader: door.get('keyboardReader'),
      hidReaders: door.get('hidReaders'),
    };
  }

  /** Writes what differs from the current settings; answers them all as they now are. */
  change(staffId: string, change: Partial<DoorSettings>, at: LocalTime): DoorSettings {
    const { db, door, audit } = this.deps;
    const before = this.get();
    const changed: Partial<Record<keyof DoorSettings, { from: unknown; to: unknown }>> = {};
    const apply = <K extends keyof DoorSettings>(key: K, write: (value: DoorSettings[K]) => void): void => {
      const value = change[key];
      // Objects and lists compare by their JSON: the form sends whole values back.
      if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) return;
      write(value);
      changed[key] = { from: before[key], to: value };
    };
    db.transaction(() => {
      apply('defaultLanguage', (v) => door.set('defaultLanguage', v));
      apply('sound', (v) => door.set('sound', v));
      apply('cameraDeviceId', (v) => door.set('cameraDeviceId', v));
      apply('keyboardReader', (v) => door.set('keyboardReader', v));
      apply('hidReaders', (v) => door.set('hidReaders', v));
      if (Object.keys(changed).length > 0) audit.record('settings-changed', staffId, at, changed);
    }).immediate();
    const after = this.get();
    const keys = Object.keys(changed) as (keyof DoorSettings)[];
    if (keys.length > 0) this.deps.onChanged(after, keys);
    return after;
  }
}
