// Opens the city server's SQLite file: WAL with synchronous=FULL, because "accepted" in a push reply is a
// promise that the record survives a power cut, exactly like a check-in on the kiosk.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cityMigrations } from './migrations.js';

export const CITY_DB_FILE = 'city-server.sqlite';

export class CityDatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`the city database is at schema ${found}, this server knows up to ${known}`);
    this.name = 'CityDatabaseTooNewError';
  }
}

export function openCityStore(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, CITY_DB_FILE));
  try {
    db.pragma('busy_timeout = 2000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrateCityStore(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrateCityStore(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = cityMigrations.at(-1)?.version ?? 0;
  if (current > known) throw new CityDatabaseTooNewError(current, known);
  for (const migration of cityMigrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  // The epoch names this database in every cursor: a cursor from a wiped or different server is unknown here.
  db.prepare("INSERT OR IGNORE INTO server_meta (key, value) VALUES ('epoch', ?)").run(randomBytes(8).toString('hex'));
}

export function serverEpoch(db: Database): string {
  const row = db.prepare<[], { value: string }>("SELECT value FROM server_meta WHERE key = 'epoch'").get();
  if (!row) throw new Error('the city database has no epoch');
  return row.value;
}
