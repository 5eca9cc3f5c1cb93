// Restoring a verified copy from the admin console, through the kiosk core on real files: the records put aside and
// never deleted, the copy in place, the anchor at its head (no "events missing"), the restore in the admin audit, and
// every refusal (wrong PIN, a copy that fails its check again, no room, an encrypted copy's passphrase) changing nothing.
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { demoCards } from '../../demo/demo-roster.js';
import { KioskCore } from '../../kiosk-core.js';
import { manualClock, tempDataDir, type ManualClock } from '../../testing/fixtures.js';
import { backupsDir } from '../backup-manifest.js';
import { tamperEvent } from '../testing/records-file.js';
import { SET_ASIDE_FOLDER } from './restore-copy.js';

const quiet = { log: () => undefined };
const ADMIN_PIN = '2468';
const PASSPHRASE = 'Бәйтерек-2026 көктем';

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

/** The events in the records the kiosk has open now (it must be ready). */
function events(core: KioskCore): number {
  expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready' } });
  return eventsIn(core.databasePath);
}

/** A kiosk with 10 taps, a verified copy of them, then 5 more taps. */
async function kioskWithCopy(dataDir = tempDataDir()): Promise<{ core: KioskCore; clock: ManualClock; dataDir: string; sessionId: string; file: string }> {
  const clock = manualClock('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir, demo: true, clock, ...quiet });
  onTestFinished(() => core.close());
  tap(core, clock, 10);
  const sessionId = await adminSession(core);
  const copy = await core.handlers.adminBackupNow({ sessionId });
  if (!copy.ok) throw new Error(`no copy: ${JSON.stringify(copy)}`);
  tap(core, clock, 5);
  // The taps took hours of the test's clock: a fresh session.
  return { core, clock, dataDir, sessionId: await adminSession(core), file: copy.value.file };
}

function auditActions(dataDir: string): string[] {
  const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
  try {
    return db.prepare<[], string>('SELECT action FROM admin_audit ORDER BY occurred_ms').pluck().all();
  } finally {
    db.close();
  }
}

function eventsIn(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare<[], number>('SELECT count(*) FROM attendance_events').pluck().get() ?? 0;
  } finally {
    db.close();
  }
}

