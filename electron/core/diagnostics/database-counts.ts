// How much the database holds, by count only (no row is read): what a support person compares with the kindergarten.
import type { Database } from 'better-sqlite3';

export interface DatabaseCounts {
  children: number;
  companions: number;
  cards: number;
  events: number;
  outboxPending: number;
  refusedAttempts: number;
}

const QUERIES: Record<keyof DatabaseCounts, string> = {
  children: 'SELECT count(*) AS n FROM children',
  companions: 'SELECT count(*) AS n FROM companions',
  // Cards that open the door: card and QR credentials not revoked.
  cards: 'SELECT count(*) AS n FROM credentials WHERE revoked_at IS NULL',
  events: 'SELECT count(*) AS n FROM attendance_events',
  outboxPending: "SELECT count(*) AS n FROM sync_outbox WHERE state = 'pending'",
  refusedAttempts: 'SELECT count(*) AS n FROM refused_attempts',
};

export function databaseCounts(db: Database): DatabaseCounts {
  const count = (sql: string): number => db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
  return {
    children: count(QUERIES.children),
    companions: count(QUERIES.companions),
    cards: count(QUERIES.cards),
    events: count(QUERIES.events),
    outboxPending: count(QUERIES.outboxPending),
    refusedAttempts: count(QUERIES.refusedAttempts),
  };
}
