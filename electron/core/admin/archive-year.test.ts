// The yearly archive on a real file with seven years of records: the oldest year moves into its archive file through the
// admin's request (PIN again), the live chain and the archive's own segment both verify, a changed row in either is
// found, the archived year's табель comes out of the archive as it came out of the live file, records the city has not
// acknowledged are never archived, and a crash between the file and the move leaves every row live.
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { AttendanceLog } from '../ledger/attendance-log.js';
import { walkOwnChain } from '../ledger/chain-audit.js';
import { checkChainAtStart } from '../ledger/chain-startup.js';
import { ChainVerifiedStore } from '../ledger/chain-verified-store.js';
import { chainStartOf } from '../ledger/archive/archive-boundaries.js';
import { archiveDir, archiveFileName, writeArchiveFile } from '../ledger/archive/archive-file.js';
import { planYear } from '../ledger/archive/archive-plan.js';
import { verifyArchiveFile } from '../ledger/archive/archive-verify.js';
import { CalendarTransfers } from './calendar-transfers.js';
import { TabelService } from './tabel-service.js';
import { ADMIN_PIN, adminKit, value } from './testing/admin-kit.js';
import { acknowledgeAll, FIRST_YEAR, ownEventsIn, writeHistory } from './testing/archive-history.js';

/** 3 December 2026, 10:00 in Almaty: 2020 is past the five years kept (2021–2025) and the current year. */
const NOW = '2026-12-03T05:00:00.000Z';

async function kitWithHistory() {
  const kit = adminKit(NOW);
  writeHistory(kit);
  const sessionId = await kit.signIn();
  return { kit, sessionId };
}

function tabelOf(db: BetterSqlite3.Database, month: string) {
  const tabels = new TabelService({ db, zone: () => 300, transfers: new CalendarTransfers(db, new AdminAudit(db)), unexcusedLimit: () => 3, sickDaysWithoutCertificate: () => 3, kindergartenName: () => 'Айгөлек' });
  return tabels.sheet('g2', month, '2026-12-03', 'kk');
}

function tamperRow(path: string, seq: number): void {
  const db = new BetterSqlite3(path);
  try {
    const trigger = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'attendance_events_no_update'").pluck().get();
    db.exec('DROP TRIGGER attendance_events_no_update');
    db.prepare("UPDATE attendance_events SET kind = CASE kind WHEN 'arrival' THEN 'departure' ELSE 'arrival' END WHERE device_seq = ? AND device_id <> 'peer-kiosk'").run(seq);
    if (trigger) db.exec(trigger);
  } finally {
    db.close();
  }
}

