// The peer log's `have` (docs/peers.md §5) on a year's log: 750,000 rows of three origins in a migrated database, the
// highest seq per origin read as ledger/peer-log.ts reads it (a probe of the primary key per origin) against the
// GROUP BY it replaced (a walk of every row). A catch-up reads it several times a page, once inside its write
// transaction, and every `new` announced reads it too. Alone: `npx tsx bench/peer-have-main.ts` (about a minute to fill).
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open-database.js';
import { heldHave } from '../electron/core/ledger/peer-log.js';
import { percentile, report } from './stats.js';

const ORIGINS = { '0193a1f0-0000-7000-8000-00000000000a': 600_000, '0193a1f0-0000-7000-8000-00000000000b': 145_000, '0193a1f0-0000-7000-8000-0000000000c1': 5_000 };
const SAMPLES = 20;

export function benchPeerHave(dir: string): void {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  try {
    // Rows as an import stores them (attendance: no body); the chain's links are not read here.
    const insert = db.prepare(
      `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
       VALUES (?, ?, 'attendance', ?, '1795403523120-0000', NULL, ?, ?, ?, NULL, NULL, 0)`,
    );
    const hex = 'a'.repeat(64);
    for (const [origin, rows] of Object.entries(ORIGINS)) {
      for (let from = 1; from <= rows; from += 50_000) {
        db.transaction(() => {
          for (let seq = from; seq < Math.min(from + 50_000, rows + 1); seq += 1) insert.run(origin, seq, `${origin}/${String(seq)}`, hex, hex, hex);
        })();
      }
    }
    const grouped = db.prepare('SELECT device_id, max(seq) AS seq FROM peer_log GROUP BY device_id');
    const time = (read: () => unknown): number[] =>
      Array.from({ length: SAMPLES }, () => {
        const started = performance.now();
        read();
        return performance.now() - started;
      });
    if (JSON.stringify(heldHave(db)) !== JSON.stringify(ORIGINS)) throw new Error(`have read ${JSON.stringify(heldHave(db))}`);
    report('peer_have_750k_ms', percentile(time(() => heldHave(db)), 50), 'ms');
    report('peer_have_750k_group_by_ms', percentile(time(() => grouped.all()), 50), 'ms');
  } finally {
    db.close();
  }
}
