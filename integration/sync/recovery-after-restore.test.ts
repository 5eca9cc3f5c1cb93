// Nothing lost after a restore: a kiosk takes a verified copy, records 200 taps that reach the city, loses its records
// file, and an admin restores the copy from the damaged-records screen. Sync puts its own events back from the city before it pushes anything: every tap is
// back with its hash, the chain verifies through the new end (the anchor too), the табель is as it was, nothing is
// pushed twice, and the next tap continues the chain at the city.
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { TabelSheet } from '../../shared/admin/tabel.js';
import type { SyncStatus } from '../../shared/sync/sync-status.js';
import { startCityServer } from '../../city-server/src/city-server.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { demoCards, demoRoster } from '../../electron/core/demo/demo-roster.js';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { AttendanceLog } from '../../electron/core/ledger/attendance-log.js';
import { ChainAnchor } from '../../electron/core/ledger/chain-anchor.js';
import { DEV_SYNC_WORKER_SCRIPT } from '../../electron/core/sync/dev-worker-script.js';
import { manualClock, tempDataDir, type ManualClock } from '../../electron/core/testing/fixtures.js';
import { enroll, type Enrollment } from './fixtures.js';

const TAPS = 200;
const ADMIN_PIN = '2468';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One tap of a card, confirming every offered child (and "yes, leaving now" when asked). Returns the events recorded. */
function tap(core: KioskCore, card: string): number {
  const outcome = core.handlers.identifyCard({ raw: card, source: 'keyboard-wedge' });
  if (!outcome.ok) throw new Error(`tap refused: ${outcome.error.code}`);
  if (outcome.value.kind === 'recorded') return outcome.value.receipt.entries.length;
  if (outcome.value.kind !== 'choose') throw new Error(`unexpected ${outcome.value.kind}`);
  const ids = outcome.value.children.filter((c) => c.allowed).map((c) => c.id);
  const receipt = core.handlers.confirmOffer({ offerId: outcome.value.offerId, childIds: ids, answers: { leavingNow: ids } });
  if (!receipt.ok) throw new Error(`confirm refused: ${receipt.error.code}`);
  return receipt.value.entries.length;
}

interface Kiosk {
  core: KioskCore;
  statuses: SyncStatus[];
  lines: string[];
  status: () => SyncStatus;
}

function startKiosk(dataDir: string, clock: ManualClock, enrollment: Enrollment): Kiosk {
  const statuses: SyncStatus[] = [];
  const lines: string[] = [];
  const core = new KioskCore({
    dataDir,
    demo: true,
    clock,
    log: (line) => lines.push(line),
    sync: {
      credentials: () => enrollment,
      workerScript: DEV_SYNC_WORKER_SCRIPT,
      tuning: { backoff: { baseMs: 100, capMs: 800 }, networkPollMs: 0, queuePollMs: 50 },
    },
  });
  onTestFinished(async () => {
    core.close();
    await core.closed();
  });
  core.onEvent((name, payload) => {
    if (name === 'syncStatusChanged') statuses.push(payload as SyncStatus);
  });
  const status = (): SyncStatus => {
    const reply = core.handlers.getSyncStatus({});
    if (!reply.ok) throw new Error(`${reply.error.code}: ${JSON.stringify(core.handlers.getStatus({}))}`);
    return reply.value;
  };
  return { core, statuses, lines, status };
}

interface HeldEvent {
  id: string;
  device_seq: number;
  hash: string;
}

function ownEvents(path: string, deviceId: string): HeldEvent[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare<[string], HeldEvent>('SELECT id, device_seq, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq').all(deviceId);
  } finally {
    db.close();
  }
}

/** The табель of every group for the month, as the admin's console shows it. */
async function tabels(core: KioskCore): Promise<TabelSheet[]> {
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: ADMIN_PIN });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the admin could not sign in');
  const sessionId = signedIn.value.session.sessionId;
  const sheets: TabelSheet[] = [];
  for (const { id: groupId } of demoRoster().groups) {
    const sheet = core.handlers.adminTabel({ sessionId, groupId, month: '2026-11', language: 'ru' });
    if (!sheet.ok) throw new Error(`no табель for ${groupId}: ${sheet.error.code}`);
    sheets.push(sheet.value);
  }
  core.handlers.staffSignOut({ sessionId, why: 'button' });
  return sheets;
}