describe('archiving a year past the five-year policy', () => {
  it('moves the oldest year into a verified file, once the admin gives the PIN again, and the live chain still verifies', async () => {
    const { kit, sessionId } = await kitWithHistory();
    const before = value(kit.call('adminArchive', { sessionId }));
    expect(before.due.map((d) => d.year)).toEqual([FIRST_YEAR]);
    const due = before.due[0];
    expect(due?.counts).toEqual({ ownEvents: ownEventsIn(kit, FIRST_YEAR), peerEvents: 1, overrideReasons: 1, closingResolutions: 1, absences: 1 });
    expect(due?.unacknowledged).toBe(0);
    const newestBefore = kit.log.newest();
    const tabelBefore = tabelOf(kit.db, '2020-02');

    // A wrong PIN moves nothing.
    expect(value(await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: '9999' }))).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    expect(ownEventsIn(kit, FIRST_YEAR)).toBe(due?.counts.ownEvents);
    // A year not yet due is refused with its code.
    const early = await kit.call('adminArchiveYear', { sessionId, year: 2021, pin: ADMIN_PIN });
    expect(early.ok ? null : early.error.code).toBe('ARCHIVE_YEAR_NOT_DUE');

    const archived = value(await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: ADMIN_PIN }));
    if (archived.outcome !== 'archived') throw new Error(archived.outcome);
    const file = join(archiveDir(kit.dataDir), archiveFileName(FIRST_YEAR));
    expect(archived.year).toMatchObject({ year: FIRST_YEAR, fileName: 'esik-2020.sqlite', firstSeq: 1, lastSeq: due?.counts.ownEvents, staffName: 'Жанна Сейітова' });
    expect(archived.year.check?.verified).toBe(true);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(archived.year.sha256);

    // The live file holds nothing of 2020 any more; the rest is untouched; the act is on record.
    expect(ownEventsIn(kit, FIRST_YEAR)).toBe(0);
    expect(kit.db.prepare('SELECT count(*) FROM absences').pluck().get()).toBe(6);
    expect(kit.db.prepare("SELECT action, staff_id FROM admin_audit WHERE action = 'year-archived'").all()).toEqual([{ action: 'year-archived', staff_id: 'head' }]);
    expect(kit.log.newest()).toEqual(newestBefore);

    // The live chain walks from the boundary: the full check and the start-up walk, even from a stale verified point.
    const full = walkOwnChain(kit.db, kit.deviceId);
    expect(full.chain).toEqual({ intact: true, events: newestBefore?.seq, brokenAtSeq: null });
    expect(full.through).toEqual(newestBefore);
    const staleVerified = { seq: 10, hash: 'f'.repeat(64) };
    const startup = checkChainAtStart({ log: kit.log, anchor: { kind: 'absent' }, verified: staleVerified, cityMismatch: null, createdNow: false, boundary: chainStartOf(kit.db, kit.deviceId) });
    expect(startup.kind === 'checked' && startup.chain.intact).toBe(true);

    // The archive proves itself again from the console, and the year is no longer due.
    expect(value(await kit.call('adminVerifyArchive', { sessionId, year: FIRST_YEAR })).check).toMatchObject({ verified: true, problem: null });
    const after = value(kit.call('adminArchive', { sessionId }));
    expect(after.due).toEqual([]);
    expect(after.archived.map((a) => a.year)).toEqual([FIRST_YEAR]);

    // The archived year's табель comes out of the archive file exactly as it came out of the live file.
    const archive = new BetterSqlite3(file, { readonly: true });
    try {
      expect(tabelOf(archive, '2020-02')).toEqual(tabelBefore);
      expect(tabelBefore?.rows.flatMap((r) => r.marks).filter((m) => m === 'present').length).toBeGreaterThan(30);
      expect(tabelBefore?.rows.flatMap((r) => r.marks)).toContain('sick');
    } finally {
      archive.close();
    }
  });

  it('finds a changed row in the live chain after the boundary and in the archive file', async () => {
    const { kit, sessionId } = await kitWithHistory();
    const archived = value(await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: ADMIN_PIN }));
    if (archived.outcome !== 'archived') throw new Error(archived.outcome);
    const { lastSeq } = archived.year;

    tamperRow(join(kit.dataDir, 'esik.sqlite'), lastSeq + 7);
    expect(walkOwnChain(kit.db, kit.deviceId).chain).toMatchObject({ intact: false, brokenAtSeq: lastSeq + 7 });

    const file = join(archiveDir(kit.dataDir), archived.year.fileName);
    tamperRow(file, 11);
    expect(value(await kit.call('adminVerifyArchive', { sessionId, year: FIRST_YEAR })).check).toMatchObject({ verified: false });
    // Not only the file's hash: the chain segment itself shows where.
    const boundary = { deviceId: kit.deviceId, firstSeq: 1, lastSeq, startHash: '0'.repeat(64), headHash: '', sha256: null };
    const headHash = new BetterSqlite3(file, { readonly: true });
    try {
      boundary.headHash = headHash.prepare<[number], string>('SELECT hash FROM attendance_events WHERE device_seq = ?').pluck().get(lastSeq) ?? '';
    } finally {
      headHash.close();
    }
    expect(await verifyArchiveFile(file, boundary, { nativeBinding: null, workerScript: null })).toEqual({ verified: false, problem: 'event chain broken at seq 11' });
  });

  it('refuses a year with records the city has not acknowledged, and writes nothing', async () => {
    const { kit, sessionId } = await kitWithHistory();
    kit.db.prepare("UPDATE sync_outbox SET state = 'pending', sent_ms = NULL WHERE seq = (SELECT min(seq) FROM sync_outbox)").run();
    expect(value(kit.call('adminArchive', { sessionId })).due[0]?.unacknowledged).toBe(1);
    const refused = await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: ADMIN_PIN });
    expect(refused.ok ? null : refused.error.code).toBe('ARCHIVE_NOT_ACKNOWLEDGED');
    expect(existsSync(archiveDir(kit.dataDir))).toBe(false);
    expect(ownEventsIn(kit, FIRST_YEAR)).toBeGreaterThan(0);
    acknowledgeAll(kit);
    expect(value(await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: ADMIN_PIN })).outcome).toBe('archived');
  });

  it('after a crash between the written file and the move, every row is still live and archiving again succeeds', async () => {
    const { kit, sessionId } = await kitWithHistory();
    const planned = planYear(kit.db, kit.deviceId, FIRST_YEAR, '2026-12-03');
    if (!planned.ok) throw new Error(planned.code);
    // The file written, flushed and renamed into place: the power goes before the transaction that moves the rows.
    const partial = await writeArchiveFile({ databasePath: join(kit.dataDir, 'esik.sqlite'), dataDir: kit.dataDir, nativeBinding: null, plan: planned.plan });
    renameSync(partial, join(archiveDir(kit.dataDir), archiveFileName(FIRST_YEAR)));
    const count = ownEventsIn(kit, FIRST_YEAR);

    // The next start: the file named by no boundary changes nothing; the chain verifies from its first event.
    const reopened = openDatabase(join(kit.dataDir, 'esik.sqlite'));
    try {
      expect(chainStartOf(reopened, kit.deviceId)).toBeNull();
      const log = new AttendanceLog(reopened, kit.deviceId);
      const startup = checkChainAtStart({ log, anchor: { kind: 'absent' }, verified: new ChainVerifiedStore(reopened).get(kit.deviceId), cityMismatch: null, createdNow: false, boundary: null });
      expect(startup.kind === 'checked' && startup.chain.intact).toBe(true);
    } finally {
      reopened.close();
    }
    expect(ownEventsIn(kit, FIRST_YEAR)).toBe(count);
    expect(value(kit.call('adminArchive', { sessionId })).due.map((d) => d.year)).toEqual([FIRST_YEAR]);
    const again = value(await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: ADMIN_PIN }));
    expect(again.outcome === 'archived' && again.year.check?.verified).toBe(true);
    expect(ownEventsIn(kit, FIRST_YEAR)).toBe(0);
  });

  it('lets only the rows below a recorded boundary be deleted', async () => {
    const { kit, sessionId } = await kitWithHistory();
    const deleteOwn = (year: number) => () => kit.db.prepare("DELETE FROM attendance_events WHERE device_id = ? AND local_date LIKE ? || '%'").run(kit.deviceId, String(year));
    expect(deleteOwn(FIRST_YEAR)).toThrow(/append-only/);
    expect(() => kit.db.prepare("DELETE FROM absences WHERE id = 'absence-2020'").run()).toThrow(/append-only/);
    value(await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: ADMIN_PIN }));
    expect(deleteOwn(2021)).toThrow(/append-only/);
    expect(() => kit.db.prepare("DELETE FROM absences WHERE id = 'absence-2021'").run()).toThrow(/append-only/);
    expect(() => kit.db.prepare('DELETE FROM archive_boundaries').run()).toThrow(/append-only/);
    expect(() => kit.db.prepare("UPDATE archive_boundaries SET head_hash = ?").run('0'.repeat(64))).toThrow(/append-only/);
  });
});
