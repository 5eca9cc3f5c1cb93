// What putting back this kiosk's own events from the city last did, kept in sync_state so the status survives a
// restart of the worker: how many were put back, or why a page was refused.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  RecoveredSchema,
  RecoveryProblemCodeSchema,
  type Recovered,
  type RecoveryProblem,
  type RecoveryProblemCode,
} from '../../../../shared/sync/sync-status.js';
import { SYNC_KEYS, SyncStateStore } from '../../ledger/sync-state.js';

const StoredProblemSchema = z.object({ code: RecoveryProblemCodeSchema, sinceMs: z.number().int().nonnegative(), detail: z.string() });

export class RecoveryState {
  private readonly state: SyncStateStore;

  constructor(db: Database) {
    this.state = new SyncStateStore(db);
  }

  recovered(): Recovered | null {
    return parsed(RecoveredSchema, this.state.get(SYNC_KEYS.recovered));
  }

  /** The standing refusal; an unreadable stored value still reads as one, so a problem is never hidden. */
  problem(): RecoveryProblem | null {
    const raw = this.state.get(SYNC_KEYS.recoveryProblem);
    if (raw === null) return null;
    const stored = parsed(StoredProblemSchema, raw);
    return stored ? { code: stored.code, sinceMs: stored.sinceMs } : { code: 'RECOVERY_BAD_RECORD', sinceMs: 0 };
  }

  noteRecovered(recovered: Recovered): void {
    this.state.set(SYNC_KEYS.recovered, JSON.stringify(recovered));
  }

  /** Keeps the time of the first refusal in a row, as the roster's problem does. */
  noteProblem(code: RecoveryProblemCode, detail: string, nowMs: number): void {
    const earlier = this.problem();
    const sinceMs = earlier?.code === code ? earlier.sinceMs : nowMs;
    this.state.set(SYNC_KEYS.recoveryProblem, JSON.stringify({ code, sinceMs, detail: detail.slice(0, 500) }));
  }

  clearProblem(): void {
    this.state.delete(SYNC_KEYS.recoveryProblem);
  }
}

function parsed<T>(schema: z.ZodType<T>, raw: string | null): T | null {
  if (raw === null) return null;
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
