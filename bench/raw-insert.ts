// The floor under the door: one bare better-sqlite3 insert per transaction with the kiosk's pragmas, on the
// same disk as the kiosk's database.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { percentile, report } from './stats.js';

export function benchRawInsert(dir: string, samples = 500): number {
  const db = new BetterSqlite3(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE e (id TEXT PRIMARY KEY, child_id TEXT NOT NULL, kind TEXT NOT NULL, occurred_ms INTEGER NOT NULL, hash TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO e VALUES (?, ?, ?, ?, ?)');
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    insert.run(`id-${i}`, `ch${i % 300}`, 'arrival', Date.now(), 'f'.repeat(64));
    times.push(performance.now() - started);
  }
  db.close();
  const p95 = percentile(times, 95);
  report('raw_insert_p95_ms', p95, 'ms');
  return p95;
}
