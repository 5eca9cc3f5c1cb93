// Starting on damaged records, every kind the damage tests produce, done to real files: the door records nothing, the
// screen's offer is the newest verified copy, an admin recognised by their PIN in that copy restores it, and the door
// then works on the copy's records, the табель showing them. The damaged files are kept aside, never deleted.
import BetterSqlite3 from 'better-sqlite3';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeDamageMarker } from '../../db/damage-marker.js';
import { demoCards } from '../../demo/demo-roster.js';
import { SECRETS_FOLDER } from '../../files/secret-store.js';
import { KioskCore } from '../../kiosk-core.js';
import { cutShort, DB_FILE, deleteNewestEvents, overwrite, pagesOf, smashPage, snapshotFolder } from '../../testing/damaged-files.js';
import { manualClock, tempDataDir, type ManualClock } from '../../testing/fixtures.js';
import { BACKUPS_FOLDER } from '../backup-manifest.js';

const quiet = { log: () => undefined };
const ADMIN_PIN = '2468';
/** Taps before the copy: enough pages for a data page and an index page to be smashed. */
const COPIED = 120;

function tap(core: KioskCore, clock: ManualClock, times: number): void {
  for (let i = 0; i < times; i++) {
    const reply = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    if (!reply.ok || reply.value.kind !== 'recorded') throw new Error(`tap not recorded: ${JSON.stringify(reply)}`);
    clock.advance(31 * 60_000);
  }
}

async function adminSession(core: KioskCore): Promise<string> {
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: ADMIN_PIN });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the demo admin could not sign in');
  return signedIn.value.session.sessionId;
}

/**
 * A kiosk that recorded 120 taps from 23 November, took a verified copy, and recorded 5 more on 26 November. With
 * `crashed`, the folder as a power cut leaves it (the kiosk still running, its -wal not checkpointed) is returned.
 */
