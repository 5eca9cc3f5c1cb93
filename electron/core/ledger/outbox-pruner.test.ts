// Pruning the acknowledged outbox rows on a real records file with 100,000 queued rows (3,000 of them chained events): only rows the city acknowledged
// longer ago than the setting go, pending and rejected ones never do, and the events, their chain and so the табель
// are exactly as before.
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../db/open-database.js';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { demoRoster } from '../demo/demo-roster.js';
import { RosterStore } from '../roster/roster-store.js';
import { appendEvents } from '../testing/history.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { ensureDeviceId } from './attendance-log.js';
import { integrityProblems, walkOwnChain } from './chain-audit.js';
import { OutboxPruner } from './outbox-pruner.js';
import { OutboxStore } from './outbox-store.js';
import { SettingsStore } from './settings-store.js';

const DAY = 24 * 60 * 60_000;
const NOW = '2026-12-03T10:00:00.000Z';
const ROWS = 100_000;
const EVENTS = 3_000;

function recordsWithOutbox(events: number) {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  onTestFinished(() => {
    db.close();
  });
  new RosterStore(db).seed(demoRoster());
  const deviceId = ensureDeviceId(db, new Date('2026-11-02T03:00:00Z'));
  appendEvents(db, deviceId, events);
  // The rest of the 100,000 queued rows at once (chaining each as an event would take the test a minute).
  db.transaction(() => {
    db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO sync_outbox (record_id, record_type, queued_ms) SELECT 'extra-' || i, 'attendance', 0 FROM n`).run(ROWS - events);
    db.prepare("INSERT INTO sync_outbox_body (seq, body) SELECT seq, '{}' FROM sync_outbox WHERE record_id LIKE 'extra-%'").run();
  })();
  return { db, deviceId };
}

describe('pruning the acknowledged outbox rows', () => {
  it('deletes only rows acknowledged over the kept days ago, in batches, and leaves the events and their chain whole', async () => {
    const { db, deviceId } = recordsWithOutbox(EVENTS);
    const count = (where: string): number => (db.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE ${where}`).get() as { n: number }).n;
    expect(count('1')).toBe(100_000);
    const nowMs = Date.parse(NOW);
    // The city acknowledged the first 60,000 forty days ago and the next 20,000 ten days ago; 10,000 it refused; the rest wait.
    db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = ? WHERE seq <= 60000").run(nowMs - 40 * DAY);
    db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = ? WHERE seq > 60000 AND seq <= 80000").run(nowMs - 10 * DAY);
    db.prepare("UPDATE sync_outbox SET state = 'rejected', rejected_reason = 'test' WHERE seq > 80000 AND seq <= 90000").run();
    const eventsBefore = db.prepare('SELECT count(*) AS n, max(device_seq) AS seq, sum(length(hash)) AS bytes FROM attendance_events').get();
    const newestBefore = db.prepare('SELECT hash FROM attendance_events ORDER BY device_seq DESC LIMIT 1').get();

    const lines: string[] = [];
    const pruner = new OutboxPruner({ outbox: new OutboxStore(db), settings: SettingsStore.of(db, () => undefined), clock: manualClock(NOW), log: (l) => lines.push(l) });
    // The event loop gets a turn between batches: something queued right after the run starts runs before it ends.
    let remainingAtFirstTurn = -1;
    const run = pruner.pruneNow();
    setImmediate(() => {
      remainingAtFirstTurn = count("state = 'sent'");
    });
    expect(await run).toBe(60_000);
    expect(remainingAtFirstTurn).toBeGreaterThan(20_000);
    expect(remainingAtFirstTurn).toBeLessThan(80_000);

    expect(count("state = 'sent'")).toBe(20_000);
    expect(count("state = 'sent' AND sent_ms < " + String(nowMs - 30 * DAY))).toBe(0);
    expect(count("state = 'rejected'")).toBe(10_000);
    expect(count("state = 'pending'")).toBe(10_000);
    // The bodies went with their rows, and only with them.
    expect(db.prepare('SELECT count(*) AS n FROM sync_outbox_body').get()).toEqual({ n: 40_000 });
    expect(db.prepare('SELECT count(*) AS n FROM sync_outbox_body b LEFT JOIN sync_outbox o ON o.seq = b.seq WHERE o.seq IS NULL').get()).toEqual({ n: 0 });
    // The events are untouched: same count, same end, the chain walks whole and the file checks.
    expect(db.prepare('SELECT count(*) AS n, max(device_seq) AS seq, sum(length(hash)) AS bytes FROM attendance_events').get()).toEqual(eventsBefore);
    expect(db.prepare('SELECT hash FROM attendance_events ORDER BY device_seq DESC LIMIT 1').get()).toEqual(newestBefore);
    const walk = walkOwnChain(db, deviceId);
    expect(walk.chain).toMatchObject({ intact: true, events: EVENTS });
    expect(integrityProblems(db)).toBeNull();
    expect(lines.join('\n')).toContain('60000 rows the city acknowledged over 30 days ago deleted');

    // A second run finds nothing more to do; a shorter setting, set as the admin would, takes the next ones.
    expect(await pruner.pruneNow()).toBe(0);
    SettingsStore.of(db).set('outboxKeepSentDays', 7);
    expect(await pruner.pruneNow()).toBe(20_000);
    expect(count("state <> 'sent'")).toBe(20_000);
  });

  it('runs in the kiosk once its background work starts', async () => {
    const dataDir = tempDataDir();
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const first = new KioskCore({ dataDir, demo: true, clock, log: () => undefined });
    first.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    first.close();
    await first.closed();
    const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'));
    db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = ?").run(clock.now().getTime() - 31 * DAY);
    db.close();

    const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined, outboxPruning: { firstAfterMs: 0 } });
    const left = (): number => {
      const reader = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
      try {
        return (reader.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
      } finally {
        reader.close();
      }
    };
    try {
      // Bounded: 100 looks, 20 ms apart.
      for (let i = 0; i < 100 && left() > 0; i++) await new Promise((wake) => setTimeout(wake, 20));
      expect(left()).toBe(0);
    } finally {
      core.close();
      await core.closed();
    }
  });
});
