// The point up to which this device's chain was proven whole from its first event (table chain_verified, 0008), and
// the same for its peer log (peer_chain_verified, 0027, shaped alike).
import type { Database, Statement } from 'better-sqlite3';

export interface ChainPoint {
  seq: number;
  hash: string;
}

export class ChainVerifiedStore {
  private readonly getStmt: Statement<[string], ChainPoint>;
  private readonly setStmt: Statement<[string, number, string, number]>;

  constructor(db: Database, table: 'chain_verified' | 'peer_chain_verified' = 'chain_verified') {
    this.getStmt = db.prepare(`SELECT seq, hash FROM ${table} WHERE device_id = ?`);
    this.setStmt = db.prepare(
      `INSERT INTO ${table} (device_id, seq, hash, verified_ms) VALUES (?, ?, ?, ?)
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
