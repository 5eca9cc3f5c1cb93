// Forks seen (docs/peers.md §5: a member's row at a held (device, seq) with another hash), kept in peer_forks once per
// origin and seq: a standing alert for a person to look at, which a restart of the link or the kiosk does not forget.
import type { Database, Statement } from 'better-sqlite3';

export interface SeenFork {
  deviceId: string;
  seq: number;
  /** The member whose session (or stick) brought the other row. */
  from: string;
  why: string;
}

export class PeerForks {
  private readonly insert: Statement<[string, number, string, number, string]>;
  private readonly count: Statement<[], { n: number }>;

  constructor(db: Database) {
    this.insert = db.prepare<[string, number, string, number, string]>('INSERT OR IGNORE INTO peer_forks (device_id, seq, from_device, seen_ms, why) VALUES (?, ?, ?, ?, ?)');
    this.count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM peer_forks');
  }

  /** Kept once: the same fork brought again changes nothing. */
  seen(fork: SeenFork, nowMs: number): void {
    this.insert.run(fork.deviceId, fork.seq, fork.from.slice(0, 64), Math.trunc(nowMs), fork.why.slice(0, 400));
  }

  total(): number {
    return this.count.get()?.n ?? 0;
  }
}
