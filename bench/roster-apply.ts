// How long a roster from the city holds the core's thread (the door waits behind it): a whole snapshot of the demo
// kindergarten's size (300 children, 537 companions, 561 credentials), and a one-row delta (a revocation), each
// applied in its one transaction with the kiosk's pragmas (synchronous=FULL: the commit is on disk).
import { join } from 'node:path';
import type { RosterReply } from '../shared/sync/protocol.js';
import { openDatabase } from '../electron/core/db/open-database.js';
import { demoRoster } from '../electron/core/demo/demo-roster.js';
import { RosterStore } from '../electron/core/roster/roster-store.js';
import { applyRosterReply } from '../electron/core/roster/roster-apply.js';
import { percentile, report } from './stats.js';

export function benchRosterApply(dir: string, samples = 30): void {
  const db = openDatabase(join(dir, 'roster.sqlite'));
  new RosterStore(db).seed(demoRoster());
  const apply = (reply: RosterReply): number => {
    const started = performance.now();
    applyRosterReply(db, reply, { now: new Date(), kindergartenId: null });
    return performance.now() - started;
  };
  const roster = { ...demoRoster(), kindergarten: { id: 'kg-demo', name: 'Балабақша № 1 «Ақбота»', demo: false }, cityKeys: [], settings: {} };
  const card = roster.credentials[0];
  if (!card) throw new Error('the demo roster has no credentials');
  const snapshots: number[] = [];
  const deltas: number[] = [];
  for (let i = 0; i < samples; i++) {
    snapshots.push(apply({ kind: 'snapshot', cursor: `s${i}`, roster }));
    const revokedAt = i % 2 === 0 ? new Date().toISOString() : null;
    deltas.push(apply({ kind: 'delta', cursor: `d${i}`, changes: { upserts: { credentials: [{ ...card, revokedAt }] }, removals: {} } }));
  }
  db.close();
  report('roster_snapshot_apply_p95_ms', percentile(snapshots, 95), 'ms');
  report('roster_delta_apply_p95_ms', percentile(deltas, 95), 'ms');
}