async function kioskAfterCopy(crashed: boolean): Promise<{ dir: string; file: string }> {
  const dir = tempDataDir();
  const clock = manualClock('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir: dir, demo: true, clock, ...quiet });
  tap(core, clock, COPIED);
  const copy = await core.handlers.adminBackupNow({ sessionId: await adminSession(core) });
  if (!copy.ok) throw new Error(`no copy: ${JSON.stringify(copy)}`);
  // Closed (its -wal folded into the file) and opened again: the 5 taps after the copy are all the new -wal holds.
  await core.whenFullyChecked();
  core.close();
  clock.set('2026-11-26T03:00:00.000Z');
  const later = new KioskCore({ dataDir: dir, demo: true, clock, ...quiet });
  await later.whenFullyChecked();
  tap(later, clock, 5);
  if (!crashed) {
    later.close();
    return { dir, file: copy.value.file };
  }
  const snapshot = join(dir, 'crashed');
  snapshotFolder(dir, snapshot);
  for (const folder of [BACKUPS_FOLDER, SECRETS_FOLDER]) cpSync(join(dir, folder), join(snapshot, folder), { recursive: true });
  later.close();
  expect(existsSync(join(snapshot, `${DB_FILE}-wal`))).toBe(true);
  return { dir: snapshot, file: copy.value.file };
}

const dbPath = (dir: string) => join(dir, DB_FILE);

/** Each kind of damage of the damage tests, done to a folder, with the problem the kiosk then shows. */
const DAMAGE: { kind: string; crashed: boolean; problem: string; damage: (dir: string) => void }[] = [
  { kind: 'a smashed header', crashed: false, problem: 'DB_CORRUPT', damage: (dir) => overwrite(dbPath(dir), 0, Buffer.alloc(100, 0x42)) },
  { kind: 'a smashed attendance data page', crashed: false, problem: 'DB_CORRUPT', damage: (dir) => smashPage(dbPath(dir), pagesOf(dbPath(dir), 'attendance_events', 'leaf')[1] ?? 0) },
  {
    kind: 'a smashed index page',
    crashed: false,
    problem: 'DB_CORRUPT',
    damage: (dir) => smashPage(dbPath(dir), [...pagesOf(dbPath(dir), 'sqlite_autoindex_attendance_events_2', 'leaf'), ...pagesOf(dbPath(dir), 'sqlite_autoindex_attendance_events_2', 'internal')][0] ?? 0),
  },
  { kind: 'a file cut short', crashed: false, problem: 'DB_CORRUPT', damage: (dir) => cutShort(dbPath(dir), 1234) },
  { kind: 'a garbage -wal', crashed: true, problem: 'DB_CORRUPT', damage: (dir) => overwrite(`${dbPath(dir)}-wal`, 0, Buffer.alloc(4096, 0x5a)) },
  { kind: 'a -wal cut in its frames', crashed: true, problem: 'DB_EVENTS_MISSING', damage: (dir) => cutShort(`${dbPath(dir)}-wal`, 20_000) },
  { kind: 'its newest events deleted', crashed: false, problem: 'DB_EVENTS_MISSING', damage: (dir) => deleteNewestEvents(dbPath(dir), 3) },
  { kind: 'the file emptied', crashed: false, problem: 'DB_EVENTS_MISSING', damage: (dir) => writeFileSync(dbPath(dir), '') },
  { kind: 'the file removed', crashed: false, problem: 'DB_EVENTS_MISSING', damage: (dir) => rmSync(dbPath(dir)) },
  { kind: 'damage found by an earlier full check', crashed: false, problem: 'DB_CORRUPT', damage: (dir) => writeDamageMarker(dbPath(dir), 'full check: page 7 failed', new Date()) },
];

/** Алиса Иванова's табель marks for 23 and 26 November (her mother's card is the one tapped). */
async function alisaMarks(core: KioskCore): Promise<string[]> {
  const sessionId = await adminSession(core);
  const sheet = core.handlers.adminTabel({ sessionId, groupId: 'g10', month: '2026-11', language: 'kk' });
  if (!sheet.ok) throw new Error(`no табель: ${JSON.stringify(sheet)}`);
  const marks = sheet.value.rows.find((row) => row.firstName === 'Алиса' && row.lastName === 'Иванова')?.marks ?? [];
  return [marks[22] ?? '', marks[25] ?? ''];
}

describe('starting on damaged records', () => {
  it.each(DAMAGE)('with $kind: the door records nothing, and an admin restores the newest verified copy', async ({ crashed, problem, damage }) => {
    const { dir, file } = await kioskAfterCopy(crashed);
    damage(dir);
    const clock = manualClock('2026-11-27T09:00:00.000Z');
    const core = new KioskCore({ dataDir: dir, demo: true, clock, ...quiet });
    onTestFinished(() => core.close());
    // Some damage is found only by the full check after start-up (a page the start-up walk does not read).
    await core.whenFullyChecked();
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem } });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });

    const offer = core.handlers.restoreOffer({});
    expect(offer).toMatchObject({ ok: true, value: { copy: { source: 'local', file, counts: { ownEvents: COPIED }, head: { seq: COPIED } } } });
    // The duty teacher's PIN is a PIN of the copy, but not an admin's.
    expect(await core.handlers.restoreDamaged({ file, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'RESTORE_PIN_WRONG' } });
    const before = readdirSync(dir).sort();

    const restored = await core.handlers.restoreDamaged({ file, pin: ADMIN_PIN });
    expect(restored).toMatchObject({ ok: true, value: { copy: { file, head: { seq: COPIED } } } });
    if (!restored.ok) return;
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { intact: true, events: COPIED, end: 'anchored' } } });
    // Whatever the damaged folder held of the records is kept aside, byte for byte where it was.
    const aside = readdirSync(join(dir, restored.value.setAside));
    for (const name of before.filter((n) => n.startsWith(DB_FILE))) expect(aside).toContain(name);
    const db = new BetterSqlite3(dbPath(dir), { readonly: true });
    expect(db.prepare<[], string>('SELECT action FROM admin_audit').pluck().all()).toContain('backup-restored');
    db.close();

    // The табель shows the copy's days: the 23rd, not the 26th (after the copy); and the door records again.
    expect(await alisaMarks(core)).toEqual(['present', 'unmarked']);
    tap(core, clock, 1);
    await core.whenFullyChecked();
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { intact: true, fullCheck: 'done' } } });
  });

  it('offers nothing, and refuses, while the records are fine', async () => {
    const { dir, file } = await kioskAfterCopy(false);
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    onTestFinished(() => core.close());
    expect(core.handlers.restoreOffer({})).toEqual({ ok: true, value: { copy: null } });
    expect(await core.handlers.restoreDamaged({ file, pin: ADMIN_PIN })).toMatchObject({ ok: false, error: { code: 'RESTORE_NOT_NEEDED' } });
  });

  it('offers nothing when there is no verified copy, and the damaged screen stays', async () => {
    const { dir } = await kioskAfterCopy(false);
    rmSync(join(dir, BACKUPS_FOLDER), { recursive: true });
    overwrite(dbPath(dir), 0, Buffer.alloc(100, 0x42));
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    onTestFinished(() => core.close());
    expect(core.handlers.restoreOffer({})).toEqual({ ok: true, value: { copy: null } });
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_CORRUPT' } });
  });
});
