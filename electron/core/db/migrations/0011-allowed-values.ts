// The lists of allowed values that grow with every new kind of record — the outbox's record types, the admin's and the
// staff's audited acts — move out of CHECK constraints into small tables of their own, checked by a trigger on insert.
// SQLite cannot alter a CHECK, so each new record type or act so far meant rebuilding its table (0006, 0007): every row
// copied, every index and trigger made again, seconds on a kiosk with years of outbox. From here on a later migration
// adds a value with one INSERT into the list.
//
// The old CHECKs are taken out of the stored table definitions in place (dropCheck below), so no row is copied or
// rewritten and the indexes and triggers stay as they are. The attendance events' own lists (kind, method) are left
// alone: a new kind of attendance event changes the chain's format, which is a bigger step than a migration's list.
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration.js';

/** Frozen copies of the lists as the last CHECKs held them (0006, 0007): a migration says the same thing forever. */
const LISTS = {
  outbox_record_types: ['attendance', 'override-reason', 'absence', 'correction', 'headcount', 'closing-resolution', 'credential-change'],
  admin_audit_actions: ['transfer-set', 'transfer-cleared', 'tabel-export', 'settings-changed', 'qr-cards-printed', 'card-enrolled', 'card-revoked'],
  staff_audit_actions: [
    'first-admin-created',
    'sign-in',
    'sign-in-failed',
    'account-locked',
    'sign-out',
    'session-timeout',
    'override',
    'correction',
    'absence',
    'headcount',
    'closing-resolution',
    'pin-set',
    'pin-changed',
    'card-enrolled',
    'card-withdrawn',
    'account-unlocked',
  ],
} as const;

/** Which column of which table each list checks. */
const CHECKED = [
  { table: 'sync_outbox', column: 'record_type', list: 'outbox_record_types' },
  { table: 'admin_audit', column: 'action', list: 'admin_audit_actions' },
  { table: 'staff_audit', column: 'action', list: 'staff_audit_actions' },
] as const;

/** The CHECK a column carried, exactly as 0006 and 0007 wrote it into the schema (with the space before it). */
const checkOf = (column: string, values: readonly string[]): string => ` CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

/**
 * Takes a CHECK out of a table's stored definition. SQLite's documented way to remove a CHECK without a rebuild (ALTER
 * TABLE, "making other kinds of table schema changes"): the rows are untouched, since a CHECK does not change how they
 * are stored; the schema version moves so every connection reads the schema again.
 */
function dropCheck(db: Database, table: string, check: string): void {
  const stored = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)?.sql;
  if (stored === undefined) throw new Error(`no table ${table}`);
  const next = stored.replace(check, '');
  if (next === stored || next.includes(check)) throw new Error(`${table} does not hold the CHECK this migration removes exactly once: ${check}`);
  db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?").run(next, table);
}

export const allowedValues: Migration = {
  version: 11,
  name: 'allowed-values',
  up: (db) => {
    for (const [list, values] of Object.entries(LISTS)) {
      db.exec(`
        CREATE TABLE ${list} (name TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
        -- Values are added by later migrations, never changed or taken away: rows already written use them.
        CREATE TRIGGER ${list}_no_update BEFORE UPDATE ON ${list}
        BEGIN SELECT RAISE(ABORT, '${list} is append-only'); END;
        CREATE TRIGGER ${list}_no_delete BEFORE DELETE ON ${list}
        BEGIN SELECT RAISE(ABORT, '${list} is append-only'); END;`);
      const insert = db.prepare(`INSERT INTO ${list} (name) VALUES (?)`);
      for (const value of values) insert.run(value);
    }
    // better-sqlite3 opens connections in SQLite's defensive mode, which forbids writing the schema table.
    db.unsafeMode(true);
    const version = Number(db.pragma('schema_version', { simple: true }));
    db.pragma('writable_schema = ON');
    try {
      for (const { table, column, list } of CHECKED) dropCheck(db, table, checkOf(column, LISTS[list]));
      db.pragma(`schema_version = ${version + 1}`);
    } finally {
      db.pragma('writable_schema = OFF');
      db.unsafeMode(false);
    }
    for (const { table, column, list } of CHECKED) {
      db.exec(`
        CREATE TRIGGER ${table}_${column}_allowed BEFORE INSERT ON ${table}
          WHEN NOT EXISTS (SELECT 1 FROM ${list} WHERE name = NEW.${column})
        BEGIN SELECT RAISE(ABORT, '${table}.${column} is not in ${list}'); END;`);
    }
  },
};
