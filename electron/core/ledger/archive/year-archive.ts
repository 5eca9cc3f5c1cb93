// The yearly archive as the admin console drives it: which years the five-year policy makes due, the archived years
// with their last proof, and archiving one year — plan, write the file in bounded steps, prove it, flush and rename it,
// then the one transaction that moves the rows (archive-commit.ts). One year at a time; nothing runs without an admin.
import type { Database } from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../../shared/api/result.js';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import { syncFolder } from '../../files/atomic-write.js';
import type { AdminAudit } from '../admin-audit.js';
import { chainStartOf, listBoundaries, type ArchiveBoundary, type ArchiveCounts } from './archive-boundaries.js';
import { commitArchive } from './archive-commit.js';
import { archiveDir, archiveFileName, writeArchiveFile, type WriteProgress } from './archive-file.js';
import { countYear, dueYears, KEEP_YEARS, planYear, unacknowledgedIn, yearEnd } from './archive-plan.js';
import { GENESIS_HASH } from '../event-chain.js';
import { verifyArchiveFile, type ArchiveVerdict } from './archive-verify.js';

export interface YearArchiveOptions {
  db: Database;
  audit: AdminAudit;
  databasePath: string;
  dataDir: string;
  deviceId: string;
  nativeBinding: string | null;
  /** The full check's worker (dist/chain-audit-worker.mjs) proves a file off the door's thread; null: this thread. */
  workerScript: string | URL | null;
  log: (line: string) => void;
}

export interface DueYear {
  year: number;
  counts: ArchiveCounts;
  /** Records of the year the city has not acknowledged: while any are left the year cannot be archived. */
  unacknowledged: number;
  /** About how much of the live file the year takes (its share of the events). */
  estimatedBytes: number;
}

export interface ArchivedYear {
  boundary: ArchiveBoundary;
  /** The newest proof of the file since the kiosk started; null: not checked since. */
  check: { atMs: number; verified: boolean; problem: string | null } | null;
}

export interface ArchiveOverview {
  keepYears: number;
  due: DueYear[];
  archived: ArchivedYear[];
  running: { year: number; step: 'writing' | 'verifying' | 'moving'; copied: number; total: number } | null;
}

export class YearArchive {
  private running: ArchiveOverview['running'] = null;
  private readonly checks = new Map<number, NonNullable<ArchivedYear['check']>>();
  private stopped = false;

  constructor(private readonly options: YearArchiveOptions) {}

  stop(): void {
    this.stopped = true;
  }

  /** The years due on `today` (a local date) with what each holds, and the archived years. */
  overview(today: string): ArchiveOverview {
    const { db, deviceId } = this.options;
    const totalEvents = db.prepare<[], number>('SELECT count(*) FROM attendance_events').pluck().get() ?? 0;
    const fileBytes = statSync(this.options.databasePath).size;
    const start = chainStartOf(db, deviceId) ?? { seq: 0, hash: GENESIS_HASH };
    const due = dueYears(db, today).map((year): DueYear => {
      const lastSeq = db.prepare<[string, string], number | null>('SELECT max(device_seq) FROM attendance_events WHERE device_id = ? AND local_date <= ?').pluck().get(deviceId, yearEnd(year)) ?? start.seq;
      const counts = countYear(db, deviceId, year, start.seq + 1, lastSeq);
      const events = counts.ownEvents + counts.peerEvents;
      return { year, counts, unacknowledged: unacknowledgedIn(db, year), estimatedBytes: totalEvents === 0 ? 0 : Math.round((fileBytes * events) / totalEvents) };
    });
    const archived = listBoundaries(db).map((boundary) => ({ boundary, check: this.checks.get(boundary.year) ?? null }));
    return { keepYears: KEEP_YEARS, due, archived, running: this.running };
  }

  /** Archives `year` for the admin `staffId` (whose PIN the caller has checked again). */
  async archive(year: number, staffId: string, at: LocalTime): Promise<Result<ArchivedYear>> {
    if (this.running) return fail('ARCHIVE_RUNNING', `${this.running.year} is being archived`);
    const { db, deviceId, dataDir } = this.options;
    const planned = planYear(db, deviceId, year, at.localDate);
    if (!planned.ok) return fail(planned.code, planned.detail);
    const { plan } = planned;
    this.running = { year, step: 'writing', copied: 0, total: plan.counts.ownEvents + plan.counts.peerEvents };
    const started = performance.now();
    try {
      const partial = await writeArchiveFile({
        databasePath: this.options.databasePath,
        dataDir,
        nativeBinding: this.options.nativeBinding,
        plan,
        progress: (p: WriteProgress) => {
          if (this.running) this.running = { ...this.running, copied: p.copied, total: p.total };
        },
        stopped: () => this.stopped,
      });
      this.running = { ...this.running, step: 'verifying' };
      const headHash = db.prepare<[string, number], string>('SELECT hash FROM attendance_events WHERE device_id = ? AND device_seq = ?').pluck().get(deviceId, plan.lastSeq) ?? plan.startHash;
      const verdict = await verifyArchiveFile(partial, { ...plan, headHash, sha256: null }, this.options);
      if (!verdict.verified) {
        rmSync(partial, { force: true });
        return fail('ARCHIVE_FAILED', `the archive file of ${year} failed its check: ${verdict.problem}`);
      }
      const name = archiveFileName(year);
      const final = join(archiveDir(dataDir), name);
      renameSync(partial, final);
      syncFolder(archiveDir(dataDir));
      if (this.stopped) return fail('ARCHIVE_FAILED', 'stopped: the kiosk closed');
      this.running = { ...this.running, step: 'moving' };
      const committed = commitArchive({ db, audit: this.options.audit, plan, file: { name, sha256: verdict.sha256, bytes: statSync(final).size }, staffId, today: at.localDate, at });
      if (!committed.ok) return fail(committed.code, committed.detail);
      const check = { atMs: at.ms, verified: true, problem: null };
      this.checks.set(year, check);
      this.options.log(`[archive] ${year} moved to ${name}: ${JSON.stringify(plan.counts)} in ${Math.round(performance.now() - started)} ms`);
      return ok({ boundary: committed.boundary, check });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.options.log(`[archive] ${year} could not be archived: ${detail}`);
      return fail('ARCHIVE_FAILED', detail);
    } finally {
      this.running = null;
    }
  }

  /** Proves an archived year's file again: integrity, its chain segment against the boundary, its sha256. */
  async verify(year: number, nowMs: number): Promise<Result<ArchivedYear>> {
    const boundary = listBoundaries(this.options.db).find((b) => b.year === year);
    if (!boundary) return fail('ARCHIVE_UNKNOWN_YEAR', `${year} has not been archived`);
    const verdict: ArchiveVerdict = await verifyArchiveFile(join(archiveDir(this.options.dataDir), boundary.fileName), boundary, this.options);
    const check = { atMs: nowMs, verified: verdict.verified, problem: verdict.verified ? null : verdict.problem };
    this.checks.set(year, check);
    if (!verdict.verified) this.options.log(`[archive] ${boundary.fileName} failed its check: ${verdict.problem}`);
    return ok({ boundary, check });
  }
}
