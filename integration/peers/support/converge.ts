// What "the same end state" means in the peers' proofs (docs/peers.md §10 step 10), read from each machine's own file:
// the peer log's hashes per origin, a digest of each projection table the screens read, and bounded polling until
// every machine agrees, printing what still differs when the deadline passes.
import { createHash } from 'node:crypto';
import { KINDERGARTEN_SETTING_KEYS } from '../../../electron/core/ledger/settings-store.js';
import type { Machine } from './machine.js';

/** One projection table as every machine must hold it: its rows in a fixed order, local working columns left out. */
interface Projection {
  name: string;
  sql: string;
}

const settingKeys = KINDERGARTEN_SETTING_KEYS.map((k) => `'${k}'`).join(', ');

export const PROJECTIONS: readonly Projection[] = [
  // Each origin's chain of record hashes: equal lists mean the same records in the same chains.
  { name: 'peer_log', sql: 'SELECT device_id, seq, kind, record_id, hash FROM peer_log ORDER BY device_id, seq' },
  {
    name: 'attendance_events',
    sql: `SELECT id, device_id, device_seq, child_id, kind, method, companion_id, credential_id, staff_id, occurred_ms, local_date, hash
          FROM attendance_events ORDER BY id`,
  },
  { name: 'absences', sql: 'SELECT * FROM absences ORDER BY id' },
  { name: 'corrections', sql: 'SELECT * FROM corrections ORDER BY id' },
  { name: 'override_reasons', sql: 'SELECT * FROM override_reasons ORDER BY event_id' },
  { name: 'staff', sql: 'SELECT id, first_name, last_name, role, active FROM staff ORDER BY id' },
  // The PIN itself (its peppered hash, salt and parameters); the wrong-PIN counts are each machine's own (§6).
  { name: 'staff_pins', sql: 'SELECT staff_id, hash, salt, params, set_at FROM staff_pins ORDER BY staff_id' },
  { name: 'staff_cards', sql: 'SELECT id, staff_id, value, revoked_at FROM staff_cards ORDER BY id' },
  { name: 'credentials', sql: 'SELECT id, companion_id, kind, value, version, revoked_at FROM credentials ORDER BY id' },
  { name: 'children', sql: 'SELECT id, group_id, first_name, last_name, active FROM children ORDER BY id' },
  { name: 'settings', sql: `SELECT key, value FROM settings WHERE key IN (${settingKeys}) ORDER BY key` },
  { name: 'calendar_transfers', sql: 'SELECT * FROM calendar_transfers ORDER BY 1' },
  { name: 'peer_members', sql: 'SELECT device_id, role, revoked_at FROM peer_members ORDER BY device_id' },
];

export interface Snapshot {
  /** Per table: a digest of its rows, and the rows themselves for the message when machines differ. */
  tables: Map<string, { digest: string; rows: unknown[] }>;
}

function digestOf(rows: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
    .digest('hex');
}

export function snapshot(machine: Machine, extra: ReadonlyMap<string, unknown[]> = new Map()): Snapshot {
  const tables = new Map<string, { digest: string; rows: unknown[] }>();
  for (const p of PROJECTIONS) {
    const rows = machine.read<unknown>(p.sql);
    tables.set(p.name, { digest: digestOf(rows), rows });
  }
  for (const [name, rows] of extra) tables.set(name, { digest: digestOf(rows), rows });
  return { tables };
}

/** null when every machine's snapshot is the first's; else one line per table that differs, with a few rows. */
export function differences(named: readonly { name: string; snap: Snapshot }[]): string | null {
  const [first, ...rest] = named;
  if (first === undefined) return null;
  const lines: string[] = [];
  for (const [table, mine] of first.snap.tables) {
    for (const other of rest) {
      const theirs = other.snap.tables.get(table);
      if (theirs?.digest === mine.digest) continue;
      const show = (rows: unknown[] | undefined): string => digestFree(rows ?? []).slice(0, 600);
      const onlyMine = setMinus(mine.rows, theirs?.rows ?? []);
      const onlyTheirs = setMinus(theirs?.rows ?? [], mine.rows);
      lines.push(
        `${table}: ${first.name} ${String(mine.rows.length)} rows, ${other.name} ${String(theirs?.rows.length ?? 0)}; ` +
          `only at ${first.name}: ${show(onlyMine)}; only at ${other.name}: ${show(onlyTheirs)}`,
      );
    }
  }
  return lines.length === 0 ? null : lines.join('\n');
}

function digestFree(rows: unknown[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex').slice(0, 12) : value));
}

function setMinus(a: unknown[], b: unknown[]): unknown[] {
  const key = (row: unknown): string => digestFree([row]);
  const held = new Set(b.map(key));
  return a.filter((row) => !held.has(key(row)));
}

/**
 * Polls `check` every `everyMs` until it answers null (nothing differs) or `deadlineMs` passes; then throws with the
 * last answer, so a failure says what differed, not only that time ran out. Bounded in time and in count.
 */
export async function waitUntilSame(what: string, check: () => Promise<string | null> | string | null, deadlineMs: number, everyMs = 250): Promise<void> {
  const end = Date.now() + deadlineMs;
  let last: string | null = 'not checked yet';
  for (let round = 0; round < Math.ceil(deadlineMs / everyMs) + 1; round += 1) {
    last = await check();
    if (last === null) return;
    if (Date.now() >= end) break;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what}: still not the same after ${String(deadlineMs)} ms:\n${last ?? ''}`);
}
