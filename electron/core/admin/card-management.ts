// Who manages companions' cards (the city's settings.cardsManagedBy, docs/sync-protocol.md), kept in the kiosk's
// settings table where the roster pull writes it, and read by the card enrolment before every change.
import type { Database, Statement } from 'better-sqlite3';
import { CardsManagedBySchema, type CardsManagedBy } from '../../../shared/admin/card-contract.js';

const KEY = 'cardsManagedBy';

export class CardManagement {
  private readonly read: Statement<[string], { value: string }>;
  private readonly write: Statement<[string, string]>;

  constructor(db: Database) {
    this.read = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  /** 'kindergarten' until the city says otherwise; a damaged value counts as the city's, so nothing changes by mistake. */
  managedBy(): CardsManagedBy {
    const row = this.read.get(KEY);
    if (!row) return 'kindergarten';
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      return 'city';
    }
    const parsed = CardsManagedBySchema.safeParse(value);
    return parsed.success ? parsed.data : 'city';
  }

  /** From the city's settings: an absent field means the kindergarten (the settings object is always complete). */
  set(managedBy: CardsManagedBy | undefined): void {
    // JSON, as every value of the settings table.
    this.write.run(KEY, JSON.stringify(managedBy ?? 'kindergarten'));
  }
}
