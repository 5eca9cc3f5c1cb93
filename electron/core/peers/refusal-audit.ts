// What the peer link refused, kept in this machine's own trail (table peer_refusals, docs/peers.md §3 "Audit"): a
// handshake from a machine not paired, removed or of another group, a bad signature, a record page that did not verify.
// The rule: one row per hour, reason and remote key (the device id the other side named, else its address without the
// port), counted up; at most REFUSAL_KEYS_PER_WINDOW keys per reason and hour, the rest of that hour folded into the key
// '*'. So a flood under forged ids leaves at most (keys + 1) rows per reason an hour, and every refusal is counted.
// A row's count is written at once the first time, then at most every REFUSAL_WRITE_EVERY_MS and on flush(): the
// worker's connection shares the file with the door, and a flood must not take the write lock once per refusal.
import type { Database, Statement } from 'better-sqlite3';

export const REFUSAL_WINDOW_MS = 60 * 60_000;
export const REFUSAL_KEYS_PER_WINDOW = 16;
export const REFUSAL_WRITE_EVERY_MS = 10_000;
/** The key every refusal past the cap of a reason's hour is counted under. */
export const REFUSAL_OVERFLOW_KEY = '*';

export type RefusalSide = 'accepted' | 'dialled' | 'page';

export interface Refusal {
  /** The refusal's code (PEER_UNKNOWN, PEER_REVOKED, PEER_BAD_RECORD…). */
  reason: string;
  /** Who refused whom: a connection accepted here, one this machine dialled, a page a session brought. */
  side: RefusalSide;
  /** The device id the other side named; null when it named none (its address is then the key). */
  remoteKey: string | null;
  /** "ip:port" of the other side, or the member whose session brought the page. */
  remote: string;
  detail: string;
}

interface Held {
  id: number;
  count: number;
  written: number;
  lastMs: number;
  writtenMs: number;
  remote: string;
  detail: string;
}

/** The address without its port ("10.0.0.5:5000" → "10.0.0.5", "[::1]:5000" → "[::1]"). */
function hostOf(remote: string): string {
  const colon = remote.lastIndexOf(':');
  return colon > 0 && !remote.endsWith(']') ? remote.slice(0, colon) : remote;
}

export class PeerRefusalAudit {
  private readonly held = new Map<string, Held>();
  /** Keys seen per reason in the current window. */
  private readonly keys = new Map<string, Set<string>>();
  private window = -1;
  private readonly insert: Statement<[number, string, string, string, string, number, number, string], { id: number; count: number }>;
  private readonly update: Statement<[number, number, string, string, number]>;

  constructor(
    db: Database,
    private readonly nowMs: () => number,
    private readonly log: (line: string) => void,
  ) {
    // A row of this window may be there from before a restart: it goes on counting.
    this.insert = db.prepare(
      `INSERT INTO peer_refusals (window_ms, reason, remote_key, side, remote, first_ms, last_ms, count, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (window_ms, reason, remote_key) DO UPDATE SET count = count + 1, last_ms = excluded.last_ms,
         remote = excluded.remote, detail = excluded.detail
       RETURNING id, count`,
    );
    this.update = db.prepare('UPDATE peer_refusals SET count = ?, last_ms = ?, remote = ?, detail = ? WHERE id = ?');
  }

  refused(refusal: Refusal): void {
    const now = Math.trunc(this.nowMs());
    const window = now - (now % REFUSAL_WINDOW_MS);
    if (window !== this.window) this.turn(window);
    const remote = refusal.remote.slice(0, 100);
    const detail = refusal.detail.slice(0, 400);
    const reason = refusal.reason.slice(0, 40);
    const seen = this.keys.get(reason) ?? new Set<string>();
    this.keys.set(reason, seen);
    let remoteKey = (refusal.remoteKey ?? hostOf(refusal.remote)).slice(0, 100) || '?';
    if (!seen.has(remoteKey) && seen.size >= REFUSAL_KEYS_PER_WINDOW) remoteKey = REFUSAL_OVERFLOW_KEY;
    seen.add(remoteKey);
    const key = JSON.stringify([reason, remoteKey]);
    const held = this.held.get(key);
    if (held === undefined) {
      try {
        const row = this.insert.get(window, reason, remoteKey, refusal.side, remote, now, now, detail);
        if (row !== undefined) this.held.set(key, { id: row.id, count: row.count, written: row.count, lastMs: now, writtenMs: now, remote, detail });
      } catch (error) {
        this.failed(error);
      }
      return;
    }
    held.count += 1;
    held.lastMs = now;
    held.remote = remote;
    held.detail = detail;
    if (now - held.writtenMs >= REFUSAL_WRITE_EVERY_MS) this.write(held, now);
  }

  /** Every count not yet written (the worker's tick, and its stop). */
  flush(): void {
    const now = Math.trunc(this.nowMs());
    for (const held of this.held.values()) if (held.count > held.written) this.write(held, now);
  }

  private turn(window: number): void {
    this.flush();
    this.held.clear();
    this.keys.clear();
    this.window = window;
  }

  private write(held: Held, now: number): void {
    try {
      this.update.run(held.count, held.lastMs, held.remote, held.detail, held.id);
      held.written = held.count;
      held.writtenMs = now;
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    this.log(`[peers] a refusal could not be audited: ${error instanceof Error ? error.message : String(error)}`);
  }
}
