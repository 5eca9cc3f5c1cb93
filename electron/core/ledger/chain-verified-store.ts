// The point up to which this device's chain was proven whole from its first event (table chain_verified, 0008).
import type { Database, Statement } from 'better-sqlite3';

export interface ChainPoint {
  seq: number;
  hash: string;
}

export class ChainVerifiedStore {
  private readonly getStmt: Statement<[string], ChainPoint>;
  private readonly setStmt: Statement<[string, number, string, number]>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT seq, hash FROM chain_verified WHERE device_id = ?');
    this.setStmt = db.prepare(
      `INSERT INTO chain_verified (device_id, seq, hash, verified_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, verified_ms = excluded.verified_ms`,
    );
  }

  get(deviceId: string): ChainPoint | null {
    return this.getStmt.get(deviceId) ?? null;
  }

  set(deviceId: string, point: ChainPoint, nowMs: number): void {
    this.setStmt.run(deviceId, point.seq, point.hash, nowMs);
  }
}
