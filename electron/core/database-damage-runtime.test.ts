// Damage met while the kiosk runs, not at start: a page a tap reads is smashed on disk behind the kiosk's back. The tap
// must close the door on the damaged screen (and leave the marker for the next start), never answer INTERNAL forever.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCards } from './demo/demo-roster.js';
import { dispatch } from './api/dispatch.js';
import { damageMarkerPath } from './db/damage-marker.js';
import { KioskCore } from './kiosk-core.js';
import { DB_FILE, smashPage } from './testing/damaged-files.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';

/** Every b-tree page of a table and its indexes, from SQLite's dbstat. */
function pagesOfTable(db: BetterSqlite3.Database, table: string): number[] {
  return db
    .prepare<[string], { pageno: number }>(
      "SELECT DISTINCT pageno FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = ? AND type IN ('table', 'index')) ORDER BY pageno",
    )
    .all(table)
    .map((r) => r.pageno);
}

describe('damage met at run time', () => {
  it('a tap that reads a smashed page ends on the damaged screen with the marker, and so does the next start', async () => {
    const dir = tempDataDir();
    const path = join(dir, DB_FILE);
    const clock = manualClock('2026-11-23T03:00:00.000Z');
    const lines: string[] = [];
    const core = new KioskCore({ dataDir: dir, demo: true, clock, log: (line) => lines.push(line) });
    await core.whenFullyChecked();
    const tap = (raw: string) => dispatch(core.handlers, 'identifyCard', { raw, source: 'keyboard-wedge' }, (line) => lines.push(line));
    expect(tap(demoCards.motherOneChild)).toMatchObject({ ok: true, value: { kind: 'recorded' } });

    // A second handle: the -wal folded into the file, so the roster's pages are read from the file itself…
    const other = new BetterSqlite3(path);
    other.pragma('wal_checkpoint(TRUNCATE)');
    const pages = pagesOfTable(other, 'credentials');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) smashPage(path, page);
    // …and one commit from it, so the kiosk's connection drops its page cache at its next read (WAL mode does so
    // whenever another connection wrote).
    other.pragma(`user_version = ${Number(other.pragma('user_version', { simple: true }))}`);
    other.close();

    clock.advance(31 * 60_000);
    expect(tap(demoCards.grandmotherTwoGroups)).toEqual({ ok: false, error: { code: 'DATABASE_UNAVAILABLE', detail: 'DB_CORRUPT' } });
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_CORRUPT' } });
    expect(existsSync(damageMarkerPath(path))).toBe(true);
    // The door stays shut on the damaged screen: no generic INTERNAL at every tap after.
    expect(tap(demoCards.motherOneChild)).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    expect(lines.filter((line) => line.includes('identifyCard failed'))).toEqual([]);
    core.close();

    const again = new KioskCore({ dataDir: dir, demo: true, clock, log: () => undefined });
    expect(again.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_CORRUPT' } });
    again.close();
  });
});
