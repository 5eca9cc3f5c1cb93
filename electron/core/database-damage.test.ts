// Every kind of damage a records file meets, done to real files: the kiosk ends on the damaged screen's state (or, where
// nothing was lost, opens with every event), never throws at start and never starts over with an empty database.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../shared/api/contract.js';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { cutShort, DB_FILE, deleteNewestEvents, eventsSurviving, overwrite, pagesOf, smashPage, snapshotFolder } from './testing/damaged-files.js';
import { manualClock, tempDataDir, type ManualClock } from './testing/fixtures.js';

const quiet = { log: () => undefined };

function tap(core: KioskCore, clock: ManualClock, times: number): void {
  for (let i = 0; i < times; i++) {
    const reply = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    if (!reply.ok || reply.value.kind !== 'recorded') throw new Error(`tap not recorded: ${JSON.stringify(reply)}`);
    // Past the door's guard after an arrival (30 min): each tap records one event.
    clock.advance(31 * 60_000);
  }
}

/** A kiosk that recorded `taps` events and was closed properly (its -wal checkpointed into the file). */
function kioskWithEvents(taps: number): { dir: string; clock: ManualClock } {
  const dir = tempDataDir();
  const clock = manualClock('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir: dir, demo: true, clock, ...quiet });
  tap(core, clock, taps);
  core.close();
  return { dir, clock };
}

/** Opens the kiosk on the folder, lets the full check finish, and returns the status it ends on. */
async function settledStatus(dir: string): Promise<{ status: KioskStatus; files: string[] }> {
  const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
  await core.whenFullyChecked();
  const reply = core.handlers.getStatus({});
  core.close();
  if (!reply.ok) throw new Error('getStatus failed');
  return { status: reply.value, files: readdirSync(dir).sort() };
}

const path = (dir: string) => join(dir, DB_FILE);

describe('a damaged records file', () => {
  it('with a smashed header ends on DB_CORRUPT', async () => {
    const { dir } = kioskWithEvents(5);
    overwrite(path(dir), 0, Buffer.alloc(100, 0x42));
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'database-error', problem: 'DB_CORRUPT' });
  });

  it('with a smashed attendance data page ends on DB_CORRUPT instead of throwing from the chain walk', async () => {
    const { dir } = kioskWithEvents(120);
    const leaves = pagesOf(path(dir), 'attendance_events', 'leaf');
    expect(leaves.length).toBeGreaterThan(2);
    smashPage(path(dir), leaves[1] ?? 0);
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'database-error', problem: 'DB_CORRUPT' });
  });

  it('with a smashed index page ends on DB_CORRUPT', async () => {
    const { dir } = kioskWithEvents(120);
    const pages = [...pagesOf(path(dir), 'sqlite_autoindex_attendance_events_2', 'leaf'), ...pagesOf(path(dir), 'sqlite_autoindex_attendance_events_2', 'internal')];
    expect(pages.length).toBeGreaterThan(0);
    smashPage(path(dir), pages[0] ?? 0);
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'database-error', problem: 'DB_CORRUPT' });
  });

  it('cut short by 1,234 bytes ends on DB_CORRUPT, not "ready, intact"', async () => {
    const { dir } = kioskWithEvents(30);
    cutShort(path(dir), 1234);
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'database-error', problem: 'DB_CORRUPT' });
  });

  it('with a smashed page the start-up walk does not reach is found by the full check, and stays found', async () => {
    const { dir } = kioskWithEvents(120);
    // A start that proves the whole chain stores its end: the next start walks only what comes after it.
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'ready', chain: { intact: true, fullCheck: 'done' } });
    smashPage(path(dir), pagesOf(path(dir), 'attendance_events', 'leaf')[0] ?? 0);
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { fullCheck: 'running' } } });
    await core.whenFullyChecked();
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_CORRUPT' } });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    expect(core.handlers.retryDatabase({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_CORRUPT' } });
    core.close();
    expect(existsSync(`${path(dir)}.damaged`)).toBe(true);
  });
});

