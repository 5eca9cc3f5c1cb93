// Keeps every credential the door refused, so admins can see who tried what and enrol a card that should work.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { QrRefusalReason } from '../credentials/qr-verifier.js';

export type RefusalReason =
  | 'unknown-card'
  | 'unreadable-card'
  | 'revoked-card'
  /** A reading that fits several enrolled cards (a W26 reading, an unconfigured reader's guesses): refused, not guessed. */
  | 'ambiguous-card'
  | 'no-children'
  | 'pickup-not-allowed'
  | QrRefusalReason;

export class RefusedAttempts {
  private readonly insert: Statement<[string, string, number, string, string, string]>;

  constructor(db: Database) {
    this.insert = db.prepare(
      'INSERT INTO refused_attempts (id, occurred_at, occurred_ms, method, presented, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  record(method: 'rfid' | 'qr', presented: string, reason: RefusalReason, at: LocalTime): void {
    // Keep what was presented, bounded, so a flood of garbage cannot grow rows without limit.
    this.insert.run(uuidv7(), at.iso, at.ms, method, presented.slice(0, 128), reason);
  }
}
