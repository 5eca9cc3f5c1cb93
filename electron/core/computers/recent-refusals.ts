// The link's recent refusals for the Computers page (docs/peers.md §3 "Audit"): the newest rows of peer_refusals,
// which the peer worker writes (peers/refusal-audit.ts) and this core only reads. A row counts one reason from one
// remote within an hour, so PEER_REFUSALS_SHOWN rows cover a flood as well as a quiet week.
import type { Database } from 'better-sqlite3';
import { PEER_REFUSALS_SHOWN, PeerRefusalViewSchema, type PeerRefusalView } from '../../../shared/peers/peer-refusal-view.js';

interface Row {
  last_ms: number;
  reason: string;
  side: string;
  remote_key: string;
  remote: string;
  count: number;
}

export function recentRefusals(db: Database, limit = PEER_REFUSALS_SHOWN): PeerRefusalView[] {
  const rows = db
    .prepare<[number], Row>('SELECT last_ms, reason, side, remote_key, remote, count FROM peer_refusals ORDER BY last_ms DESC, id DESC LIMIT ?')
    .all(Math.max(0, Math.min(limit, PEER_REFUSALS_SHOWN)));
  // Checked as the answer's schema wants them: a row the table's checks let through but the page could not show is left out.
  return rows.flatMap((r) => {
    const view = PeerRefusalViewSchema.safeParse({ lastMs: r.last_ms, reason: r.reason, side: r.side, remoteKey: r.remote_key, remote: r.remote, count: r.count });
    return view.success ? [view.data] : [];
  });
}