describe('a damaged -wal or -shm (the state a power cut leaves)', () => {
  /** A kiosk whose newest `taps` events are still only in its -wal, copied as a power cut would leave the folder. */
  function crashedWithWal(taps: number): { dir: string; crashed: string } {
    const { dir, clock } = kioskWithEvents(10);
    const core = new KioskCore({ dataDir: dir, demo: true, clock, ...quiet });
    tap(core, clock, taps);
    const crashed = join(dir, 'crashed');
    snapshotFolder(dir, crashed);
    core.close();
    expect(existsSync(join(crashed, `${DB_FILE}-wal`))).toBe(true);
    return { dir, crashed };
  }

  it('with every byte of the -wal garbage ends on DB_CORRUPT, not a fresh database', async () => {
    const { crashed } = crashedWithWal(20);
    const wal = join(crashed, `${DB_FILE}-wal`);
    overwrite(wal, 0, Buffer.alloc(4096, 0x5a));
    expect((await settledStatus(crashed)).status).toMatchObject({ state: 'database-error', problem: 'DB_CORRUPT' });
  });

  it('cut in the middle of its frames reports exactly the acknowledged check-ins it lost', async () => {
    const { dir, crashed } = crashedWithWal(30);
    cutShort(join(crashed, `${DB_FILE}-wal`), 20_000);
    const surviving = eventsSurviving(crashed, join(dir, 'scratch'));
    expect(surviving).toBeLessThan(40);
    const { status } = await settledStatus(crashed);
    expect(status).toMatchObject({ state: 'database-error', problem: 'DB_EVENTS_MISSING', missingEvents: 40 - surviving });
  });

  it('torn at its end (a partial last frame) loses no acknowledged check-in and opens as it was', async () => {
    const { crashed } = crashedWithWal(5);
    // A frame being written when the power went: SQLite drops the partial frame, which no commit had acknowledged.
    writeFileSync(join(crashed, `${DB_FILE}-wal`), Buffer.alloc(1000, 0x11), { flag: 'a' });
    expect((await settledStatus(crashed)).status).toMatchObject({ state: 'ready', chain: { intact: true, events: 15, end: 'anchored', fullCheck: 'done' } });
  });

  it('with a stale -shm left behind opens with every event (SQLite rebuilds the index from the -wal)', async () => {
    const { dir, clock } = kioskWithEvents(10);
    const core = new KioskCore({ dataDir: dir, demo: true, clock, ...quiet });
    tap(core, clock, 3);
    const early = join(dir, 'early');
    snapshotFolder(dir, early);
    tap(core, clock, 7);
    const crashed = join(dir, 'crashed');
    snapshotFolder(dir, crashed);
    const garbled = join(dir, 'garbled');
    snapshotFolder(dir, garbled);
    core.close();
    snapshotFolder(early, crashed, ['-shm']);
    expect((await settledStatus(crashed)).status).toMatchObject({ state: 'ready', chain: { intact: true, events: 20, end: 'anchored' } });
    overwrite(join(garbled, `${DB_FILE}-shm`), 0, Buffer.alloc(32768, 0x77));
    expect((await settledStatus(garbled)).status).toMatchObject({ state: 'ready', chain: { intact: true, events: 20, end: 'anchored' } });
  });
});

