// The admin console's companions and cards over one database: the directory the screen reads, the enrolment that
// changes cards, and who manages them (the city's setting) with whether the kiosk is enrolled with a city at all.
import type { Database } from 'better-sqlite3';
import type { CardsInfo } from '../../../shared/admin/card-contract.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { CardSource } from '../../../shared/domain/attendance.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import { CardDirectory } from './card-directory.js';
import { CardEnrolment } from './card-enrolment.js';
import { SettingsStore } from '../ledger/settings-store.js';

export class CardDesk {
  readonly directory: CardDirectory;
  readonly enrolment: CardEnrolment;
  private readonly settings: SettingsStore;
  private readonly sync: SyncStateStore;

  constructor(deps: { db: Database; audit: AdminAudit; deviceId: string; cardFormat: (source: CardSource) => ReaderFormat | 'canonical' }) {
    this.directory = new CardDirectory(deps.db);
    this.settings = SettingsStore.of(deps.db);
    this.sync = new SyncStateStore(deps.db);
    this.enrolment = new CardEnrolment({ ...deps, directory: this.directory, settings: this.settings });
  }

  info(): CardsInfo {
    return { managedBy: this.settings.get('cardsManagedBy'), cityEnrolled: this.sync.get(SYNC_KEYS.serverUrl) !== null };
  }
}
