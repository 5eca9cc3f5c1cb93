// How the core opens: everything is built first, then the timers and workers start; whatever goes wrong on the way
// leaves nothing running and nothing holding the records, and the door says what happened with a code.
import type { Database } from 'better-sqlite3';
import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';

const onLinux = process.platform === 'linux';

/** This process's open files inside `dir` (the records, their -wal and -shm, the anchor), read from /proc. */
function filesHeldIn(dir: string): string[] {
  const held: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(`${dir}/`)) held.push(target);
    } catch {
      // Closed between the listing and the look (the listing's own descriptor among them).
    }
  }
  return held;
}

/** Files still held once the anchor's last flush (fdatasync on the thread pool, after which it closes) is done. */
async function filesHeldAfterClose(dir: string): Promise<string[]> {
  for (let turn = 0; turn < 1_000 && filesHeldIn(dir).length > 0; turn++) await new Promise((next) => setImmediate(next));
  return filesHeldIn(dir);
}

/** A cap on the pages the file may have: `extra` more than it has when the core opens it, so the write after that fails with a real SQLITE_FULL. */
function diskFullAfter(extra: number): (db: Database) => void {
  return (db) => {
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages + extra}`);
  };
}

describe.skipIf(!onLinux)('opening the kiosk core (open files are read from /proc, so Linux only)', () => {
  it('on a disk that fills up at any step of creating the demo kindergarten, answers with a code and holds nothing it opened', async () => {
    // From the first write (the demo's seed) to past the last one opening makes: every step meets the full disk once.
    for (let extra = 0; extra <= 40; extra += 2) {
      const dataDir = tempDataDir();
      const lines: string[] = [];
      const core = new KioskCore({
        dataDir,
        demo: true,
        clock: manualClock('2026-11-23T03:10:00.000Z'),
        log: (line) => lines.push(line),
        onDatabaseOpened: diskFullAfter(extra),
        cityPullIntervalMs: 0,
      });
      const status = core.handlers.getStatus({});
      if (!status.ok) throw new Error('getStatus failed');
      const state = status.value.state;
      expect(['ready', 'cannot-record', 'database-error']).toContain(state);
      // Every request gets an answer, never an exception from a half-open store.
      const tap = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      expect(tap.ok || ['CANNOT_RECORD', 'DATABASE_UNAVAILABLE'].includes(tap.error.code)).toBe(true);
      if (state === 'database-error' || (state === 'cannot-record' && status.value.door === null)) {
        expect(filesHeldIn(dataDir), `disk full after ${extra} pages: ${state}`).toEqual([]);
      }
      await core.whenFullyChecked();
      core.close();
      expect(await filesHeldAfterClose(dataDir), `disk full after ${extra} pages, closed`).toEqual([]);
      expect(lines.filter((l) => l.includes('connection is not open'))).toEqual([]);
    }
  });

  it('a full check that cannot start neither closes the door nor leaves it half open', async () => {
    const dataDir = tempDataDir();
    // Node refuses a worker script named without ./ at once (ERR_WORKER_PATH): the check cannot start.
    const core = new KioskCore({ dataDir, demo: true, log: () => undefined, cityPullIntervalMs: 0, audit: { workerScript: 'chain-audit-worker.mjs' } });
    await core.whenFullyChecked();
    const status = core.handlers.getStatus({});
    expect(status.ok && status.value.state === 'ready' ? status.value.chain.fullCheck : status).toBe('not-run');
    const tap = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    expect(tap.ok ? tap.value.kind : tap.error.code).toBe('recorded');
    core.close();
    expect(await filesHeldAfterClose(dataDir)).toEqual([]);
  });

});