describe('a checkpoint cut off by a kill (page 1 written, the pages that grow the file not yet)', () => {
  /**
   * The folder a kill in the middle of a checkpoint leaves: the -wal as it was, holding every page, and a records file
   * whose page 1 already names the grown page count while the file still has its old length. Built from real files:
   * the checkpoint run to its end on a copy, then that file cut back to the length it had before.
   */
  function checkpointCutOff(): { cutOff: string; pagesNamed: number; pagesHeld: number } {
    const { dir, clock } = kioskWithEvents(10);
    const core = new KioskCore({ dataDir: dir, demo: true, clock, ...quiet });
    tap(core, clock, 200);
    const cutOff = join(dir, 'cut-off');
    snapshotFolder(dir, cutOff);
    core.close();
    const oldLength = statSync(join(cutOff, DB_FILE)).size;
    const checkpointed = join(dir, 'checkpointed');
    snapshotFolder(cutOff, checkpointed, ['', '-wal']);
    const db = new BetterSqlite3(join(checkpointed, DB_FILE));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    copyFileSync(join(checkpointed, DB_FILE), join(cutOff, DB_FILE));
    truncateSync(join(cutOff, DB_FILE), oldLength);
    const header = readFileSync(join(cutOff, DB_FILE)).subarray(0, 100);
    // The header's page count is one SQLite vouches for (version-valid-for equals the change counter).
    expect(header.readUInt32BE(92)).toBe(header.readUInt32BE(24));
    return { cutOff, pagesNamed: header.readUInt32BE(28), pagesHeld: oldLength / header.readUInt16BE(16) };
  }

  it('with the -wal beside it opens with every event: SQLite copies the pages again from the -wal', async () => {
    const { cutOff, pagesNamed, pagesHeld } = checkpointCutOff();
    expect(pagesHeld).toBeLessThan(pagesNamed);
    expect(statSync(join(cutOff, `${DB_FILE}-wal`)).size).toBeGreaterThan(32);
    expect((await settledStatus(cutOff)).status).toMatchObject({ state: 'ready', chain: { intact: true, events: 210, end: 'anchored', fullCheck: 'done' } });
  });

  it('with no -wal holding the pages ends on DB_CORRUPT', async () => {
    const { cutOff, pagesNamed, pagesHeld } = checkpointCutOff();
    rmSync(join(cutOff, `${DB_FILE}-wal`));
    rmSync(join(cutOff, `${DB_FILE}-shm`), { force: true });
    const lines: string[] = [];
    const core = new KioskCore({ dataDir: cutOff, demo: true, log: (line) => lines.push(line) });
    await core.whenFullyChecked();
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_CORRUPT' } });
    core.close();
    expect(lines.join('\n')).toContain(`the file holds ${String(pagesHeld)} of the ${String(pagesNamed)} pages its header names`);
  });
});

describe('lost check-ins the chain walk alone cannot see', () => {
  it('the newest 20 events deleted with the triggers dropped and restored: 20 missing, never "intact"', async () => {
    const { dir } = kioskWithEvents(50);
    deleteNewestEvents(path(dir), 20);
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'database-error', problem: 'DB_EVENTS_MISSING', missingEvents: 20 });
  });

  it('the records file emptied: the kiosk does not start over in it as a fresh database', async () => {
    const { dir } = kioskWithEvents(12);
    writeFileSync(path(dir), '');
    const { status } = await settledStatus(dir);
    expect(status).toMatchObject({ state: 'database-error', problem: 'DB_EVENTS_MISSING', missingEvents: 12 });
  });

  it('the records file removed: nothing is created in its place', async () => {
    const { dir } = kioskWithEvents(12);
    rmSync(path(dir));
    const { status, files } = await settledStatus(dir);
    expect(status).toMatchObject({ state: 'database-error', problem: 'DB_EVENTS_MISSING', missingEvents: 12 });
    expect(files).not.toContain(DB_FILE);
  });

  it('the first start after the upgrade (no anchor yet) says the end is unknown, then anchored', async () => {
    const { dir } = kioskWithEvents(8);
    rmSync(`${path(dir)}.anchor`);
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'ready', chain: { intact: true, events: 8, end: 'unknown' } });
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'ready', chain: { intact: true, events: 8, end: 'anchored' } });
  });

  it('an anchor that cannot be written leaves the door working and the end unknown', () => {
    const dir = tempDataDir();
    // A folder where the anchor file should be: it can be neither read nor written.
    mkdirSync(join(dir, `${DB_FILE}.anchor`));
    const clock = manualClock('2026-11-23T03:00:00.000Z');
    const lines: string[] = [];
    const core = new KioskCore({ dataDir: dir, demo: true, clock, log: (line) => lines.push(line) });
    tap(core, clock, 2);
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { events: 0, end: 'unknown' } } });
    core.close();
    expect(lines.some((line) => line.includes('the chain anchor cannot be written'))).toBe(true);
  });
});

describe('the chain walk at start-up', () => {
  it('an event edited before the verified point is found by the full walk in the background', async () => {
    const { dir } = kioskWithEvents(40);
    expect((await settledStatus(dir)).status).toMatchObject({ state: 'ready', chain: { intact: true, events: 40, fullCheck: 'done' } });
    const db = new BetterSqlite3(path(dir));
    db.exec("DROP TRIGGER attendance_events_no_update; UPDATE attendance_events SET kind = 'departure' WHERE device_seq = 3");
    db.close();
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    // The start walks only after the point the last full walk proved: the edit is not in its reach.
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { chain: { intact: true, fullCheck: 'running' } } });
    await core.whenFullyChecked();
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { intact: false, brokenAtSeq: 3, fullCheck: 'done' } } });
    core.close();
  });
});
