// The admin console's side of the core over one database: the log, the refused attempts, today, the табель with its
// calendar transfers and exports. Reads what the door and the staff desk wrote; writes only its own tables.
import type { Database } from 'better-sqlite3';
import type { StaffDesk } from '../staff/staff-desk.js';
import { AdminAudit } from './admin-audit.js';
import { CalendarTransfers } from './calendar-transfers.js';
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
  /** The data folder: exports are written into its exports/ folder. */
  dataDir: string;
  kindergartenName: () => string;
  offsetMinutes: number | undefined;
}

export class AdminDesk {
  readonly audit: AdminAudit;
  readonly transfers: CalendarTransfers;
  readonly log: LogQuery;
  readonly refused: RefusedLog;
  readonly tabel: TabelService;

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
