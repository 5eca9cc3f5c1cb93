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

/**
 * The copy every upgrade of a records file is taken behind failed, or there was no way to take one: nothing was
 * migrated. The door shows the database screen (DB_COPY_FAILED) with Retry; the file stays as it was.
 */
export class MigrationCopyError extends Error {
  readonly code = 'MIGRATION_COPY_FAILED';
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'MigrationCopyError';
  }
}

export interface MigrateOptions {
  /**
   * Takes (and verifies) a copy of the file as it is, before the first pending migration touches it; throws when it
   * cannot. Required for a file that already holds a schema: a file database is never migrated without its copy.
   */
  copyBefore?: (plan: { from: number; to: number }) => void;
}

interface AppliedRow {
  version: number;
  name: string;
}

export function migrate(db: Database, all: readonly Migration[], options: MigrateOptions = {}): { applied: number[] } {
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

  // A new file has nothing to lose, nor has a database in memory; any other upgrade waits for its copy.
  const pending = all.length - applied.length;
  if (pending > 0 && applied.length > 0 && !db.memory && db.name !== '') {
    if (!options.copyBefore) throw new MigrationCopyError(`${db.name} needs migrations ${newest + 1}…${all.length} and no copy can be taken before them`);
    try {
      options.copyBefore({ from: newest, to: all.length });
    } catch (error) {
      throw new MigrationCopyError(`no copy of ${db.name} could be taken before migrating it: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
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
