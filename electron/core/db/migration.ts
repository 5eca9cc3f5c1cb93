import type { Database } from 'better-sqlite3';

/** One schema step. Versions are consecutive from 1; a migration is never edited once shipped. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
