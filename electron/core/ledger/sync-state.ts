// Sync's small key/value state in SQLite (table sync_state, migration 0003). Every key sync uses is named here, so
// the push engine, enrollment, roster pull and peer import agree on them. Secrets never go here.
import type { Database, Statement } from 'better-sqlite3';

export const SYNC_KEYS = {
  /** The city server this kiosk is enrolled with (its base URL); absent = never enrolled. */
  serverUrl: 'server_url',
  /** The device id the city assigned at enrollment. */
  cityDeviceId: 'city_device_id',
  kindergartenId: 'kindergarten_id',
  /** City clock minus kiosk clock, in ms, as last measured; stamped on every new event. */
  clockOffsetMs: 'clock_offset_ms',
  /** Kiosk epoch ms of the last successful exchange with the city. */
  lastSuccessMs: 'last_success_ms',
  /** The outbox seq from which sent records have not yet been checked with "missing" after an outage. */
  reconcileFromSeq: 'reconcile_from_seq',
  /** JSON {ours, theirs} when the city's chain head disagreed with ours; absent when they agree. */
  chainHeadMismatch: 'chain_head_mismatch',
  rosterCursor: 'roster_cursor',
  /** JSON {code, sinceMs} while the last roster pull failed or was refused (roster-status.ts); absent when current. */
  rosterProblem: 'roster_problem',
  peersCursor: 'peers_cursor',
  /** JSON {events, throughSeq, atMs}: this kiosk's own events last put back from the city (sync/recovery/). */
  recovered: 'recovered',
  /** JSON {code, sinceMs, detail} while putting back events from the city was refused; absent when it was not. */
  recoveryProblem: 'recovery_problem',
  /** Under a relayed door's prefix (relayStatePrefix): when this machine began pushing for it (sync/relay-enroll.ts). */
  relayEnrolledMs: 'relay_enrolled_ms',
  /** JSON {rows, atMs}: this device's past rows became its peer log (peers/backfill.ts, docs/peers.md §9), once. */
  peerBackfill: 'peer_backfill',
  /**
   * JSON {atMs, voided}: the PINs a join voided before it dialled (peers/pairing-pins.ts), present only until the welcome
   * is taken or the PINs are put back, so a join killed in between is healed at the next start.
   */
  peerJoinVoids: 'peer_join_voids',
} as const;

export type SyncKey = (typeof SYNC_KEYS)[keyof typeof SYNC_KEYS];

/** The key prefix of a door this machine pushes for (sync/relay-push.ts): its push state beside this machine's own. */
export function relayStatePrefix(deviceId: string): string {
  return `relay:${deviceId}:`;
}

export class SyncStateStore {
  private readonly getStmt: Statement<[string], { value: string }>;
  private readonly setStmt: Statement<[string, string]>;
  private readonly delStmt: Statement<[string]>;

  /** `prefix`: the keys of another device's push (relayStatePrefix); none for this machine's own. */
  constructor(
    db: Database,
    private readonly prefix = '',
  ) {
    this.getStmt = db.prepare('SELECT value FROM sync_state WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.delStmt = db.prepare('DELETE FROM sync_state WHERE key = ?');
  }

  get(key: SyncKey): string | null {
    return this.getStmt.get(this.prefix + key)?.value ?? null;
  }

  set(key: SyncKey, value: string): void {
    this.setStmt.run(this.prefix + key, value);
  }

  delete(key: SyncKey): void {
    this.delStmt.run(this.prefix + key);
  }

  /** An integer value, or null when absent or not an integer. */
  getInt(key: SyncKey): number | null {
    const raw = this.get(key);
    if (raw === null || !/^-?\d+$/.test(raw)) return null;
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : null;
  }

  setInt(key: SyncKey, value: number): void {
    this.set(key, String(Math.trunc(value)));
  }
}
