// The admin console's side of the core over one database: the log, the refused attempts, today, the табель with its
// calendar transfers and exports. Reads what the door and the staff desk wrote; writes only its own tables.
import type { Database } from 'better-sqlite3';
import type { DoorSettings } from '../../../shared/admin/door-settings.js';
import type { QrSigner } from '../credentials/qr-issuer.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import type { StaffDesk } from '../staff/staff-desk.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { CardDesk } from './card-desk.js';
import { CalendarTransfers } from './calendar-transfers.js';
import { DoorSettingsStore } from './door-settings-store.js';
import type { SaveFileAs } from './export/save-export.js';
import { KioskRulesStore } from './kiosk-rules.js';
import { QrCards } from './qr-cards.js';
import { LogQuery } from './log-query.js';
import { RefusedLog } from './refused-log.js';
import { TabelService } from './tabel-service.js';
import { todayView, type TodayView } from './today-view.js';

export interface AdminDeskOptions {
  db: Database;
  /** The staff side: sessions (an admin's is required), presence, the headcount, settings. */
  staff: StaffDesk;
  /** This kiosk's device id: its own events are queued for the city, the others came from peers. */
  deviceId: string;
  /** The door's settings (the admin's settings screen changes some of them). */
  settings: SettingsStore;
  /** The data folder: exports are written into its exports/ folder. */
  dataDir: string;
  kindergartenName: () => string;
  /** The kindergarten the printed QR cards are for (the roster's); null before the kiosk has one. */
  kindergartenId: () => string | null;
  /** This kiosk's QR signing key, or null when its key file cannot be read. */
  qrSigner: () => QrSigner | null;
  offsetMinutes: number | undefined;
  /** The door's settings changed (after the commit): the status and the HID readers follow. */
  onDoorSettings: (settings: DoorSettings, changed: readonly (keyof DoorSettings)[]) => void;
  /** The Electron shell's save dialog for exports; absent in the web host, whose browser downloads them. */
  saveFileAs?: SaveFileAs | null;
}

export class AdminDesk {
  readonly audit: AdminAudit;
  readonly transfers: CalendarTransfers;
  readonly log: LogQuery;
  readonly refused: RefusedLog;
  readonly tabel: TabelService;
  readonly rules: KioskRulesStore;
  readonly door: DoorSettingsStore;
  readonly qrCards: QrCards;
  /** Companions & cards: enrol and revoke companions' cards (card-desk.ts). */
  readonly cards: CardDesk;

  constructor(readonly options: AdminDeskOptions) {
    const { db, staff } = options;
    this.audit = new AdminAudit(db);
    this.transfers = new CalendarTransfers(db, this.audit);
    this.log = new LogQuery(db, options.deviceId);
    this.refused = new RefusedLog(db);
    this.tabel = new TabelService({
      db,
      offsetMinutes: options.offsetMinutes,
      transfers: this.transfers,
      unexcusedLimit: () => staff.settings.get('unexcusedDaysPerMonth'),
      kindergartenName: options.kindergartenName,
    });
    this.rules = new KioskRulesStore({ db, settings: options.settings, audit: this.audit });
    this.door = new DoorSettingsStore({ db, door: options.settings, audit: this.audit, onChanged: options.onDoorSettings });
    this.cards = new CardDesk({
      db,
      audit: this.audit,
      deviceId: options.deviceId,
      // The door reads a typed card with the keyboard readers' format, an HID reader's already applied: enrolment too.
      cardFormat: (source) => (source === 'hid' ? 'canonical' : options.settings.get('keyboardReader').format),
    });
    this.qrCards = new QrCards({
      db,
      audit: this.audit,
      dataDir: options.dataDir,
      signer: options.qrSigner,
      kindergarten: () => {
        const id = options.kindergartenId();
        return id === null ? null : { id, name: options.kindergartenName() };
      },
    });
  }

  /** Every staff member, former ones too: the log's staff filter reaches back to their records. */
  staffMembers(): { id: string; name: string }[] {
    return this.options.db
      .prepare<[], { id: string; name: string }>(`SELECT id, trim(first_name || ' ' || last_name) AS name FROM staff ORDER BY active DESC, first_name, last_name`)
      .all();
  }

  today(localDate: string): TodayView {
    const { staff } = this.options;
    return todayView(
      { directory: staff.directory, presence: staff.presence, headcounts: staff.headcounts, log: this.log, refused: this.refused, offsetMinutes: this.options.offsetMinutes },
      localDate,
    );
  }
}
