// Real damage done to real database files, the ways disks, power cuts and people do it, for the damage tests.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const DB_FILE = 'esik.sqlite';

/** What a power cut leaves behind: the files as they are on disk right now, the kiosk still running. */
export function snapshotFolder(fromDir: string, toDir: string, suffixes = ['', '-wal', '-shm', '.anchor']): void {
  mkdirSync(toDir, { recursive: true });
  for (const suffix of suffixes) {
    const from = join(fromDir, DB_FILE + suffix);
    if (existsSync(from)) copyFileSync(from, join(toDir, DB_FILE + suffix));
  }
}

/** Page numbers of a table's or index's b-tree pages of one kind ('leaf', 'internal'), from SQLite's dbstat. */
export function pagesOf(path: string, name: string, kind: 'leaf' | 'internal'): number[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db
      .prepare<[string, string], { pageno: number }>('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno')
      .all(name, kind)
      .map((r) => r.pageno);
  } finally {
    db.close();
  }
}

/** Overwrites one whole page with a pattern no b-tree page can hold. */
export function smashPage(path: string, pageno: number): void {
  const pageSize = readFileSync(path).readUInt16BE(16);
  overwrite(path, (pageno - 1) * pageSize, Buffer.alloc(pageSize, 0xa5));
}

export function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Changes one byte for certain (its bits inverted): writing a fixed value would leave it as it was one time in 256. */
export function flipByte(path: string, offset: number): void {
  const fd = openSync(path, 'r+');
  try {
    const one = Buffer.alloc(1);
    readSync(fd, one, 0, 1, offset);
    one[0] = one[0]! ^ 0xff;
    writeSync(fd, one, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

export function cutShort(path: string, bytes: number): void {
  truncateSync(path, statSync(path).size - bytes);
}

/**
 * Deletes this device's newest events the way someone with the sqlite3 tool would: the append-only triggers dropped,
 * the rows (and their outbox rows) deleted, the triggers put back as they were.
 */
export function deleteNewestEvents(path: string, count: number): void {
  const db = new BetterSqlite3(path);
  try {
    const triggers = db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('attendance_events', 'sync_outbox', 'sync_outbox_body')")
      .all();
    db.transaction(() => {
      for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
      const ids = db.prepare<[number], { id: string }>('SELECT id FROM attendance_events ORDER BY device_seq DESC LIMIT ?').all(count).map((r) => r.id);
      for (const id of ids) {
        db.prepare('DELETE FROM sync_outbox_body WHERE seq IN (SELECT seq FROM sync_outbox WHERE record_id = ?)').run(id);
        db.prepare('DELETE FROM sync_outbox WHERE record_id = ?').run(id);
        db.prepare('DELETE FROM attendance_events WHERE id = ?').run(id);
      }
      for (const t of triggers) db.exec(t.sql);
    })();
  } finally {
    db.close();
  }
}

/** How many events a plain SQLite opening a copy of these files sees (what survives of a damaged -wal). */
export function eventsSurviving(dir: string, scratchDir: string): number {
  snapshotFolder(dir, scratchDir, ['', '-wal']);
  const db = new BetterSqlite3(join(scratchDir, DB_FILE));
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM attendance_events').get()?.n ?? 0;
  } finally {
    db.close();
  }
}
