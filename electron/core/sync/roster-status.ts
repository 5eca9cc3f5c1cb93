// Whether the roster the door uses is the city's latest: the last pull's problem, kept in sync_state so that the core
// (which pulls) and the push worker (which reports the status from its own connection) read the same answer.
import type { Database } from 'better-sqlite3';
import { RosterProblemSchema, type RosterProblem, type RosterProblemCode } from '../../../shared/sync/sync-status.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

export class RosterStatus {
  private readonly state: SyncStateStore;

  constructor(db: Database) {
    this.state = new SyncStateStore(db);
  }

  /** The standing problem, or null when the last pull applied the city's roster (or none failed yet). */
  problem(): RosterProblem | null {
    const raw = this.state.get(SYNC_KEYS.rosterProblem);
    if (raw === null) return null;
    try {
      const parsed = RosterProblemSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable: still stale, for a reason the log told.
    }
    return { code: 'SYNC_LOCAL', sinceMs: 0 };
  }

  /** A pull failed or was refused: stale since the first failure in a row, for the latest reason. */
  failed(code: RosterProblemCode, nowMs: number): void {
    const sinceMs = this.problem()?.sinceMs ?? Math.max(0, Math.trunc(nowMs));
    this.state.set(SYNC_KEYS.rosterProblem, JSON.stringify({ code, sinceMs } satisfies RosterProblem));
  }

  /** The city's roster was applied. */
  current(): void {
    this.state.delete(SYNC_KEYS.rosterProblem);
  }
}
