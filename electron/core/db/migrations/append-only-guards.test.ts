// Every guard trigger any migration ever made (append-only tables, records fixed once queued, inserts checked) must
// still stand after the last one: a table rebuilt to change a column (0006, 0007, 0011 did so) drops its triggers with
// it, and a migration that forgets to make them again leaves the records editable without a word.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import type { Migration } from '../migration.js';
import { migrations } from './index.js';

/** Guards a migration took away on purpose, and why: nothing else may disappear. */
const RETIRED: Readonly<Record<string, string>> = {
  // 0009: refused attempts are bounded and coalesced (rows counted up and pruned), no longer an append-only record.
  refused_attempts_no_update: 'refused-coalesced',
  refused_attempts_no_delete: 'refused-coalesced',
};

/**
 * Guards a migration narrowed on purpose: the same trigger, refusing every delete except of rows below a recorded archive
 * boundary (0014). Each must still be there under its name, on its table, refusing with its message.
 */
const NARROWED: Readonly<Record<string, string>> = {
  attendance_events_no_delete: 'archive-boundaries',
  override_reasons_no_delete: 'archive-boundaries',
  closing_resolutions_no_delete: 'archive-boundaries',
  absences_no_delete: 'archive-boundaries',
  // 0027 made the peer log's guard narrowed from the start (an attendance row may go with its archived event).
  peer_log_no_delete: 'peers',
};

interface Guard {
  name: string;
  table: string;
  sql: string;
}

const normalized = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

function guardsNow(db: BetterSqlite3.Database): Guard[] {
  return db
    .prepare<[], Guard>("SELECT name, tbl_name AS \"table\", sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%' ORDER BY name")
    .all()
    .map((g) => ({ ...g, sql: normalized(g.sql) }));
}

/** A narrowed guard still stands: on the same table, raising the same message, only under a WHEN it did not have. */
function narrowedStands(now: Guard | undefined, before: Guard): boolean {
  const message = /RAISE\(ABORT, '([^']+)'\)/.exec(before.sql)?.[1];
  return now !== undefined && now.table === before.table && message !== undefined && now.sql.includes(`RAISE(ABORT, '${message}')`) && / WHEN NOT \(/.test(now.sql);
}

/**
 * Runs the migrations one by one and collects every guard any of them left; returns the guards missing (or changed)
 * at the end, except those retired on purpose by the migration named in RETIRED.
 */
function lostGuards(all: readonly Migration[]): { lost: string[]; seen: Guard[] } {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  const seen = new Map<string, Guard>();
  try {
    for (let i = 1; i <= all.length; i++) {
      migrate(db, all.slice(0, i));
      for (const g of guardsNow(db)) seen.set(g.name, g);
    }
    const applied = new Set(all.map((m) => m.name));
    const end = new Map(guardsNow(db).map((g) => [g.name, g]));
    const lost = [...seen.values()]
      .filter((g) => end.get(g.name)?.sql !== g.sql || end.get(g.name)?.table !== g.table)
      .filter((g) => !(RETIRED[g.name] !== undefined && applied.has(RETIRED[g.name] ?? '')))
      .filter((g) => !(NARROWED[g.name] !== undefined && applied.has(NARROWED[g.name] ?? '') && narrowedStands(end.get(g.name), g)))
      .map((g) => g.name)
      .sort();
    return { lost, seen: [...seen.values()] };
  } finally {
    db.close();
  }
}

describe('guard triggers after every migration', () => {
  it('each append-only table keeps both of its triggers, and every other guard stands', () => {
    const { lost, seen } = lostGuards(migrations);
    expect(lost).toEqual([]);
    // The append-only tables, as the migrations made them: an UPDATE and a DELETE trigger each.
    const appendOnly = [...new Set(seen.filter((g) => g.sql.includes('is append-only')).map((g) => g.table))].sort();
    expect(appendOnly).toEqual(
      expect.arrayContaining(['absences', 'admin_audit', 'attendance_events', 'closing_resolutions', 'corrections', 'credential_changes', 'headcounts', 'override_reasons', 'peer_bundles', 'peer_conflicts', 'peer_log', 'staff_audit']),
    );
    for (const table of appendOnly.filter((t) => t !== 'refused_attempts')) {
      expect(seen.map((g) => g.name)).toEqual(expect.arrayContaining([`${table}_no_update`, `${table}_no_delete`]));
    }
  });

  it('a later migration that rebuilds a table and forgets its triggers is caught', () => {
    const careless: Migration = {
      version: migrations.length + 1,
      name: 'careless-rebuild',
      up: (db) =>
        db.exec(`
          CREATE TABLE admin_audit_next AS SELECT * FROM admin_audit;
          DROP TABLE admin_audit;
          ALTER TABLE admin_audit_next RENAME TO admin_audit;`),
    };
    expect(lostGuards([...migrations, careless]).lost).toEqual(['admin_audit_action_allowed', 'admin_audit_no_delete', 'admin_audit_no_update']);
  });
});
