// The admin console's companions and cards over one database: the directory the screen reads, the enrolment that
// changes cards, and who manages them (the city's setting) with whether the kiosk is enrolled with a city at all. The
// card handlers get one method per request; the directory and the enrolment stay inside.
import type { Database } from 'better-sqlite3';
import type { CardsInfo, CompanionCard, CompanionSummary, EnrolOutcome } from '../../../shared/admin/card-contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { CardSource } from '../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { CardDirectory } from './card-directory.js';
import { CardEnrolment } from './card-enrolment.js';
import { SettingsStore } from '../ledger/settings-store.js';

export interface CardDeskOptions {
  db: Database;
  /** This kiosk's device id: the card changes it queues for the city name it. */
  deviceId: string;
  /** How a reader of this source writes card numbers: enrolment reads a card as the door does. */
  cardFormat: (source: CardSource) => ReaderFormat | 'canonical';
}

export class CardDesk {
  private readonly directory: CardDirectory;
  private readonly enrolment: CardEnrolment;
  private readonly settings: SettingsStore;
  private readonly sync: SyncStateStore;

  constructor(options: CardDeskOptions) {
    const { db } = options;
    this.directory = new CardDirectory(db);
    this.settings = SettingsStore.of(db);
    this.sync = new SyncStateStore(db);
    this.enrolment = new CardEnrolment({ ...options, audit: new AdminAudit(db), directory: this.directory, settings: this.settings });
  }

  info(): CardsInfo {
    return { managedBy: this.settings.get('cardsManagedBy'), cityEnrolled: this.sync.get(SYNC_KEYS.serverUrl) !== null };
  }

  findCompanions(query: string): CompanionSummary[] {
    return this.directory.find(query);
  }

  /** A companion with every card they were given, revoked ones too; null for one the roster does not hold. */
  companionCards(companionId: string): { companion: CompanionSummary; cards: CompanionCard[] } | null {
    const companion = this.directory.companion(companionId);
    return companion ? { companion, cards: this.directory.cardsOf(companionId) } : null;
  }

  enrol(staffId: string, companionId: string, raw: string, source: CardSource, at: LocalTime): Result<EnrolOutcome> {
    return this.enrolment.enrol(staffId, companionId, raw, source, at);
  }

  revoke(staffId: string, credentialId: string, reason: string | null, at: LocalTime): Result<{ card: CompanionCard }> {
    return this.enrolment.revoke(staffId, credentialId, reason, at);
  }
}