describe('recovery from the city after a restore', () => {
  it(
    'puts back the 200 taps recorded after the copy, so the chain, the табель and the city agree and nothing is pushed twice',
    async () => {
      const port = await freePort();
      const city = await startCityServer({ dataDir: tempDataDir(), port, seed: 'demo' });
      onTestFinished(() => city.close());
      const enrollment = await enroll(city);

      const dataDir = tempDataDir();
      const path = join(dataDir, 'esik.sqlite');
      const seed = openDatabase(path);
      seed.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(enrollment.deviceId, '2026-11-01T00:00:00.000Z');
      seed.close();

      // 07:00 in Almaty: the morning's taps all come before the 09:00 headcount (a staff record, not part of the chain).
      const clock = manualClock('2026-11-23T02:00:00.000Z');
      const first = startKiosk(dataDir, clock, enrollment);
      const cards = [demoCards.motherOneChild, demoCards.grandmotherTwoGroups, demoCards.fatherTwoGroups];
      let before = 0;
      for (const card of cards) {
        before += tap(first.core, card);
        clock.advance(15_000);
      }
      await until('the first taps to reach the city', () => first.status().state === 'online' && first.status().queued === 0);

      // A verified copy, taken as the hourly backup takes it.
      const signedIn = await first.core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: ADMIN_PIN });
      if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the admin could not sign in');
      const copy = await first.core.handlers.adminBackupNow({ sessionId: signedIn.value.session.sessionId });
      if (!copy.ok) throw new Error(`no copy: ${copy.error.code}`);
      expect(copy.value).toMatchObject({ verified: true, head: { seq: before } });

      // 200 taps after the copy, every one pushed (the door's pacing holds the push back while they come).
      let after = 0;
      for (let i = 0; i < TAPS; i += 1) {
        after += tap(first.core, cards[i % cards.length] ?? '');
        clock.advance(15_000);
      }
      const total = before + after;
      await until('the 200 taps to reach the city', () => city.recordCount() === total && first.status().queued === 0, 120_000);
      const whole = ownEvents(path, enrollment.deviceId);
      expect(whole).toHaveLength(total);
      const tabelsBefore = await tabels(first.core);
      expect(tabelsBefore.flatMap((s) => s.rows).filter((r) => r.marks[22] === 'present').length).toBeGreaterThan(0);
      first.core.close();
      await first.core.closed();

      // The records file is destroyed. The kiosk starts on the damaged-records screen and an admin restores the copy it
      // offers (the anchor still names the lost end, so nothing is created in the file's place).
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      const second = startKiosk(dataDir, clock, enrollment);
      expect(second.core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_EVENTS_MISSING' } });
      const offer = second.core.handlers.restoreOffer({});
      if (!offer.ok || offer.value.copy === null) throw new Error(`no copy offered: ${JSON.stringify(offer)}`);
      expect(offer.value.copy.file).toBe(copy.value.file);
      const restored = await second.core.handlers.restoreDamaged({ file: offer.value.copy.file, pin: ADMIN_PIN });
      expect(restored).toMatchObject({ ok: true, value: { copy: { head: { seq: before } } } });
      // The door waits for the city's records before it records: a tap at once is refused with the waiting reason, and
      // nothing is written (it would take a chain place the city already holds).
      expect(second.core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record', problem: 'AWAITING_CITY' } });
      expect(second.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({
        ok: false,
        error: { code: 'CANNOT_RECORD', detail: 'AWAITING_CITY' },
      });
      expect(ownEvents(path, enrollment.deviceId)).toHaveLength(before);
      await until('the door to record again', () => {
        const now = second.core.handlers.getStatus({});
        return now.ok && now.value.state === 'ready';
      });
      expect(second.lines.join('\n')).toMatch(/the door records again after the restore: the city was reached/);

      await until('the events to be put back', () => second.status().recovered !== null && second.status().state === 'online' && second.status().queued === 0);
      expect(second.status()).toMatchObject({
        recovered: { events: after, throughSeq: total },
        recoveryProblem: null,
        chainHeadMismatch: false,
        lastErrorCode: null,
        rejected: 0,
      });

      // Every tap is back, as it was: same ids, places and hashes; the chain verifies through the new end.
      expect(ownEvents(path, enrollment.deviceId)).toEqual(whole);
      const check = new BetterSqlite3(path, { readonly: true });
      const chain = new AttendanceLog(check, enrollment.deviceId).verify();
      const outbox = check.prepare<[], { state: string; n: number; pushes: number }>('SELECT state, count(*) AS n, sum(attempts) AS pushes FROM sync_outbox GROUP BY state').all();
      check.close();
      expect(chain).toEqual({ intact: true, events: total, brokenAtSeq: null });
      expect(new ChainAnchor(`${path}.anchor`).read()).toEqual({ kind: 'found', head: { deviceId: enrollment.deviceId, seq: total, hash: whole.at(-1)?.hash } });
      // The copy's rows were pushed once before it was taken; the ones put back were never pushed from here.
      expect(outbox).toEqual([{ state: 'sent', n: total, pushes: before }]);
      expect(await tabels(second.core)).toEqual(tabelsBefore);
      expect(city.recordCount()).toBe(total);
      expect(second.lines.join('\n')).toMatch(new RegExp(`put back ${after} of this kiosk's own events from the city, through seq ${total}`));

      // The chain continues: the next tap takes the next place and the city accepts it.
      const next = tap(second.core, demoCards.motherOneChild);
      await until('the next tap to reach the city', () => city.recordCount() === total + next && second.status().queued === 0);
      expect(second.status()).toMatchObject({ rejected: 0, chainHeadMismatch: false, lastErrorCode: null });
      expect(ownEvents(path, enrollment.deviceId).at(-1)?.device_seq).toBe(total + next);
    },
    240_000,
  );

  it('opens the door at once when the city cannot be reached after a restore, so the kiosk works offline', async () => {
    const port = await freePort();
    const city = await startCityServer({ dataDir: tempDataDir(), port, seed: 'demo' });
    let cityOpen = true;
    onTestFinished(() => (cityOpen ? city.close() : undefined));
    const enrollment = await enroll(city);
    const dataDir = tempDataDir();
    const path = join(dataDir, 'esik.sqlite');
    const seed = openDatabase(path);
    seed.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(enrollment.deviceId, '2026-11-01T00:00:00.000Z');
    seed.close();
    const clock = manualClock('2026-11-23T02:00:00.000Z');
    const first = startKiosk(dataDir, clock, enrollment);
    const before = tap(first.core, demoCards.motherOneChild);
    await until('the first tap to reach the city', () => first.status().state === 'online' && first.status().queued === 0);
    const signedIn = await first.core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: ADMIN_PIN });
    if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the admin could not sign in');
    const copy = await first.core.handlers.adminBackupNow({ sessionId: signedIn.value.session.sessionId });
    if (!copy.ok) throw new Error(`no copy: ${copy.error.code}`);
    first.core.close();
    await first.core.closed();
    await city.close();
    cityOpen = false;

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    const second = startKiosk(dataDir, clock, enrollment);
    const restored = await second.core.handlers.restoreDamaged({ file: copy.value.file, pin: ADMIN_PIN });
    expect(restored).toMatchObject({ ok: true });
    expect(second.core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record', problem: 'AWAITING_CITY' } });
    // The city refuses the connection: the round ends with a network error and the door opens, long before the 60 s bound.
    const waited = Date.now();
    await until('the door to open without the city', () => {
      const now = second.core.handlers.getStatus({});
      return now.ok && now.value.state === 'ready';
    }, 30_000);
    expect(Date.now() - waited).toBeLessThan(30_000);
    expect(second.lines.join('\n')).toMatch(/the door records again after the restore: the city is unreachable \(SYNC_/);
    expect(tap(second.core, demoCards.motherOneChild)).toBeGreaterThan(0);
    expect(ownEvents(path, enrollment.deviceId).at(-1)?.device_seq).toBe(before + 1);
  }, 120_000);
});
