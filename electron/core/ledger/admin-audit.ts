// The admin's own acts in the console (table admin_audit, append-only): who moved a day, who exported a табель.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { peerLogOf } from './peer-log.js';

export type AdminAction =
  | 'transfer-set'
  | 'transfer-cleared'
  | 'tabel-export'
  | 'settings-changed'
  | 'qr-cards-printed'
  // Migration 0006: a companion's card enrolled or revoked (electron/core/admin/card-enrolment.ts).
  | 'card-enrolled'
  | 'card-revoked'
  // Migration 0012: the records restored from a verified copy (electron/core/backup/restore/).
  | 'backup-restored'
  // Migration 0013: the backup settings changed in the console (electron/core/backup/backup-desk.ts).
  | 'backup-retention-set'
  | 'backup-second-place-set'
  | 'backup-second-place-cleared'
  // Migration 0014: a year moved into its archive file (ledger/archive/).
  | 'year-archived'
  // Migration 0015: the kindergarten's time zone changed (electron/core/admin/time-zone-setting.ts).
  | 'time-zone-set'
  // Migration 0016: a first-run setup step once its admin exists, and the demo put aside (electron/core/setup/).
  | 'setup-step'
  | 'start-afresh'
  // Migration 0017: a roster change made by hand or from a spreadsheet (electron/core/roster/edit/).
  | 'roster-changed'
  // Migration 0018: the update settings and acts (electron/core/updates/update-desk.ts).
  | 'update-feed-set'
  | 'update-quiet-hours-set'
  | 'update-from-folder'
  | 'update-install-ordered'
  // Migration 0019: a roster imported from the kindergarten's spreadsheet, or downloaded as one (roster/spreadsheet/).
  | 'roster-imported'
  | 'roster-exported'
  // Migration 0020: an admin closed the kiosk from the console with their PIN (admin/kiosk-shell.ts).
  | 'kiosk-left'
  // Migration 0026: this computer made the door or the office from the console's This computer page (setup/setup-desk.ts).
  | 'machine-role-set'
  // Migration 0027: the kindergarten's computers as peers (electron/core/peers/: pairing, refusals, sticks; a removal from
  // the console's Computers page, computers/computers-desk.ts).
  | 'peer-paired'
  | 'peer-pair-refused'
  | 'peer-revoked'
  | 'peer-refused'
  | 'bundle-written'
  | 'bundle-read'
  | 'bundle-refused'
  // Migration 0035: an office enrolled a door with the city to carry its records (computers/computers-desk.ts).
  | 'relay-enrolled';

/**
 * The acts that travel as `audit` records (docs/peers.md §6 "audit"): those on the kindergarten's shared records and on
 * what leaves the building (a табель, a roster, printed QR cards, which the removal of a machine lists again), so the
 * log of every machine shows who did what, where. The rest are this machine's own housekeeping (its backups, updates,
 * setup, role, leaving the kiosk, its archive file) or its own view of its peers, and stay in its own trail.
 */
export const TRAVELLING_ADMIN_ACTIONS = [
  'transfer-set',
  'transfer-cleared',
  'tabel-export',
  'settings-changed',
  'qr-cards-printed',
  'card-enrolled',
  'card-revoked',
  'time-zone-set',
  'roster-changed',
  'roster-imported',
  'roster-exported',
] as const satisfies readonly AdminAction[];

export function travels(action: string): boolean {
  return (TRAVELLING_ADMIN_ACTIONS as readonly string[]).includes(action);
}

export class AdminAudit {
  private readonly insert: Statement<[string, string, number, string, string, string]>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO admin_audit (id, occurred_at, occurred_ms, action, staff_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Keeps the act; a travelling one also as an `audit` record, in the same transaction (the caller's or its own). */
  record(action: AdminAction, staffId: string, at: LocalTime, detail: Record<string, unknown>): void {
    const row = { id: uuidv7(), occurred_at: at.iso, occurred_ms: at.ms, action, staff_id: staffId, detail: JSON.stringify(detail) };
    const log = travels(action) ? peerLogOf(this.db) : null;
    if (log === null) {
      this.insert.run(row.id, row.occurred_at, row.occurred_ms, row.action, row.staff_id, row.detail);
      return;
    }
    this.db.transaction(() => {
      this.insert.run(row.id, row.occurred_at, row.occurred_ms, row.action, row.staff_id, row.detail);
      log.append('audit', row.id, { body: JSON.stringify({ table: 'admin', row }) });
    })();
  }
}
