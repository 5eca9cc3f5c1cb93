// Keeps every credential the door refused, so admins can see who tried what and enrol a card that should work.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { StorageProblem } from '../../../shared/api/contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { QrRefusalReason } from '../credentials/qr-verifier.js';
import { storageProblemOf } from '../db/storage-failure.js';

export type RefusalReason =
  | 'unknown-card'
  | 'unreadable-card'
  | 'revoked-card'
  /** A reading that fits several enrolled cards (a W26 reading, an unconfigured reader's guesses): refused, not guessed. */
  | 'ambiguous-card'
  | 'no-children'
  | 'pickup-not-allowed'
  | QrRefusalReason;

interface Attempt {
  method: 'rfid' | 'qr';
  presented: string;
  reason: RefusalReason;
  at: LocalTime;
}

/** Attempts held in memory while the disk refuses them, written when it takes writes again; the oldest go first. */
const MAX_HELD = 200;

export class RefusedAttempts {
  private readonly insert: Statement<[string, string, number, string, string, string]>;
  private readonly held: Attempt[] = [];

  constructor(
    private readonly db: Database,
    /** Told when the disk refused a write: the door's answer stays "refused", the door itself cannot record. */
    private readonly onStorageProblem: (problem: StorageProblem, error: unknown) => void = () => undefined,
  ) {
    this.insert = db.prepare(
      'INSERT INTO refused_attempts (id, occurred_at, occurred_ms, method, presented, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /** Never throws for a full, read-only or failing disk: a refused card is refused whether or not it can be kept. */
  record(method: 'rfid' | 'qr', presented: string, reason: RefusalReason, at: LocalTime): void {
    this.held.push({ method, presented, reason, at });
    if (this.held.length > MAX_HELD) this.held.shift();
    this.flush();
  }

  /** Writes what the disk refused before; the core calls it once the disk takes writes again. */
  flush(): void {
    if (this.held.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const a of this.held) this.write(a);
      })();
      this.held.length = 0;
    } catch (error) {
      const problem = storageProblemOf(error);
      if (problem === null) {
        // Not the disk: holding the attempts would only fail the same way again.
        this.held.length = 0;
        throw error;
      }
      this.onStorageProblem(problem, error);
    }
  }

  private write({ method, presented, reason, at }: Attempt): void {
    // Keep what was presented, bounded, so a flood of garbage cannot grow rows without limit.
    this.insert.run(uuidv7(), at.iso, at.ms, method, presented.slice(0, 128), reason);
  }
}
