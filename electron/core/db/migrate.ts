// Brings a database up to the schema this build knows, one transaction per migration.
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

export class DatabaseFromFutureError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`database schema version ${found} is newer than this build knows (${known})`);
    this.name = 'DatabaseFromFutureError';
  }
}

export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationHistoryError';
  }
}

interface AppliedRow {
  version: number;
  name: string;
}

export function migrate(db: Database, all: readonly Migration[]): { applied: number[] } {
  all.forEach((m, index) => {
    if (m.version !== index + 1) throw new MigrationHistoryError(`migration ${m.name} has version ${m.version}, expected ${index + 1}`);
  });

  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);

  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > all.length) throw new DatabaseFromFutureError(newest, all.length);
  applied.forEach((row, index) => {
    const expected = all[index];
    if (!expected || row.version !== expected.version || row.name !== expected.name) {
      throw new MigrationHistoryError(`applied migration ${row.version} "${row.name}" does not match this build's history`);
    }
  });

  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const m of all.slice(applied.length)) {
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
    done.push(m.version);
  }
  return { applied: done };
}