describe('restoring a copy from the console', () => {
  it('puts the records aside, opens on the copy with its anchor, records the restore, and the door works', async () => {
    const { core, clock, dataDir, sessionId, file } = await kioskWithCopy();
    expect(events(core)).toBe(15);
    const listed = core.handlers.adminBackupCopies({ sessionId });
    expect(listed).toMatchObject({ ok: true, value: { secondPlace: 'none', copies: [{ source: 'local', file, counts: { ownEvents: 10 }, head: { seq: 10 } }] } });

    const restored = await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: ADMIN_PIN });
    expect(restored).toMatchObject({ ok: true, value: { copy: { file, head: { seq: 10 } } } });
    if (!restored.ok) return;
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { events: 10, intact: true, end: 'anchored' } } });
    expect(events(core)).toBe(10);
    // The records in use before, every one of their 15 events, are kept aside with their anchor.
    const aside = join(dataDir, restored.value.setAside);
    expect(restored.value.setAside.startsWith(`${SET_ASIDE_FOLDER}/`)).toBe(true);
    expect(readdirSync(aside)).toEqual(expect.arrayContaining(['esik.sqlite', 'esik.sqlite.anchor', 'restore.json']));
    expect(eventsIn(join(aside, 'esik.sqlite'))).toBe(15);
    expect(auditActions(dataDir)).toContain('backup-restored');
    // Every session ended with the records they were opened on.
    expect(core.handlers.adminBackups({ sessionId })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    tap(core, clock, 1);
    expect(events(core)).toBe(11);
    await core.whenFullyChecked();
    core.close();
    // The next start is not misled: the anchor follows the restored file.
    const again = new KioskCore({ dataDir, demo: true, clock, ...quiet });
    onTestFinished(() => again.close());
    expect(again.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { events: 11, intact: true, end: 'anchored' } } });
  });

  it('refuses a PIN that is no admin PIN of the copy, and waits after five, changing nothing', async () => {
    const { core, sessionId, file } = await kioskWithCopy();
    // The duty teacher's PIN: a real PIN, not an admin's.
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'RESTORE_PIN_WRONG' } });
    for (let i = 0; i < 4; i++) await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: '0000' });
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: ADMIN_PIN })).toMatchObject({ ok: false, error: { code: 'RESTORE_PIN_LOCKED' } });
    expect(events(core)).toBe(15);
  });

  it('refuses a copy that no longer passes its check, and one that is not there', async () => {
    const { core, dataDir, sessionId, file } = await kioskWithCopy();
    // An arrival made a departure, as someone with the sqlite3 tool would.
    tamperEvent(join(backupsDir(dataDir), file), 3);
    const refused = await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: ADMIN_PIN });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RESTORE_COPY_NOT_VERIFIED' } });
    expect(refused.ok ? '' : refused.error.detail).toMatch(/broken at seq 3/);
    const missing = file.replace('manual', 'hourly');
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file: missing }, pin: ADMIN_PIN })).toMatchObject({ ok: false, error: { code: 'RESTORE_COPY_NOT_FOUND' } });
    expect(events(core)).toBe(15);
    expect(existsSync(join(dataDir, SET_ASIDE_FOLDER))).toBe(false);
  });

  it('does not record a tap whose offer was made before the restore: the offer ended with the records it was made on', async () => {
    const { core, sessionId, file, dataDir } = await kioskWithCopy();
    const offer = core.handlers.identifyCard({ raw: demoCards.grandmotherTwoGroups, source: 'keyboard-wedge' });
    if (!offer.ok || offer.value.kind !== 'choose') throw new Error(`expected an offer, got ${JSON.stringify(offer)}`);
    const { offerId, children } = offer.value;
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: ADMIN_PIN })).toMatchObject({ ok: true });
    const confirmed = core.handlers.confirmOffer({ offerId, childIds: children.map((c) => c.id), answers: { leavingNow: [] } });
    expect(confirmed).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    expect(events(core)).toBe(10);
    expect(existsSync(join(dataDir, 'esik.sqlite'))).toBe(true);
  });

  it('restores an encrypted copy from the second place with the recovery passphrase, and refuses a wrong one', async () => {
    const dataDir = tempDataDir();
    const stick = join(dataDir, 'stick');
    mkdirSync(stick);
    const clock = manualClock('2026-11-23T03:00:00.000Z');
    const core = new KioskCore({ dataDir, demo: true, clock, ...quiet });
    onTestFinished(() => core.close());
    tap(core, clock, 6);
    let sessionId = await adminSession(core);
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: stick, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await core.handlers.adminBackupNow({ sessionId })).toMatchObject({ ok: true });
    tap(core, clock, 3);
    sessionId = await adminSession(core);
    // The kiosk's own copies lost: only the stick has one.
    rmSync(backupsDir(dataDir), { recursive: true });
    const listed = core.handlers.adminBackupCopies({ sessionId });
    expect(listed).toMatchObject({ ok: true, value: { secondPlace: 'listed', copies: [{ source: 'second-place', counts: null }] } });
    if (!listed.ok) return;
    const copy = { source: 'second-place' as const, file: listed.value.copies[0]?.file ?? '' };
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy, pin: ADMIN_PIN })).toMatchObject({ ok: false, error: { code: 'RESTORE_PASSPHRASE_NEEDED' } });
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy, pin: ADMIN_PIN, passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'BACKUP_WRONG_PASSPHRASE' } });
    expect(events(core)).toBe(9);
    const restored = await core.handlers.adminRestoreCopy({ sessionId, copy, pin: ADMIN_PIN, passphrase: PASSPHRASE });
    expect(restored).toMatchObject({ ok: true, value: { copy: { source: 'second-place', counts: { ownEvents: 6 }, head: { seq: 6 } } } });
    expect(events(core)).toBe(6);
  });

  it('refuses when the disk has no room to take the copy in (a real small tmpfs), and restores once there is', async (context) => {
    const disk = join(tempDataDir(), 'disk');
    mkdirSync(disk);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=100m', 'tmpfs', disk], { stdio: 'pipe' });
    } catch (error) {
      context.skip(`a tmpfs cannot be mounted here (needs root): ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    onTestFinished(() => {
      execFileSync('umount', ['-l', disk]);
    });
    const { core, sessionId, file } = await kioskWithCopy(join(disk, 'data'));
    // Everything but 1 MiB taken by other files: the copy and the room the door needs do not fit.
    const filler = join(disk, 'filler');
    const free = Number(execFileSync('df', ['--output=avail', '-B1', disk]).toString().split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 1024 * 1024)));
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: ADMIN_PIN })).toMatchObject({ ok: false, error: { code: 'RESTORE_NO_ROOM' } });
    expect(events(core)).toBe(15);
    rmSync(filler);
    expect(await core.handlers.adminRestoreCopy({ sessionId, copy: { source: 'local', file }, pin: ADMIN_PIN })).toMatchObject({ ok: true });
    expect(events(core)).toBe(10);
  });
});
