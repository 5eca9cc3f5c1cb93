// What the migration tests share: an in-memory database migrated to a given point (with rows that must survive the
// next migration), and the query plan SQLite chooses for a statement, to assert it stays on an index.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from '../../migrate.js';
import type { Migration } from '../../migration.js';

export function migratedDatabase(migrations: readonly Migration[], rows = ''): Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  if (rows !== '') db.exec(rows);
  return db;
}

/** EXPLAIN QUERY PLAN's steps, joined with " | ". */
export function queryPlan(db: Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}
