// Writes one year's archive file: <dataDir>/archive/esik-<year>.sqlite, a database of the same schema holding the
// year's records and what its табель needs (the roster as it stands, with the children who left; the calendar's
// transfers), plus the earlier boundaries so its own chain segment is walked from the right hash. Copied in bounded
// steps (a few thousand rows each, the event loop free in between) over a second connection that only reads the live
// file, so the door keeps answering while a year of ~200k rows is written. Written under a .partial name; the caller
// renames it once verified.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToDoor } from 'node:timers/promises';
import { migrate } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { syncFile } from '../../files/atomic-write.js';
import { yearEnd, yearStart, type YearPlan } from './archive-plan.js';

export const ARCHIVE_FOLDER = 'archive';
/** Events copied per step: about 20–40 ms of work on a slow kiosk. */
const EVENTS_PER_STEP = 4000;

export const archiveDir = (dataDir: string): string => join(dataDir, ARCHIVE_FOLDER);
export const archiveFileName = (year: number): string => `esik-${year}.sqlite`;
export const partialName = (year: number): string => `${archiveFileName(year)}.partial`;

/** The roster and calendar tables copied whole: small, and what the year's табель reads beside its records. */
// child_enrolments before children: a child inserted active gets an open period from a trigger unless it has one.
const WHOLE_TABLES = ['kindergarten', 'groups', 'child_enrolments', 'children', 'companions', 'companion_children', 'credentials', 'staff', 'device', 'calendar_transfers', 'archive_boundaries'];

export interface WriteProgress {
  copied: number;
  total: number;
}

function columnsOf(db: Database, table: string): string {
  return db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((c) => `"${c.name}"`)
    .join(', ');
}

/**
 * Writes the archive of `plan.year` beside the live database and flushes it to disk; returns its path (still .partial).
 * A .partial left by an earlier attempt is replaced; `progress` hears after every step; `stopped` ends it between steps.
 */
export async function writeArchiveFile(input: {
  databasePath: string;
  dataDir: string;
  nativeBinding: string | null;
  plan: YearPlan;
  progress?: (p: WriteProgress) => void;
  stopped?: () => boolean;
}): Promise<string> {
  const { plan } = input;
  const folder = archiveDir(input.dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, partialName(plan.year));
  rmSync(path, { force: true });
  rmSync(`${path}-journal`, { force: true });
  const binding = input.nativeBinding ? { nativeBinding: input.nativeBinding } : {};

  const schema = new BetterSqlite3(path, binding);
  try {
    migrate(schema, migrations);
  } finally {
    schema.close();
  }

  const db = new BetterSqlite3(input.databasePath, binding);
  try {
    db.pragma('busy_timeout = 5000');
    // The archive is filled from rows the live file already holds with their references: checking them again would
    // only slow the copy (and the roster may since have lost a row an old record names).
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS arc').run(path);
    db.pragma('arc.journal_mode = OFF');
    db.pragma('arc.synchronous = OFF');
    const copy = (table: string, where: string, ...params: (string | number)[]): void => {
      const columns = columnsOf(db, table);
      db.prepare(`INSERT INTO arc.${table} (${columns}) SELECT ${columns} FROM main.${table} ${where}`).run(...params);
    };
    const end = yearEnd(plan.year);
    const total = plan.counts.ownEvents + plan.counts.peerEvents;
    let copied = 0;
    for (const table of WHOLE_TABLES) copy(table, '');
    await yieldToDoor();
    for (let from = plan.firstSeq; from <= plan.lastSeq; from += EVENTS_PER_STEP) {
      if (input.stopped?.()) throw new Error('stopped: the kiosk closed');
      const to = Math.min(plan.lastSeq, from + EVENTS_PER_STEP - 1);
      copy('attendance_events', 'WHERE device_id = ? AND device_seq BETWEEN ? AND ?', plan.deviceId, from, to);
      copied += to - from + 1;
      input.progress?.({ copied, total });
      await yieldToDoor();
    }
    // The other kiosks' events of the year, a month a step (the year is the oldest live one: nothing older is left).
    for (let month = 1; month <= 12; month += 1) {
      const from = month === 1 ? '' : `${plan.year}-${String(month).padStart(2, '0')}-01`;
      const before = month === 12 ? yearStart(plan.year + 1) : `${plan.year}-${String(month + 1).padStart(2, '0')}-01`;
      copy('attendance_events', 'WHERE device_id <> ? AND local_date >= ? AND local_date < ?', plan.deviceId, from, before);
      await yieldToDoor();
    }
    copied = total;
    input.progress?.({ copied, total });
    copy('override_reasons', 'WHERE event_id IN (SELECT id FROM arc.attendance_events)');
    copy('closing_resolutions', 'WHERE local_date <= ?', end);
    // Every absence that touches the year: one reaching into the next year is copied and also stays live.
    copy('absences', 'WHERE first_date <= ? AND last_date >= ?', end, yearStart(plan.year));
    // Corrections stay live too (a small table) and are copied where they withdraw a record the archive holds.
    copy(
      'corrections',
      `WHERE (target_type = 'attendance' AND target_id IN (SELECT id FROM arc.attendance_events))
          OR (target_type = 'absence' AND target_id IN (SELECT id FROM arc.absences))`,
    );
    copy('headcounts', 'WHERE local_date BETWEEN ? AND ?', yearStart(plan.year), end);
    db.prepare('DETACH DATABASE arc').run();
  } finally {
    db.close();
  }
  syncFile(path);
  return path;
}
